#!/usr/bin/python3
# The follow-up file of an affair from Python: Aff.Dossier
# (Aff.Affair.get_dossier) and its items Aff.Meeting, Aff.Decision,
# Aff.Action, Aff.Document and Aff.Incident, through the typelib. A port of
# tests/c/test-dossier.c.
#
# A small affair, OFF-1 of ACME (consultation CONS-1), signed Monday
# 2026-04-20 (20 h of TIG welding at 60.00 EUR in lot-1, margin 15 %, VAT
# 20 %, 56 days of lead time, payment at 45 days end of month, valid until
# 2026-06-30, sent 2026-04-01, contract CT-2026-017), with a plan of two
# tasks, T1 "Préfabrication" (5 days) then T2 "Montage" (5 days), from
# 20 April. It is followed over three periods:
#
# - April: the kick-off meeting R-1 on Tue 21 April, its decisions and
#   actions; the quality plan PQ-01 registered on 21 April, revision A sent
#   on 24 April;
# - May: the hazard H1 (supplier, 6 May: tubes delivered not conforming,
#   T2 delayed 3 days) and its incident I-1, told to the client on 7 May
#   and closed on 20 May; the progress review R-2 on 12 May; PQ-01
#   revision B made on 4 May, sent on 11 May, approved on 13 May;
# - June: the site meeting R-3 on 3 June; PQ-01 revision C made on 2 June
#   and sent on 8 June.
#
# The reports and the check (Aff.Dossier.set_distribution, record_report,
# list_reports and check, Aff.ReportRecord, Aff.DossierGap) and the status
# report (Aff.Affair.render_report, against the golden files of
# tests/data/golden) have stories of their own, told above their tests; the
# lessons learned (Aff.Affair.create_rex, Aff.Rex, Aff.Improvement) use the
# status report's story.
#
# Every expected value is read from that story (the ids, dates and texts the
# test itself sets), never from the library's output. The programming-error
# criticals of the C test (a setter on a recorded item, a record added
# twice) are not ported: with G_DEBUG=fatal-warnings they abort Python.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

E = Aff.Error
Kind = Aff.MeetingKind
Target = Aff.DecisionTarget
Status = Aff.ActionStatus
Origin = Aff.ActionOrigin
DocStatus = Aff.DocumentStatus
Variant = Aff.ReportVariant
Gap = Aff.DossierGapKind


# ---- Fixtures (tests/c/test-offer-util.h and new_dossier_portfolio) -------

def new_affair_portfolio():
    """Claire Martin's portfolio, clock fixed at 2026-04-01 09:00 UTC, with
    the affair OFF-1 of acme signed on 2026-04-20: (portfolio, affair)."""
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework'])
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'))
    # CONS-1: received 2 March, qualified 3 March, evaluated 5 March (NO_GO
    # without a solvency assessment) and decided GO anyway
    k = Aff.Consultation.new('CONS-1', 'acme', 'Tuyauterie CONS-1', D(2026, 3, 2), D(2026, 4, 15))
    k.set_activities(['pipework'])
    k.set_regulatory_flags(Aff.RegulatoryFlags.NONE)
    p.add_consultation(k)
    k.start_qualification(D(2026, 3, 3), 'analysis')
    p.evaluate_consultation('CONS-1', D(2026, 3, 5))
    p.decide_consultation('CONS-1', Aff.BidVerdict.GO, 'Direction', 'client stratégique')
    assert k.get_state() == Aff.ConsultationState.GO

    offer = Aff.Offer.new('OFF-1', 'CONS-1')
    p.add_offer(offer)
    rev = offer.get_current_revision()
    line = Aff.OfferLine.new(Aff.LineKind.LABOUR, 'Soudure TIG', '20', Aff.LineUnit.HOUR,
                             Aff.Money.parse('60.00 EUR'))
    line.set_lot('lot-1')
    rev.add_line(line)
    rev.set_margin_rate(1500)
    rev.set_vat_rate(2000)
    rev.set_lead_time_days(56)
    rev.set_payment_terms(45, True)
    rev.set_validity(D(2026, 6, 30))
    offer.send(D(2026, 4, 1))
    assert offer.get_state() == Aff.OfferState.SENT
    offer.accept(D(2026, 4, 20), 'CT-2026-017')
    affair = p.lookup_affair('OFF-1')
    assert affair is not None
    return p, affair


def new_dossier_portfolio():
    """OFF-1 with a plan of two tasks, T1 (5 days) then T2 (5 days), from
    20 April: (portfolio, affair, dossier)."""
    p, affair = new_affair_portfolio()
    plan = affair.get_plan()
    plan.add_task(Aff.Task.new('T1', 'Préfabrication', 5))
    plan.add_task(Aff.Task.new('T2', 'Montage', 5))
    plan.add_dependency('T1', 'T2', Aff.DependencyType.FINISH_START, 0)
    plan.schedule()
    dossier = affair.get_dossier()
    assert dossier is not None
    return p, affair, dossier


def add_hazard(affair):
    """H1 on 6 May: the supplier's tubes do not conform, T2 is 3 days
    late."""
    hazard = Aff.Hazard.new('H1', D(2026, 5, 6), Aff.HazardCause.SUPPLIER, 'Tubes livrés non conformes')
    hazard.set_task_ids(['T2'])
    hazard.set_delay_days(3)
    assert affair.get_plan().apply_hazard(hazard) is not None


def new_action(aid, title, assigned_day, assigned_month, due_day, due_month):
    """An action of Claire Martin's, assigned and due in 2026."""
    return Aff.Action.new(aid, title, 'Claire Martin', D(2026, assigned_month, assigned_day),
                          D(2026, due_month, due_day))


def golden(name):
    """The text of a golden file of tests/data/golden, which a rendering
    must equal byte for byte (newline='' keeps its line ends as they
    are)."""
    with open(os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'golden', name), encoding='utf-8',
              newline='') as f:
        return f.read()


def entries(p, action):
    return [e for e in p.get_journal().list_entries_for('affair', 'OFF-1') if e.get_action() == action]


def items(model):
    return [model.get_item(i) for i in range(model.get_n_items())]


def ids(actions):
    return [a.get_id() for a in actions]


class DossierTestCase(afftest.AffTestCase):
    def assertLastEntry(self, p, name, /, **details):
        """The affair's last journal entry @name has @details (positional
        only: "action" is also a detail's key)."""
        found = entries(p, name)
        self.assertTrue(found, 'no %s entry' % name)
        for key, value in details.items():
            self.assertEqual(found[-1].dup_detail(key), value, '%s: %s' % (name, key))

    def assertVerified(self, p):
        self.assertTrue(p.get_journal().verify())

    def assertRevision(self, document, revision, status):
        self.assertEqual((document.get_revision(), document.get_status()), (revision, status))

    def assertGap(self, gaps, position, kind, subject, message_start):
        """gaps[position] is of @kind, about @subject, and its sentence
        starts with @message_start."""
        gap = gaps[position]
        self.assertEqual(gap.get_kind(), kind, 'gap %d' % position)
        self.assertEqual(gap.get_subject(), subject, 'gap %d' % position)
        self.assertTrue(gap.get_message().startswith(message_start),
                        'gap %d: “%s” does not start with “%s”' % (position, gap.get_message(), message_start))

    def assertMargin(self, evaluation, score, explanation):
        """margin_explanation of the C test: the margin criterion's score and
        explanation."""
        margin = evaluation.lookup_criterion('margin')
        self.assertIsNotNone(margin)
        self.assertEqual(margin.get_score(), score)
        self.assertEqual(margin.get_explanation(), explanation)


# ---- Meetings ---------------------------------------------------------------

class MeetingsTest(DossierTestCase):
    def test_meetings(self):
        p, affair, dossier = new_dossier_portfolio()
        apr21 = D(2026, 4, 21)
        kick_off = Aff.Meeting.new('R-1', Kind.KICK_OFF, apr21, 'Lancement')
        again = Aff.Meeting.new('R-1', Kind.SITE_MEETING, apr21, None)
        bad = Aff.Meeting.new('R 2', Kind.SITE_MEETING, apr21, None)

        kick_off.add_attendee('Claire Martin', None)
        kick_off.add_attendee('Paul Durand', 'ACME Mécanique')
        kick_off.add_attendee('Inès Roux', '')
        kick_off.set_agenda('Planning, sécurité, documents')
        self.assertFalse(kick_off.is_recorded())
        self.assertTrue(dossier.add_meeting(kick_off))
        self.assertTrue(kick_off.is_recorded())
        self.assertIs(dossier.lookup_meeting('R-1'), kick_off)
        self.assertIsNone(dossier.lookup_meeting('R-2'))

        self.assertEqual(kick_off.get_n_attendees(), 3)
        self.assertEqual(kick_off.get_attendee(0), ('Claire Martin', None))
        self.assertEqual(kick_off.get_attendee(1), ('Paul Durand', 'ACME Mécanique'))
        # an empty organisation is the company's own
        self.assertEqual(kick_off.get_attendee(2), ('Inès Roux', None))
        self.assertEqual(kick_off.get_attendee(3), (None, None))
        self.assertEqual(kick_off.get_kind(), Kind.KICK_OFF)
        self.assertEqual(ymd(kick_off.get_date()), (2026, 4, 21))
        self.assertEqual(kick_off.get_title(), 'Lancement')
        self.assertEqual(kick_off.get_agenda(), 'Planning, sécurité, documents')
        self.assertIsNone(kick_off.get_minutes())

        self.assertAffError(E.DUPLICATE_ID, dossier.add_meeting, again)
        # an id with a space
        self.assertAffError(E.INVALID_VALUE, dossier.add_meeting, bad)
        self.assertEqual(dossier.get_meetings().get_n_items(), 1)
        self.assertEqual(items(dossier.get_meetings()), [kick_off])

        # a record changes only through the dossier
        self.assertEqual(kick_off.get_n_attendees(), 3)
        self.assertAffError(E.NOT_FOUND, dossier.record_minutes, 'R-7', 'Compte rendu')
        self.assertAffError(E.INVALID_VALUE, dossier.record_minutes, 'R-1', '')
        self.assertIsNone(kick_off.get_minutes())
        self.assertTrue(dossier.record_minutes('R-1', 'Lancement validé ; PPSPS à remettre.'))
        self.assertEqual(kick_off.get_minutes(), 'Lancement validé ; PPSPS à remettre.')

        self.assertLastEntry(p, 'meeting-added', meeting='R-1', date='2026-04-21')
        self.assertLastEntry(p, 'minutes-recorded', meeting='R-1')
        self.assertEqual(len(entries(p, 'meeting-added')), 1)
        self.assertVerified(p)


# ---- Decisions --------------------------------------------------------------

class DecisionsTest(DossierTestCase):
    def test_decisions(self):
        p, affair, dossier = new_dossier_portfolio()
        apr20, apr21 = D(2026, 4, 20), D(2026, 4, 21)
        may7, may12 = D(2026, 5, 7), D(2026, 5, 12)
        kick_off = Aff.Meeting.new('R-1', Kind.KICK_OFF, apr21, None)
        d1 = Aff.Decision.new('D-1', apr21, 'Préfabrication en atelier', 'Claire Martin')
        d2 = Aff.Decision.new('D-2', may12, 'Décaler le montage de 3 jours', 'Claire Martin')
        d3 = Aff.Decision.new('D-3', may7, 'Relancer le fournisseur de tubes', 'Paul Durand')
        early = Aff.Decision.new('D-4', apr20, 'Avant la réunion', 'Claire Martin')
        ghost = Aff.Decision.new('D-5', may7, 'À une réunion inconnue', 'Claire Martin')
        no_task = Aff.Decision.new('D-6', may7, 'Sur une tâche inconnue', 'Claire Martin')
        twin = Aff.Decision.new('D-1', may7, 'Même numéro', 'Claire Martin')

        self.assertTrue(dossier.add_meeting(kick_off))
        d1.set_meeting_id('R-1')
        d1.set_rationale("L'atelier est libre en avril")
        self.assertTrue(dossier.add_decision(d1))
        d2.set_target(Target.TASK, 'T2')
        self.assertTrue(dossier.add_decision(d2))
        d3.set_target(Target.CLIENT, None)
        self.assertTrue(dossier.add_decision(d3))

        self.assertEqual(d1.get_meeting_id(), 'R-1')
        self.assertEqual(d1.get_rationale(), "L'atelier est libre en avril")
        self.assertEqual(d1.get_target(), (Target.AFFAIR, None))
        self.assertEqual(d2.get_target(), (Target.TASK, 'T2'))
        self.assertEqual(d3.get_decided_by(), 'Paul Durand')
        self.assertEqual(d3.get_statement(), 'Relancer le fournisseur de tubes')
        self.assertEqual(ymd(d3.get_date()), (2026, 5, 7))
        self.assertIs(dossier.lookup_decision('D-2'), d2)

        # taken before the meeting it names; at a meeting or on a task that
        # is not there; an id already taken
        early.set_meeting_id('R-1')
        self.assertAffError(E.INVALID_VALUE, dossier.add_decision, early)
        ghost.set_meeting_id('R-9')
        self.assertAffError(E.NOT_FOUND, dossier.add_decision, ghost)
        no_task.set_target(Target.TASK, 'T9')
        self.assertAffError(E.NOT_FOUND, dossier.add_decision, no_task)
        self.assertAffError(E.DUPLICATE_ID, dossier.add_decision, twin)
        self.assertEqual(dossier.get_decisions().get_n_items(), 3)
        # the model keeps the order they were recorded in
        self.assertEqual(items(dossier.get_decisions()), [d1, d2, d3])

        # the log by date: D-1 (21 Apr), D-3 (7 May), D-2 (12 May)
        log = dossier.list_decisions(None, None)
        self.assertEqual(len(log), 3)
        self.assertIs(log[0], d1)
        self.assertIs(log[1], d3)
        self.assertIs(log[2], d2)
        # both bounds included
        log = dossier.list_decisions(may7, may12)
        self.assertEqual(len(log), 2)
        self.assertIs(log[0], d3)
        self.assertIs(log[1], d2)
        log = dossier.list_decisions(None, apr21)
        self.assertEqual(log, [d1])
        self.assertLastEntry(p, 'decision-recorded', decision='D-3', date='2026-05-07')
        self.assertVerified(p)


# ---- Actions ----------------------------------------------------------------

class ActionsTest(DossierTestCase):
    def test_actions(self):
        p, affair, dossier = new_dossier_portfolio()
        may4, may5, may12 = D(2026, 5, 4), D(2026, 5, 5), D(2026, 5, 12)
        may15, may20, jun1 = D(2026, 5, 15), D(2026, 5, 20), D(2026, 6, 1)
        kick_off = Aff.Meeting.new('R-1', Kind.KICK_OFF, D(2026, 4, 21), None)
        #                          assigned, due
        a1 = new_action('A-1', 'Remettre le PPSPS', 21, 4, 30, 4)
        a2 = new_action('A-2', 'Commander les tubes', 21, 4, 12, 5)
        a3 = new_action('A-3', 'Relancer le fournisseur', 6, 5, 8, 5)
        a4 = new_action('A-4', 'Mettre à jour le planning', 6, 5, 25, 5)
        a5 = new_action('A-5', 'Réunion de chantier', 6, 5, 25, 5)
        backwards = new_action('A-6', "Dû avant d'être donné", 10, 5, 9, 5)
        lost = new_action('A-7', "D'une réunion inconnue", 10, 5, 20, 5)
        untitled = new_action('A-8', '', 10, 5, 20, 5)

        add_hazard(affair)
        self.assertTrue(dossier.add_meeting(kick_off))
        a1.set_origin(Origin.MEETING, 'R-1')
        a2.set_origin(Origin.MEETING, 'R-1')
        a3.set_origin(Origin.HAZARD, 'H1')
        a4.set_origin(Origin.DRIFT, 'schedule-performance')
        for a in (a1, a2, a3, a4, a5):
            self.assertTrue(dossier.add_action(a))
        self.assertEqual(a3.get_origin(), (Origin.HAZARD, 'H1'))
        self.assertEqual(a5.get_origin(), (Origin.OTHER, None))
        self.assertEqual(a1.get_owner(), 'Claire Martin')
        self.assertEqual(a1.get_title(), 'Remettre le PPSPS')
        self.assertEqual(ymd(a3.get_assigned()), (2026, 5, 6))
        self.assertEqual(ymd(a3.get_due()), (2026, 5, 8))
        self.assertIs(dossier.lookup_action('A-4'), a4)

        # due before it was assigned
        self.assertAffError(E.INVALID_VALUE, dossier.add_action, backwards)
        # from a meeting, an incident, a hazard that are not the affair's
        lost.set_origin(Origin.MEETING, 'R-9')
        self.assertAffError(E.NOT_FOUND, dossier.add_action, lost)
        lost.set_origin(Origin.INCIDENT, 'I-9')
        self.assertAffError(E.NOT_FOUND, dossier.add_action, lost)
        lost.set_origin(Origin.HAZARD, None)
        self.assertAffError(E.NOT_FOUND, dossier.add_action, lost)
        self.assertAffError(E.INVALID_VALUE, dossier.add_action, untitled)
        self.assertEqual(dossier.get_actions().get_n_items(), 5)

        # On 4 May: A-1 (due 30 Apr) is overdue; A-2 is due 12 May; A-3,
        # are not yet assigned.
        self.assertEqual(ids(dossier.list_open_actions(may4)), ['A-1', 'A-2'])

        # A-1 done on 5 May, A-3 done on 12 May.
        self.assertTrue(dossier.complete_action('A-1', may5, 'Remis au coordonnateur'))
        self.assertTrue(dossier.complete_action('A-3', may12, None))
        self.assertAffError(E.INVALID_TRANSITION, dossier.complete_action, 'A-1', may12, None)
        self.assertAffError(E.NOT_FOUND, dossier.complete_action, 'A-9', may12, None)
        # done before it was assigned
        self.assertAffError(E.INVALID_VALUE, dossier.complete_action, 'A-4', may5, None)
        self.assertEqual(a4.get_status(), Status.OPEN)
        self.assertEqual(a1.get_status(), Status.DONE)
        self.assertEqual(ymd(a1.get_closed_date()), (2026, 5, 5))
        self.assertEqual(a1.get_note(), 'Remis au coordonnateur')
        self.assertIsNone(a2.get_closed_date())

        # On 15 May: A-2 (due 12 May) is overdue; are due
        # 25 May, in the order they were added. are done.
        open_ = dossier.list_open_actions(may15)
        self.assertEqual(ids(open_), ['A-2', 'A-4', 'A-5'])
        self.assertIs(open_[0], a2)
        self.assertTrue(a2.is_overdue_on(may15))
        self.assertFalse(a4.is_overdue_on(may15))
        # history: on 4 May, A-1 was still open
        self.assertTrue(a1.is_open_on(may4))
        self.assertFalse(a1.is_open_on(may15))

        # A-5 given up on 20 May; a reason is required. (The C test passes
        # NULL; @reason is not (nullable), so Python can only give it empty.)
        self.assertAffError(E.INVALID_VALUE, dossier.cancel_action, 'A-5', may20, '')
        self.assertEqual(a5.get_status(), Status.OPEN)
        self.assertTrue(dossier.cancel_action('A-5', may20, 'Remplacée par la réunion du 27 mai'))
        self.assertEqual(a5.get_status(), Status.CANCELLED)
        self.assertEqual(a5.get_note(), 'Remplacée par la réunion du 27 mai')
        self.assertEqual(ymd(a5.get_closed_date()), (2026, 5, 20))

        # On 1 June: A-2 (12 May) then A-4 (25 May), both overdue.
        self.assertEqual(ids(dossier.list_open_actions(jun1)), ['A-2', 'A-4'])

        self.assertLastEntry(p, 'action-done', action='A-3', date='2026-05-12')
        self.assertLastEntry(p, 'action-cancelled', action='A-5', date='2026-05-20')
        self.assertLastEntry(p, 'action-added', action='A-5', due='2026-05-25')
        self.assertEqual(len(entries(p, 'action-added')), 5)
        self.assertVerified(p)


# ---- Documents --------------------------------------------------------------

class DocumentsTest(DossierTestCase):
    def test_documents(self):
        p, affair, dossier = new_dossier_portfolio()
        apr20, apr21, apr24 = D(2026, 4, 20), D(2026, 4, 21), D(2026, 4, 24)
        may4, may11, may13 = D(2026, 5, 4), D(2026, 5, 11), D(2026, 5, 13)
        jun2, jun8 = D(2026, 6, 2), D(2026, 6, 8)
        plan = Aff.Document.new('PQ-01', 'Plan qualité')
        twin = Aff.Document.new('PQ-01', 'Autre plan')

        plan.set_deliverable('T1')
        plan.set_uri('file:///affaires/OFF-1/PQ-01-A.pdf')
        self.assertIsNone(plan.get_created())
        self.assertTrue(dossier.add_document(plan, apr21))
        self.assertAffError(E.DUPLICATE_ID, dossier.add_document, twin, apr21)
        self.assertRevision(plan, 'A', DocStatus.DRAFT)
        self.assertEqual(plan.get_reference(), 'PQ-01')
        self.assertEqual(ymd(plan.get_created()), (2026, 4, 21))
        self.assertIsNone(plan.get_sent())

        # a draft is neither approved nor revised; it is not sent before it
        # exists
        self.assertAffError(E.INVALID_TRANSITION, dossier.approve_document, 'PQ-01', may4)
        self.assertAffError(E.INVALID_TRANSITION, dossier.revise_document, 'PQ-01', may4, None)
        self.assertAffError(E.INVALID_VALUE, dossier.issue_document, 'PQ-01', apr20)
        self.assertAffError(E.NOT_FOUND, dossier.issue_document, 'PQ-02', apr24)

        # A sent on 24 April; the client comments, B made on 4 May, sent on
        # 11 May, approved on 13 May; C made on 2 June for the site changes.
        self.assertTrue(dossier.issue_document('PQ-01', apr24))
        self.assertRevision(plan, 'A', DocStatus.ISSUED)
        self.assertEqual(ymd(plan.get_sent()), (2026, 4, 24))
        b = dossier.revise_document('PQ-01', may4, 'file:///affaires/OFF-1/PQ-01-B.pdf')
        self.assertIsNotNone(b)
        self.assertRevision(b, 'B', DocStatus.DRAFT)
        self.assertRevision(plan, 'A', DocStatus.SUPERSEDED)
        self.assertEqual(b.get_reference(), 'PQ-01')
        self.assertEqual(b.get_title(), 'Plan qualité')
        self.assertEqual(b.get_deliverable(), 'T1')
        self.assertEqual(b.get_uri(), 'file:///affaires/OFF-1/PQ-01-B.pdf')
        self.assertEqual(ymd(b.get_created()), (2026, 5, 4))
        self.assertIsNone(b.get_sent())
        self.assertTrue(dossier.issue_document('PQ-01', may11))
        # approved before it was sent
        self.assertAffError(E.INVALID_VALUE, dossier.approve_document, 'PQ-01', may4)
        self.assertTrue(dossier.approve_document('PQ-01', may13))
        self.assertRevision(b, 'B', DocStatus.APPROVED)
        self.assertEqual(ymd(b.get_approved()), (2026, 5, 13))
        c = dossier.revise_document('PQ-01', jun2, None)
        self.assertIsNotNone(c)
        self.assertRevision(c, 'C', DocStatus.DRAFT)
        self.assertRevision(b, 'B', DocStatus.SUPERSEDED)
        # B keeps its approval
        self.assertEqual(ymd(b.get_approved()), (2026, 5, 13))
        self.assertIsNone(c.get_uri())
        self.assertTrue(dossier.issue_document('PQ-01', jun8))

        self.assertIs(dossier.lookup_document('PQ-01'), c)
        # the register keeps every revision, oldest first
        self.assertEqual(items(dossier.get_documents()), [plan, b, c])
        self.assertEqual(len(entries(p, 'document-revised')), 2)
        self.assertLastEntry(p, 'document-issued', document='PQ-01', revision='C', date='2026-06-08')
        self.assertLastEntry(p, 'document-approved', document='PQ-01', revision='B', date='2026-05-13')
        self.assertVerified(p)

    # After Z comes AA, as after 9 comes 10.
    def test_revision_letters(self):
        p, affair, dossier = new_dossier_portfolio()
        date = D(2026, 4, 21)
        note = Aff.Document.new('NC-01', 'Note de calcul')
        latest = note

        self.assertTrue(dossier.add_document(note, date))
        for i in range(27):
            self.assertTrue(dossier.issue_document('NC-01', date))
            latest = dossier.revise_document('NC-01', date, None)
            self.assertIsNotNone(latest)
            if i == 0:
                self.assertEqual(latest.get_revision(), 'B')
            if i == 24:
                self.assertEqual(latest.get_revision(), 'Z')
            if i == 25:
                self.assertEqual(latest.get_revision(), 'AA')
        self.assertEqual(latest.get_revision(), 'AB')
        # A and the 27 revisions after it
        self.assertEqual(dossier.get_documents().get_n_items(), 28)


# ---- Incidents --------------------------------------------------------------

class IncidentsTest(DossierTestCase):
    def test_incidents(self):
        p, affair, dossier = new_dossier_portfolio()
        may5, may6, may7, may20 = D(2026, 5, 5), D(2026, 5, 6), D(2026, 5, 7), D(2026, 5, 20)
        late = Aff.Incident.new('I-1', may6, 'Montage retardé de 3 jours')
        early = Aff.Incident.new('I-2', may6, 'Client prévenu avant les faits')
        no_hazard = Aff.Incident.new('I-3', may6, 'Aléa inconnu')

        add_hazard(affair)
        late.set_client_impact('Mise en service de la ligne décalée')
        late.set_client_informed(may7, 'Appel puis courriel à Paul Durand')
        late.set_hazard_id('H1')
        self.assertTrue(dossier.add_incident(late))
        informed, how = late.get_client_informed()
        self.assertEqual(ymd(informed), (2026, 5, 7))
        self.assertEqual(how, 'Appel puis courriel à Paul Durand')
        self.assertEqual(late.get_hazard_id(), 'H1')
        self.assertEqual(late.get_client_impact(), 'Mise en service de la ligne décalée')
        self.assertEqual(late.get_description(), 'Montage retardé de 3 jours')
        self.assertEqual(ymd(late.get_date()), (2026, 5, 6))
        self.assertIs(dossier.lookup_incident('I-1'), late)

        # the client told the day before it happened
        early.set_client_informed(may5, 'Courriel')
        self.assertAffError(E.INVALID_VALUE, dossier.add_incident, early)
        no_hazard.set_hazard_id('H9')
        self.assertAffError(E.NOT_FOUND, dossier.add_incident, no_hazard)
        self.assertEqual(items(dossier.get_incidents()), [late])

        self.assertEqual(dossier.list_open_incidents(may7), [late])
        # not yet happened on 5 May
        self.assertEqual(dossier.list_open_incidents(may5), [])

        self.assertAffError(E.INVALID_VALUE, dossier.close_incident, 'I-1', may20, '')
        self.assertAffError(E.INVALID_VALUE, dossier.close_incident, 'I-1', may5, 'Trop tôt')
        self.assertIsNone(late.get_closed_date())
        self.assertTrue(dossier.close_incident('I-1', may20, 'Équipe renforcée, retard rattrapé'))
        self.assertAffError(E.INVALID_TRANSITION, dossier.close_incident, 'I-1', may20, 'Encore')
        self.assertAffError(E.NOT_FOUND, dossier.close_incident, 'I-9', may20, 'Ailleurs')
        self.assertEqual(late.get_remedy(), 'Équipe renforcée, retard rattrapé')
        self.assertEqual(ymd(late.get_closed_date()), (2026, 5, 20))
        self.assertTrue(late.is_open_on(may7))
        self.assertFalse(late.is_open_on(may20))
        self.assertEqual(dossier.list_open_incidents(may20), [])
        self.assertLastEntry(p, 'incident-recorded', incident='I-1', date='2026-05-06')
        self.assertLastEntry(p, 'incident-closed', incident='I-1', date='2026-05-20')
        self.assertVerified(p)


# ---- The document -----------------------------------------------------------

def three_periods():
    """The three periods' dossier: (portfolio, affair, dossier)."""
    p, affair, dossier = new_dossier_portfolio()
    apr21, may7, may12, jun3 = D(2026, 4, 21), D(2026, 5, 7), D(2026, 5, 12), D(2026, 6, 3)
    r1 = Aff.Meeting.new('R-1', Kind.KICK_OFF, apr21, 'Lancement')
    r2 = Aff.Meeting.new('R-2', Kind.PROGRESS_REVIEW, may12, None)
    r3 = Aff.Meeting.new('R-3', Kind.SITE_MEETING, jun3, None)
    d1 = Aff.Decision.new('D-1', may12, 'Décaler le montage', 'Claire Martin')
    a1 = new_action('A-1', 'Relancer le fournisseur', 12, 5, 15, 5)
    i1 = Aff.Incident.new('I-1', may7, 'Montage retardé')
    doc = Aff.Document.new('PQ-01', 'Plan qualité')

    add_hazard(affair)
    r1.add_attendee('Paul Durand', 'ACME Mécanique')
    r1.set_minutes('Lancement validé')
    for m in (r1, r2, r3):
        assert dossier.add_meeting(m)
    d1.set_meeting_id('R-2')
    d1.set_target(Target.TASK, 'T2')
    assert dossier.add_decision(d1)
    i1.set_hazard_id('H1')
    i1.set_client_informed(may7, 'Appel')
    assert dossier.add_incident(i1)
    a1.set_origin(Origin.INCIDENT, 'I-1')
    assert dossier.add_action(a1)
    assert dossier.complete_action('A-1', jun3, 'Fait')
    assert dossier.add_document(doc, apr21)
    assert dossier.issue_document('PQ-01', may7)
    assert dossier.revise_document('PQ-01', may12, 'file:///PQ-01-B.pdf') is not None
    return p, affair, dossier


class DocumentTest(DossierTestCase):
    # The three periods' dossier, saved and read back, item by item.
    def test_round_trip(self):
        p, affair, dossier = three_periods()
        data = to_text(p)
        q = Aff.Portfolio.new_from_data(data, -1)
        read = q.lookup_affair('OFF-1').get_dossier()
        self.assertIsNot(read, dossier)

        self.assertEqual([m.get_id() for m in items(read.get_meetings())], ['R-1', 'R-2', 'R-3'])
        m = read.lookup_meeting('R-1')
        self.assertTrue(m.is_recorded())
        self.assertEqual(m.get_title(), 'Lancement')
        self.assertEqual(m.get_minutes(), 'Lancement validé')
        self.assertEqual(m.get_n_attendees(), 1)
        self.assertEqual(m.get_attendee(0), ('Paul Durand', 'ACME Mécanique'))
        self.assertEqual(read.lookup_meeting('R-3').get_kind(), Kind.SITE_MEETING)
        self.assertEqual(ymd(read.lookup_meeting('R-2').get_date()), (2026, 5, 12))

        d = read.lookup_decision('D-1')
        self.assertEqual(d.get_target(), (Target.TASK, 'T2'))
        self.assertEqual(d.get_meeting_id(), 'R-2')

        a = read.lookup_action('A-1')
        self.assertEqual(a.get_status(), Status.DONE)
        self.assertEqual(ymd(a.get_closed_date()), (2026, 6, 3))
        self.assertEqual(a.get_origin(), (Origin.INCIDENT, 'I-1'))
        self.assertEqual(a.get_note(), 'Fait')

        i = read.lookup_incident('I-1')
        self.assertEqual(i.get_hazard_id(), 'H1')
        informed, how = i.get_client_informed()
        self.assertEqual((ymd(informed), how), ((2026, 5, 7), 'Appel'))

        latest = read.lookup_document('PQ-01')
        self.assertRevision(latest, 'B', DocStatus.DRAFT)
        self.assertEqual(latest.get_uri(), 'file:///PQ-01-B.pdf')
        self.assertEqual(ymd(latest.get_created()), (2026, 5, 12))
        documents = items(read.get_documents())
        self.assertEqual(len(documents), 2)
        self.assertRevision(documents[0], 'A', DocStatus.SUPERSEDED)
        self.assertEqual(ymd(documents[0].get_sent()), (2026, 5, 7))
        self.assertTrue(q.get_journal().verify())

        # written again, the same text
        self.assertEqual(to_text(q), data)
        # and the read dossier goes on: C after B
        self.assertTrue(read.issue_document('PQ-01', D(2026, 6, 3)))
        self.assertIsNotNone(read.revise_document('PQ-01', D(2026, 6, 3), None))
        self.assertEqual(read.lookup_document('PQ-01').get_revision(), 'C')
        # the original is untouched
        self.assertEqual(dossier.lookup_document('PQ-01').get_revision(), 'B')

    # Each breach of what the methods keep true is named by its JSON path,
    # and leaves nothing loaded.
    def test_invalid_documents(self):
        p, affair, dossier = new_dossier_portfolio()
        apr21 = D(2026, 4, 21)
        r1 = Aff.Meeting.new('R-1', Kind.KICK_OFF, apr21, None)
        d1 = Aff.Decision.new('D-1', apr21, 'Lancer', 'Claire Martin')
        doc = Aff.Document.new('PQ-01', 'Plan qualité')

        self.assertTrue(dossier.add_meeting(r1))
        d1.set_meeting_id('R-1')
        self.assertTrue(dossier.add_decision(d1))
        self.assertTrue(dossier.add_document(doc, apr21))
        self.assertTrue(dossier.issue_document('PQ-01', apr21))
        good = json.loads(to_text(p))
        # (list, index, member): the value the story set, the breach, and
        # the path the error must name
        cases = [
            (('decisions', 0, 'meeting'), 'R-1', 'R-9', '$.affairs[0].dossier.decisions[0].meeting'),
            (('documents', 0, 'revision'), 'A', 'B', '$.affairs[0].dossier.documents[0].revision'),
            (('meetings', 0, 'kind'), 'kick-off', 'party', '$.affairs[0].dossier.meetings[0].kind'),
            (('documents', 0, 'status'), 'issued', 'superseded', '$.affairs[0].dossier.documents[0].status'),
        ]
        for (array, index, member), before, after, path in cases:
            with self.subTest(path=path):
                bad = json.loads(json.dumps(good))
                item = bad['affairs'][0]['dossier'][array][index]
                self.assertEqual(item[member], before)
                item[member] = after
                e = self.assertAffError(E.INVALID_DOCUMENT, Aff.Portfolio.new_from_data, json.dumps(bad), -1)
                self.assertTrue(e.message.startswith(path), e.message)
        # untouched, the document loads
        self.assertIsNotNone(Aff.Portfolio.new_from_data(json.dumps(good), -1))


# ---- Reports ----------------------------------------------------------------

class ReportsTest(DossierTestCase):
    # Distribution lists and the reports sent: April's reports of OFF-1
    # (1 to 30 April), sent on 4 May, to the management (Direction
    # technique, Contrôle de gestion) and to the client (Paul Durand).
    def test_reports(self):
        p, affair, dossier = new_dossier_portfolio()
        apr1, apr30, may4 = D(2026, 4, 1), D(2026, 4, 30), D(2026, 5, 4)
        management = ['Direction technique', 'Contrôle de gestion']
        client = ['Paul Durand (ACME)']

        # None in C while no list is set; PyGObject gives a NULL
        # zero-terminated array as [] although the return is (nullable). An
        # empty list cannot be set, so [] still means "none set".
        self.assertEqual(dossier.get_distribution(Variant.MANAGEMENT), [])
        self.assertEqual(dossier.get_distribution(Variant.CLIENT), [])
        # nobody to send it to yet
        self.assertAffError(E.INVALID_VALUE, dossier.record_report, Variant.MANAGEMENT, apr1, apr30, may4, None)
        # a name twice; nobody; an empty name
        self.assertAffError(E.INVALID_VALUE, dossier.set_distribution, Variant.MANAGEMENT,
                            ['Direction technique', 'Direction technique'])
        self.assertAffError(E.INVALID_VALUE, dossier.set_distribution, Variant.MANAGEMENT, [])
        self.assertAffError(E.INVALID_VALUE, dossier.set_distribution, Variant.MANAGEMENT, [''])
        self.assertEqual(dossier.get_distribution(Variant.MANAGEMENT), [])
        self.assertTrue(dossier.set_distribution(Variant.MANAGEMENT, management))
        self.assertTrue(dossier.set_distribution(Variant.CLIENT, client))
        self.assertEqual(dossier.get_distribution(Variant.MANAGEMENT), management)
        self.assertEqual(dossier.get_distribution(Variant.CLIENT), client)

        # sent before the period ends; a period ending before it starts
        self.assertAffError(E.INVALID_VALUE, dossier.record_report, Variant.MANAGEMENT, apr1, may4, apr30, None)
        self.assertAffError(E.INVALID_VALUE, dossier.record_report, Variant.MANAGEMENT, apr30, apr1, may4, None)
        self.assertEqual(dossier.list_reports(), [])
        self.assertTrue(dossier.record_report(Variant.MANAGEMENT, apr1, apr30, may4, None))
        self.assertTrue(dossier.record_report(Variant.CLIENT, apr1, apr30, may4, client))
        reports = dossier.list_reports()
        self.assertEqual(len(reports), 2)
        first = reports[0]
        self.assertEqual(first.get_variant(), Variant.MANAGEMENT)
        self.assertEqual(ymd(first.get_period_start()), (2026, 4, 1))
        self.assertEqual(ymd(first.get_period_end()), (2026, 4, 30))
        self.assertEqual(ymd(first.get_sent()), (2026, 5, 4))
        # the distribution list, as it stood
        self.assertEqual(first.get_recipients(), management)
        self.assertEqual(reports[1].get_variant(), Variant.CLIENT)
        self.assertEqual(reports[1].get_recipients(), client)

        self.assertLastEntry(p, 'report-sent', variant='client', period_start='2026-04-01',
                             period_end='2026-04-30', sent='2026-05-04')
        self.assertEqual(len(entries(p, 'report-sent')), 2)
        self.assertEqual(len(entries(p, 'distribution-set')), 2)

        # kept by the document
        q = Aff.Portfolio.new_from_data(to_text(p), -1)
        read = q.lookup_affair('OFF-1').get_dossier()
        self.assertEqual(read.get_distribution(Variant.CLIENT), client)
        self.assertEqual(read.get_distribution(Variant.MANAGEMENT), management)
        again = read.list_reports()
        self.assertEqual(len(again), 2)
        self.assertEqual(again[0].get_recipients(), management)
        self.assertEqual(again[1].get_variant(), Variant.CLIENT)
        self.assertEqual(ymd(again[1].get_sent()), (2026, 5, 4))
        self.assertVerified(p)
        self.assertTrue(q.get_journal().verify())


# ---- The check --------------------------------------------------------------

class CheckTest(DossierTestCase):
    # The dossier of OFF-1 (signed and started Monday 20 April; monthly
    # reports due 5 days after the month, minutes 7 days after a meeting;
    # T2 involves hot work in the zone "Ligne 3" of the client's site, so a
    # prevention plan is required; hazard H1 on 6 May; site meetings R-2 on
    # 20 May and R-3 on 8 June), checked on 10 June before and after the
    # missing items are added, then on 16 June after the work is accepted
    # on 12 June.
    def test_check(self):
        p, affair, dossier = new_dossier_portfolio()
        plan = affair.get_plan()
        policy = p.get_policy()
        apr21, jun8, jun10 = D(2026, 4, 21), D(2026, 6, 8), D(2026, 6, 10)
        recipients = ['Direction technique']

        # the story's policy is the default one
        self.assertEqual(policy.get_reporting_period(), Aff.ReportingPeriod.MONTHLY)
        self.assertEqual(policy.get_report_days(), 5)
        self.assertEqual(policy.get_minutes_days(), 7)
        plan.lookup_task('T2').set_zone('Ligne 3')
        plan.lookup_task('T2').set_dangerous_work(Aff.RegulatoryFlags.HOT_WORK)
        add_hazard(affair)
        self.assertTrue(dossier.add_meeting(Aff.Meeting.new('R-2', Kind.SITE_MEETING, D(2026, 5, 20), None)))
        self.assertTrue(dossier.add_meeting(Aff.Meeting.new('R-3', Kind.SITE_MEETING, jun8, None)))
        self.assertTrue(dossier.set_distribution(Variant.MANAGEMENT, recipients))

        # Before the start, nothing is expected yet.
        self.assertEqual(dossier.check(D(2026, 4, 17)), [])

        # On 10 June: no kick-off; the prevention plan unsigned; R-2's
        # minutes due 27 May (R-3's are not due before 15 June); April's
        # report due 5 May and May's due 5 June; no decision after H1.
        gaps = dossier.check(jun10)
        self.assertEqual(len(gaps), 6)
        self.assertGap(gaps, 0, Gap.KICK_OFF, None,
                       "Pas de réunion de lancement : l'affaire a démarré le 20 avril 2026")
        self.assertGap(gaps, 1, Gap.PREVENTION_PLAN, None,
                       "Plan de prévention non signé alors que les travaux l'exigent : ")
        self.assertIn('T2', gaps[1].get_message())
        self.assertGap(gaps, 2, Gap.MINUTES, 'R-2',
                       'Compte rendu de la réunion R-2 du 20 mai 2026 non rédigé : attendu sous 7 jours')
        self.assertGap(gaps, 3, Gap.PERIOD_REPORT, '2026-04-01',
                       'Rapport de gestion de la période du 1er avril 2026 au 30 avril 2026 non envoyé')
        self.assertGap(gaps, 4, Gap.PERIOD_REPORT, '2026-05-01',
                       'Rapport de gestion de la période du 1er mai 2026 au 31 mai 2026 non envoyé')
        self.assertGap(gaps, 5, Gap.REPLANNING_DECISION, 'H1',
                       "Aucune décision consignée sur la replanification après l'aléa H1 du 6 mai 2026")

        # The missing items, one by one: the kick-off R-1 on 21 April with
        # its minutes; the joint inspection on 21 April and both signatures
        # on 22 April; R-2's minutes; April's management report sent on 4
        # May.
        kick_off = Aff.Meeting.new('R-1', Kind.KICK_OFF, apr21, None)
        kick_off.set_minutes('Lancement validé')
        self.assertTrue(dossier.add_meeting(kick_off))
        prevention = plan.get_prevention_plan()
        self.assertTrue(prevention.record_joint_inspection(apr21, ['Claire Martin', 'Paul Durand']))
        self.assertTrue(prevention.sign('Paul Durand', 'ACME Mécanique', Aff.Party.CLIENT, D(2026, 4, 22)))
        self.assertTrue(prevention.sign('Claire Martin', 'Nous', Aff.Party.INTERNAL, D(2026, 4, 22)))
        self.assertTrue(dossier.record_minutes('R-2', 'Point chantier'))
        self.assertTrue(dossier.record_report(Variant.MANAGEMENT, D(2026, 4, 1), D(2026, 4, 30), D(2026, 5, 4),
                                              None))
        # a client report does not stand for the management's
        self.assertTrue(dossier.record_report(Variant.CLIENT, D(2026, 5, 1), D(2026, 5, 31), D(2026, 6, 3),
                                              recipients))
        gaps = dossier.check(jun10)
        self.assertEqual(len(gaps), 2)
        self.assertGap(gaps, 0, Gap.PERIOD_REPORT, '2026-05-01', 'Rapport de gestion')
        self.assertGap(gaps, 1, Gap.REPLANNING_DECISION, 'H1', 'Aucune décision')
        # May's management report sent on 3 June; D-1 on 7 May decides on
        # the replanning after H1
        self.assertTrue(dossier.record_report(Variant.MANAGEMENT, D(2026, 5, 1), D(2026, 5, 31), D(2026, 6, 3),
                                              None))
        decision = Aff.Decision.new('D-1', D(2026, 5, 7), 'Décaler le montage', 'Claire Martin')
        decision.set_target(Target.PLAN, 'H1')
        self.assertTrue(dossier.add_decision(decision))
        self.assertEqual(decision.get_target(), (Target.PLAN, 'H1'))
        self.assertEqual(dossier.check(jun10), [])

        # The work accepted on 12 June with a deliverable still a draft;
        # checked on 16 June, more than 7 days after R-3.
        dossier_ouvrages = Aff.Document.new('DOE-01', 'Dossier des ouvrages exécutés')
        dossier_ouvrages.set_deliverable('T2')
        self.assertTrue(dossier.add_document(dossier_ouvrages, jun8))
        self.assertTrue(dossier.add_document(Aff.Document.new('NT-01', 'Note interne'), jun8))
        self.assertTrue(affair.record_acceptance(D(2026, 6, 12), False))
        gaps = dossier.check(D(2026, 6, 16))
        self.assertEqual(len(gaps), 2)
        # the note belongs to no deliverable; R-3's minutes are late now
        self.assertGap(gaps, 0, Gap.DELIVERABLE_APPROVAL, 'DOE-01',
                       'Livrable DOE-01, révision A, non approuvé par le client alors que les travaux sont '
                       'réceptionnés depuis le 12 juin 2026')
        self.assertGap(gaps, 1, Gap.MINUTES, 'R-3', 'Compte rendu de la réunion R-3 du 8 juin 2026')
        self.assertVerified(p)


# ---- The status report ------------------------------------------------------

def new_report_story():
    """The story of the three periods, up to the end of May: 20 h at 60.00
    on lot-1 with the policy's 30 % overheads (BAC 1 560.00) sold 1 835.29
    at a 15 % margin; T1 and T2 of 5 days each from 20 April, then T3 of 20
    days, the baseline saved; hazard H1 delays T2 by 3 days on 6 May;
    700.00 spent; T1 done, T2 at 40 %, lot-1 at 60 %: (portfolio, affair,
    dossier)."""
    p, affair, dossier = new_dossier_portfolio()
    apr21, may6, may7 = D(2026, 4, 21), D(2026, 5, 6), D(2026, 5, 7)
    may12, may29 = D(2026, 5, 12), D(2026, 5, 29)
    kick_off = Aff.Meeting.new('R-1', Kind.KICK_OFF, apr21, 'Lancement')
    review = Aff.Meeting.new('R-2', Kind.PROGRESS_REVIEW, may12, None)
    replan = Aff.Decision.new('D-1', may7, 'Décaler le montage de 3 jours', 'Claire Martin')
    budget = Aff.Decision.new('D-2', may12, 'Prendre le surcoût des tubes sur la provision', 'Claire Martin')
    chase = new_action('A-1', 'Relancer le fournisseur', 6, 5, 8, 5)
    update = new_action('A-2', 'Mettre à jour le planning', 12, 5, 2, 6)
    incident = Aff.Incident.new('I-1', may6, 'Montage retardé de 3 jours')
    quality = Aff.Document.new('PQ-01', 'Plan qualité')

    plan = affair.get_plan()
    assert plan.add_task(Aff.Task.new('T3', 'Essais', 20))
    assert plan.add_dependency('T2', 'T3', Aff.DependencyType.FINISH_START, 0)
    assert plan.schedule()
    assert plan.save_baseline('contrat')
    add_hazard(affair)
    # four risks of the consultation, criticality 4 × 5, 3 × 4, 3 × 3 and
    # 2 × 3: the report shows the first three
    risks = p.lookup_consultation('CONS-1').get_risk_register()
    for title, probability, impact in [('Arrêt de la ligne prolongé', 3, 4), ('Tubes non conformes', 4, 5),
                                       ('Météo', 2, 3), ('Accès au site', 3, 3)]:
        assert risks.add_risk(Aff.Risk.new(title, Aff.RiskCategory.TECHNICAL, probability, impact))
    kick_off.set_minutes('Lancement validé')
    assert dossier.add_meeting(kick_off)
    assert dossier.add_meeting(review)
    replan.set_target(Target.PLAN, 'H1')
    assert dossier.add_decision(replan)
    budget.set_target(Target.BUDGET, 'lot-1')
    assert dossier.add_decision(budget)
    chase.set_origin(Origin.HAZARD, 'H1')
    assert dossier.add_action(chase)
    assert dossier.add_action(update)
    incident.set_client_impact('Mise en service décalée')
    incident.set_client_informed(may7, 'Appel')
    incident.set_hazard_id('H1')
    assert dossier.add_incident(incident)
    assert dossier.add_document(quality, apr21)
    assert dossier.issue_document('PQ-01', may7)
    assert affair.get_ledger().import_csv(b'date,work,category,state,amount\n'
                                          b'2026-04-24,lot-1,labour,actual,420.00\n'
                                          b'2026-05-15,lot-1,labour,actual,280.00\n') == (True, 2)
    assert affair.record_progress('T1', may29, 10000)
    assert affair.record_progress('T2', may29, 4000)
    assert affair.record_progress('lot-1', may29, 6000)
    return p, affair, dossier


class ReportTest(DossierTestCase):
    # May's status report of OFF-1 (1 to 31 May), for the management and
    # for the client.
    def test_report(self):
        p, affair, dossier = new_report_story()
        may1, may31 = D(2026, 5, 1), D(2026, 5, 31)
        F = Aff.DocumentFormat

        management = affair.render_report(may1, may31, F.MARKDOWN)
        client = affair.render_client_report(may1, may31, F.MARKDOWN)
        html = affair.render_report(may1, may31, F.HTML)
        # The golden files were checked by hand against the story: T2's
        # baseline finish 4 May (1 May off) and 7 May after H1, +3; T3's 4
        # June and 9 June (8, 14 and 25 May off); PV on 31 May = 1 560 × 26
        # / 30 working days of the whole plan = 1 352.00; EV = 60 % of 1 560
        # = 936.00; CPI 936 / 700 = 1.337, SPI 936 / 1 352 = 0.692; EAC =
        # 1 560 × 700 / 936 = 1 166.67; margin 1 835.29 − 1 166.67 = 668.62
        # (36.43 %), 393.33 above the offer's 275.29; recognised 700 /
        # 1 166.67 = 60 % of 1 835.29 = 1 101.17, nothing billed.
        self.assertEqual(management, golden('report-fr.md'))
        self.assertEqual(client, golden('report-client-fr.md'))
        self.assertEqual(html, golden('report-fr.html'))

        # The client's variant leaks no cost, budget or margin, nor the
        # decision on the budget. The French thousands separator is the
        # narrow no-break space U+202F (as in the golden files), and each
        # figure or word is in the management's report, so that its absence
        # from the client's means something.
        for internal in ('1\u202f560,00', '700,00', '668,62', '1\u202f166,67', '936,00', 'arge', 'Coût', 'BAC',
                         'CPI', 'D-2', 'provision', 'Risques', 'Aléa H1', 'Courbe'):
            with self.subTest(internal=internal):
                self.assertIn(internal, management)
                self.assertNotIn(internal, client, "the client's report shows “%s”" % internal)

        # In English when the policy says so.
        self.assertTrue(p.get_policy().set_language('en'))
        english = affair.render_client_report(may1, may31, F.MARKDOWN)
        self.assertEqual(affair.render_report(may1, may31, F.MARKDOWN), golden('report-en.md'))
        self.assertTrue(english.startswith('# Status report of affair OFF-1\n'), english[:80])
        self.assertIn('## Progress and milestones', english)
        self.assertIn('| T2 | Montage | 4 May 2026 | 7 May 2026 | +3 | 40 % |', english)

        # A period that ends before it starts.
        self.assertAffError(E.INVALID_VALUE, affair.render_report, may31, may1, F.MARKDOWN)


    # The portfolio's report for May: OFF-1's alerts first (see the C test
    # for the figures), and the decisions of May last.
    def test_portfolio_report(self):
        p, affair, dossier = new_report_story()
        may1, may31 = D(2026, 5, 1), D(2026, 5, 31)
        F = Aff.DocumentFormat

        text = p.render_report(may1, may31, F.MARKDOWN)
        alerts = text.split('## Alertes\n\n')[1].split('\n\n')[0].split('\n')
        self.assertEqual(alerts, [
            '- OFF-1 : SPI de 0,692, sous le seuil de 0,900',
            '- OFF-1 : Avancements discordants : physique 60,0 %, coûts 60,0 %, facturation 0,0 %, '
            'écart de 60,0 points au-delà de 10,0',
            '- OFF-1 : Compte rendu de la réunion R-2 du 12 mai 2026 non rédigé : attendu sous 7 jours',
            '- OFF-1 : Rapport de gestion de la période du 1er avril 2026 au 30 avril 2026 non envoyé : '
            'la politique demande un rapport par période, 5 jours après sa fin au plus tard',
            '- OFF-1 : action A-1 en retard (Relancer le fournisseur, pour le 8 mai 2026)',
            '- OFF-1 : incident I-1 en cours (Montage retardé de 3 jours)',
        ])
        self.assertTrue(text.startswith('# Rapport des affaires du 1er mai 2026 au 31 mai 2026\n\n## Alertes'))
        self.assertTrue(text.endswith('- OFF-1, D-2 (12 mai 2026) : Prendre le surcoût des tubes sur la provision\n'))
        self.assertAffError(E.INVALID_VALUE, p.render_report, may31, may1, F.MARKDOWN)


# ---- The lessons learned (REX) ----------------------------------------------

# The smallest 32-bit integer, which the typelib exports.
MARGIN_UNSET = Aff.MARGIN_RATE_UNSET


def add_client_beta(p):
    """add_client_beta of tests/c/test-offer-util.h."""
    assert p.add_client(Aff.Client.new('beta', 'Beta Chimie'))


def add_consultation_full(p, cid, client_id):
    """add_consultation_full of tests/c/test-offer-util.h, without
    requirements nor decision: "Tuyauterie <cid>", received 2 March,
    deadline 15 April, pipework, qualified 3 March."""
    k = Aff.Consultation.new(cid, client_id, 'Tuyauterie %s' % cid, D(2026, 3, 2), D(2026, 4, 15))
    k.set_activities(['pipework'])
    k.set_regulatory_flags(Aff.RegulatoryFlags.NONE)
    assert p.add_consultation(k)
    assert k.start_qualification(D(2026, 3, 3), 'analysis')
    return k


def add_cost_line(rev, kind, description, quantity, unit, cost, lot):
    """add_cost_line of tests/c/test-offer-util.h."""
    line = Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost))
    line.set_lot(lot)
    assert rev.add_line(line)


def send(offer, y, m, d):
    """send of tests/c/test-offer-util.h."""
    assert offer.send(D(y, m, d))
    assert offer.get_state() == Aff.OfferState.SENT


def evaluate_with_margin(p, cid, margin, y, m, d):
    """The go / no-go of @cid on y-m-d with @margin expected."""
    p.lookup_consultation(cid).set_expected_margin_rate(margin)
    return p.evaluate_consultation(cid, D(y, m, d))


class RexTest(DossierTestCase):
    # The REX of OFF-1 drawn up on 31 May from the report's story, completed
    # by the team, validated and kept by the document (the C test's
    # /rex/create-and-validate).
    def test_create_and_validate(self):
        p, affair, dossier = new_report_story()
        may31, may30 = D(2026, 5, 31), D(2026, 5, 30)
        improvement = Aff.Improvement.new('Contrôler les tubes à réception',
                                          'H1 : tubes non conformes découverts au montage',
                                          'Trois jours de retard évités', 'Paul Martin')
        vague = Aff.Improvement.new('Faire mieux', '', 'Tout', "Quelqu'un")
        tags = ['tuyauterie', 'ACME', 'site industriel']

        self.assertIsNone(affair.get_rex())
        rex = affair.create_rex(may31)
        self.assertIsInstance(rex, Aff.Rex)
        self.assertIs(affair.get_rex(), rex)
        self.assertEqual(rex.get_affair_id(), 'OFF-1')
        self.assertEqual(ymd(rex.get_date()), (2026, 5, 31))
        # The figures, checked by hand against the story: sold 1 835.29, no
        # amendment; the offer's margin 1 835.29 − 1 560.00 (BAC, overheads
        # included) = 275.29; the final margin 1 835.29 − 700.00 spent =
        # 1 135.29. T3's baseline finish is 4 June; T3 is not finished, so
        # the actual finish is the plan's as scheduled after H1, 9 June.
        self.assertEqual(rex.get_contract_amount().get_minor(), 183529)
        self.assertEqual(rex.get_revenue_at_completion().get_minor(), 183529)
        self.assertEqual(rex.get_offer_margin().get_minor(), 27529)
        self.assertEqual(rex.get_final_margin().get_minor(), 113529)
        self.assertEqual(ymd(rex.get_planned_finish()), (2026, 6, 4))
        self.assertEqual(ymd(rex.get_actual_finish()), (2026, 6, 9))
        # The slips of T2 and T3 (+3 each, as in the status report), H1, the
        # two drifts of 31 May (those of the portfolio's alerts, without
        # corrective action) and the incident I-1, still open.
        self.assertEqual(rex.get_history(), [
            'La tâche T2 finit le 7 mai 2026 au lieu du 4 mai 2026 (+3 jours ouvrés)',
            'La tâche T3 finit le 9 juin 2026 au lieu du 4 juin 2026 (+3 jours ouvrés)',
            'Aléa H1 du 6 mai 2026 (cause : fournisseur) : Tubes livrés non conformes, 3 jours ouvrés de retard',
            'Dérive sans action corrective : SPI de 0,692, sous le seuil de 0,900',
            'Dérive sans action corrective : Avancements discordants : physique 60,0 %, coûts 60,0 %, '
            'facturation 0,0 %, écart de 60,0 points au-delà de 10,0',
            'Incident I-1 du 6 mai 2026 : Montage retardé de 3 jours ; non clos',
        ])
        self.assertEqual(rex.get_actions_taken(), [
            'Décision D-1 du 7 mai 2026 (Claire Martin) : Décaler le montage de 3 jours',
            'Décision D-2 du 12 mai 2026 (Claire Martin) : Prendre le surcoût des tubes sur la provision',
        ])
        self.assertLastEntry(p, 'rex-created', date='2026-05-31')
        self.assertAffError(E.INVALID_TRANSITION, affair.create_rex, may31)

        # Nothing brought out yet: not validated.
        self.assertAffError(E.INVALID_VALUE, rex.validate, may31)
        self.assertAffError(E.INVALID_VALUE, rex.add_good_practice, '')
        self.assertAffError(E.INVALID_VALUE, rex.add_difficulty, 'Tubes non conformes', None)
        self.assertAffError(E.INVALID_VALUE, rex.add_improvement, vague)
        self.assertAffError(E.INVALID_VALUE, rex.set_tags, ['ACME', 'ACME'])
        self.assertTrue(rex.add_good_practice('Réunion de lancement avec le client sur site'))
        self.assertTrue(rex.add_difficulty('Tubes non conformes', 'Remplacement sous 3 jours par le fournisseur'))
        self.assertTrue(rex.add_improvement(improvement))
        self.assertTrue(rex.set_tags(tags))
        self.assertEqual(rex.get_good_practices(), ['Réunion de lancement avec le client sur site'])
        self.assertEqual(rex.get_n_difficulties(), 1)
        # get_difficulty returns (difficulty, solution)
        self.assertEqual(rex.get_difficulty(0), ('Tubes non conformes', 'Remplacement sous 3 jours par le fournisseur'))
        self.assertIsNone(rex.get_difficulty(1)[0])
        improvements = rex.list_improvements()
        self.assertEqual(len(improvements), 1)
        self.assertEqual(improvements[0].get_status(), Aff.ImprovementStatus.PROPOSED)
        self.assertEqual(improvements[0].get_title(), 'Contrôler les tubes à réception')
        self.assertEqual(improvements[0].get_owner(), 'Paul Martin')
        self.assertEqual(rex.get_tags(), tags)

        # Validated: frozen.
        self.assertAffError(E.INVALID_VALUE, rex.validate, may30)
        self.assertFalse(rex.is_validated())
        self.assertTrue(rex.validate(may31))
        self.assertTrue(rex.is_validated())
        self.assertAffError(E.INVALID_TRANSITION, rex.add_good_practice, 'Encore une')
        self.assertAffError(E.INVALID_TRANSITION, rex.validate, may31)
        self.assertEqual(len(entries(p, 'rex-validated')), 1)

        # The golden file was checked by hand against the figures and
        # sentences above.
        markdown = rex.render(Aff.DocumentFormat.MARKDOWN)
        self.assertEqual(markdown, golden('rex-fr.md'))

        # Kept by the document.
        data = to_text(p)
        q = Aff.Portfolio.new_from_data(data, -1)
        read = q.lookup_affair('OFF-1').get_rex()
        self.assertIsNotNone(read)
        self.assertIsNot(read, rex)
        self.assertTrue(read.is_validated())
        self.assertEqual(read.render(Aff.DocumentFormat.MARKDOWN), markdown)
        self.assertEqual(to_text(q), data)
        self.assertVerified(q)


    # The lessons of OFF-1's validated REX (CONS-1, "Tuyauterie CONS-1",
    # activity pipework, client acme; tags tuyauterie, ACME, site
    # industriel) found for new consultations, and its improvement followed
    # (the C test's /rex/lessons).
    def test_lessons(self):
        p, affair, dossier = new_report_story()
        may31 = D(2026, 5, 31)
        improvement = Aff.Improvement.new('Contrôler les tubes à réception',
                                          'H1 : tubes non conformes découverts au montage',
                                          'Trois jours de retard évités', 'Paul Martin')
        related = Aff.LessonQuery.new('beta', ['pipework'], ['ATEX'], 'Remplacement des tubes de la ligne 3')
        unrelated = Aff.LessonQuery.new('beta', ['painting'], None, 'Peinture des façades')
        same_client = Aff.LessonQuery.new('acme', None, ['site industriel'], None)
        LK = Aff.LessonKind
        IS = Aff.ImprovementStatus

        rex = affair.create_rex(may31)
        self.assertTrue(rex.add_good_practice('Réunion de lancement avec le client sur site'))
        self.assertTrue(rex.add_difficulty('Tubes non conformes', 'Remplacement sous 3 jours par le fournisseur'))
        self.assertTrue(rex.add_improvement(improvement))
        self.assertTrue(rex.set_tags(['tuyauterie', 'ACME', 'site industriel']))

        # Not validated: not a lesson yet.
        self.assertEqual(p.find_lessons(related), [])
        self.assertTrue(rex.validate(may31))

        # The same activity (2) and two shared words, "remplacement" in the
        # solution and "tubes" (1 each): 4 for each of the three lessons, in
        # the REX's order (good practice, difficulty, improvement).
        lessons = p.find_lessons(related)
        self.assertEqual(len(lessons), 3)
        self.assertTrue(all(isinstance(lesson, Aff.Lesson) for lesson in lessons))
        self.assertEqual([lesson.get_affair_id() for lesson in lessons], ['OFF-1'] * 3)
        self.assertEqual([lesson.get_kind() for lesson in lessons],
                         [LK.GOOD_PRACTICE, LK.DIFFICULTY, LK.IMPROVEMENT])
        self.assertEqual([lesson.get_text() for lesson in lessons], [
            'Réunion de lancement avec le client sur site',
            'Tubes non conformes — solution : Remplacement sous 3 jours par le fournisseur',
            'Contrôler les tubes à réception — pourquoi : H1 : tubes non conformes découverts au montage',
        ])
        self.assertEqual([lesson.get_score() for lesson in lessons], [4] * 3)
        for lesson in lessons:
            self.assertEqual(lesson.get_reasons(), ['activité : pipework', 'mot : remplacement', 'mot : tubes'])

        # Another client, activity and words: nothing.
        self.assertEqual(p.find_lessons(unrelated), [])

        # The same client (3) and a tag (2).
        lessons = p.find_lessons(same_client)
        self.assertEqual(len(lessons), 3)
        self.assertEqual(lessons[0].get_score(), 5)
        self.assertEqual(lessons[0].get_reasons(), ['même client', 'mot-clé : site industriel'])

        # The go / no-go of a new pipework consultation of beta shows them:
        # the same activity (2) and "tuyauterie" in both titles (1); not that
        # of a painting job. CONS-2 as add_consultation_full of
        # tests/c/test-offer-util.h makes it: received 2 March, deadline 15
        # April, pipework, qualified 3 March.
        p.add_client(Aff.Client.new('beta', 'Beta Chimie'))
        k = Aff.Consultation.new('CONS-2', 'beta', 'Tuyauterie CONS-2', D(2026, 3, 2), D(2026, 4, 15))
        k.set_activities(['pipework'])
        k.set_regulatory_flags(Aff.RegulatoryFlags.NONE)
        self.assertTrue(p.add_consultation(k))
        self.assertTrue(k.start_qualification(D(2026, 3, 3), 'analysis'))
        evaluation = p.evaluate_consultation('CONS-2', D(2026, 6, 2))
        self.assertIsInstance(evaluation, Aff.BidEvaluation)
        shown = evaluation.get_lessons()
        self.assertEqual(len(shown), 3)
        self.assertEqual(shown[0], 'OFF-1 : Réunion de lancement avec le client sur site (activité : pipework ; '
                                   'mot : tuyauterie)')
        self.assertTrue(shown[1].startswith('OFF-1 : Tubes non conformes — solution : '))
        painting_job = Aff.Consultation.new('CONS-3', 'beta', 'Peinture des façades', D(2026, 6, 1),
                                            D(2026, 6, 30))
        painting_job.set_activities(['painting'])
        self.assertTrue(p.add_consultation(painting_job))
        evaluation = p.evaluate_consultation('CONS-3', D(2026, 6, 2))
        self.assertEqual(evaluation.get_lessons(), [])

        # The improvement followed to completion, the REX validated.
        improvements = p.list_improvements(-1)
        self.assertEqual(len(improvements), 1)
        self.assertIsInstance(improvements[0], Aff.Improvement)
        self.assertEqual(improvements[0].get_affair_id(), 'OFF-1')
        self.assertEqual(p.list_improvements(IS.ACCEPTED), [])
        self.assertAffError(E.NOT_FOUND, rex.set_improvement_status, 1, IS.DONE)
        self.assertTrue(rex.set_improvement_status(0, IS.ACCEPTED))
        improvements = p.list_improvements(IS.ACCEPTED)
        self.assertEqual(len(improvements), 1)
        self.assertEqual(improvements[0].get_title(), 'Contrôler les tubes à réception')
        self.assertEqual(improvements[0].get_status(), IS.ACCEPTED)
        self.assertLastEntry(p, 'rex-improvement-status', status='accepted')


    # OFF-1, closed with 1 700 EUR spent: its offer's margin rate was
    # 275.29 / 1 835.29 = 15.00 %, its final one (1 835.29 - 1 700) /
    # 1 835.29 = 7.37 %, an erosion of 7.63 points that the next pipework
    # go / no-go takes off its expected margin; the plan of the next
    # pipework affair shows OFF-1's lessons (the C test's /rex/precedents).
    def test_precedents(self):
        p, affair, dossier = new_report_story()
        may31, jun3, validity = D(2026, 5, 31), D(2026, 6, 3), D(2026, 7, 31)
        offer = Aff.Offer.new('OFF-2', 'CONS-2')
        task = Aff.Task.new('T1', 'Remplacement des tubes', 5)

        self.assertEqual(affair.get_ledger().import_csv(b'date,work,category,state,amount\n'
                                                        b'2026-05-20,lot-1,material,actual,1000.00\n'), (True, 1))
        rex = affair.create_rex(may31)
        self.assertEqual(rex.get_final_margin().get_minor(), 13529)
        self.assertTrue(rex.add_good_practice('Réunion de lancement avec le client sur site'))
        self.assertTrue(rex.validate(may31))
        add_client_beta(p)
        add_consultation_full(p, 'CONS-2', 'beta')
        add_consultation_full(p, 'CONS-3', 'beta')
        add_consultation_full(p, 'CONS-4', 'acme')
        p.lookup_consultation('CONS-2').set_deadline(validity)
        p.lookup_consultation('CONS-3').set_activities(['painting'])
        p.lookup_consultation('CONS-4').set_activities(['painting'])

        # Before the REX is validated it teaches nothing: 20 % >= 15 % scores 5.
        evaluation = evaluate_with_margin(p, 'CONS-2', 2000, 2026, 5, 30)
        self.assertMargin(evaluation, 5,
                          'marge attendue 20,00\u00a0% pour un objectif de 15,00\u00a0% et un plancher de 8,00\u00a0%')

        # After: 20.00 - 7.63 = 12.37 %, round(5 × (1237 - 800) / (1500 -
        # 800)) = round(3.12) = 3.
        evaluation = evaluate_with_margin(p, 'CONS-2', 2000, 2026, 6, 2)
        self.assertMargin(evaluation, 3,
                          "marge attendue 20,00\u00a0%, ramenée à 12,37\u00a0% par l'érosion moyenne de 7,63 "
                          "point(s) de 1 affaire(s) comparable(s) entre l'offre et la clôture (OFF-1 : "
                          "15,00\u00a0% → 7,37\u00a0%) pour un objectif de 15,00\u00a0% et un plancher de "
                          "8,00\u00a0%")

        # Another client and activity: nothing comparable.
        evaluation = evaluate_with_margin(p, 'CONS-3', 2000, 2026, 6, 2)
        self.assertMargin(evaluation, 5,
                          'marge attendue 20,00\u00a0% pour un objectif de 15,00\u00a0% et un plancher de 8,00\u00a0%')

        # The same client, no estimate: OFF-1's final 7.37 % stands for it,
        # below the 8 % floor: 0.
        evaluation = evaluate_with_margin(p, 'CONS-4', MARGIN_UNSET, 2026, 6, 2)
        self.assertMargin(evaluation, 0,
                          'marge attendue non estimée : 7,37\u00a0% retenus, moyenne des marges finales de 1 '
                          'affaire(s) comparable(s) (OFF-1 : 15,00\u00a0% → 7,37\u00a0%) pour un objectif de '
                          '15,00\u00a0% et un plancher de 8,00\u00a0%')

        # An affair does not learn from itself; an unknown one is named.
        self.assertEqual(p.find_affair_lessons('OFF-1'), [])
        e = self.assertAffError(E.NOT_FOUND, p.find_affair_lessons, 'OFF-9')
        self.assertIn('OFF-9', e.message)

        # The next pipework affair, OFF-2: planning it shows OFF-1's lesson.
        self.assertTrue(p.decide_consultation('CONS-2', Aff.BidVerdict.GO, 'Direction', 'client à développer'))
        self.assertTrue(p.add_offer(offer))
        add_cost_line(offer.get_current_revision(), Aff.LineKind.LABOUR, 'Soudure TIG', '10', Aff.LineUnit.HOUR,
                      '60.00 EUR', 'lot-1')
        self.assertTrue(offer.get_current_revision().set_margin_rate(1500))
        self.assertTrue(offer.get_current_revision().set_validity(validity))
        send(offer, 2026, 6, 2)
        self.assertTrue(offer.accept(jun3, 'CT-2026-031'))
        second = p.lookup_affair('OFF-2')
        self.assertIsNotNone(second)
        lessons = p.find_affair_lessons('OFF-2')
        self.assertEqual(len(lessons), 1)
        self.assertEqual(lessons[0].get_reasons(), ['activité : pipework'])
        self.assertTrue(second.get_plan().add_task(task))
        self.assertTrue(second.get_plan().schedule())
        plan = second.render_management_plan(Aff.DocumentFormat.MARKDOWN)
        self.assertIn('### Leçons des affaires passées sur ces activités\n\n'
                      '- OFF-1 : Réunion de lancement avec le client sur site (activité : pipework)\n', plan)
        # OFF-1's own plan shows no lesson of its own.
        plan = affair.render_management_plan(Aff.DocumentFormat.MARKDOWN)
        self.assertNotIn('Leçons des affaires passées', plan)


if __name__ == '__main__':
    unittest.main()
