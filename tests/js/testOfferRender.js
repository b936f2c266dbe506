// testOfferRender.js: Aff.OfferRevision.render and the policy's presentation
// standards from JavaScript, against the same golden files as the C test
// (tests/c/test-offer-render.c explains, figure by figure, the hand pricing
// of data/offer-story.json behind them).

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {test, run, assertEqual, assertTrue, assertThrows} from './harness.js';

const data = GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'data']);

function golden(name) {
    const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([data, 'golden', name]));
    return new TextDecoder().decode(bytes);
}

function story() {
    return Aff.Portfolio.new_from_file(GLib.build_filenamev([data, 'offer-story.json']));
}

function current(p) {
    return p.lookup_offer('OF-2026-014').get_current_revision();
}

test('golden files', () => {
    const p = story();
    assertEqual(current(p).render(Aff.DocumentFormat.MARKDOWN), golden('offer-fr.md'));
    assertEqual(current(p).render(Aff.DocumentFormat.HTML), golden('offer-fr.html'));
    p.get_policy().set_language('en');
    assertEqual(current(p).render(Aff.DocumentFormat.MARKDOWN), golden('offer-en.md'));
});

test('price table: selling amounts only, adding up to the total', () => {
    const p = story();
    const md = current(p).render(Aff.DocumentFormat.MARKDOWN);
    // 3 322,14 + 843,31 + 1 379,97 + 210,83 = 5 756,25 (by hand)
    for (const amount of ['3\u202f322,14', '843,31', '1\u202f379,97', '210,83', '**5\u202f756,25'])
        assertTrue(md.includes(amount), amount);
    assertTrue(!md.includes('755,00'), 'overheads must not show');
});

test('draft revision and escaping', () => {
    const p = story();
    p.lookup_client('acme').set_name('A*B <Fils>');
    const b = p.lookup_offer('OF-2026-014').revise();
    const md = b.render(Aff.DocumentFormat.MARKDOWN);
    assertTrue(md.includes('Projet : révision non envoyée'));
    assertTrue(md.includes('A\\*B \\<Fils\\>'));
    assertTrue(b.render(Aff.DocumentFormat.HTML).includes('A*B &lt;Fils&gt;'));
});

test('errors', () => {
    const p = story();
    const loose = Aff.OfferRevision.new('A', p.get_policy());
    assertThrows(() => loose.render(Aff.DocumentFormat.HTML), Aff.Error.NOT_ASSESSABLE);
    p.get_policy().set_presentation('company-name', null);
    assertThrows(() => current(p).render(Aff.DocumentFormat.HTML), Aff.Error.INVALID_VALUE, /OF-2026-014/);
    assertThrows(() => p.get_policy().set_presentation('logo', 'x'), Aff.Error.INVALID_VALUE);
});

test('presentation round trip', () => {
    const p = story();
    const [text] = p.to_data();
    const q = Aff.Portfolio.new_from_data(text, -1);
    for (const key of Aff.Policy.list_presentation_keys())
        assertEqual(q.get_policy().get_presentation(key), p.get_policy().get_presentation(key));
    assertEqual(q.get_policy().get_presentation('signatory-name'), 'Claire Martin');
});

run();
