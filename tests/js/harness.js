// harness.js: a tiny TAP test harness for the GJS suite.
//
// test(name, fn) registers a test; run() executes them in order, prints TAP
// and exits with status 1 when any of them failed. Set AFF_JS_TEST to a
// substring of test names to run only those.

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Aff from 'gi://Aff?version=1';
import System from 'system';

const tests = [];

export function test(name, fn) {
    tests.push({name, fn});
}

export class AssertionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AssertionError';
    }
}

function describe(value) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(describe).join(', ')}]`;
    if (value === null || value === undefined || typeof value !== 'object')
        return String(value);
    try {
        return JSON.stringify(value);
    } catch {
        return String(value);
    }
}

function deepEqual(a, b) {
    if (Object.is(a, b))
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (a && b && typeof a === 'object' && typeof b === 'object' &&
        Object.getPrototypeOf(a) === Object.prototype &&
        Object.getPrototypeOf(b) === Object.prototype) {
        const ka = Object.keys(a).sort();
        const kb = Object.keys(b).sort();
        return deepEqual(ka, kb) && ka.every(k => deepEqual(a[k], b[k]));
    }
    return false;
}

export function fail(message) {
    throw new AssertionError(message);
}

// Deep equality for numbers, strings, booleans, null, arrays and plain objects.
export function assertEqual(actual, expected, message = '') {
    if (!deepEqual(actual, expected))
        fail(`${message ? `${message}: ` : ''}expected ${describe(expected)}, got ${describe(actual)}`);
}

export function assertTrue(value, message = 'expected true') {
    if (value !== true)
        fail(`${message} (got ${describe(value)})`);
}

export function assertFalse(value, message = 'expected false') {
    if (value !== false)
        fail(`${message} (got ${describe(value)})`);
}

export function assertClose(actual, expected, tolerance = 1e-9, message = '') {
    if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance))
        fail(`${message ? `${message}: ` : ''}expected ${expected} ± ${tolerance}, got ${describe(actual)}`);
}

function codeName(code) {
    for (const [name, value] of Object.entries(Aff.Error)) {
        if (value === code)
            return `Aff.Error.${name}`;
    }
    return String(code);
}

// Calls fn and checks that it throws a GLib.Error in the Aff error domain
// with the given code. When `pattern` (a RegExp or a string) is given, the
// error message must match / contain it. Returns the error.
export function assertThrows(fn, code, pattern = null) {
    let error = null;
    try {
        fn();
    } catch (e) {
        error = e;
    }
    if (error === null)
        fail(`expected ${codeName(code)}, but nothing was thrown`);
    if (!(error instanceof GLib.Error)) {
        fail(`expected ${codeName(code)}, got a non-GLib error: ${error}` +
             `${error && error.stack ? `\n${error.stack}` : ''}`);
    }
    if (!error.matches(Aff.error_quark(), code)) {
        const got = error.domain === Aff.error_quark()
            ? codeName(error.code)
            : `${GLib.quark_to_string(error.domain)} ${error.code}`;
        fail(`expected ${codeName(code)}, got ${got}: ${error.message}`);
    }
    if (pattern !== null) {
        const ok = pattern instanceof RegExp
            ? pattern.test(error.message) : error.message.includes(pattern);
        if (!ok)
            fail(`${codeName(code)} message ${describe(error.message)} does not match ${pattern}`);
    }
    return error;
}

// GLib.Date from a year, month (1-12) and day.
export function date(year, month, day) {
    return GLib.Date.new_dmy(day, month, year);
}

// "YYYY-MM-DD" for a GLib.Date (null for null).
export function iso(d) {
    if (d === null || d === undefined)
        return null;
    const pad = n => String(n).padStart(2, '0');
    return `${d.get_year()}-${pad(d.get_month())}-${pad(d.get_day())}`;
}

// The items of a Gio.ListModel as a JS array.
export function items(model) {
    const out = [];
    const n = model.get_n_items();
    for (let i = 0; i < n; i++)
        out.push(model.get_item(i));
    return out;
}

// Runs `start(done)` inside a GLib main loop until `done(value)` or
// `done(undefined, error)` is called; returns the value or rethrows the error.
export function runAsync(start, timeoutSeconds = 30) {
    const loop = GLib.MainLoop.new(null, false);
    let result, error = null, finished = false;
    const done = (value, err = null) => {
        if (finished)
            return;
        result = value;
        error = err;
        finished = true;
        loop.quit();
    };
    const timeout = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, timeoutSeconds, () => {
        done(undefined, new AssertionError('asynchronous operation timed out'));
        return GLib.SOURCE_REMOVE;
    });
    GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
        try {
            start(done);
        } catch (e) {
            done(undefined, e);
        }
        return GLib.SOURCE_REMOVE;
    });
    loop.run();
    if (error === null)
        GLib.source_remove(timeout);
    if (error !== null)
        throw error;
    return result;
}

// A fresh temporary directory (GLib.dir_make_tmp); removeTree() deletes it.
export function makeTempDir() {
    return GLib.dir_make_tmp('libaffaires-js-XXXXXX');
}

export function removeTree(path) {
    const dir = Gio.File.new_for_path(path);
    const children = dir.enumerate_children('standard::name',
        Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
    let info;
    while ((info = children.next_file(null)) !== null)
        dir.get_child(info.get_name()).delete(null);
    children.close(null);
    dir.delete(null);
}

export function run() {
    const only = GLib.getenv('AFF_JS_TEST');
    const selected = only ? tests.filter(t => t.name.includes(only)) : tests;
    print(`1..${selected.length}`);
    let failures = 0;
    selected.forEach((t, i) => {
        try {
            t.fn();
            print(`ok ${i + 1} - ${t.name}`);
        } catch (e) {
            failures++;
            print(`not ok ${i + 1} - ${t.name}`);
            let text;
            if (e instanceof GLib.Error)
                text = `unexpected GLib.Error (${GLib.quark_to_string(e.domain)} ${e.code}): ${e.message}`;
            else
                text = `${e}`;
            if (e && e.stack) {
                const frames = e.stack.split('\n').filter(l => l.trim() !== '');
                // For assertion failures the useful frames are the test's, not the helpers'.
                text += `\n${(e instanceof AssertionError
                    ? frames.filter(l => !l.includes('harness.js')).slice(0, 2) : frames).join('\n')}`;
            }
            for (const line of text.split('\n')) {
                if (line.trim() !== '')
                    print(`# ${line}`);
            }
        }
    });
    if (failures > 0) {
        printerr(`# ${failures} of ${selected.length} test(s) failed`);
        System.exit(1);
    }
}
