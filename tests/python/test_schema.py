#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks docs/portfolio.schema.json, the example document of docs/format.md
and the hostile-input corpus against the rules of docs/format.md, with code
of its own (hashlib, jsonschema), independent of the library.

If AFF_SAVED_DOCUMENTS names a folder, every *.json in it (documents saved by
the library's tests) is checked the same way as the example.

The delivery plans of format version 3 are checked the same way, and, when
the library's typelib can be loaded (the meson test environment), against
the library's own loader too: the plan fragments that this file refuses must
be refused by the loader at the path format.md gives, and the valid ones
loaded."""

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
NEWEST_VERSION = 5
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
    """Canonical JSON as defined in docs/format.md, section 9."""
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


# The consultation transitions of docs/rules.md.
TRANSITIONS = {
    ("received", "qualifying"), ("qualifying", "go"), ("qualifying", "no-go"), ("go", "offer-sent"),
    ("offer-sent", "won"), ("offer-sent", "lost"), ("received", "abandoned"), ("qualifying", "abandoned"),
    ("go", "abandoned"), ("offer-sent", "abandoned"),
}


def history_problems(where, history, current, state_name):
    problems = []
    for j, change in enumerate(history):
        if j > 0 and change["date"] < history[j - 1]["date"]:
            problems.append("%s[%d].date: out of order" % (where, j))
        if j > 0 and change["from"] != history[j - 1]["to"]:
            problems.append("%s[%d].from: not the previous to" % (where, j))
    if history and history[-1]["to"] != current:
        problems.append("%s: not the last change's to" % state_name)
    return problems


def consultation_problems(doc):
    problems = []
    client_ids = {client["id"] for client in doc.get("clients", [])}
    seen = set()
    for i, consultation in enumerate(doc.get("consultations", [])):
        where = "$.consultations[%d]" % i
        if len(consultation["id"].encode("utf-8")) > 64:
            problems.append(where + ".id: longer than 64 bytes")
        if consultation["id"] in seen:
            problems.append(where + ".id: duplicate")
        seen.add(consultation["id"])
        if consultation["client_id"] not in client_ids:
            problems.append(where + ".client_id: no such client")
        if consultation["deadline"] < consultation["received"]:
            problems.append(where + ".deadline: before received")
        history = consultation.get("state_history", [])
        problems += history_problems(where + ".state_history", history, consultation["state"], where + ".state")
        for j, change in enumerate(history):
            if (change["from"], change["to"]) not in TRANSITIONS:
                problems.append("%s.state_history[%d]: forbidden transition" % (where, j))
        for member in ("requirements", "clarifications", "contributions", "risks"):
            ids = set()
            for j, item in enumerate(consultation.get(member, [])):
                if len(item["id"].encode("utf-8")) > 64:
                    problems.append("%s.%s[%d].id: longer than 64 bytes" % (where, member, j))
                if item["id"] in ids:
                    problems.append("%s.%s[%d].id: duplicate" % (where, member, j))
                ids.add(item["id"])
        for j, question in enumerate(consultation.get("clarifications", [])):
            if "answered" in question and question["answered"] < question["asked"]:
                problems.append("%s.clarifications[%d].answered: before asked" % (where, j))
        decision = consultation.get("decision")
        evaluation = consultation.get("evaluation")
        if decision is not None and evaluation is None:
            problems.append(where + ".decision: no evaluation")
        elif decision is not None:
            against = evaluation["verdict"] != "review" and evaluation["verdict"] != decision["verdict"]
            if decision["against_evaluation"] != against:
                problems.append(where + ".decision.against_evaluation: inconsistent with the evaluation")
    return problems


def calendar_problems(where, calendar):
    problems = []
    dates = set()
    for k, holiday in enumerate(calendar.get("holidays", [])):
        if holiday["date"] in dates:
            problems.append("%s.holidays[%d].date: given twice" % (where, k))
        dates.add(holiday["date"])
    for k, exception in enumerate(calendar.get("exceptions", [])):
        if exception["to"] < exception["from"]:
            problems.append("%s.exceptions[%d].to: before from" % (where, k))
    return problems


def plan_problems(doc):
    """The rules of format.md, section 8d, that the schema cannot express.
    Dependency cycles are not among them: the loader accepts them. Nor are
    the ids that hazards, baselines and inspections (required_for) name:
    they are not looked up."""
    problems = []
    for i, affair in enumerate(doc.get("affairs", [])):
        if "plan" not in affair:
            continue
        plan = affair["plan"]
        where = "$.affairs[%d].plan" % i
        problems += calendar_problems(where + ".calendar", plan.get("calendar", {}))
        ids = set()
        for j, task in enumerate(plan.get("tasks", [])):
            if len(task["id"].encode("utf-8")) > 64:
                problems.append("%s.tasks[%d].id: longer than 64 bytes" % (where, j))
            if task["id"] in ids:
                problems.append("%s.tasks[%d].id: duplicate" % (where, j))
            ids.add(task["id"])
            people = set()
            for k, entry in enumerate(task.get("raci", [])):
                if entry["person"] in people:
                    problems.append("%s.tasks[%d].raci[%d].person: named twice" % (where, j, k))
                people.add(entry["person"])
        pairs = set()
        for k, dependency in enumerate(plan.get("dependencies", [])):
            dangling = False
            for end in ("predecessor", "successor"):
                if dependency[end] not in ids:
                    problems.append("%s.dependencies[%d].%s: no such task" % (where, k, end))
                    dangling = True
            if dangling:
                continue
            pair = (dependency["predecessor"], dependency["successor"])
            if pair[0] == pair[1]:
                problems.append("%s.dependencies[%d]: the task depends on itself" % (where, k))
            elif pair in pairs:
                problems.append("%s.dependencies[%d]: duplicate" % (where, k))
            pairs.add(pair)
        names = set()
        for k, baseline in enumerate(plan.get("baselines", [])):
            if baseline["name"] in names:
                problems.append("%s.baselines[%d].name: duplicate" % (where, k))
            names.add(baseline["name"])
            seen = set()
            for m, item in enumerate(baseline.get("tasks", [])):
                if item["finish"] < item["start"]:
                    problems.append("%s.baselines[%d].tasks[%d].finish: before start" % (where, k, m))
                elif item["id"] in seen:
                    problems.append("%s.baselines[%d].tasks[%d].id: given twice" % (where, k, m))
                seen.add(item["id"])
        resources = set()
        for k, resource in enumerate(plan.get("resources", [])):
            if len(resource["id"].encode("utf-8")) > 64 or resource["id"] in resources:
                problems.append("%s.resources[%d].id: longer than 64 bytes or duplicate" % (where, k))
            resources.add(resource["id"])
            if "calendar" in resource:
                problems += calendar_problems("%s.resources[%d].calendar" % (where, k), resource["calendar"])
        pairs = set()
        for k, assignment in enumerate(plan.get("assignments", [])):
            pair = (assignment["task"], assignment["resource"])
            if pair[0] not in ids:
                problems.append("%s.assignments[%d].task: no such task" % (where, k))
            elif pair[1] not in resources:
                problems.append("%s.assignments[%d].resource: no such resource" % (where, k))
            elif pair in pairs:
                problems.append("%s.assignments[%d]: duplicate" % (where, k))
            pairs.add(pair)
        hazards = set()
        for k, hazard in enumerate(plan.get("hazards", [])):
            if len(hazard["id"].encode("utf-8")) > 64:
                problems.append("%s.hazards[%d].id: longer than 64 bytes" % (where, k))
            elif "resource" in hazard and hazard["unavailable_to"] < hazard["unavailable_from"]:
                problems.append("%s.hazards[%d].unavailable_to: before unavailable_from" % (where, k))
            elif hazard["id"] in hazards:
                problems.append("%s.hazards[%d].id: duplicate" % (where, k))
            hazards.add(hazard["id"])
        for k, task in enumerate(plan.get("tasks", [])):
            if "required_for" in task and task["required_for"] not in ids:
                problems.append("%s.tasks[%d].required_for: no such task" % (where, k))
        prevention = plan.get("prevention_plan", {})
        if ("joint_inspection" in prevention) != bool(prevention.get("participants")):
            problems.append("%s.prevention_plan.participants: without the joint inspection's day, or missing"
                            % where)
        organisations = set()
        for k, signature in enumerate(prevention.get("signatures", [])):
            if signature["organisation"] in organisations:
                problems.append("%s.prevention_plan.signatures[%d].organisation: signed twice" % (where, k))
            elif signature["date"] < prevention.get("joint_inspection", "9999-12-31"):
                problems.append("%s.prevention_plan.signatures[%d].date: before the joint inspection"
                                % (where, k))
            organisations.add(signature["organisation"])
    return problems


def finance_problems(doc):
    """The rules of format.md, section 8e, that the schema cannot express:
    one currency, the decimals of amounts, references between rows, dates
    in order and uniqueness. The works named are not looked up."""
    decimals = {"EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "JPY": 0, "KWD": 3}
    problems = []
    for i, affair in enumerate(doc.get("affairs", [])):
        if "finance" not in affair:
            continue
        finance = affair["finance"]
        where = "$.affairs[%d].finance" % i
        currency = affair["contract_amount"].split(" ")[1]

        def foreign(text):
            return text.split(" ")[1] != currency

        committed = set()
        for j, row in enumerate(finance.get("ledger", [])):
            amount = row[4]
            if "." in amount and len(amount.split(".")[1]) > decimals.get(currency, 2):
                problems.append("%s.ledger[%d][4]: too many decimals" % (where, j))
            date, state, document, commitment = row[0], row[3], row[7], row[8]
            if state == "committed":
                if document is None or document in committed or commitment is not None:
                    problems.append("%s.ledger[%d]: bad commitment" % (where, j))
                committed.add(document)
            elif commitment is not None and commitment not in committed:
                problems.append("%s.ledger[%d][8]: no such commitment" % (where, j))
        for member in ("progress", "remaining"):
            seen = set()
            for j, mark in enumerate(finance.get(member, [])):
                key = (mark.get("work"), mark["date"])
                if key in seen:
                    problems.append("%s.%s[%d]: twice the same work and day" % (where, member, j))
                seen.add(key)
                if member == "remaining" and (foreign(mark["amount"]) or mark["amount"].startswith("-")):
                    problems.append("%s.remaining[%d].amount: foreign or negative" % (where, j))
        references = set()
        for j, amendment in enumerate(finance.get("amendments", [])):
            if amendment["reference"] in references:
                problems.append("%s.amendments[%d].reference: duplicate" % (where, j))
            references.add(amendment["reference"])
            if "accepted" in amendment and amendment["accepted"] < amendment["date"]:
                problems.append("%s.amendments[%d].accepted: before the proposal" % (where, j))
            if foreign(amendment["revenue_change"]):
                problems.append("%s.amendments[%d].revenue_change: foreign" % (where, j))
            changes = set()
            for k, change in enumerate(amendment.get("budget_changes", [])):
                key = (change.get("work"), change["category"])
                if key in changes or foreign(change["change"]):
                    problems.append("%s.amendments[%d].budget_changes[%d]: twice or foreign" % (where, j, k))
                changes.add(key)
        invoices = {}
        for j, invoice in enumerate(finance.get("invoices", [])):
            if invoice["reference"] in invoices or any(foreign(invoice[m]) for m in (
                    "amount", "advance_recovered", "vat", "retention", "payable")):
                problems.append("%s.invoices[%d]: duplicate or foreign" % (where, j))
            invoices[invoice["reference"]] = invoice["date"]
        if "closed" in finance and foreign(finance["closed"]["final_margin"]):
            problems.append("%s.closed.final_margin: foreign" % where)
        milestones = finance.get("billing", {}).get("milestones", [])
        ids, share = set(), 0
        for j, milestone in enumerate(milestones):
            kind, bp = milestone["kind"], milestone["basis_points"]
            earlier = [m["kind"] for m in milestones[:j]]
            if milestone["id"] in ids or (kind != "milestone" and kind in earlier):
                problems.append("%s.billing.milestones[%d]: twice" % (where, j))
            ids.add(milestone["id"])
            if kind == "advance" and (bp == 0 or "task" in milestone):
                problems.append("%s.billing.milestones[%d]: an advance needs a share and no task" % (where, j))
            if kind == "situation" and (bp != 0 or "task" in milestone):
                problems.append("%s.billing.milestones[%d]: situations have no share or task" % (where, j))
            if kind == "milestone":
                share += bp
                if bp == 0 or "task" not in milestone or share > 10000:
                    problems.append("%s.billing.milestones[%d]: a share and a task, 10000 at most" % (where, j))
        for j, action in enumerate(finance.get("corrective_actions", [])):
            if action["due"] < action["date"] or foreign(action["eac_effect"]):
                problems.append("%s.corrective_actions[%d]: due before the decision or foreign" % (where, j))
        for j, payment in enumerate(finance.get("payments", [])):
            if payment["invoice"] not in invoices or payment["date"] < invoices[payment["invoice"]] \
                    or foreign(payment["amount"]):
                problems.append("%s.payments[%d]: no such invoice, too early or foreign" % (where, j))
    return problems


def dossier_problems(doc):
    """The rules of format.md, section 8f, that the schema cannot express:
    unique ids, references to the dossier's meetings and incidents and to the
    plan's tasks and hazards, dates in order, and the chain of revisions."""
    problems = []
    for i, affair in enumerate(doc.get("affairs", [])):
        dossier = affair.get("dossier")
        if dossier is None:
            continue
        where = "$.affairs[%d].dossier" % i
        plan = affair.get("plan", {})
        tasks = {task["id"] for task in plan.get("tasks", [])}
        hazards = {hazard["id"] for hazard in plan.get("hazards", [])}
        ids = {}
        for member in ("meetings", "decisions", "actions", "incidents"):
            ids[member] = set()
            for j, item in enumerate(dossier.get(member, [])):
                if len(item["id"].encode("utf-8")) > 64 or item["id"] in ids[member]:
                    problems.append("%s.%s[%d].id: too long or duplicate" % (where, member, j))
                ids[member].add(item["id"])
        meeting_days = {meeting["id"]: meeting["date"] for meeting in dossier.get("meetings", [])}
        for j, decision in enumerate(dossier.get("decisions", [])):
            if "meeting" in decision and decision["meeting"] not in ids["meetings"]:
                problems.append("%s.decisions[%d].meeting: no such meeting" % (where, j))
            elif "meeting" in decision and decision["date"] < meeting_days[decision["meeting"]]:
                problems.append("%s.decisions[%d].date: before its meeting" % (where, j))
            if decision["target"] == "task" and decision.get("reference") not in tasks:
                problems.append("%s.decisions[%d].reference: no such task" % (where, j))
        known = {"meeting": ids["meetings"], "incident": ids["incidents"], "hazard": hazards}
        for j, action in enumerate(dossier.get("actions", [])):
            if action["origin"] in known and action.get("reference") not in known[action["origin"]]:
                problems.append("%s.actions[%d].reference: no such %s" % (where, j, action["origin"]))
            if action["due"] < action["assigned"]:
                problems.append("%s.actions[%d].due: before assigned" % (where, j))
            if (action["status"] == "open") != ("closed" not in action):
                problems.append("%s.actions[%d].closed: with the wrong status" % (where, j))
            if action["status"] == "cancelled" and not action.get("note"):
                problems.append("%s.actions[%d].note: a cancelled action without a reason" % (where, j))
            if "closed" in action and action["closed"] < action["assigned"]:
                problems.append("%s.actions[%d].closed: before assigned" % (where, j))
        latest = {}
        for j, document in enumerate(dossier.get("documents", [])):
            previous = latest.get(document["reference"])
            expected = "A" if previous is None else next_revision(previous["revision"])
            if document["revision"] != expected:
                problems.append("%s.documents[%d].revision: not the next one" % (where, j))
            if previous is not None and (previous["status"] != "superseded" or
                                         document["created"] < previous.get("approved", previous.get("sent", ""))):
                problems.append("%s.documents[%d]: the revision before is not superseded, or later" % (where, j))
            status = document["status"]
            if (status != "draft") != ("sent" in document):
                problems.append("%s.documents[%d].sent: with the wrong status" % (where, j))
            if (status == "approved") and "approved" not in document:
                problems.append("%s.documents[%d].approved: missing" % (where, j))
            if "sent" in document and document["sent"] < document["created"]:
                problems.append("%s.documents[%d].sent: before created" % (where, j))
            if "approved" in document and ("sent" not in document or document["approved"] < document["sent"]):
                problems.append("%s.documents[%d].approved: before sent" % (where, j))
            latest[document["reference"]] = document
        for reference, document in latest.items():
            if document["status"] == "superseded":
                problems.append("%s.documents: the latest revision of %s is superseded" % (where, reference))
        for j, report in enumerate(dossier.get("reports", [])):
            if not report["period_start"] <= report["period_end"] <= report["sent"]:
                problems.append("%s.reports[%d]: dates out of order" % (where, j))
        for j, incident in enumerate(dossier.get("incidents", [])):
            if "hazard" in incident and incident["hazard"] not in hazards:
                problems.append("%s.incidents[%d].hazard: no such hazard" % (where, j))
            for member in ("informed", "closed"):
                if member in incident and incident[member] < incident["date"]:
                    problems.append("%s.incidents[%d].%s: before date" % (where, j, member))
            if ("remedy" in incident) != ("closed" in incident):
                problems.append("%s.incidents[%d].remedy: without closing, or closed without" % (where, j))
    return problems


def rex_problems(doc):
    """The rules of format.md, section 8g, that the schema cannot express:
    the amounts in the affair's currency, the validation not before the
    REX's day."""
    problems = []
    for i, affair in enumerate(doc.get("affairs", [])):
        rex = affair.get("rex")
        if rex is None:
            continue
        where = "$.affairs[%d].rex" % i
        currency = affair["contract_amount"].split(" ")[1]
        for member in ("contract_amount", "revenue_at_completion", "offer_margin", "final_margin"):
            if rex[member].split(" ")[1] != currency:
                problems.append("%s.%s: not in %s" % (where, member, currency))
        if "validated" in rex and rex["validated"] < rex["date"]:
            problems.append(where + ".validated: before date")
    return problems


def next_revision(revision):
    """B after A, AA after Z: letters counted like digits."""
    letters = list(revision)
    for k in range(len(letters) - 1, -1, -1):
        if letters[k] != "Z":
            letters[k] = chr(ord(letters[k]) + 1)
            return "".join(letters)
        letters[k] = "A"
    return "A" + "".join(letters)


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
        problems += history_problems(where + ".status_history", client.get("status_history", []),
                                     client["status"], where + ".status")
        assessments = client.get("solvency", [])
        for j, assessment in enumerate(assessments):
            if j > 0 and assessment["date"] < assessments[j - 1]["date"]:
                problems.append("%s.solvency[%d].date: out of order" % (where, j))
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
    if not (policy.get("risk_medium_threshold", 5) <= policy.get("risk_high_threshold", 10)
            <= policy.get("risk_critical_threshold", 16)):
        problems.append("$.policy.risk_high_threshold: thresholds not ordered")
    problems += consultation_problems(doc)
    problems += plan_problems(doc)
    problems += finance_problems(doc)
    problems += dossier_problems(doc)
    problems += rex_problems(doc)
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

    def test_example_covers_version_2(self):
        self.assertEqual(2, self.example["version"])
        policy = self.example["policy"]
        self.assertEqual(["strategic-fit", "win-rate", "margin", "risk", "workload", "bid-cost"],
                         list(policy["bid_weights"]))
        # Writers write the policy members in the order of format.md, section 6.
        self.assertEqual(["currency", "activities", "labour_rates", "target_margin_rate", "floor_margin_rate",
                          "bid_threshold", "review_threshold", "prevention_plan_hours", "retention_rate",
                          "offer_reminder_days", "risk_critical_threshold", "risk_high_threshold",
                          "risk_medium_threshold", "solvency_max_age_days", "max_dso_days",
                          "max_average_days_late", "max_payment_incidents", "min_preparation_days",
                          "deadline_warning_days", "capacity_hours", "default_vat_rate", "min_validity_days",
                          "offer_second_reminder_days", "validity_warning_days", "follow_up_days", "language", "bid_weights", "overhead_rates"], list(policy))
        self.assertEqual(["format", "version", "name", "policy", "clients", "consultations", "journal"],
                         list(self.example))
        self.assertEqual(1, sum(len(c.get("solvency", [])) for c in self.example["clients"]))
        consultations = self.example["consultations"]
        self.assertEqual(1, len(consultations))
        consultation = consultations[0]
        self.assertEqual(1, len(consultation["requirements"]))
        self.assertEqual(1, len(consultation["clarifications"]))
        self.assertIn("answer", consultation["clarifications"][0])
        self.assertEqual(1, len(consultation["contributions"]))
        self.assertEqual(2, len(consultation["risks"]))
        self.assertIn("evaluation", consultation)
        self.assertIn("decision", consultation)

    def test_example_evaluation_follows_the_rules(self):
        # The weighted criteria of docs/rules.md, worked out for the example.
        policy = self.example["policy"]
        consultation = self.example["consultations"][0]
        client = next(c for c in self.example["clients"] if c["id"] == consultation["client_id"])
        band_scores = {"LOW": 5, "MEDIUM": 4, "HIGH": 2, "CRITICAL": 1}

        def band(risk):
            criticality = risk["probability"] * risk["impact"]
            for name in ("critical", "high", "medium"):
                if criticality >= policy["risk_%s_threshold" % name]:
                    return name.upper()
            return "LOW"

        bands = [band(r) for r in consultation["risks"] if r["status"] == "open"]
        self.assertNotIn("CRITICAL", bands)
        highest = max(bands, key=list(band_scores).index) if bands else "LOW"
        margin = consultation["expected_margin_rate"]
        self.assertGreaterEqual(margin, policy["target_margin_rate"])
        hours = consultation["estimated_hours"] * 100 // policy["capacity_hours"]
        self.assertLessEqual(hours, 60)
        cost = int(consultation["bid_cost"].split()[0].replace(".", ""))
        value = int(consultation["estimated_value"].split()[0].replace(".", ""))
        ratio = cost * 10000 / value
        self.assertTrue(100 < ratio <= 200)
        scores = {"strategic-fit": {"active": 5, "prospect": 4, "dormant": 3, "lost": 1}[client["status"]],
                  "win-rate": 3, "margin": 5, "risk": band_scores[highest], "workload": 5, "bid-cost": 4}
        weights = policy["bid_weights"]
        total = sum(weights[name] * scores[name] for name in weights)
        score = round(100 * total / (5 * sum(weights.values())))
        self.assertEqual(score, consultation["evaluation"]["score"])
        self.assertEqual("go" if score >= policy["bid_threshold"] else "review",
                         consultation["evaluation"]["verdict"])

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
    "unknown top-level member": _set(["invoices"], []),
    "unknown client member": _set(["clients", 0, "colour"], "blue"),
    "unknown contact member": _set(["clients", 0, "contacts", 0, "fax"], "03 87 00 00 00"),
    "unknown policy member": _set(["policy", "vat_rate"], 2000),
    "wrong format": _set(["format"], "libaffaires"),
    "missing format": _delete(["format"]),
    "version as string": _set(["version"], "2"),
    "version 6": _set(["version"], 6),
    "version 0": _set(["version"], 0),
    "version 2.0": _set(["version"], 2.0),
    "version true": _set(["version"], True),
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
    # Version 2: policy.
    "risk critical threshold 0": _set(["policy", "risk_critical_threshold"], 0),
    "risk high threshold 26": _set(["policy", "risk_high_threshold"], 26),
    "solvency max age negative": _set(["policy", "solvency_max_age_days"], -1),
    "max dso days beyond 36500": _set(["policy", "max_dso_days"], 36501),
    "max payment incidents as string": _set(["policy", "max_payment_incidents"], "2"),
    "capacity hours beyond 32 bits": _set(["policy", "capacity_hours"], 2147483648),
    "min preparation days fraction": _set(["policy", "min_preparation_days"], 10.5),
    "language de": _set(["policy", "language"], "de"),
    "language uppercase": _set(["policy", "language"], "FR"),
    "bid weight for an unknown criterion": _set(["policy", "bid_weights", "price"], 10),
    "bid weight with an underscore": _set(["policy", "bid_weights", "win_rate"], 10),
    "bid weight 101": _set(["policy", "bid_weights", "margin"], 101),
    "bid weight negative": _set(["policy", "bid_weights", "risk"], -1),
    "bid weights as array": _set(["policy", "bid_weights"], [20, 15, 25, 20, 10, 10]),
    # Version 2: solvency.
    "solvency not an array": _set(["clients", 1, "solvency"], {}),
    "solvency without date": _delete(["clients", 1, "solvency", 0, "date"]),
    "solvency without model": _delete(["clients", 1, "solvency", 0, "model"]),
    "solvency model auto": _set(["clients", 1, "solvency", 0, "model"], "auto"),
    "solvency model unknown": _set(["clients", 1, "solvency", 0, "model"], "z-score"),
    "solvency figure as number": _set(["clients", 1, "solvency", 0, "ebit"], 1200000),
    "solvency figure with three decimals": _set(["clients", 1, "solvency", 0, "sales"], "1.000 EUR"),
    "solvency figure in an unknown currency": _set(["clients", 1, "solvency", 0, "sales"], "1.00 XXX"),
    "solvency dso -1": _set(["clients", 1, "solvency", 0, "dso_days"], -1),
    "solvency incidents beyond 36500": _set(["clients", 1, "solvency", 0, "payment_incidents"], 36501),
    "solvency unknown member": _set(["clients", 1, "solvency", 0, "z_score"], 2),
    "solvency validated_by as number": _set(["clients", 1, "solvency", 0, "validated_by"], 1),
    # Version 2: consultations.
    "consultations not an array": _set(["consultations"], {}),
    "consultation not an object": _set(["consultations", 0], "C-2026-001"),
    "consultation unknown member": _set(["consultations", 0, "priority"], 1),
    "consultation without id": _delete(["consultations", 0, "id"]),
    "consultation id with a space": _set(["consultations", 0, "id"], "C 2026"),
    "consultation without client_id": _delete(["consultations", 0, "client_id"]),
    "consultation without title": _delete(["consultations", 0, "title"]),
    "consultation title empty": _set(["consultations", 0, "title"], ""),
    "consultation without received": _delete(["consultations", 0, "received"]),
    "consultation without deadline": _delete(["consultations", 0, "deadline"]),
    "consultation deadline impossible": _set(["consultations", 0, "deadline"], "2026-02-30"),
    "consultation without source": _delete(["consultations", 0, "source"]),
    "consultation source unknown": _set(["consultations", 0, "source"], "phone"),
    "consultation without state": _delete(["consultations", 0, "state"]),
    "consultation state unknown": _set(["consultations", 0, "state"], "pending"),
    "consultation state with underscore": _set(["consultations", 0, "state"], "no_go"),
    "consultation estimated value malformed": _set(["consultations", 0, "estimated_value"], "185 000 EUR"),
    "consultation bid cost as number": _set(["consultations", 0, "bid_cost"], 3200),
    "consultation activities not strings": _set(["consultations", 0, "activities"], [1]),
    "regulatory flag unknown": _set(["consultations", 0, "regulatory_flags"], ["hot-work", "noise"]),
    "regulatory flag repeated": _set(["consultations", 0, "regulatory_flags"], ["hot-work", "hot-work"]),
    "regulatory flags as string": _set(["consultations", 0, "regulatory_flags"], "hot-work"),
    "expected margin rate beyond 10000": _set(["consultations", 0, "expected_margin_rate"], 10001),
    "estimated hours 0": _set(["consultations", 0, "estimated_hours"], 0),
    "estimated hours beyond 32 bits": _set(["consultations", 0, "estimated_hours"], 2147483648),
    "state change received to won": _set(["consultations", 0, "state_history", 0, "to"], "won"),
    "state change to the same state": _set(["consultations", 0, "state_history", 0, "to"], "received"),
    "state change from won": _set(["consultations", 0, "state_history", 1, "from"], "won"),
    "state change from abandoned": _set(["consultations", 0, "state_history", 1],
                                        {"date": "2026-03-16", "from": "abandoned", "to": "go"}),
    "state change to an unknown state": _set(["consultations", 0, "state_history", 1, "to"], "accepted"),
    "state change without date": _delete(["consultations", 0, "state_history", 0, "date"]),
    "state change unknown member": _set(["consultations", 0, "state_history", 0, "by"], "claire.martin"),
    "requirement without text": _delete(["consultations", 0, "requirements", 0, "text"]),
    "requirement id empty": _set(["consultations", 0, "requirements", 0, "id"], ""),
    "clarification answered without answer": _delete(["consultations", 0, "clarifications", 0, "answer"]),
    "clarification answer without answered": _delete(["consultations", 0, "clarifications", 0, "answered"]),
    "clarification without asked": _delete(["consultations", 0, "clarifications", 0, "asked"]),
    "clarification without question": _delete(["consultations", 0, "clarifications", 0, "question"]),
    "contribution department unknown": _set(["consultations", 0, "contributions", 0, "department"], "sales"),
    "contribution answer without answered": _delete(["consultations", 0, "contributions", 0, "answered"]),
    "contribution without due": _delete(["consultations", 0, "contributions", 0, "due"]),
    "contribution without who": _delete(["consultations", 0, "contributions", 0, "who"]),
    "risk probability 6": _set(["consultations", 0, "risks", 0, "probability"], 6),
    "risk probability 0": _set(["consultations", 0, "risks", 0, "probability"], 0),
    "risk impact 6": _set(["consultations", 0, "risks", 0, "impact"], 6),
    "risk probability percent 101": _set(["consultations", 0, "risks", 0, "probability_percent"], 101),
    "risk probability percent -1": _set(["consultations", 0, "risks", 0, "probability_percent"], -1),
    "risk category unknown": _set(["consultations", 0, "risks", 0, "category"], "legal"),
    "risk treatment unknown": _set(["consultations", 0, "risks", 0, "treatment"], "transfer"),
    "risk status unknown": _set(["consultations", 0, "risks", 0, "status"], "done"),
    "risk without treatment": _delete(["consultations", 0, "risks", 0, "treatment"]),
    "risk without status": _delete(["consultations", 0, "risks", 0, "status"]),
    "risk criticality written": _set(["consultations", 0, "risks", 0, "criticality"], 9),
    "evaluation score 101": _set(["consultations", 0, "evaluation", "score"], 101),
    "evaluation verdict unknown": _set(["consultations", 0, "evaluation", "verdict"], "maybe"),
    "evaluation without date": _delete(["consultations", 0, "evaluation", "date"]),
    "evaluation with criteria": _set(["consultations", 0, "evaluation", "criteria"], []),
    "decision verdict review": _set(["consultations", 0, "decision", "verdict"], "review"),
    "decision decided_by empty": _set(["consultations", 0, "decision", "decided_by"], ""),
    "decision without decided_by": _delete(["consultations", 0, "decision", "decided_by"]),
    "decision without against_evaluation": _delete(["consultations", 0, "decision", "against_evaluation"]),
    "decision against_evaluation as string": _set(["consultations", 0, "decision", "against_evaluation"], "false"),
    "decision without evaluation": _delete(["consultations", 0, "evaluation"]),
}


def _decide_against(doc):
    decision = doc["consultations"][0]["decision"]
    decision["verdict"] = "no-go"
    decision["against_evaluation"] = True
    del decision["justification"]


# Documents the schema accepts but the loader refuses (format.md, "(loader)").
LOADER_VARIANTS = {
    "dangling client_id": (_set(["consultations", 0, "client_id"], "acme"), "$.consultations[0].client_id"),
    "deadline before received": (_set(["consultations", 0, "deadline"], "2026-03-01"),
                                 "$.consultations[0].deadline"),
    "duplicate consultation id": (lambda doc: doc["consultations"].append(copy.deepcopy(doc["consultations"][0])),
                                  "$.consultations[1].id"),
    "state history out of order": (_set(["consultations", 0, "state_history", 1, "date"], "2026-03-03"),
                                   "$.consultations[0].state_history[1].date"),
    "state history broken chain": (lambda doc: doc["consultations"][0].update(
        state="offer-sent", state_history=[{"date": "2026-03-04", "from": "received", "to": "qualifying"},
                                           {"date": "2026-03-16", "from": "go", "to": "offer-sent"}]),
        "$.consultations[0].state_history[1].from"),
    "state not the last to": (_set(["consultations", 0, "state"], "qualifying"), "$.consultations[0].state"),
    "duplicate risk id": (_set(["consultations", 0, "risks", 1, "id"], "RISK-1"),
                          "$.consultations[0].risks[1].id"),
    "answered before asked": (_set(["consultations", 0, "clarifications", 0, "answered"], "2026-03-04"),
                              "$.consultations[0].clarifications[0].answered"),
    "solvency out of order": (lambda doc: doc["clients"][1]["solvency"].append(
        dict(doc["clients"][1]["solvency"][0], date="2025-12-31")), "$.clients[1].solvency[1].date"),
    "risk thresholds not ordered": (_set(["policy", "risk_medium_threshold"], 12),
                                    "$.policy.risk_high_threshold"),
    "against_evaluation inconsistent": (_set(["consultations", 0, "decision", "against_evaluation"], True),
                                        "$.consultations[0].decision.against_evaluation"),
}


class TestInvalidVariants(SchemaTestCase):
    def test_variants_are_refused(self):
        for name, change in INVALID_VARIANTS.items():
            with self.subTest(variant=name):
                self.assertInvalid(variant(self.example, change))

    def test_minimal_document_is_valid(self):
        self.assertValid({"format": "libaffaires-portfolio", "version": 3}, "minimal document")
        self.assertValid({"format": "libaffaires-portfolio", "version": 2}, "minimal version-2 document")
        self.assertValid({"format": "libaffaires-portfolio", "version": 1}, "minimal version-1 document")

    def test_version_1_document_is_valid(self):
        # A version-1 document: the example without the members new in version 2.
        doc = copy.deepcopy(self.example)
        doc["version"] = 1
        del doc["consultations"]
        for name in ("risk_critical_threshold", "risk_high_threshold", "risk_medium_threshold",
                     "solvency_max_age_days", "max_dso_days", "max_average_days_late", "max_payment_incidents",
                     "min_preparation_days", "deadline_warning_days", "capacity_hours", "language", "bid_weights",
                     "default_vat_rate", "min_validity_days", "overhead_rates",
                     "offer_second_reminder_days", "validity_warning_days"):
            del doc["policy"][name]
        for client in doc["clients"]:
            client.pop("solvency", None)
        self.assertValid(doc, "version-1 document")
        self.assertEqual([], document_problems(doc))

    def test_optional_members_of_version_2(self):
        doc = copy.deepcopy(self.example)
        consultation = doc["consultations"][0]
        for name in ("estimated_value", "activities", "site", "description", "regulatory_flags",
                     "expected_margin_rate", "estimated_hours", "bid_cost", "requirements", "clarifications",
                     "contributions", "risks", "evaluation", "decision"):
            del consultation[name]
        consultation["state"] = "go"
        assessment = doc["clients"][1]["solvency"][0]
        for name in list(assessment):
            if name not in ("date", "model"):
                del assessment[name]
        doc["policy"]["bid_weights"] = {"margin": 0}
        self.assertValid(doc, "sparse version-2 document")
        self.assertEqual([], document_problems(doc))

    def test_every_transition_is_accepted(self):
        for source, target in sorted(TRANSITIONS):
            doc = copy.deepcopy(self.example)
            consultation = doc["consultations"][0]
            consultation["state_history"] = [{"date": "2026-03-04", "from": source, "to": target}]
            consultation["state"] = target
            with self.subTest(transition=(source, target)):
                self.assertValid(doc, "%s -> %s" % (source, target))
                self.assertEqual([], document_problems(doc))

    def test_decision_against_the_evaluation_needs_a_justification(self):
        doc = variant(self.example, _decide_against)
        self.assertInvalid(doc)
        doc["consultations"][0]["decision"]["justification"] = "Charge de l'atelier en mai"
        self.assertValid(doc, "decision against the evaluation")
        self.assertEqual([], document_problems(doc))
        doc["consultations"][0]["evaluation"]["verdict"] = "review"
        self.assertEqual(["$.consultations[0].decision.against_evaluation: inconsistent with the evaluation"],
                         document_problems(doc))
        doc["consultations"][0]["decision"]["against_evaluation"] = False
        self.assertEqual([], document_problems(doc))

    def test_money_decimals_follow_the_currency(self):
        validator = Validator({"$ref": "#/$defs/money", "$defs": self.schema["$defs"]})
        for value in ("185000.00 EUR", "-0.05 EUR", "+1 EUR", "12.5 EUR", "1500 JPY", "1.234 KWD", "1.2345 CLF"):
            self.assertTrue(validator.is_valid(value), value)
        for value in ("1.5 JPY", "1.234 EUR", "1.23456 CLF", "12,50 EUR", "1 eur", "1 XXX", "1e3 EUR",
                      " 1 EUR", "1 EUR ", "1  EUR", "1 EUR\n", "1. EUR", ".5 EUR", ""):
            self.assertFalse(validator.is_valid(value), value)

    def test_loader_variants(self):
        for name, (change, path) in LOADER_VARIANTS.items():
            with self.subTest(variant=name):
                doc = variant(self.example, change)
                self.assertValid(doc, name)
                problems = document_problems(doc)
                self.assertEqual(1, len(problems), problems)
                self.assertTrue(problems[0].startswith(path + ":"), problems)

    def test_labour_rates_in_jpy(self):
        doc = variant(self.example, _set(["policy", "currency"], "JPY"))
        doc["policy"]["labour_rates"] = {"welder": "8000 JPY"}
        self.assertValid(doc, "JPY policy")
        doc["policy"]["labour_rates"] = {"welder": "8000.5 JPY"}
        self.assertInvalid(doc)
        doc["policy"]["labour_rates"] = {"welder": "65.50 EUR"}
        self.assertInvalid(doc)


# ---- Delivery plans (format version 3) ------------------------------------

try:
    import gi
    gi.require_version("Aff", "1")
    from gi.repository import Aff, GLib
except (ImportError, ValueError):
    Aff = None

AFFAIR_ID = "OF-2026-001"

# An affair's plan with every member: tasks of every kind of member, the four
# types of dependency (one with a lead), a calendar with holidays and
# exceptions, a baseline, resources of their own calendar or the plan's,
# assignments by the day and in total, the two hazards of the API as
# aff_plan_apply_hazard() records them (a supplier's delay added to T2; a
# welder's absence, closed on his team's calendar, added to T3), and a
# prevention plan inspected and signed by the client and the company. The
# delays of T3 (levelling, hazard) and the report of T4 are as recorded.
CALENDAR = {
    "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday"],
    "french": True,
    "alsace_moselle": True,
    "holidays": [{"date": "2026-07-24", "name": "Fermeture annuelle du site"},
                 {"date": "2026-08-21", "name": "Fête patronale"}],
    "exceptions": [{"from": "2026-05-23", "to": "2026-05-24", "working": True,
                    "reason": "Arrêt du four n° 3 : travail le week-end"},
                   {"from": "2026-08-03", "to": "2026-08-14", "working": False}],
}

PLAN = {
    "start": "2026-05-04",
    "contract_end": "2026-07-15",
    "calendar": copy.deepcopy(CALENDAR),
    "tasks": [
        {"id": "T1", "name": "Relevés et plans d'exécution", "duration": 5, "kind": "design-review",
         "effort_minutes": 4200, "deliverable": "Isométriques", "party": "internal", "progress": 100,
         "actual_start": "2026-05-04", "actual_finish": "2026-05-08",
         "raci": [{"person": "Claire Martin", "role": "accountable"},
                  {"person": "Marc Schmitt", "role": "consulted"}]},
        {"id": "T2", "name": "Approvisionnement des tubes P265GH", "duration": 10, "kind": "purchase",
         "party": "supplier", "party_name": "Aciers de l'Est", "progress": 40, "actual_start": "2026-05-11",
         "hazard_delay": 2},
        {"id": "T3", "name": "Dépose et pose pendant l'arrêt", "duration": 5, "kind": "intervention",
         "effort_minutes": 72630, "party": "internal", "zone": "Halle B",
         "dangerous_work": ["work-at-height", "hot-work"], "risk_ids": ["RISK-1", "RISK-2"],
         "start_no_earlier_than": "2026-05-25", "finish_no_later_than": "2026-05-29", "progress": 0,
         "hazard_delay": 1, "levelling_delay": 1,
         "raci": [{"person": "Claire Martin", "role": "accountable"},
                  {"person": "Karim Benali", "role": "responsible"},
                  {"person": "Marc Schmitt", "role": "informed"}]},
        {"id": "T4", "name": "Contrôle des soudures par ressuage", "duration": 2, "kind": "inspection",
         "party": "inspection-body", "party_name": "Bureau de contrôle", "progress": 0,
         "regulatory_basis": "NF EN ISO 3452-1 (contrôle par ressuage)", "report_days": 5,
         "report_received": "2026-06-12", "required_for": "M1"},
        {"id": "M1", "name": "Remise en service du four", "duration": 0, "kind": "milestone",
         "party": "client", "progress": 0},
    ],
    "dependencies": [
        {"predecessor": "T1", "successor": "T2", "type": "finish-start", "lag": 0},
        {"predecessor": "T2", "successor": "T3", "type": "finish-start", "lag": 2},
        {"predecessor": "T3", "successor": "T4", "type": "start-start", "lag": 1},
        {"predecessor": "T4", "successor": "M1", "type": "finish-finish", "lag": 0},
        {"predecessor": "T3", "successor": "M1", "type": "start-finish", "lag": -1},
    ],
    "baselines": [
        {"name": "contrat", "tasks": [{"id": "T1", "start": "2026-05-04", "finish": "2026-05-08"},
                                      {"id": "T2", "start": "2026-05-11", "finish": "2026-05-22"},
                                      {"id": "T3", "start": "2026-05-25", "finish": "2026-05-29"}]},
    ],
    "resources": [
        {"id": "EQ-SOUD-B", "name": "Équipe de soudure B", "kind": "team", "capacity_minutes": 1680,
         "calendar": dict(copy.deepcopy(CALENDAR), exceptions=copy.deepcopy(CALENDAR["exceptions"]) + [
             {"from": "2026-06-01", "to": "2026-06-01", "working": False,
              "reason": "Soudeur en arrêt de travail"}]),
         "cost_rate": "62.00 EUR", "skills": ["soudage TIG", "travail en hauteur"]},
        {"id": "GRUE-25T", "name": "Grue mobile 25 t", "kind": "equipment", "capacity_minutes": 480,
         "cost_rate": "95.00 EUR"},
        {"id": "c.martin", "name": "Claire Martin", "kind": "person", "capacity_minutes": 420},
    ],
    "assignments": [
        {"task": "T1", "resource": "c.martin", "minutes_per_day": 420},
        {"task": "T3", "resource": "EQ-SOUD-B", "total_minutes": 72630},
        {"task": "T3", "resource": "GRUE-25T", "minutes_per_day": 240},
    ],
    "hazards": [
        {"id": "ALEA-1", "date": "2026-05-15", "cause": "supplier",
         "description": "Tubes livrés avec deux jours de retard", "task_ids": ["T2"], "delay_days": 2},
        {"id": "ALEA-2", "date": "2026-05-26", "cause": "internal", "description": "Soudeur en arrêt de travail",
         "resource": "EQ-SOUD-B", "unavailable_from": "2026-06-01", "unavailable_to": "2026-06-01"},
    ],
    "prevention_plan": {
        "joint_inspection": "2026-05-12",
        "participants": ["Marc Schmitt (Fonderie de Hayange)", "Claire Martin", "Karim Benali"],
        "interferences": [
            {"zone": "Halle B", "description": "Pont roulant de la fonderie au-dessus de la zone de pose",
             "measures": "Pont consigné pendant les levages, zone balisée"},
            {"description": "Circulation des chariots élévateurs",
             "measures": "Plan de circulation remis à chaque intervenant"},
        ],
        "signatures": [
            {"name": "Marc Schmitt", "organisation": "Fonderie de Hayange", "party": "client",
             "date": "2026-05-13"},
            {"name": "Claire Martin", "organisation": "Maintenance Moselle", "party": "internal",
             "date": "2026-05-13"},
        ],
    },
}

# The members of a plan, in the order writers write them (format.md, 8d).
PLAN_MEMBERS = ["start", "contract_end", "calendar", "tasks", "dependencies", "baselines", "resources",
                "assignments", "hazards", "prevention_plan"]

# What an affair without a plan gets (format.md, section 2).
DEFAULT_CALENDAR = {"weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday"], "french": True,
                    "alsace_moselle": False, "holidays": [], "exceptions": []}


def with_plan(example, plan=PLAN):
    """The example, won: its consultation's offer accepted and the affair
    created from it, with a plan (none when plan is None)."""
    doc = copy.deepcopy(example)
    doc["version"] = NEWEST_VERSION
    consultation = doc["consultations"][0]
    consultation["state"] = "won"
    consultation["state_history"] += [{"date": "2026-03-25", "from": "go", "to": "offer-sent"},
                                      {"date": "2026-04-20", "from": "offer-sent", "to": "won"}]
    doc["offers"] = [{
        "id": AFFAIR_ID, "consultation_id": consultation["id"], "state": "accepted", "sent": "2026-03-25",
        "closed": "2026-04-20", "contract_reference": "CDE-FH-2026-117",
        "revisions": [{
            "letter": "A", "currency": "EUR", "frozen": True,
            "lines": [{"kind": "labour", "description": "Dépose et pose des tuyauteries", "quantity": "1800",
                       "unit": "hour", "unit_cost": "62.00 EUR", "skill": "fitter", "requirements": ["REQ-1"]}],
            "overhead_rates": {"labour": 3000, "material": 1000, "equipment": 1000, "subcontract": 800,
                               "travel": 500, "other": 1000},
            "contingency": "3600.00 EUR", "pricing": "margin", "margin_rate": 1700, "vat_rate": 2000,
            "lead_time_days": 60, "validity": "2026-05-31", "payment_days": 45, "payment_end_of_month": False,
            "advance_rate": 1000, "progress_billing": True, "retention_rate": 500,
            "acknowledged_flags": ["work-at-height", "hot-work"], "notes": ["Permis de feu"]}]}]
    affair = {
        "id": AFFAIR_ID, "client_id": consultation["client_id"], "consultation_id": consultation["id"],
        "offer_id": AFFAIR_ID, "revision": "A", "contract_reference": "CDE-FH-2026-117", "signed": "2026-04-20",
        "contract_amount": "195000.00 EUR", "vat_rate": 2000, "lead_time_days": 60, "payment_days": 45,
        "payment_end_of_month": False, "advance_rate": 1000, "progress_billing": True, "retention_rate": 500,
        "budget": [{"kind": "labour", "amount": "111600.00 EUR"}], "budget_total": "111600.00 EUR",
        "overheads": "33480.00 EUR", "contingency": "3600.00 EUR"}
    if plan is not None:
        affair["plan"] = copy.deepcopy(plan)
    doc["affairs"] = [affair]
    return doc


def _plan(path, value=None, delete=False, append=False):
    """A change to the plan of the first affair at path."""
    def change(doc):
        target = doc["affairs"][0]["plan"]
        for key in path[:-1]:
            target = target[key]
        if delete:
            del target[path[-1]]
        elif append:
            target[path[-1]].append(copy.deepcopy(value))
        else:
            target[path[-1]] = value
    return change


PLAN_PATH = "$.affairs[0].plan"

# Plan fragments the schema refuses; the loader refuses them at the path.
INVALID_PLANS = {
    "hazard absence end without resource": (lambda doc: [doc["affairs"][0]["plan"]["hazards"][1].pop(name)
                                                         for name in ("resource", "unavailable_from")],
                                            ".hazards[1].unavailable_to"),
    "plan as array": (lambda doc: doc["affairs"][0].update(plan=[]), ""),
    "plan unknown member": (_plan(["finish"], "2026-06-01"), ".finish"),
    "plan start impossible": (_plan(["start"], "2026-04-31"), ".start"),
    "tasks as object": (_plan(["tasks"], {}), ".tasks"),
    "task duration 100001": (_plan(["tasks", 3, "duration"], 100001), ".tasks[3].duration"),
    "task duration negative": (_plan(["tasks", 3, "duration"], -1), ".tasks[3].duration"),
    "task duration as fraction": (_plan(["tasks", 3, "duration"], 2.5), ".tasks[3].duration"),
    "task without duration": (_plan(["tasks", 3, "duration"], delete=True), ".tasks[3].duration"),
    "task without kind": (_plan(["tasks", 0, "kind"], delete=True), ".tasks[0].kind"),
    "task kind unknown": (_plan(["tasks", 0, "kind"], "meeting"), ".tasks[0].kind"),
    "task without party": (_plan(["tasks", 1, "party"], delete=True), ".tasks[1].party"),
    "task party unknown": (_plan(["tasks", 1, "party"], "contractor"), ".tasks[1].party"),
    "task without progress": (_plan(["tasks", 2, "progress"], delete=True), ".tasks[2].progress"),
    "task progress 101": (_plan(["tasks", 2, "progress"], 101), ".tasks[2].progress"),
    "task without id": (_plan(["tasks", 0, "id"], delete=True), ".tasks[0].id"),
    "task id with a space": (_plan(["tasks", 4, "id"], "M 1"), ".tasks[4].id"),
    "task effort negative": (_plan(["tasks", 0, "effort_minutes"], -1), ".tasks[0].effort_minutes"),
    "task effort beyond 600000000": (_plan(["tasks", 0, "effort_minutes"], 600000001),
                                     ".tasks[0].effort_minutes"),
    "task effort as fraction": (_plan(["tasks", 0, "effort_minutes"], 4200.5), ".tasks[0].effort_minutes"),
    "task effort as string": (_plan(["tasks", 0, "effort_minutes"], "4200"), ".tasks[0].effort_minutes"),
    "task effort in hours": (_plan(["tasks", 0, "effort_hours"], 70), ".tasks[0].effort_hours"),
    "task unknown member": (_plan(["tasks", 0, "early_start"], "2026-05-04"), ".tasks[0].early_start"),
    "task date impossible": (_plan(["tasks", 2, "start_no_earlier_than"], "2026-02-30"),
                             ".tasks[2].start_no_earlier_than"),
    "dangerous work repeated": (_plan(["tasks", 2, "dangerous_work"], ["hot-work", "hot-work"]),
                                ".tasks[2].dangerous_work[1]"),
    "dangerous work none": (_plan(["tasks", 2, "dangerous_work"], ["none"]), ".tasks[2].dangerous_work[0]"),
    "dangerous work unknown": (_plan(["tasks", 2, "dangerous_work"], ["fall-from-height"]),
                               ".tasks[2].dangerous_work[0]"),
    "risk ids not strings": (_plan(["tasks", 2, "risk_ids"], [1]), ".tasks[2].risk_ids[0]"),
    "dependency type unknown": (_plan(["dependencies", 0, "type"], "fs"), ".dependencies[0].type"),
    "dependency without type": (_plan(["dependencies", 0, "type"], delete=True), ".dependencies[0].type"),
    "dependency without lag": (_plan(["dependencies", 0, "lag"], delete=True), ".dependencies[0].lag"),
    "dependency lag beyond 100000": (_plan(["dependencies", 0, "lag"], 100001), ".dependencies[0].lag"),
    "dependency lag below -100000": (_plan(["dependencies", 0, "lag"], -100001), ".dependencies[0].lag"),
    "dependency without successor": (_plan(["dependencies", 1, "successor"], delete=True),
                                     ".dependencies[1].successor"),
    "dependency unknown member": (_plan(["dependencies", 0, "critical"], True), ".dependencies[0].critical"),
    "weekday unknown": (_plan(["calendar", "weekdays"], ["monday", "lundi"]), ".calendar.weekdays[1]"),
    "weekday repeated": (_plan(["calendar", "weekdays"], ["monday", "monday"]), ".calendar.weekdays[1]"),
    "calendar without french": (_plan(["calendar", "french"], delete=True), ".calendar.french"),
    "calendar without alsace_moselle": (_plan(["calendar", "alsace_moselle"], delete=True),
                                        ".calendar.alsace_moselle"),
    "calendar unknown member": (_plan(["calendar", "hours_per_day"], 8), ".calendar.hours_per_day"),
    "holiday without date": (_plan(["calendar", "holidays", 1, "date"], delete=True),
                             ".calendar.holidays[1].date"),
    "holiday date impossible": (_plan(["calendar", "holidays", 1, "date"], "2026-02-29"),
                                ".calendar.holidays[1].date"),
    "exception without working": (_plan(["calendar", "exceptions", 0, "working"], delete=True),
                                  ".calendar.exceptions[0].working"),
    "exception working as string": (_plan(["calendar", "exceptions", 0, "working"], "yes"),
                                    ".calendar.exceptions[0].working"),
    "exception without to": (_plan(["calendar", "exceptions", 1, "to"], delete=True),
                             ".calendar.exceptions[1].to"),
    "baseline without name": (_plan(["baselines", 0, "name"], delete=True), ".baselines[0].name"),
    "baseline task without finish": (_plan(["baselines", 0, "tasks", 0, "finish"], delete=True),
                                     ".baselines[0].tasks[0].finish"),
    "baseline task with a float": (_plan(["baselines", 0, "tasks", 0, "float"], 0),
                                   ".baselines[0].tasks[0].float"),
    "baseline name empty": (_plan(["baselines", 0, "name"], ""), ".baselines[0].name"),
    "contract end impossible": (_plan(["contract_end"], "2026-06-31"), ".contract_end"),
    # The members of a task new in the plan of resources, hazards and coordination.
    "task hazard delay beyond 100000": (_plan(["tasks", 2, "hazard_delay"], 100001), ".tasks[2].hazard_delay"),
    "task levelling delay negative": (_plan(["tasks", 2, "levelling_delay"], -1), ".tasks[2].levelling_delay"),
    "task levelling delay as string": (_plan(["tasks", 2, "levelling_delay"], "1"), ".tasks[2].levelling_delay"),
    "task report days beyond 1000": (_plan(["tasks", 3, "report_days"], 1001), ".tasks[3].report_days"),
    "task report received impossible": (_plan(["tasks", 3, "report_received"], "2026-06-31"),
                                        ".tasks[3].report_received"),
    "task required_for as array": (_plan(["tasks", 3, "required_for"], ["M1"]), ".tasks[3].required_for"),
    "task regulatory basis as number": (_plan(["tasks", 3, "regulatory_basis"], 3452),
                                        ".tasks[3].regulatory_basis"),
    "raci as object": (_plan(["tasks", 0, "raci"], {"Claire Martin": "accountable"}), ".tasks[0].raci"),
    "raci entry as string": (_plan(["tasks", 0, "raci", 1], "Marc Schmitt"), ".tasks[0].raci[1]"),
    "raci role none": (_plan(["tasks", 0, "raci", 1, "role"], "none"), ".tasks[0].raci[1].role"),
    "raci role unknown": (_plan(["tasks", 0, "raci", 1, "role"], "approver"), ".tasks[0].raci[1].role"),
    "raci role in capitals": (_plan(["tasks", 0, "raci", 1, "role"], "A"), ".tasks[0].raci[1].role"),
    "raci without role": (_plan(["tasks", 0, "raci", 1, "role"], delete=True), ".tasks[0].raci[1].role"),
    "raci without person": (_plan(["tasks", 0, "raci", 1, "person"], delete=True), ".tasks[0].raci[1].person"),
    "raci person empty": (_plan(["tasks", 0, "raci", 1, "person"], ""), ".tasks[0].raci[1].person"),
    "raci unknown member": (_plan(["tasks", 0, "raci", 0, "since"], "2026-05-04"), ".tasks[0].raci[0].since"),
    "raci two accountable": (_plan(["tasks", 2, "raci", 2, "role"], "accountable"), ".tasks[2].raci[2].role"),
    # Resources.
    "resources as object": (_plan(["resources"], {}), ".resources"),
    "resource without id": (_plan(["resources", 0, "id"], delete=True), ".resources[0].id"),
    "resource id with a space": (_plan(["resources", 2, "id"], "c martin"), ".resources[2].id"),
    "resource without kind": (_plan(["resources", 0, "kind"], delete=True), ".resources[0].kind"),
    "resource kind unknown": (_plan(["resources", 1, "kind"], "crane"), ".resources[1].kind"),
    "resource without capacity": (_plan(["resources", 2, "capacity_minutes"], delete=True),
                                  ".resources[2].capacity_minutes"),
    "resource capacity beyond 1440000": (_plan(["resources", 0, "capacity_minutes"], 1440001),
                                         ".resources[0].capacity_minutes"),
    "resource capacity in hours": (_plan(["resources", 0, "capacity_hours"], 28), ".resources[0].capacity_hours"),
    "resource cost rate negative": (_plan(["resources", 1, "cost_rate"], "-95.00 EUR"), ".resources[1].cost_rate"),
    "resource cost rate malformed": (_plan(["resources", 1, "cost_rate"], "95 €"), ".resources[1].cost_rate"),
    "resource cost rate as number": (_plan(["resources", 1, "cost_rate"], 95), ".resources[1].cost_rate"),
    "resource calendar weekday unknown": (_plan(["resources", 0, "calendar", "weekdays", 0], "lundi"),
                                          ".resources[0].calendar.weekdays[0]"),
    "resource calendar without french": (_plan(["resources", 0, "calendar", "french"], delete=True),
                                         ".resources[0].calendar.french"),
    "resource skills not strings": (_plan(["resources", 0, "skills"], [1]), ".resources[0].skills[0]"),
    # Assignments.
    "assignments as object": (_plan(["assignments"], {}), ".assignments"),
    "assignment with both amounts": (_plan(["assignments", 1, "minutes_per_day"], 420), ".assignments[1]"),
    "assignment with neither amount": (_plan(["assignments", 0, "minutes_per_day"], delete=True),
                                       ".assignments[0]"),
    "assignment of 0 minutes a day": (_plan(["assignments", 0, "minutes_per_day"], 0),
                                      ".assignments[0].minutes_per_day"),
    "assignment total beyond 600000000": (_plan(["assignments", 1, "total_minutes"], 600000001),
                                          ".assignments[1].total_minutes"),
    "assignment total as fraction": (_plan(["assignments", 1, "total_minutes"], 72630.5),
                                     ".assignments[1].total_minutes"),
    "assignment in hours": (_plan(["assignments", 0, "hours_per_day"], 7), ".assignments[0].hours_per_day"),
    "assignment without task": (_plan(["assignments", 2, "task"], delete=True), ".assignments[2].task"),
    "assignment without resource": (_plan(["assignments", 2, "resource"], delete=True),
                                    ".assignments[2].resource"),
    # Hazards.
    "hazards as object": (_plan(["hazards"], {}), ".hazards"),
    "hazard without id": (_plan(["hazards", 0, "id"], delete=True), ".hazards[0].id"),
    "hazard id empty": (_plan(["hazards", 0, "id"], ""), ".hazards[0].id"),
    "hazard without date": (_plan(["hazards", 0, "date"], delete=True), ".hazards[0].date"),
    "hazard date impossible": (_plan(["hazards", 0, "date"], "2026-02-29"), ".hazards[0].date"),
    "hazard without cause": (_plan(["hazards", 0, "cause"], delete=True), ".hazards[0].cause"),
    "hazard cause unknown": (_plan(["hazards", 0, "cause"], "strike"), ".hazards[0].cause"),
    "hazard delay beyond 10000": (_plan(["hazards", 0, "delay_days"], 10001), ".hazards[0].delay_days"),
    "hazard delay negative": (_plan(["hazards", 0, "delay_days"], -2), ".hazards[0].delay_days"),
    "hazard task ids not strings": (_plan(["hazards", 0, "task_ids"], [2]), ".hazards[0].task_ids[0]"),
    "hazard task ids as string": (_plan(["hazards", 0, "task_ids"], "T2"), ".hazards[0].task_ids"),
    "hazard absence without from": (_plan(["hazards", 1, "unavailable_from"], delete=True),
                                    ".hazards[1].unavailable_from"),
    "hazard absence without to": (_plan(["hazards", 1, "unavailable_to"], delete=True),
                                  ".hazards[1].unavailable_to"),
    "hazard absence without resource": (_plan(["hazards", 1, "resource"], delete=True),
                                        ".hazards[1].unavailable_from"),
    "hazard unknown member": (_plan(["hazards", 0, "impact"], "2 jours"), ".hazards[0].impact"),
    # The prevention plan.
    "prevention plan as array": (_plan(["prevention_plan"], []), ".prevention_plan"),
    "prevention plan unknown member": (_plan(["prevention_plan", "coordinator"], "Claire Martin"),
                                       ".prevention_plan.coordinator"),
    "joint inspection impossible": (_plan(["prevention_plan", "joint_inspection"], "2026-05-32"),
                                    ".prevention_plan.joint_inspection"),
    "participants not strings": (_plan(["prevention_plan", "participants"], [{"name": "Claire Martin"}]),
                                 ".prevention_plan.participants[0]"),
    "interference without measures": (_plan(["prevention_plan", "interferences", 0, "measures"], delete=True),
                                      ".prevention_plan.interferences[0].measures"),
    "interference description empty": (_plan(["prevention_plan", "interferences", 1, "description"], ""),
                                       ".prevention_plan.interferences[1]"),
    "interference zone as number": (_plan(["prevention_plan", "interferences", 0, "zone"], 2),
                                    ".prevention_plan.interferences[0].zone"),
    "signature party unknown": (_plan(["prevention_plan", "signatures", 0, "party"], "owner"),
                                ".prevention_plan.signatures[0].party"),
    "signature without date": (_plan(["prevention_plan", "signatures", 1, "date"], delete=True),
                               ".prevention_plan.signatures[1].date"),
    "signature without organisation": (_plan(["prevention_plan", "signatures", 1, "organisation"], delete=True),
                                       ".prevention_plan.signatures[1].organisation"),
    "signature name empty": (_plan(["prevention_plan", "signatures", 1, "name"], ""),
                             ".prevention_plan.signatures[1].name"),
    "signatures without joint inspection": (_plan(["prevention_plan", "joint_inspection"], delete=True),
                                            ".prevention_plan.signatures[0].date"),
}

# Plans the schema accepts but the loader refuses (format.md, "(loader)").
LOADER_PLANS = {
    "duplicate task id": (_plan(["tasks"], dict(PLAN["tasks"][0], progress=0), append=True), ".tasks[5].id"),
    "task id of 66 bytes": (_plan(["tasks"], {"id": "é" * 33, "duration": 1, "kind": "task", "party": "internal",
                                              "progress": 0}, append=True), ".tasks[5].id"),
    "dangling predecessor": (_plan(["dependencies", 2, "predecessor"], "T9"), ".dependencies[2].predecessor"),
    "dangling successor": (_plan(["dependencies", 1, "successor"], "T9"), ".dependencies[1].successor"),
    "task that depends on itself": (_plan(["dependencies"], {"predecessor": "T2", "successor": "T2",
                                                             "type": "finish-start", "lag": 0}, append=True),
                                    ".dependencies[5]"),
    "duplicate dependency": (_plan(["dependencies"], {"predecessor": "T1", "successor": "T2",
                                                      "type": "start-start", "lag": 3}, append=True),
                             ".dependencies[5]"),
    "holiday given twice": (_plan(["calendar", "holidays", 1, "date"], "2026-07-24"),
                            ".calendar.holidays[1].date"),
    "exception ending before it starts": (_plan(["calendar", "exceptions", 0, "to"], "2026-05-22"),
                                          ".calendar.exceptions[0].to"),
    "duplicate baseline name": (_plan(["baselines"], {"name": "contrat", "tasks": []}, append=True),
                                ".baselines[1].name"),
    "baseline task given twice": (_plan(["baselines", 0, "tasks", 1, "id"], "T1"), ".baselines[0].tasks[1].id"),
    "baseline task finishing before it starts": (_plan(["baselines", 0, "tasks", 2, "finish"], "2026-05-22"),
                                                 ".baselines[0].tasks[2].finish"),
    "person named twice in a raci": (_plan(["tasks", 2, "raci", 2, "person"], "Karim Benali"),
                                     ".tasks[2].raci[2].person"),
    "duplicate resource id": (_plan(["resources"], dict(PLAN["resources"][2], name="Claire M."), append=True),
                              ".resources[3].id"),
    "resource id of 66 bytes": (_plan(["resources"], {"id": "é" * 33, "kind": "person", "capacity_minutes": 420},
                                      append=True), ".resources[3].id"),
    "resource holiday given twice": (_plan(["resources", 0, "calendar", "holidays", 0, "date"], "2026-08-21"),
                                     ".resources[0].calendar.holidays[1].date"),
    "resource exception ending before it starts": (_plan(["resources", 0, "calendar", "exceptions", 2, "to"],
                                                         "2026-05-29"), ".resources[0].calendar.exceptions[2].to"),
    "assignment to a missing task": (_plan(["assignments", 0, "task"], "T9"), ".assignments[0].task"),
    "assignment of a missing resource": (_plan(["assignments", 1, "resource"], "EQ-SOUD-C"),
                                         ".assignments[1].resource"),
    "duplicate assignment": (_plan(["assignments"], {"task": "T3", "resource": "GRUE-25T", "total_minutes": 600},
                                   append=True), ".assignments[3]"),
    "duplicate hazard id": (_plan(["hazards", 1, "id"], "ALEA-1"), ".hazards[1].id"),
    "hazard id of 66 bytes": (_plan(["hazards", 0, "id"], "é" * 33), ".hazards[0].id"),
    "absence ending before it starts": (_plan(["hazards", 1, "unavailable_to"], "2026-05-29"),
                                        ".hazards[1].unavailable_to"),
    "signature before the joint inspection": (_plan(["prevention_plan", "signatures", 0, "date"], "2026-05-11"),
                                              ".prevention_plan.signatures[0].date"),
    "organisation signing twice": (_plan(["prevention_plan", "signatures", 1, "organisation"],
                                         "Fonderie de Hayange"), ".prevention_plan.signatures[1].organisation"),
    "inspection required for a task the plan does not have": (_plan(["tasks", 3, "required_for"], "T9"),
                                                              ".tasks[3].required_for"),
    "joint inspection without participants": (_plan(["prevention_plan", "participants"], delete=True),
                                              ".prevention_plan.participants"),
    "participants without joint inspection": (lambda doc: doc["affairs"][0]["plan"].update(
        prevention_plan={"participants": ["Claire Martin"]}), ".prevention_plan.participants"),
}

# Plans that the schema and the loader both accept: a plan is data.
ACCEPTED_PLANS = {
    "dependency cycle": _plan(["dependencies"], {"predecessor": "T4", "successor": "T2", "type": "finish-start",
                                                 "lag": 0}, append=True),
    "reverse pair": _plan(["dependencies"], {"predecessor": "T2", "successor": "T1", "type": "start-start",
                                             "lag": 0}, append=True),
    "actual finish before actual start": _plan(["tasks", 0, "actual_finish"], "2026-05-01"),
    "overlapping exceptions": _plan(["calendar", "exceptions"], {"from": "2026-08-10", "to": "2026-08-20",
                                                                 "working": True}, append=True),
    "baseline of a removed task": _plan(["baselines", 0, "tasks", 2, "id"], "T9"),
    "baseline without tasks": _plan(["baselines"], {"name": "vide"}, append=True),
    "effort of 0 minutes": _plan(["tasks", 2, "effort_minutes"], 0),
    "milestone with a duration": _plan(["tasks", 4, "duration"], 3),
    "no weekdays": _plan(["calendar", "weekdays"], []),
    "plan without start": _plan(["start"], delete=True),
    "plan without calendar": _plan(["calendar"], delete=True),
    "empty plan": lambda doc: doc["affairs"][0].update(plan={}),
    # Hazards are records of what happened: what they name is not looked up.
    "hazard of a task the plan does not have": _plan(["hazards", 0, "task_ids"], ["T2", "T9"]),
    "hazard of a resource the plan does not have": _plan(["hazards", 1, "resource"], "EQ-SOUD-C"),
    "hazard that changes nothing": _plan(["hazards"], {"id": "ALEA-3", "date": "2026-05-27", "cause": "weather"},
                                         append=True),
    "hazard with a task and no delay": _plan(["hazards", 0, "delay_days"], delete=True),
    "hazard delay on a milestone": _plan(["tasks", 4, "hazard_delay"], 3),
    "inspection required for itself": _plan(["tasks", 3, "required_for"], "T4"),
    "assignment to a milestone": _plan(["assignments"], {"task": "M1", "resource": "c.martin",
                                                         "minutes_per_day": 60}, append=True),
    "resource of no capacity": _plan(["resources", 1, "capacity_minutes"], 0),
    "resource cost rate of minus zero": _plan(["resources", 1, "cost_rate"], "-0.00 EUR"),
    "resource cost rate in another currency": _plan(["resources", 1, "cost_rate"], "110.00 USD"),
    "contract end before the start": _plan(["contract_end"], "2026-05-01"),
    "raci without anyone accountable": _plan(["tasks", 0, "raci", 0, "role"], "responsible"),
    "signed by the client only": _plan(["prevention_plan", "signatures", 1], delete=True),
    "signed on the day of the joint inspection": _plan(["prevention_plan", "signatures", 0, "date"], "2026-05-12"),
    "empty prevention plan": _plan(["prevention_plan"], {}),
    "plan without prevention plan": _plan(["prevention_plan"], delete=True),
}


class TestPlans(SchemaTestCase):
    def setUp(self):
        self.doc = with_plan(self.example)

    def test_schema_version(self):
        self.assertEqual("urn:libaffaires:portfolio:%d" % NEWEST_VERSION, self.schema["$id"])
        self.assertEqual(list(range(1, NEWEST_VERSION + 1)), self.schema["properties"]["version"]["enum"])
        self.assertEqual("#/$defs/plan", self.schema["$defs"]["affair"]["properties"]["plan"]["$ref"])
        self.assertNotIn("plan", self.schema["$defs"]["affair"]["required"])

    def test_plan_validates(self):
        self.assertValid(self.doc, "document with a plan")
        self.assertEqual([], document_problems(self.doc))

    def test_plan_has_every_member(self):
        # The plan of this file uses every member the schema defines for a
        # plan and what it holds, so that the round trip covers them all.
        defs = self.schema["$defs"]
        prevention = PLAN["prevention_plan"]
        objects = {
            "plan": [PLAN], "calendar": [PLAN["calendar"]], "task": PLAN["tasks"],
            "dependency": PLAN["dependencies"], "baseline": PLAN["baselines"], "resource": PLAN["resources"],
            "assignment": PLAN["assignments"], "hazard": PLAN["hazards"], "prevention-plan": [prevention],
            "interference": prevention["interferences"], "signature": prevention["signatures"],
            "raci-entry": [entry for task in PLAN["tasks"] for entry in task.get("raci", [])],
        }
        for name, items in objects.items():
            with self.subTest(definition=name):
                used = set().union(*(set(item) for item in items))
                self.assertEqual(sorted(defs[name]["properties"]), sorted(used))
        self.assertEqual(PLAN_MEMBERS, list(defs["plan"]["properties"]))

    def test_version_2_affair_without_plan_validates(self):
        doc = with_plan(self.example, plan=None)
        for version in (2, NEWEST_VERSION):
            doc["version"] = version
            with self.subTest(version=version):
                self.assertValid(doc, "version-%d affair without a plan" % version)
                self.assertEqual([], document_problems(doc))

    def test_invalid_plans_are_refused(self):
        for name, (change, _) in INVALID_PLANS.items():
            with self.subTest(variant=name):
                self.assertInvalid(variant(self.doc, change))

    def test_loader_plans(self):
        for name, (change, path) in LOADER_PLANS.items():
            with self.subTest(variant=name):
                doc = variant(self.doc, change)
                self.assertValid(doc, name)
                problems = document_problems(doc)
                self.assertEqual(1, len(problems), problems)
                self.assertTrue(problems[0].startswith(PLAN_PATH + path + ":"), problems)

    def test_accepted_plans(self):
        for name, change in ACCEPTED_PLANS.items():
            with self.subTest(variant=name):
                doc = variant(self.doc, change)
                self.assertValid(doc, name)
                self.assertEqual([], document_problems(doc))


@unittest.skipIf(Aff is None, "the Aff typelib cannot be loaded")
class TestPlansAgainstTheLoader(SchemaTestCase):
    """The library's loader agrees with the schema and with plan_problems()."""

    def setUp(self):
        self.doc = with_plan(self.example)

    def load(self, doc):
        return Aff.Portfolio.new_from_data(json.dumps(doc, ensure_ascii=False), -1)

    def assertRefusedAt(self, doc, path):
        with self.assertRaises(GLib.Error) as cm:
            self.load(doc)
        self.assertTrue(cm.exception.matches(Aff.error_quark(), Aff.Error.INVALID_DOCUMENT), cm.exception.message)
        self.assertTrue(cm.exception.message.startswith(path + ":"), cm.exception.message)

    def test_plan_round_trip(self):
        portfolio = self.load(self.doc)
        saved = json.loads(portfolio.to_data()[0])
        self.assertEqual(NEWEST_VERSION, saved["version"])
        self.assertEqual(PLAN, saved["affairs"][0]["plan"])
        # the plan comes before the financial follow-up and the dossier, the
        # affair's last members; its members in the order of format.md
        self.assertEqual(["plan", "finance", "dossier"], list(saved["affairs"][0])[-3:])
        self.assertEqual(PLAN_MEMBERS, list(saved["affairs"][0]["plan"]))
        self.assertEqual(["joint_inspection", "participants", "interferences", "signatures"],
                         list(saved["affairs"][0]["plan"]["prevention_plan"]))
        # and the members of what a plan holds in the order of the schema, which is that of format.md
        plan = saved["affairs"][0]["plan"]
        prevention = plan["prevention_plan"]
        for definition, items in (("calendar", [plan["calendar"]] + [r["calendar"] for r in plan["resources"]
                                                                    if "calendar" in r]),
                                  ("task", plan["tasks"]), ("resource", plan["resources"]),
                                  ("assignment", plan["assignments"]), ("hazard", plan["hazards"]),
                                  ("interference", prevention["interferences"]),
                                  ("signature", prevention["signatures"]),
                                  ("raci-entry", [e for task in plan["tasks"] for e in task.get("raci", [])])):
            order = list(self.schema["$defs"][definition]["properties"])
            for item in items:
                with self.subTest(definition=definition):
                    self.assertEqual(sorted(item, key=order.index), list(item))
        self.assertValid(saved, "saved document with a plan")
        self.assertEqual([], document_problems(saved))

    def test_version_2_affair_gets_an_empty_plan(self):
        for version in (2, NEWEST_VERSION):
            doc = with_plan(self.example, plan=None)
            doc["version"] = version
            with self.subTest(version=version):
                portfolio = self.load(doc)
                self.assertEqual(len(doc["journal"]["entries"]), portfolio.get_journal().get_n_entries())
                saved = json.loads(portfolio.to_data()[0])
                self.assertEqual(NEWEST_VERSION, saved["version"])
                # contract_end: 60 working days (lead_time_days) after 2026-04-20, on
                # the French calendar (1, 8, 14 and 25 May and 14 July off).
                self.assertEqual({"start": doc["affairs"][0]["signed"], "contract_end": "2026-07-20",
                                  "calendar": DEFAULT_CALENDAR, "tasks": [], "dependencies": [],
                                  "baselines": [], "resources": [], "assignments": [], "hazards": [],
                                  "prevention_plan": {"interferences": [], "signatures": []}},
                                 saved["affairs"][0]["plan"])
                self.assertValid(saved, "migrated document")

    def test_invalid_plans_are_refused_at_their_path(self):
        for name, (change, path) in INVALID_PLANS.items():
            with self.subTest(variant=name):
                self.assertRefusedAt(variant(self.doc, change), PLAN_PATH + path)

    def test_loader_plans_are_refused_at_their_path(self):
        for name, (change, path) in LOADER_PLANS.items():
            with self.subTest(variant=name):
                self.assertRefusedAt(variant(self.doc, change), PLAN_PATH + path)

    def test_accepted_plans_load(self):
        for name, change in ACCEPTED_PLANS.items():
            with self.subTest(variant=name):
                self.load(variant(self.doc, change))

    def test_scheduling_refuses_what_the_loader_accepts(self):
        for name, code in (("dependency cycle", Aff.Error.CYCLE), ("reverse pair", Aff.Error.CYCLE),
                           ("actual finish before actual start", Aff.Error.INVALID_VALUE)):
            with self.subTest(variant=name):
                plan = self.load(variant(self.doc, ACCEPTED_PLANS[name])).lookup_affair(AFFAIR_ID).get_plan()
                with self.assertRaises(GLib.Error) as cm:
                    plan.schedule()
                self.assertTrue(cm.exception.matches(Aff.error_quark(), code), cm.exception.message)
        self.assertTrue(self.load(self.doc).lookup_affair(AFFAIR_ID).get_plan().schedule())

    def test_removing_a_task_clears_what_required_it(self):
        # required_for names a task of the plan, in the document (the loader
        # checks it) and in memory (removing the task clears it).
        plan = self.load(self.doc).lookup_affair(AFFAIR_ID).get_plan()
        self.assertEqual("M1", plan.lookup_task("T4").get_required_for())
        plan.remove_task("M1")
        self.assertIsNone(plan.lookup_task("T4").get_required_for())

    def test_loaded_records_are_kept(self):
        plan = self.load(self.doc).lookup_affair(AFFAIR_ID).get_plan()
        hazards = plan.get_hazards()
        self.assertEqual(["ALEA-1", "ALEA-2"], [hazards.get_item(i).get_id() for i in range(hazards.get_n_items())])
        self.assertTrue(all(hazards.get_item(i).is_applied() for i in range(hazards.get_n_items())))
        self.assertTrue(plan.get_prevention_plan().is_signed())
        self.assertEqual(Aff.RaciRole.ACCOUNTABLE, plan.lookup_task("T3").get_raci("Claire Martin"))
        self.assertEqual(72630, plan.get_assignments()[1].get_total_minutes())

    def test_newer_version_is_refused(self):
        doc = copy.deepcopy(self.doc)
        doc["version"] = NEWEST_VERSION + 1
        with self.assertRaises(GLib.Error) as cm:
            self.load(doc)
        self.assertTrue(cm.exception.matches(Aff.error_quark(), Aff.Error.UNSUPPORTED_VERSION))


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

    def test_well_formed_documents_are_refused(self):
        # Every hostile document refused at a JSON path (not at a line and
        # column of the text) breaks a rule that the schema or this file's
        # loader checks can see.
        schema = load_json(SCHEMA_PATH)
        validator = Validator(schema)
        with open(os.path.join(HOSTILE, "EXPECTED"), encoding="utf-8") as f:
            lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
        for name, nick, where in lines:
            if where.startswith("line"):
                continue
            try:
                doc = load_json(os.path.join(HOSTILE, name))
            except (ValueError, RecursionError):
                continue
            with self.subTest(document=name):
                if nick == "unsupported-version":
                    # Beyond every version this schema (and the library) reads.
                    self.assertIsInstance(doc["version"], int)
                    self.assertGreater(doc["version"], NEWEST_VERSION,
                                       "%s: version %d is readable since format %d; an unsupported-version "
                                       "document of the corpus needs a newer version"
                                       % (name, doc["version"], doc["version"]))
                    continue
                refused = not validator.is_valid(doc) or bool(document_problems(doc))
                self.assertTrue(refused, "%s is accepted" % name)


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
