#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks docs/portfolio.schema.json, the example document of docs/format.md
and the hostile-input corpus against the rules of docs/format.md, with code
of its own (hashlib, jsonschema), independent of the library.

If AFF_SAVED_DOCUMENTS names a folder, every *.json in it (documents saved by
the library's tests) is checked the same way as the example."""

import copy
import glob
import hashlib
import json
import os
import re
import unittest

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.normpath(os.path.join(HERE, "..", "..", "docs"))
HOSTILE = os.path.normpath(os.path.join(HERE, "..", "data", "hostile"))
SCHEMA_PATH = os.path.join(DOCS, "portfolio.schema.json")
EXAMPLE_PATH = os.path.join(DOCS, "examples", "portfolio-example.json")
FORMAT_MD_PATH = os.path.join(DOCS, "format.md")

ZERO_HASH = "0" * 64
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1


def _strict_integer(checker, instance):
    # format.md: "1.0" is not an integer, and JSON true is not 1.
    return isinstance(instance, int) and not isinstance(instance, bool)


Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _strict_integer))


def _no_duplicates(pairs):
    names = [name for name, _ in pairs]
    if len(names) != len(set(names)):
        raise ValueError("duplicate member name")
    return dict(pairs)


def _no_constant(name):
    raise ValueError("%s is not JSON" % name)


def load_json(path):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("%s: byte-order mark" % path)
    return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)


def canonical(value):
    """Canonical JSON as defined in docs/format.md, section 8."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return "%d" % value
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = re.sub("[\x00-\x1f]", lambda m: "\\u%04x" % ord(m.group()), escaped)
        return '"' + escaped + '"'
    if isinstance(value, list):
        return "[%s]" % ",".join(canonical(item) for item in value)
    if isinstance(value, dict):
        members = sorted(value.items(), key=lambda item: item[0].encode("utf-8"))
        return "{%s}" % ",".join(canonical(k) + ":" + canonical(v) for k, v in members)
    raise TypeError("%r has no canonical form (fractional numbers are not allowed)" % (value,))


def entry_hash(hash_format, entry):
    text = entry["previous"] + "\n" + canonical([
        hash_format, entry["sequence"], entry["time"], entry["actor"], entry["kind"],
        entry["id"], entry["action"], entry["details"]])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def siren_is_valid(siren):
    if not re.fullmatch("[0-9]{9}", siren):
        return False
    total = 0
    for position, char in enumerate(reversed(siren)):
        digit = int(char)
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def document_problems(doc):
    """The rules of docs/format.md that the schema cannot express, and the
    journal chain as aff_journal_verify() checks it."""
    problems = []
    clients = doc.get("clients", [])
    by_id = {}
    interaction_ids = set()
    for i, client in enumerate(clients):
        where = "$.clients[%d]" % i
        if len(client["id"].encode("utf-8")) > 64:
            problems.append(where + ".id: longer than 64 bytes")
        if client["id"] in by_id:
            problems.append(where + ".id: duplicate")
        by_id[client["id"]] = client
        if "siren" in client and not siren_is_valid(client["siren"]):
            problems.append(where + ".siren: bad check digit")
        history = client.get("status_history", [])
        for j, change in enumerate(history):
            if j > 0 and change["date"] < history[j - 1]["date"]:
                problems.append("%s.status_history[%d].date: out of order" % (where, j))
            if j > 0 and change["from"] != history[j - 1]["to"]:
                problems.append("%s.status_history[%d].from: not the previous to" % (where, j))
        if history and history[-1]["to"] != client["status"]:
            problems.append(where + ".status: not the last change's to")
        names = []
        for j, contact in enumerate(client.get("contacts", [])):
            if contact["name"] in names:
                problems.append("%s.contacts[%d].name: duplicate" % (where, j))
            names.append(contact["name"])
        interactions = client.get("interactions", [])
        for j, interaction in enumerate(interactions):
            if j > 0 and interaction["date"] < interactions[j - 1]["date"]:
                problems.append("%s.interactions[%d].date: out of order" % (where, j))
            if "contact" in interaction and interaction["contact"] not in names:
                problems.append("%s.interactions[%d].contact: unknown contact" % (where, j))
            if interaction["id"] in interaction_ids:
                problems.append("%s.interactions[%d].id: duplicate" % (where, j))
            interaction_ids.add(interaction["id"])
    for i, client in enumerate(clients):
        seen = set()
        current = client
        while "parent_id" in current:
            if current["parent_id"] not in by_id:
                problems.append("$.clients[%d].parent_id: no such client" % i)
                break
            if current["id"] in seen:
                problems.append("$.clients[%d].parent_id: cycle" % i)
                break
            seen.add(current["id"])
            current = by_id[current["parent_id"]]
    policy = doc.get("policy", {})
    currency = policy.get("currency", "EUR")
    for skill, rate in policy.get("labour_rates", {}).items():
        if not rate.endswith(" " + currency):
            problems.append("$.policy.labour_rates[%r]: not in %s" % (skill, currency))
    if policy.get("review_threshold", 50) > policy.get("bid_threshold", 70):
        problems.append("$.policy.review_threshold: above bid_threshold")
    journal = doc.get("journal", {"hash_format": 1, "entries": []})
    previous = ZERO_HASH
    for i, entry in enumerate(journal["entries"]):
        where = "$.journal.entries[%d]" % i
        if entry["sequence"] != i + 1:
            problems.append(where + ".sequence: not consecutive")
        if entry["previous"] != previous:
            problems.append(where + ".previous: does not chain")
        if entry_hash(journal["hash_format"], entry) != entry["hash"]:
            problems.append(where + ".hash: does not match the entry")
        previous = entry["hash"]
    return problems


def example_in_format_md():
    with open(FORMAT_MD_PATH, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"<!-- example:begin -->\n```json\n(.*?)```\n<!-- example:end -->", text, re.S)
    return match.group(1) if match else None


class SchemaTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load_json(SCHEMA_PATH)
        cls.validator = Validator(cls.schema)
        cls.example = load_json(EXAMPLE_PATH)

    def assertValid(self, doc, what):
        errors = sorted(self.validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        self.assertEqual([], ["%s: %s: %s" % (what, "/".join(map(str, e.absolute_path)), e.message)
                              for e in errors])

    def assertInvalid(self, doc):
        self.assertFalse(self.validator.is_valid(doc), "the schema accepts an invalid document")


class TestSchema(SchemaTestCase):
    def test_schema_is_a_valid_schema(self):
        jsonschema.Draft202012Validator.check_schema(self.schema)

    def test_example_validates(self):
        self.assertValid(self.example, "example")

    def test_example_follows_loader_rules(self):
        self.assertEqual([], document_problems(self.example))

    def test_example_covers_the_format(self):
        clients = self.example["clients"]
        self.assertEqual(2, len(clients))
        self.assertEqual(clients[0]["id"], clients[1]["parent_id"])
        interactions = [i for c in clients for i in c.get("interactions", [])]
        self.assertEqual(3, len(interactions))
        self.assertIn("survey", [i["kind"] for i in interactions])
        self.assertEqual(1, sum(len(c.get("status_history", [])) for c in clients))
        actions = {e["action"] for e in self.example["journal"]["entries"]}
        self.assertLessEqual({"added", "contact-added", "interaction-recorded", "status-changed"}, actions)

    def test_format_md_embeds_the_example(self):
        with open(EXAMPLE_PATH, encoding="utf-8") as f:
            example_text = f.read()
        self.assertEqual(example_text, example_in_format_md())

    def test_journal_hashes(self):
        journal = self.example["journal"]
        self.assertEqual(1, journal["hash_format"])
        previous = ZERO_HASH
        for index, entry in enumerate(journal["entries"]):
            with self.subTest(sequence=entry["sequence"]):
                self.assertEqual(index + 1, entry["sequence"])
                self.assertEqual(previous, entry["previous"])
                self.assertEqual(entry_hash(1, entry), entry["hash"])
            previous = entry["hash"]

    def test_worked_hash_in_format_md(self):
        with open(FORMAT_MD_PATH, encoding="utf-8") as f:
            text = f.read()
        match = re.search(r"<!-- worked-hash:begin -->\n```text\n(.*?)\n```\n.*?```text\n([0-9a-f]{64})\n```",
                          text, re.S)
        self.assertIsNotNone(match)
        first = self.example["journal"]["entries"][0]
        self.assertEqual(hashlib.sha256(match.group(1).encode("utf-8")).hexdigest(), match.group(2))
        self.assertEqual(first["hash"], match.group(2))

    def test_a_tampered_entry_breaks_the_chain(self):
        doc = copy.deepcopy(self.example)
        doc["journal"]["entries"][2]["details"]["rate"] = "5.00 EUR"
        self.assertEqual(["$.journal.entries[2].hash: does not match the entry"], document_problems(doc))

    def test_canonical_json(self):
        # Written by hand from the rule of format.md, section 8.
        self.assertEqual('[1,-2,"a\\"b\\\\c\\u000a\\u001f\x7f/é€",{"B":null,"a":[true,false],"é":{}}]',
                         canonical([1, -2, 'a"b\\c\n\x1f\x7f/é€', {"é": {}, "a": [True, False], "B": None}]))
        self.assertEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                         hashlib.sha256(b"").hexdigest())

    def test_sirens(self):
        for siren in ("732829320", "542107651", "443061841"):
            self.assertTrue(siren_is_valid(siren), siren)
        for siren in ("732829321", "12345678", "73282932A"):
            self.assertFalse(siren_is_valid(siren), siren)


class TestPatterns(SchemaTestCase):
    def check(self, definition, good, bad):
        validator = Validator({"$ref": "#/$defs/" + definition, "$defs": self.schema["$defs"]})
        for value in good:
            self.assertTrue(validator.is_valid(value), "%s refused %r" % (definition, value))
        for value in bad:
            self.assertFalse(validator.is_valid(value), "%s accepted %r" % (definition, value))

    def test_dates(self):
        self.check("date",
                   ["2026-01-14", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-04-30"],
                   ["2026-02-30", "2100-02-29", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                    "0000-01-01", "0000-02-29", "2026-1-5", "14/01/2026", "2026-01-14T00:00:00Z",
                    " 2026-01-14", "2026-01-14\n", 20260114])

    def test_timestamps(self):
        self.check("timestamp",
                   ["2026-01-10T09:00:00Z", "2026-01-10T09:00:00.500000Z", "2024-02-29T23:59:59.000001Z"],
                   ["2026-01-10T09:00:00+00:00", "2026-01-10T09:00Z", "2026-01-10T09:00:00.000000Z",
                    "2026-01-10T09:00:00.5Z", "2026-01-10 09:00:00Z", "2026-01-10T24:00:00Z",
                    "2026-02-30T09:00:00Z", "2026-01-10t09:00:00z"])

    def test_identifiers(self):
        self.check("identifier",
                   ["gfl", "fonderie-hayange", "C-0001", "é" * 32, "x" * 64],
                   ["", "a b", "a\tb", "a\u00a0b", "a\u2028b", "a\x7fb", "a\x85b", "x" * 65, 12])


def variant(base, change):
    doc = copy.deepcopy(base)
    change(doc)
    return doc


def _set(path, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _delete(path):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


INVALID_VARIANTS = {
    "unknown top-level member": _set(["offers"], []),
    "unknown client member": _set(["clients", 0, "colour"], "blue"),
    "unknown contact member": _set(["clients", 0, "contacts", 0, "fax"], "03 87 00 00 00"),
    "unknown policy member": _set(["policy", "vat_rate"], 2000),
    "wrong format": _set(["format"], "libaffaires"),
    "missing format": _delete(["format"]),
    "version as string": _set(["version"], "1"),
    "version 2": _set(["version"], 2),
    "version 1.0": _set(["version"], 1.0),
    "missing client id": _delete(["clients", 0, "id"]),
    "empty client id": _set(["clients", 0, "id"], ""),
    "client id with a space": _set(["clients", 0, "id"], "gfl metz"),
    "client id of 65 characters": _set(["clients", 0, "id"], "x" * 65),
    "empty client name": _set(["clients", 0, "name"], ""),
    "name as number": _set(["clients", 0, "name"], 42),
    "siren of 8 digits": _set(["clients", 0, "siren"], "54210765"),
    "siren with a letter": _set(["clients", 0, "siren"], "54210765A"),
    "siren as number": _set(["clients", 0, "siren"], 542107651),
    "sector malformed": _set(["clients", 0, "sector"], "2451Z"),
    "unknown status": _set(["clients", 0, "status"], "former"),
    "status change to the same status": _set(["clients", 1, "status_history", 0, "to"], "prospect"),
    "bad date pattern": _set(["clients", 0, "interactions", 0, "date"], "14/01/2026"),
    "impossible date": _set(["clients", 0, "interactions", 0, "date"], "2026-02-30"),
    "unknown interaction kind": _set(["clients", 0, "interactions", 0, "kind"], "fax"),
    "satisfaction 11": _set(["clients", 1, "interactions", 1, "satisfaction"], 11),
    "satisfaction -1": _set(["clients", 1, "interactions", 1, "satisfaction"], -1),
    "negative follow_up_days": _set(["clients", 1, "follow_up_days"], -5),
    "negative policy follow_up_days": _set(["policy", "follow_up_days", "active"], -1),
    "unknown follow_up_days status": _set(["policy", "follow_up_days", "lost"], 365),
    "email without at sign": _set(["clients", 0, "contacts", 0, "email"], "h.kieffer.gfl.example"),
    "contact without name": _delete(["clients", 0, "contacts", 0, "name"]),
    "bid threshold 101": _set(["policy", "bid_threshold"], 101),
    "margin rate beyond 10000": _set(["policy", "target_margin_rate"], 10001),
    "retention rate negative": _set(["policy", "retention_rate"], -1),
    "lowercase currency": _set(["policy", "currency"], "eur"),
    "labour rate with a comma": _set(["policy", "labour_rates", "welder"], "65,50 EUR"),
    "labour rate in another currency": _set(["policy", "labour_rates", "welder"], "65.50 USD"),
    "labour rate with three decimals in EUR": _set(["policy", "labour_rates", "welder"], "65.500 EUR"),
    "negative labour rate": _set(["policy", "labour_rates", "welder"], "-65.50 EUR"),
    "hash of 63 digits": _set(["journal", "entries", 0, "hash"], "a" * 63),
    "hash in uppercase": _set(["journal", "entries", 0, "hash"], "A" * 64),
    "previous not hex": _set(["journal", "entries", 1, "previous"], "z" * 64),
    "sequence 0": _set(["journal", "entries", 0, "sequence"], 0),
    "time with an offset": _set(["journal", "entries", 0, "time"], "2026-01-05T09:00:00+01:00"),
    "fractional number in details": _set(["journal", "entries", 0, "details", "value"], 1.5),
    "details not an object": _set(["journal", "entries", 0, "details"], []),
    "hash_format 2": _set(["journal", "hash_format"], 2),
    "missing journal entries": _delete(["journal", "entries"]),
    "clients not an array": _set(["clients"], {}),
    "client not an object": _set(["clients", 0], "gfl"),
}


class TestInvalidVariants(SchemaTestCase):
    def test_variants_are_refused(self):
        for name, change in INVALID_VARIANTS.items():
            with self.subTest(variant=name):
                self.assertInvalid(variant(self.example, change))

    def test_minimal_document_is_valid(self):
        self.assertValid({"format": "libaffaires-portfolio", "version": 1}, "minimal document")

    def test_labour_rates_in_jpy(self):
        doc = variant(self.example, _set(["policy", "currency"], "JPY"))
        doc["policy"]["labour_rates"] = {"welder": "8000 JPY"}
        self.assertValid(doc, "JPY policy")
        doc["policy"]["labour_rates"] = {"welder": "8000.5 JPY"}
        self.assertInvalid(doc)
        doc["policy"]["labour_rates"] = {"welder": "65.50 EUR"}
        self.assertInvalid(doc)


class TestHostileCorpus(unittest.TestCase):
    def test_expected_lists_every_file(self):
        with open(os.path.join(HOSTILE, "EXPECTED"), encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()]
        listed = []
        for line in lines:
            fields = line.split("\t")
            with self.subTest(line=line):
                self.assertEqual(3, len(fields))
                self.assertIn(fields[1], ("invalid-document", "unsupported-version"))
                self.assertTrue(fields[2])
                self.assertTrue(os.path.isfile(os.path.join(HOSTILE, fields[0])))
            listed.append(fields[0])
        self.assertEqual(len(listed), len(set(listed)))
        present = sorted(name for name in os.listdir(HOSTILE) if name != "EXPECTED")
        self.assertEqual(present, sorted(listed))
        self.assertGreaterEqual(len(listed), 30)


class TestSavedDocuments(SchemaTestCase):
    def test_saved_documents(self):
        folder = os.environ.get("AFF_SAVED_DOCUMENTS")
        if not folder or not os.path.isdir(folder):
            self.skipTest("AFF_SAVED_DOCUMENTS does not name a folder")
        paths = sorted(glob.glob(os.path.join(folder, "*.json")))
        if not paths:
            self.skipTest("no *.json in %s" % folder)
        for path in paths:
            with self.subTest(document=os.path.basename(path)):
                doc = load_json(path)
                self.assertValid(doc, os.path.basename(path))
                self.assertEqual([], document_problems(doc))


if __name__ == "__main__":
    unittest.main()
