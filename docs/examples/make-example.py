#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes docs/examples/portfolio-example.json and the copy of it (with the
worked hash of its first journal entry) embedded in docs/format.md, so that
the two never drift apart.  Run it again after changing the example:

    /usr/bin/python3 docs/examples/make-example.py

The journal hashes are computed here by the rule of docs/format.md, section
"Journal"; tests/python/test_schema.py checks them with its own code."""

import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.dirname(HERE)
ZERO_HASH = "0" * 64
HASH_FORMAT = 1


def canonical(value):
    """Canonical JSON of docs/format.md: no whitespace, keys in byte order,
    only '"', '\\' and U+0000..U+001F escaped, integers in plain decimal."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        out = ['"']
        for ch in value:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ord(ch) < 0x20:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-8"))
        return "{" + ",".join(canonical(k) + ":" + canonical(value[k]) for k in keys) + "}"
    raise TypeError("no canonical form for %r" % (value,))


def hashed_text(previous, entry):
    return previous + "\n" + canonical([HASH_FORMAT, entry["sequence"], entry["time"], entry["actor"],
                                        entry["kind"], entry["id"], entry["action"], entry["details"]])


def chain(raw_entries):
    entries = []
    previous = ZERO_HASH
    for sequence, (time, actor, kind, entity_id, action, details) in enumerate(raw_entries, 1):
        entry = {"sequence": sequence, "time": time, "actor": actor, "kind": kind, "id": entity_id,
                 "action": action, "details": details, "previous": previous}
        entry["hash"] = hashlib.sha256(hashed_text(previous, entry).encode("utf-8")).hexdigest()
        entries.append(entry)
        previous = entry["hash"]
    return entries


PORTFOLIO_NAME = "Portefeuille Moselle – maintenance industrielle"
ACTIVITIES = ["mechanical-maintenance", "boilermaking", "industrial-piping"]
VISIT_SUMMARY = "Visite du site : préparation de l'arrêt technique \"four n° 2\""
SHOW_SUMMARY = "Rencontre au salon Be 4.0 (Mulhouse) : projet de nouvelle ligne de moulage"
SURVEY_SUMMARY = "Enquête de satisfaction après l'arrêt technique du four n° 2"
STATUS_REASON = "Première commande : arrêt technique du four n° 2"
ACTOR = "claire.martin"
CONSULTATION_TITLE = "Remplacement des tuyauteries d'air de combustion du four n° 3"

# The evaluation below is what the rules of docs/rules.md ("The evaluation")
# give on 2026-03-16 with this policy: every gate passes (both activities are
# the company's; the assessment of 2026-02-20 is fresh and SAFE: Z' = 2.96,
# no payment breach; 18 days to the deadline; no critical risk), then
# strategic-fit 5 (active client), win-rate 3 (no history), margin 5 (17 % >=
# 15 %), risk 2 (RISK-2 has criticality 2 x 5 = 10: HIGH), workload 5
# (1800 h / 20000 h = 9 %), bid-cost 4 (3200 / 185000 = 173 basis points):
# 100 x (20x5 + 15x3 + 25x5 + 20x2 + 10x5 + 10x4) / (5 x 100) = 80 >= 70: go.

document = {
    "format": "libaffaires-portfolio",
    "version": 2,
    "name": PORTFOLIO_NAME,
    "policy": {
        "currency": "EUR",
        "activities": ACTIVITIES,
        "labour_rates": {"boilermaker": "58.00 EUR", "fitter": "62.00 EUR", "welder": "65.50 EUR"},
        "target_margin_rate": 1500,
        "floor_margin_rate": 800,
        "bid_threshold": 70,
        "review_threshold": 50,
        "prevention_plan_hours": 400,
        "retention_rate": 500,
        "offer_reminder_days": 10,
        "risk_critical_threshold": 16,
        "risk_high_threshold": 10,
        "risk_medium_threshold": 5,
        "solvency_max_age_days": 365,
        "max_dso_days": 90,
        "max_average_days_late": 30,
        "max_payment_incidents": 2,
        "min_preparation_days": 10,
        "deadline_warning_days": 7,
        "capacity_hours": 20000,
        "default_vat_rate": 2000,
        "min_validity_days": 30,
        "offer_second_reminder_days": 21,
        "validity_warning_days": 3,
        "follow_up_days": {"prospect": 30, "active": 60, "dormant": 180},
        "language": "fr",
        "bid_weights": {"strategic-fit": 20, "win-rate": 15, "margin": 25, "risk": 20, "workload": 10,
                        "bid-cost": 10},
        "overhead_rates": {"labour": 3000, "material": 1000, "equipment": 1000, "subcontract": 800,
                           "travel": 500, "other": 1000},
    },
    "clients": [
        {
            "id": "gfl",
            "name": "Groupe Fonderies de Lorraine",
            "siren": "542107651",
            "sector": "24.51Z",
            "address": "12 rue des Forges, 57000 Metz",
            "status": "prospect",
            "contacts": [
                {"name": "Hélène Kieffer", "role": "Directrice des achats",
                 "email": "h.kieffer@gfl.example", "phone": "+33 3 87 00 00 01"},
            ],
            "interactions": [
                {"id": "gfl-1", "kind": "trade-show", "date": "2026-01-14", "summary": SHOW_SUMMARY,
                 "contact": "Hélène Kieffer", "next_action_date": "2026-02-16"},
            ],
        },
        {
            "id": "fonderie-hayange",
            "name": "Fonderie de Hayange",
            "siren": "732829320",
            "sector": "24.51Z",
            "address": "3 avenue de la Fensch, 57700 Hayange",
            "follow_up_days": 45,
            "parent_id": "gfl",
            "status": "active",
            "status_history": [
                {"date": "2026-02-03", "from": "prospect", "to": "active", "reason": STATUS_REASON},
            ],
            "contacts": [
                {"name": "Marc Schmitt", "role": "Responsable maintenance",
                 "email": "m.schmitt@fonderie-hayange.example", "phone": "+33 3 82 00 00 02"},
            ],
            "interactions": [
                {"id": "fonderie-hayange-1", "kind": "visit", "date": "2026-01-12", "summary": VISIT_SUMMARY,
                 "contact": "Marc Schmitt", "next_action_date": "2026-01-20"},
                {"id": "fonderie-hayange-2", "kind": "survey", "date": "2026-03-20", "summary": SURVEY_SUMMARY,
                 "contact": "Marc Schmitt", "satisfaction": 8},
            ],
            "solvency": [
                {"date": "2026-02-20", "model": "z-prime",
                 "working_capital": "2400000.00 EUR", "retained_earnings": "3000000.00 EUR",
                 "ebit": "1200000.00 EUR", "book_equity": "5000000.00 EUR",
                 "total_liabilities": "7000000.00 EUR", "total_assets": "12000000.00 EUR",
                 "sales": "24000000.00 EUR",
                 "dso_days": 58, "average_days_late": 4, "payment_incidents": 0,
                 "validated_by": "Sophie Weber (finance)"},
            ],
        },
    ],
    "consultations": [
        {
            "id": "C-2026-001",
            "client_id": "fonderie-hayange",
            "title": CONSULTATION_TITLE,
            "received": "2026-03-02",
            "deadline": "2026-04-03",
            "estimated_value": "185000.00 EUR",
            "activities": ["industrial-piping", "boilermaking"],
            "site": "Fonderie de Hayange, halle B",
            "description": "Dépose et remplacement de 120 m de tuyauteries DN 300 pendant l'arrêt du four n° 3 (semaine 22)",
            "source": "client-request",
            "regulatory_flags": ["work-at-height", "hot-work"],
            "expected_margin_rate": 1700,
            "estimated_hours": 1800,
            "bid_cost": "3200.00 EUR",
            "state": "go",
            "state_history": [
                {"date": "2026-03-04", "from": "received", "to": "qualifying",
                 "reason": "Dossier de consultation complet"},
                {"date": "2026-03-16", "from": "qualifying", "to": "go",
                 "reason": "Go / no-go du 16 mars"},
            ],
            "requirements": [
                {"id": "REQ-1", "text": "Tuyauteries en acier P265GH, soudures contrôlées à 100 % par ressuage"},
            ],
            "clarifications": [
                {"id": "Q-1", "question": "L'arrêt du four n° 3 est-il confirmé en semaine 22 ?",
                 "asked": "2026-03-05", "answer": "Oui, du 25 au 29 mai 2026", "answered": "2026-03-09"},
            ],
            "contributions": [
                {"id": "CON-1", "department": "methods", "who": "Julien Muller",
                 "what": "Phasage des travaux et heures de chaudronnerie et de soudage", "due": "2026-03-13",
                 "answer": "1800 h dont 600 h de soudage ; échafaudages sous-traités", "answered": "2026-03-12"},
            ],
            "risks": [
                {"id": "RISK-1", "title": "Arrêt du four décalé par le client", "category": "schedule",
                 "probability": 3, "impact": 3, "exposure": "12000.00 EUR", "probability_percent": 30,
                 "treatment": "share", "owner": "Claire Martin", "status": "open", "review_date": "2026-05-11"},
                {"id": "RISK-2", "title": "Points chauds à proximité de la fosse de coulée", "category": "safety",
                 "probability": 2, "impact": 5, "treatment": "reduce", "owner": "Julien Muller",
                 "status": "open", "review_date": "2026-05-18"},
            ],
            "evaluation": {"date": "2026-03-16", "verdict": "go", "score": 80},
            "decision": {"date": "2026-03-16", "verdict": "go", "decided_by": "Paul Lefèvre",
                         "justification": "Client actif, marge au-dessus de l'objectif ; permis de feu pour les points chauds",
                         "against_evaluation": False},
        },
    ],
    "journal": {
        "hash_format": HASH_FORMAT,
        "entries": chain([
            ("2026-01-05T08:00:00Z", ACTOR, "portfolio", "portfolio", "changed",
             {"property": "name", "value": PORTFOLIO_NAME}),
            ("2026-01-05T08:01:00Z", ACTOR, "policy", "policy", "changed",
             {"property": "activities", "value": ACTIVITIES}),
            ("2026-01-05T08:02:00Z", ACTOR, "policy", "policy", "labour-rate-set",
             {"skill": "boilermaker", "rate": "58.00 EUR"}),
            ("2026-01-05T08:02:30Z", ACTOR, "policy", "policy", "labour-rate-set",
             {"skill": "fitter", "rate": "62.00 EUR"}),
            ("2026-01-05T08:03:00Z", ACTOR, "policy", "policy", "labour-rate-set",
             {"skill": "welder", "rate": "65.50 EUR"}),
            ("2026-01-09T10:00:00Z", ACTOR, "client", "gfl", "added",
             {"name": "Groupe Fonderies de Lorraine"}),
            ("2026-01-09T10:05:00Z", ACTOR, "client", "fonderie-hayange", "added",
             {"name": "Fonderie de Hayange"}),
            ("2026-01-09T10:06:00Z", ACTOR, "client", "fonderie-hayange", "parent-changed",
             {"parent": "gfl"}),
            ("2026-01-09T10:10:00Z", ACTOR, "client", "fonderie-hayange", "contact-added",
             {"contact": "Marc Schmitt"}),
            ("2026-01-12T17:00:00Z", ACTOR, "client", "fonderie-hayange", "interaction-recorded",
             {"interaction": "fonderie-hayange-1", "kind": "visit", "date": "2026-01-12",
              "summary": VISIT_SUMMARY, "contact": "Marc Schmitt", "next_action_date": "2026-01-20"}),
            ("2026-01-14T18:00:00Z", ACTOR, "client", "gfl", "contact-added",
             {"contact": "Hélène Kieffer"}),
            ("2026-01-14T18:05:00Z", ACTOR, "client", "gfl", "interaction-recorded",
             {"interaction": "gfl-1", "kind": "trade-show", "date": "2026-01-14",
              "summary": SHOW_SUMMARY, "contact": "Hélène Kieffer", "next_action_date": "2026-02-16"}),
            ("2026-02-03T09:00:00Z", ACTOR, "client", "fonderie-hayange", "status-changed",
             {"from": "prospect", "to": "active", "date": "2026-02-03", "reason": STATUS_REASON}),
            ("2026-02-03T09:05:00Z", ACTOR, "client", "fonderie-hayange", "changed",
             {"property": "follow-up-days", "value": 45}),
            ("2026-03-20T14:30:00Z", ACTOR, "client", "fonderie-hayange", "interaction-recorded",
             {"interaction": "fonderie-hayange-2", "kind": "survey", "date": "2026-03-20",
              "summary": SURVEY_SUMMARY, "contact": "Marc Schmitt", "satisfaction": 8}),
        ]),
    },
}


def details_sorted(doc):
    # Details are written with their members in byte order, like their canonical form.
    for entry in doc["journal"]["entries"]:
        entry["details"] = {k: entry["details"][k] for k in sorted(entry["details"], key=lambda k: k.encode())}
    return doc


def replace_between(text, name, body):
    begin, end = "<!-- %s:begin -->\n" % name, "<!-- %s:end -->" % name
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise SystemExit("docs/format.md has no %s markers" % name)
    return pattern.sub(lambda m: begin + body + end, text)


def main():
    text = json.dumps(details_sorted(document), indent=2, ensure_ascii=False) + "\n"
    with open(os.path.join(HERE, "portfolio-example.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    first = document["journal"]["entries"][0]
    worked = ("```text\n" + hashed_text(ZERO_HASH, first) + "\n```\n\n"
              "Its SHA-256, in lowercase hexadecimal, is the entry's `hash`:\n\n"
              "```text\n" + first["hash"] + "\n```\n")
    md_path = os.path.join(DOCS, "format.md")
    with open(md_path, encoding="utf-8") as f:
        md = f.read()
    md = replace_between(md, "example", "```json\n" + text + "```\n")
    md = replace_between(md, "worked-hash", worked)
    with open(md_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(md)


if __name__ == "__main__":
    main()
