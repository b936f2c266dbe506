#!/usr/bin/python3
# The audit of an affair's dossier against the criteria of the role from
# Python: Aff.Portfolio.audit_affair, Aff.Audit and Aff.AuditCriterion,
# through the typelib. A port of tests/c/test-audit.c.
#
# The story, told by hand. ACME Industrie (NAF 28.29B) is visited on
# 16 February 2026; its solvency, analysed on 20 February, is SAFE
# (Z' 3.04). Consultation CONS-1 (pipework) is received on 2 March,
# evaluated on 5 March and decided GO. Offer OFF-1 prices T1 at 500 h of
# labour at 100.00 and T2 at 50 000.00 of material, 5 000.00 of
# contingency, sold 125 000.00 (margin 20 000.00, 16.00 %), a 30 % advance,
# monthly situations, 5 % retention. It is sent on 1 April (deadline
# 15 April), chased by a call on 13 April (the first reminder falls due
# on 11 April, the second on 22 April, after the signature), and signed
# on Monday 20 April (contract CT-2026-017).
#
# The plan: milestone J0 "Lancement", T1 "Montage" (10 working days, on
# the client's site, hot work: a prevention plan is required), I1
# "Contrôle des soudures" (1 day after T1, Bureau Veritas, report within
# 3 working days) and T2 "Tubes" (10 days after T1, tied to risk RISK-1).
# A welder is assigned 7 h a day to T1, for 8 h of capacity. Each task has
# someone responsible. Joint inspection and signatures on 17 April.
#
# Delivery: kick-off R-1 on 21 April, review R-2 on 12 May, both minuted.
# Hazard H1 on 6 May (tubes rejected, T2 three days late) is decided on
# (D-1) on 7 May; incident I-1, told to the client on 7 May, is closed on
# 25 May; action A-1 (due 8 May) is done on 7 May. Costs: 45 000.00 of
# labour on 4 May, order PO-7 of 52 000.00 invoiced 20 000.00 on 11 May
# and 32 000.00 on 25 May: 97 000.00 in all. Progress: T1 50 % on
# 30 April, 80 % on 4 May, done on 6 May; T2 done on 25 May. Each drift of
# the monthly reviews (30 April, 31 May) gets its corrective action
# within the 5 days of the report; the April and May reports go out on
# 4 May and 3 June. Invoices: the advance on 20 April, the April and May
# situations on 30 April and 1 June. Acceptance, REX and close-out on
# 15 June: final margin 125 000.00 − 97 000.00 = 28 000.00 (22.40 %).
# A satisfaction survey follows on 22 June. The audit is on 30 June.
#
# Every expected value is the one the C test asserts, read from that story.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import sys
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd  # noqa: E402

E = Aff.Error
Status = Aff.AuditStatus
Cap = Aff.Capability
K = Aff.LineKind
U = Aff.LineUnit
Cat = Aff.CostCategory
CState = Aff.CostState
TKind = Aff.TaskKind
Variant = Aff.ReportVariant
IKind = Aff.InteractionKind

# The gaps the story may leave (StoryGaps of the C test).
STORY_COMPLETE = 0
STORY_NO_REMINDER_CALL = 1 << 0     # no call between the reminder and the signature
STORY_NO_SURVEY = 1 << 1            # no satisfaction survey after the acceptance
STORY_NO_MINUTES = 1 << 2           # R-2 held without minutes
STORY_NO_RESPONSIBLE = 1 << 3       # nobody responsible for T2
STORY_NO_APRIL_REPORT = 1 << 4      # the April report never sent
STORY_NO_APRIL_ACTIONS = 1 << 5     # the drifts of 30 April never analysed
STORY_NO_IMPROVEMENT = 1 << 6       # a REX without improvement
STORY_GAPS = 0x7f


def M(text):
    return Aff.Money.parse(text)


def ok(result):
    """ASSERT_OK of the C test: the call (which raises on error) returned
    TRUE."""
    if result is not True:
        raise AssertionError('expected True, got %r' % (result,))


def golden(name):
    """The text of a golden file of tests/data/golden, which a rendering
    must equal byte for byte (newline='' keeps its line ends as they
    are)."""
    with open(os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'golden', name), encoding='utf-8',
              newline='') as f:
        return f.read()


# ---- Fixtures (tests/c/test-offer-util.h) -----------------------------------

def new_base_portfolio():
    """A portfolio acting as Claire Martin, its clock fixed at 2026-04-01
    09:00 UTC, the company doing pipework, with the client acme "ACME
    Industrie"."""
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework'])
    ok(p.add_client(Aff.Client.new('acme', 'ACME Industrie')))
    return p


def add_consultation_full(p, cid, client_id, flags, with_requirements, go):
    """A pipework consultation "Tuyauterie <cid>", received 2 March,
    deadline 15 April, qualified 3 March; with requirements, REQ-1 "Tubes
    inox" and REQ-2 "Soudure qualifiée"; evaluated on 5 March and decided
    GO when @go."""
    k = Aff.Consultation.new(cid, client_id, 'Tuyauterie %s' % cid, D(2026, 3, 2), D(2026, 4, 15))
    k.set_activities(['pipework'])
    k.set_regulatory_flags(flags)
    ok(p.add_consultation(k))
    if with_requirements:
        assert k.add_requirement('Tubes inox') == 'REQ-1'
        assert k.add_requirement('Soudure qualifiée') == 'REQ-2'
    ok(k.start_qualification(D(2026, 3, 3), 'analysis'))
    if go:
        assert p.evaluate_consultation(cid, D(2026, 3, 5)) is not None
        ok(p.decide_consultation(cid, Aff.BidVerdict.GO, 'Direction', 'client stratégique'))
        assert k.get_state() == Aff.ConsultationState.GO
    return k


def add_cost_line(rev, kind, description, quantity, unit, cost, lot):
    """A cost line of @quantity @unit at @cost ("50.00 EUR") in @lot."""
    line = Aff.OfferLine.new(kind, description, quantity, unit, M(cost))
    assert line is not None
    line.set_lot(lot)
    ok(rev.add_line(line))


def send(offer, y, m, d):
    ok(offer.send(D(y, m, d)))
    assert offer.get_state() == Aff.OfferState.SENT


# ---- The story ----------------------------------------------------------------

def interact(p, kind, y, m, d, summary, satisfaction):
    interaction = Aff.Interaction.new(kind, D(y, m, d), summary)
    if satisfaction >= 0:
        interaction.set_satisfaction(satisfaction)
    ok(p.record_interaction('acme', interaction))


def cost(affair, y, m, d, work, category, state, amount, document, commitment):
    entry = Aff.CostEntry.new(D(y, m, d), work, category, state, M(amount))
    entry.set_document(document)
    entry.set_commitment(commitment)
    ok(affair.get_ledger().add(entry))


def progress(affair, work, y, m, d, basis_points):
    ok(affair.record_progress(work, D(y, m, d), basis_points))


class Numbering:
    """The next invoice number, F-<n>."""
    def __init__(self, first):
        self.number = first

    def next(self):
        reference = 'F-%u' % self.number
        self.number += 1
        return reference


def invoice_due(affair, y, m, d, numbering):
    """Invoices every item due on the day, numbering them from
    @numbering."""
    date = D(y, m, d)
    items = affair.list_billing_due(date)
    assert len(items) > 0
    for item in items:
        ok(affair.invoice_billing_item(item, numbering.next(), date))


def analyse_drifts(affair, ry, rm, rd, y, m, d):
    """Records, on y-m-d, a corrective action for each drift of the review
    of ry-rm-rd that has none; the number of actions recorded."""
    on = D(y, m, d)
    due = D(2026, 6, 30)
    effect = M('0.00 EUR')
    n = 0
    for drift in affair.list_drifts(D(ry, rm, rd)):
        if drift.get_corrective_action() is not None:
            continue
        action = Aff.CorrectiveAction.new(drift.get_kind(), drift.get_subject(), on,
                                          'Analysé en revue mensuelle', "Plan d'action suivi en réunion",
                                          'Claire Martin', due, effect)
        ok(affair.record_corrective_action(action))
        n += 1
    return n


def add_task(plan, tid, name, days, kind):
    task = Aff.Task.new(tid, name, days)
    task.set_kind(kind)
    ok(plan.add_task(task))
    return task


def plan_the_work(affair, gaps):
    plan = affair.get_plan()
    prevention = plan.get_prevention_plan()
    welder = Aff.Resource.new('soudeur', 'Soudeur', Aff.ResourceKind.PERSON)
    apr17 = D(2026, 4, 17)
    participants = ['Claire Martin', 'J. Durand (ACME)']
    FS = Aff.DependencyType.FINISH_START
    R = Aff.RaciRole.RESPONSIBLE

    add_task(plan, 'J0', 'Lancement', 0, TKind.MILESTONE)
    t1 = add_task(plan, 'T1', 'Montage', 10, TKind.INTERVENTION)
    t1.set_dangerous_work(Aff.RegulatoryFlags.HOT_WORK)
    t1.set_raci('Paul Martin', R)
    i1 = add_task(plan, 'I1', 'Contrôle des soudures', 1, TKind.INSPECTION)
    i1.set_party(Aff.Party.INSPECTION_BODY)
    i1.set_party_name('Bureau Veritas')
    i1.set_regulatory_basis('Arrêté du 15 mars 2000')
    i1.set_report_days(3)
    i1.set_raci('Bureau Veritas', R)
    t2 = add_task(plan, 'T2', 'Tubes', 10, TKind.TASK)
    t2.set_risk_ids(['RISK-1'])
    if not gaps & STORY_NO_RESPONSIBLE:
        t2.set_raci('Claire Martin', R)
    ok(plan.add_dependency('J0', 'T1', FS, 0))
    ok(plan.add_dependency('T1', 'I1', FS, 0))
    ok(plan.add_dependency('T1', 'T2', FS, 0))
    welder.set_capacity_minutes(8 * 60)
    ok(plan.add_resource(welder))
    ok(plan.assign('T1', 'soudeur', 7))
    ok(plan.schedule())
    assert ymd(t1.get_early_finish()) == (2026, 5, 4), ymd(t1.get_early_finish())
    assert ymd(t2.get_early_finish()) == (2026, 5, 20), ymd(t2.get_early_finish())
    ok(plan.save_baseline('contrat'))
    ok(prevention.record_joint_inspection(apr17, participants))
    ok(prevention.sign('J. Durand', 'ACME Industrie', Aff.Party.CLIENT, apr17))
    ok(prevention.sign('Claire Martin', 'Tuyauterie Martin', Aff.Party.INTERNAL, apr17))


def follow_the_work(p, affair, gaps):
    plan = affair.get_plan()
    dossier = affair.get_dossier()
    apr20, apr21 = D(2026, 4, 20), D(2026, 4, 21)
    may6, may7, may8 = D(2026, 5, 6), D(2026, 5, 7), D(2026, 5, 8)
    may11, may12, may25 = D(2026, 5, 11), D(2026, 5, 12), D(2026, 5, 25)
    kick_off = Aff.Meeting.new('R-1', Aff.MeetingKind.KICK_OFF, apr21, 'Lancement')
    review = Aff.Meeting.new('R-2', Aff.MeetingKind.PROGRESS_REVIEW, may12, 'Revue')
    hazard = Aff.Hazard.new('H1', may6, Aff.HazardCause.SUPPLIER, 'Tubes livrés non conformes')
    replan = Aff.Decision.new('D-1', may7, 'Décaler la fin des tubes de 3 jours', 'Claire Martin')
    chase = Aff.Action.new('A-1', 'Relancer le fournisseur', 'Claire Martin', may6, may8)
    incident = Aff.Incident.new('I-1', may6, 'Livraison de tubes non conformes')
    quality = Aff.Document.new('PQ-01', 'Plan qualité')

    ok(dossier.set_distribution(Variant.MANAGEMENT, ['Direction']))
    kick_off.set_minutes('Lancement validé')
    ok(dossier.add_meeting(kick_off))
    ok(dossier.add_meeting(review))
    if not gaps & STORY_NO_MINUTES:
        ok(dossier.record_minutes('R-2', 'Avancement conforme, tubes remplacés'))
    ok(dossier.add_document(quality, apr21))
    ok(dossier.issue_document('PQ-01', apr21))

    # April: T1 runs.
    ok(plan.start_task('J0', apr20))
    ok(plan.finish_task('J0', apr20))
    ok(plan.start_task('T1', apr20))
    number = Numbering(1)

    invoice_due(affair, 2026, 4, 20, number)        # F-1, the advance
    progress(affair, 'T1', 2026, 4, 30, 5000)
    invoice_due(affair, 2026, 4, 30, number)        # F-2, April's situation

    # May: the review of 30 April; T1 ends, the inspection, the hazard.
    cost(affair, 2026, 4, 28, 'T2', Cat.MATERIAL, CState.COMMITTED, '52000.00 EUR', 'PO-7', None)
    cost(affair, 2026, 5, 4, 'T1', Cat.LABOUR, CState.ACTUAL, '45000.00 EUR', 'TS-18', None)
    progress(affair, 'T1', 2026, 5, 4, 8000)
    if not gaps & STORY_NO_APRIL_REPORT:
        ok(dossier.record_report(Variant.MANAGEMENT, D(2026, 4, 1), D(2026, 4, 30), D(2026, 5, 4), None))
    if not gaps & STORY_NO_APRIL_ACTIONS:
        n = analyse_drifts(affair, 2026, 4, 30, 2026, 5, 5)
        assert n == 2, n
    progress(affair, 'T1', 2026, 5, 6, 10000)
    ok(plan.finish_task('T1', may6))
    hazard.set_task_ids(['T2'])
    hazard.set_delay_days(3)
    plan.apply_hazard(hazard)
    replan.set_target(Aff.DecisionTarget.PLAN, 'H1')
    ok(dossier.add_decision(replan))
    ok(dossier.add_action(chase))
    ok(dossier.complete_action('A-1', may7, 'Tubes de remplacement commandés'))
    incident.set_client_informed(may7, 'Appel')
    incident.set_hazard_id('H1')
    ok(dossier.add_incident(incident))
    ok(plan.start_task('I1', may7))
    ok(plan.finish_task('I1', may7))
    plan.lookup_task('I1').set_report_received(may11)
    ok(plan.start_task('T2', may7))
    cost(affair, 2026, 5, 11, 'T2', Cat.MATERIAL, CState.ACTUAL, '20000.00 EUR', 'FA-991', 'PO-7')
    cost(affair, 2026, 5, 25, 'T2', Cat.MATERIAL, CState.ACTUAL, '32000.00 EUR', 'FA-1002', 'PO-7')
    progress(affair, 'T2', 2026, 5, 25, 10000)
    ok(plan.finish_task('T2', may25))
    ok(dossier.close_incident('I-1', may25, 'Tubes remplacés'))

    # June: the review of 31 May, May's situation and report.
    # The concordance gap of April lasts until May's situation: analysed
    # in April, it carries its action; otherwise it is analysed now.
    n = analyse_drifts(affair, 2026, 5, 31, 2026, 6, 1)
    assert n == (1 if gaps & STORY_NO_APRIL_ACTIONS else 0), n
    invoice_due(affair, 2026, 6, 1, number)         # F-3, May's situation
    ok(dossier.record_report(Variant.MANAGEMENT, D(2026, 5, 1), D(2026, 5, 31), D(2026, 6, 3), None))
    ok(plan.schedule())


def close_the_affair(affair, gaps):
    jun15 = D(2026, 6, 15)
    improvement = Aff.Improvement.new('Contrôler les tubes à réception',
                                      'H1 : tubes non conformes découverts au montage',
                                      'Trois jours de retard évités', 'Paul Martin')

    ok(affair.record_acceptance(jun15, False))
    rex = affair.create_rex(jun15)
    assert rex is not None
    ok(rex.add_good_practice('Inspection commune avant le lancement'))
    ok(rex.add_difficulty('Tubes non conformes', 'Remplacement sous 3 jours par le fournisseur'))
    if not gaps & STORY_NO_IMPROVEMENT:
        ok(rex.add_improvement(improvement))
    ok(rex.set_tags(['tuyauterie', 'soudage']))
    ok(rex.validate(jun15))
    ok(affair.close(jun15))


def new_story(gaps):
    """The story, with the gaps asked for: (portfolio, affair)."""
    p = new_base_portfolio()
    acme = p.lookup_client('acme')
    offer = Aff.Offer.new('OFF-1', 'CONS-1')
    solvency = Aff.Solvency.new(D(2026, 2, 20))
    risk = Aff.Risk.new('Tubes non conformes', Aff.RiskCategory.TECHNICAL, 4, 5)

    # Z' = 0.717 × 0.2 + 0.847 × 0.3 + 3.107 × 0.1 + 0.420 × 0.8 + 0.998 × 2
    # = 3.04: SAFE.
    ok(acme.set_sector('28.29B'))
    solvency.set_working_capital(M('200000.00 EUR'))
    solvency.set_retained_earnings(M('300000.00 EUR'))
    solvency.set_ebit(M('100000.00 EUR'))
    solvency.set_book_equity(M('400000.00 EUR'))
    solvency.set_total_liabilities(M('500000.00 EUR'))
    solvency.set_total_assets(M('1000000.00 EUR'))
    solvency.set_sales(M('2000000.00 EUR'))
    solvency.set_validated_by('Service financier')
    ok(acme.add_solvency(solvency))
    interact(p, IKind.VISIT, 2026, 2, 16, "Visite de l'unité 3", -1)

    add_consultation_full(p, 'CONS-1', 'acme', Aff.RegulatoryFlags.NONE, False, True)
    risk.set_treatment(Aff.RiskTreatment.REDUCE)
    risk.set_owner('Paul Martin')
    ok(p.lookup_consultation('CONS-1').get_risk_register().add_risk(risk))

    ok(p.add_offer(offer))
    rev = offer.get_current_revision()
    add_cost_line(rev, K.LABOUR, 'Montage', '500', U.HOUR, '100.00 EUR', 'T1')
    add_cost_line(rev, K.MATERIAL, 'Tubes', '1', U.LUMP_SUM, '50000.00 EUR', 'T2')
    for k in range(int(K.LABOUR), int(K.OTHER) + 1):
        ok(rev.set_overhead_rate(K(k), 0))
    ok(rev.set_contingency(M('5000.00 EUR')))
    ok(rev.set_selling_price(M('125000.00 EUR')))
    ok(rev.set_validity(D(2026, 6, 30)))
    ok(rev.set_vat_rate(2000))
    ok(rev.set_billing(3000, True, 500))
    ok(rev.set_payment_terms(45, True))
    send(offer, 2026, 4, 1)
    if not gaps & STORY_NO_REMINDER_CALL:
        interact(p, IKind.CALL, 2026, 4, 13, "Relance de l'offre OFF-1", -1)
    ok(offer.accept(D(2026, 4, 20), 'CT-2026-017'))
    affair = p.lookup_affair('OFF-1')
    assert affair is not None

    plan_the_work(affair, gaps)
    follow_the_work(p, affair, gaps)
    close_the_affair(affair, gaps)
    if not gaps & STORY_NO_SURVEY:
        interact(p, IKind.SURVEY, 2026, 6, 22, "Enquête de fin d'affaire", 9)
    return p, affair


def print_audit(audit):
    """The criteria, as the C test's g_test_message prints them (shown by
    meson test -v)."""
    for c in audit.get_criteria():
        print('# %-20s %d  E: %s' % (c.get_id(), int(c.get_status()), ' | '.join(c.get_evidence())))
        print('# %24s M: %s' % ('', ' | '.join(c.get_missing())))
    sys.stdout.flush()


class AuditTestCase(afftest.AffTestCase):
    def criterion(self, audit, cid, status):
        """The criterion @cid, of @status."""
        found = audit.lookup_criterion(cid)
        self.assertIsNotNone(found, cid)
        self.assertEqual(found.get_status(), status, cid)
        return found

    def assertLines(self, strings, lines):
        """@lines, "|"-separated, are exactly @strings."""
        self.assertEqual('|'.join(strings), lines)

    def assertEvidenceHas(self, audit, cid, line):
        evidence = audit.lookup_criterion(cid).get_evidence()
        self.assertIn(line, evidence, '%s: no evidence “%s” in:\n%s' % (cid, line, '\n'.join(evidence)))


class CompleteTest(AuditTestCase):
    # /audit/complete
    def test_complete(self):
        p, affair = new_story(STORY_COMPLETE)
        jun30 = D(2026, 6, 30)
        apr19 = D(2026, 4, 19)
        audit = p.audit_affair('OFF-1', jun30)
        final_text = M('28000.00 EUR').format('fr')

        self.assertIsNotNone(audit)
        print_audit(audit)
        self.assertEqual(audit.get_affair_id(), 'OFF-1')
        self.assertEqual(ymd(audit.get_date()), (2026, 6, 30))

        # The referential's 31 criteria, seven capabilities in order, all
        # met.
        criteria = audit.get_criteria()
        self.assertEqual(len(criteria), 31)
        for i, c in enumerate(criteria):
            with self.subTest(criterion=c.get_id()):
                self.assertEqual(c.get_status(), Status.MET, '%s is not met' % c.get_id())
                self.assertEqual(c.get_missing(), [])
                self.assertNotEqual(c.get_evidence(), [])
                if i > 0:
                    self.assertGreaterEqual(int(c.get_capability()), int(criteria[i - 1].get_capability()))
        self.assertEqual(criteria[0].get_capability(), Cap.CLIENTS)
        self.assertEqual(criteria[30].get_capability(), Cap.REX)
        self.assertEqual(audit.count(Status.MET), 31)
        self.assertEqual(audit.get_score(), 100)
        for i in range(int(Cap.CLIENTS), int(Cap.REX) + 1):
            with self.subTest(capability=Cap(i)):
                self.assertEqual(audit.get_capability_score(Cap(i)), (True, 100))

        # The evidence names what was found, with the journal entries.
        self.assertEvidenceHas(audit, 'solvency',
                               'Analyse de solvabilité du 20 février 2026 : saine (journal n° 4)')
        self.assertEvidenceHas(audit, 'offer-compliant', 'Marge de 16,00\u00a0% pour un plancher de 8,00\u00a0%')
        self.assertEvidenceHas(audit, 'offer-follow-up', 'Relance due le 11 avril 2026 faite')
        self.assertEvidenceHas(audit, 'prevention-plan',
                               'Plan de prévention requis : T1 (Montage) sur le site, travaux par points chauds')
        self.assertEvidenceHas(audit, 'roles', '3 tâche(s) sur 3 avec un responsable (journal n° 22, 28, 31)')
        self.assertEvidenceHas(audit, 'satisfaction-survey', 'Enquête de satisfaction du 22 juin 2026 : 9 / 10')
        self.assertEvidenceHas(audit, 'drifts', 'Action corrective du 5 mai 2026 (SPI) : Analysé en revue mensuelle — '
                                                "Plan d'action suivi en réunion")
        self.assertEvidenceHas(audit, 'concordance', 'Avancement physique 100,0 %, coûts 100,0 %, '
                                                     'facturation 100,0 % : concordants')
        self.assertEvidenceHas(audit, 'billing', '3 facture(s) émise(s) (journal n° 54, 56, 88)')
        self.assertEvidenceHas(audit, 'rex-content', '1 difficulté(s) avec leur solution')
        self.assertEvidenceHas(audit, 'budget', 'Marge finale %s (22,40\u00a0%%) pour 16,00\u00a0%% à l\'offre, '
                                                'écart de +6,40 points' % final_text)
        self.assertEvidenceHas(audit, 'close-out',
                               'Affaire clôturée le 15 juin 2026, marge finale %s (journal n° 97)' % final_text)

        # Auditing changes nothing.
        self.assertEqual(p.get_journal().get_n_entries(), 98)

        # The affair is named; a day before the signature is refused.
        e = self.assertAffError(E.NOT_FOUND, p.audit_affair, 'OFF-9', jun30)
        self.assertIn('OFF-9', e.message)
        e = self.assertAffError(E.INVALID_VALUE, p.audit_affair, 'OFF-1', apr19)
        self.assertIn('OFF-1', e.message)


class GapsTest(AuditTestCase):
    # /audit/gaps
    def test_gaps(self):
        p, affair = new_story(STORY_GAPS)
        audit = p.audit_affair('OFF-1', D(2026, 6, 30))

        self.assertIsNotNone(audit)
        print_audit(audit)

        # Each gap the story left is named; the rest is met.
        self.assertLines(self.criterion(audit, 'client-follow-up', Status.PARTIAL).get_missing(),
                         'Contact dû le 18 mars 2026, non fait')
        self.assertLines(audit.lookup_criterion('client-follow-up').get_evidence(),
                         'Dernier contact le 16 février 2026')
        self.assertLines(self.criterion(audit, 'satisfaction-survey', Status.MISSING).get_missing(),
                         'Aucune enquête de satisfaction depuis la réception du 15 juin 2026')
        self.assertLines(self.criterion(audit, 'offer-follow-up', Status.PARTIAL).get_missing(),
                         'Relance due le 11 avril 2026 sans contact avec le client avant la signature')
        self.assertLines(self.criterion(audit, 'meetings', Status.PARTIAL).get_missing(),
                         'Compte rendu de la réunion R-2 du 12 mai 2026 non rédigé : attendu sous 7 jours')
        self.assertLines(self.criterion(audit, 'roles', Status.PARTIAL).get_missing(),
                         'T2 (Tubes) : aucun responsable (R)')
        self.assertLines(self.criterion(audit, 'reports', Status.PARTIAL).get_missing(),
                         'Rapport de gestion de la période du 1er avril 2026 au 30 avril 2026 non envoyé : la '
                         'politique demande un rapport par période, 5 jours après sa fin au plus tard')
        # On 30 April T1 is 50 % done: EV 25 000 for a PV of 9 of its 10
        # working days, 45 000: SPI 0.556; physical progress 25 %, no actual
        # cost yet, April's situation 31 250 of 125 000 billed: 25 %. The
        # concordance drift is analysed on 1 June only, after the report was
        # due (5 May).
        self.assertLines(self.criterion(audit, 'drifts', Status.MISSING).get_missing(),
                         'Au 30 avril 2026 : SPI de 0,556, sous le seuil de 0,900 — sans action corrective|'
                         'Au 30 avril 2026 : Avancements discordants : physique 25,0 %, coûts 0,0 %, '
                         'facturation 25,0 %, écart de 25,0 points au-delà de 10,0 — sans action corrective')
        self.assertLines(self.criterion(audit, 'improvements', Status.MISSING).get_missing(),
                         "Aucune proposition d'amélioration")
        self.criterion(audit, 'go-no-go', Status.MET)
        self.criterion(audit, 'close-out', Status.MET)
        self.criterion(audit, 'rex', Status.MET)

        # 23 met, 5 partial, 3 missing: (2 × 23 + 5) / (2 × 31) = 82.26 %.
        self.assertEqual(audit.count(Status.MET), 23)
        self.assertEqual(audit.count(Status.PARTIAL), 5)
        self.assertEqual(audit.count(Status.MISSING), 3)
        self.assertEqual(audit.count(Status.NOT_APPLICABLE), 0)
        self.assertEqual(audit.get_score(), 82)
        # Clients: 4 met, a partial, a missing: 9 / 12 = 75 %.
        self.assertEqual(audit.get_capability_score(Cap.CLIENTS), (True, 75))


class InProgressTest(AuditTestCase):
    # /audit/in-progress: before the acceptance, on 12 May, what cannot be
    # due yet does not apply and does not count.
    def test_in_progress(self):
        p, affair = new_story(STORY_COMPLETE)
        audit = p.audit_affair('OFF-1', D(2026, 5, 12))
        not_accepted = "La prestation n'est pas encore réceptionnée."

        self.assertIsNotNone(audit)
        print_audit(audit)
        self.assertLines(self.criterion(audit, 'satisfaction-survey', Status.NOT_APPLICABLE).get_evidence(),
                         not_accepted)
        self.assertLines(self.criterion(audit, 'close-out', Status.NOT_APPLICABLE).get_evidence(), not_accepted)
        self.criterion(audit, 'rex', Status.NOT_APPLICABLE)
        self.criterion(audit, 'rex-content', Status.NOT_APPLICABLE)
        self.criterion(audit, 'improvements', Status.NOT_APPLICABLE)
        self.assertEqual(audit.count(Status.NOT_APPLICABLE), 5)
        self.assertFalse(audit.get_capability_score(Cap.REX)[0])

        # What happened by then counts, nothing after: the survey of 22
        # June, the May report, the invoices of June.
        self.assertLines(self.criterion(audit, 'commercial-actions', Status.MET).get_evidence(),
                         '2 interaction(s) avec ACME Industrie, la dernière le 13 avril 2026 (journal n° 5, 15)')
        self.assertLines(self.criterion(audit, 'reports', Status.MET).get_evidence(),
                         '1 rapport(s) transmis (journal n° 60)')
        self.assertEvidenceHas(audit, 'billing', '2 facture(s) émise(s) (journal n° 54, 56)')
        self.assertEvidenceHas(audit, 'dashboard', '3 ligne(s) de coûts au grand livre (journal n° 57, 58, 81)')
        self.criterion(audit, 'hazards', Status.MET)

        # The review of 30 April was analysed on 5 May; but since 11 May the
        # 20 000 of FA-991 put AC at 65 000 for an EV of 50 000 (T1 done, T2
        # not measured): CPI 0.769, EAC 100 000 / 0.769 = 130 000, a margin
        # at completion of 125 000 − 130 000 − 5 000 of contingency =
        # −10 000 (−8.00 %, 24 points under the offer's 16 %, under the 8 %
        # floor); cost progress 65 000 / 130 000 = 50 % against 25 % billed.
        # Nobody has analysed that yet.
        self.assertLines(self.criterion(audit, 'drifts', Status.PARTIAL).get_missing(),
                         'Au 12 mai 2026 : CPI de 0,769, sous le seuil de 0,950 — sans action corrective|'
                         'Au 12 mai 2026 : Taux de marge à terminaison en baisse de 24,00 points sur l\'offre, '
                         'au-delà de 2,00 — sans action corrective')
        self.assertLines(self.criterion(audit, 'concordance', Status.PARTIAL).get_missing(),
                         'Avancement physique 50,0 %, coûts 50,0 %, facturation 25,0 % : écart au-delà de la '
                         'tolérance')
        amount = M('-10000.00 EUR').format('fr')
        self.assertLines(self.criterion(audit, 'budget', Status.MISSING).get_missing(),
                         'Marge à terminaison %s (-8,00\u00a0%%) pour 16,00\u00a0%% à l\'offre, '
                         'écart de -24,00 points' % amount)


class RenderTest(AuditTestCase):
    # /audit/render: the audit with its gaps, as a trainer reads it; the
    # golden file was checked against the story above.
    def test_render(self):
        p, affair = new_story(STORY_GAPS)
        jun30 = D(2026, 6, 30)
        audit = p.audit_affair('OFF-1', jun30)
        F = Aff.DocumentFormat

        self.assertIsNotNone(audit)
        markdown = audit.render(F.MARKDOWN)
        self.assertEqual(markdown, golden('audit-fr.md'))

        html = audit.render(F.HTML)
        self.assertTrue(html.startswith('<!DOCTYPE html>'), html[:80])
        self.assertIn('<h2>4. Coordonner les interventions internes et externes — 75 / 100</h2>', html)
        self.assertIn('<td>T2 (Tubes) : aucun responsable (R)</td>', html)

        # In the policy's language.
        ok(p.get_policy().set_language('en'))
        english = p.audit_affair('OFF-1', jun30)
        self.assertIsNotNone(english)
        self.assertLines(english.lookup_criterion('roles').get_missing(), 'T2 (Tubes): no one responsible (R)')
        text = english.render(F.MARKDOWN)
        self.assertIn('# Audit of the dossier of affair OFF-1\n', text)
        self.assertIn('Score: 82 / 100; 23 criteria met, 5 partial, 3 missing, 0 not applicable.', text)


if __name__ == '__main__':
    unittest.main()
