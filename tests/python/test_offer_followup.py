#!/usr/bin/python3
# The follow-up and the outcome of an offer from Python: the policy's
# reminder settings, decline, withdraw, expire, the reminders
# (portfolio.list_offer_reminders) and the round trip of all of it.
#
# Every expected value is worked out by hand from docs/rules.md, "Offer
# follow-up and outcome (without the affair yet)".
#
# The fixtures:
#   clients acme and beta, neither with a solvency assessment, so every
#   evaluation is NO_GO and the management decides GO anyway with a
#   justification (the consultation is GO, dated 2026-03-05).
#   CONS-1, CONS-2, CONS-5 (acme) and CONS-3 (beta): received 2026-03-02,
#   deadline 2026-04-15, no requirement, no dangerous work, qualified
#   2026-03-03, evaluated 2026-03-05, decided GO.
#   CONS-4 (acme): same dates, left QUALIFYING.
#   An offer: one material line 10 m x 50.00 EUR, margin rate 1500 (above the
#   800 floor), a validity at least 30 days after the sending day: it passes
#   every check when sent on or before the deadline.
#
# The reference timeline (default policy: first 10, second 21, warning 3):
#   sent S = 2026-04-01, validity V = 2026-06-30
#   FIRST S + 10 = 2026-04-11; SECOND S + 21 = 2026-04-22;
#   VALIDITY_ENDING V - 3 = 2026-06-27; EXPIRED from V + 1 = 2026-07-01.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D, ymd, to_text  # noqa: E402

State = Aff.OfferState
CState = Aff.ConsultationState
Loss = Aff.LossReason
R = Aff.ReminderKind
E = Aff.Error

FIRST, SECOND, ENDING, EXPIRED = R.FIRST, R.SECOND, R.VALIDITY_ENDING, R.EXPIRED


def new_portfolio():
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0))
    p.get_policy().set_activities(['pipework'])
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'))
    p.add_client(Aff.Client.new('beta', 'Beta Chimie'))

    def consultation(cid, client, go=True):
        k = Aff.Consultation.new(cid, client, 'Tuyauterie ' + cid, D(2026, 3, 2), D(2026, 4, 15))
        k.set_activities(['pipework'])
        p.add_consultation(k)
        k.start_qualification(D(2026, 3, 3), 'analysis')
        if go:
            p.evaluate_consultation(cid, D(2026, 3, 5))
            p.decide_consultation(cid, Aff.BidVerdict.GO, 'Direction', 'client stratégique')
            assert k.get_state() == CState.GO
        return k

    consultation('CONS-1', 'acme')
    consultation('CONS-2', 'acme')
    consultation('CONS-3', 'beta')
    consultation('CONS-4', 'acme', go=False)
    consultation('CONS-5', 'acme')
    return p


def draft_offer(p, oid, cid, validity):
    """An offer ready to be sent: one line, margin 1500, the validity."""
    offer = Aff.Offer.new(oid, cid)
    p.add_offer(offer)
    rev = offer.get_current_revision()
    rev.add_line(Aff.OfferLine.new(Aff.LineKind.MATERIAL, 'Tubes inox DN50', '10',
                                   Aff.LineUnit.METRE, Aff.Money.parse('50.00 EUR')))
    rev.set_margin_rate(1500)
    rev.set_validity(D(*validity))
    assert p.lookup_offer(oid) is offer
    return offer


def sent_offer(p, oid, cid, sent, validity):
    offer = draft_offer(p, oid, cid, validity)
    offer.send(D(*sent))
    assert offer.get_state() == State.SENT
    return offer


def revise(offer):
    rev = offer.revise()
    assert rev is not None
    assert offer.get_state() == State.NEGOTIATION
    return rev


def call(p, client, when):
    i = Aff.Interaction.new(Aff.InteractionKind.CALL, D(*when), "Relance de l'offre")
    p.record_interaction(client, i)


def closed(offer):
    """get_closed_date() as (y, m, d), None when not closed."""
    result = offer.get_closed_date()
    if isinstance(result, tuple):
        ok, value = result
        return ymd(value) if ok else None
    return ymd(result) if result else None


def state_date(k, state):
    ok, value = k.get_state_date(state)
    return ymd(value) if ok else None


def entries(p, kind, eid, action=None):
    return [e for e in p.get_journal().list_entries_for(kind, eid)
            if action is None or e.get_action() == action]


def last_entry(p, kind, eid, action):
    found = entries(p, kind, eid, action)
    assert found, (kind, eid, action)
    return found[-1]


def reminders(p, when):
    """list_offer_reminders as (offer_id, kind, (y, m, d) of the due date)."""
    return [(r.get_offer_id(), r.get_kind(), ymd(r.get_due_date()))
            for r in p.list_offer_reminders(D(*when))]


class FollowupTestCase(afftest.AffTestCase):
    def assertStateChange(self, p, cid, frm, to, date, reason=None):
        e = last_entry(p, 'consultation', cid, 'state-changed')
        self.assertEqual(e.dup_detail('from'), frm)
        self.assertEqual(e.dup_detail('to'), to)
        self.assertEqual(e.dup_detail('date'), date)
        if reason is not None:
            self.assertEqual(e.dup_detail('reason'), reason)

    def assertReminders(self, p, when, expected):
        """expected: (offer_id, kind, due) with due None when the contract
        does not fix it (EXPIRED)."""
        got = reminders(p, when)
        self.assertEqual(len(got), len(expected), (when, got))
        for g, x in zip(got, expected):
            self.assertEqual(g[0], x[0], (when, got))
            self.assertEqual(g[1], x[1], (when, got))
            self.assertIsNotNone(g[2])
            if x[2] is not None:
                self.assertEqual(g[2], x[2], (when, got))

    def assertVerified(self, p):
        self.assertTrue(p.get_journal().verify())


class PolicyTest(FollowupTestCase):
    def test_defaults(self):
        for policy in (Aff.Policy.new(), Aff.Portfolio.new().get_policy()):
            self.assertEqual(policy.get_offer_reminder_days(), 10)
            self.assertEqual(policy.get_offer_second_reminder_days(), 21)
            self.assertEqual(policy.get_validity_warning_days(), 3)
            self.assertEqual(policy.props.offer_second_reminder_days, 21)
            self.assertEqual(policy.props.validity_warning_days, 3)
        policy = Aff.Policy.new()
        policy.set_offer_second_reminder_days(36500)
        policy.props.validity_warning_days = 0
        self.assertEqual(policy.get_offer_second_reminder_days(), 36500)
        self.assertEqual(policy.get_validity_warning_days(), 0)

    def test_journal(self):
        p = Aff.Portfolio.new()
        p.set_fixed_time(GLib.DateTime.new_utc(2026, 1, 5, 8, 0, 0))
        p.set_actor('alice')
        policy = p.get_policy()
        journal = p.get_journal()
        policy.set_offer_second_reminder_days(21)   # the defaults: no change
        policy.set_validity_warning_days(3)
        self.assertEqual(journal.get_n_entries(), 0)
        policy.set_offer_second_reminder_days(28)
        policy.set_offer_second_reminder_days(28)   # no change
        policy.set_validity_warning_days(5)
        policy.set_validity_warning_days(0)
        policy.set_offer_reminder_days(0)
        self.assertEqual(journal.get_n_entries(), 4)
        got = [(e.get_entity_kind(), e.get_entity_id(), e.get_actor(), e.get_action(), e.get_details())
               for e in journal.list_entries_for('policy', 'policy')]
        self.assertEqual(got, [
            ('policy', 'policy', 'alice', 'changed', '{"property":"offer-second-reminder-days","value":28}'),
            ('policy', 'policy', 'alice', 'changed', '{"property":"validity-warning-days","value":5}'),
            ('policy', 'policy', 'alice', 'changed', '{"property":"validity-warning-days","value":0}'),
            ('policy', 'policy', 'alice', 'changed', '{"property":"offer-reminder-days","value":0}'),
        ])
        self.assertVerified(p)
        q = Aff.Portfolio.new_from_data(to_text(p), -1)
        qp = q.get_policy()
        self.assertEqual((qp.get_offer_reminder_days(), qp.get_offer_second_reminder_days(),
                          qp.get_validity_warning_days()), (0, 28, 0))
        self.assertEqual(q.get_journal().get_n_entries(), 4)
        self.assertVerified(q)


class DeclineTest(FollowupTestCase):
    def test_from_sent(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        k = p.lookup_consultation('CONS-1')
        self.assertEqual(offer.get_loss_reason(), Loss.OTHER)
        self.assertIsNone(closed(offer))
        self.assertEqual(k.get_state(), CState.OFFER_SENT)

        offer.decline(D(2026, 4, 20), Loss.PRICE, 'concurrent 12 % moins cher')
        self.assertEqual(offer.get_state(), State.DECLINED)
        self.assertEqual(offer.get_loss_reason(), Loss.PRICE)
        self.assertEqual(closed(offer), (2026, 4, 20))
        self.assertEqual(k.get_state(), CState.LOST)
        self.assertEqual(state_date(k, CState.LOST), (2026, 4, 20))
        self.assertFalse(k.is_open())
        self.assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-04-20',
                               'price: concurrent 12 % moins cher')
        e = last_entry(p, 'offer', 'OFF-1', 'declined')
        self.assertEqual(e.dup_detail('date'), '2026-04-20')
        self.assertEqual(e.dup_detail('reason'), 'price')
        self.assertEqual(e.dup_detail('note'), 'concurrent 12 % moins cher')

        # twice: refused, nothing changed
        self.assertAffError(E.INVALID_TRANSITION, offer.decline, D(2026, 4, 25), Loss.TECHNICAL, 'autre')
        self.assertEqual(offer.get_loss_reason(), Loss.PRICE)
        self.assertEqual(closed(offer), (2026, 4, 20))
        self.assertEqual(state_date(k, CState.LOST), (2026, 4, 20))
        self.assertEqual(len(entries(p, 'offer', 'OFF-1', 'declined')), 1)
        # nor withdrawn, nor expired
        self.assertAffError(E.INVALID_TRANSITION, offer.withdraw, D(2026, 4, 26), 'trop tard')
        self.assertAffError(E.INVALID_TRANSITION, offer.expire, D(2026, 7, 1))
        self.assertEqual(offer.get_state(), State.DECLINED)
        self.assertEqual(k.get_state(), CState.LOST)
        self.assertVerified(p)

    def test_from_negotiation(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        k = p.lookup_consultation('CONS-1')
        revise(offer)
        offer.decline(D(2026, 5, 4), Loss.LEAD_TIME, None)
        self.assertEqual(offer.get_state(), State.DECLINED)
        self.assertEqual(offer.get_loss_reason(), Loss.LEAD_TIME)
        self.assertEqual(closed(offer), (2026, 5, 4))
        self.assertEqual(k.get_state(), CState.LOST)
        self.assertEqual(state_date(k, CState.LOST), (2026, 5, 4))
        self.assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-05-04', 'lead-time')
        e = last_entry(p, 'offer', 'OFF-1', 'declined')
        self.assertEqual(e.dup_detail('date'), '2026-05-04')
        self.assertEqual(e.dup_detail('reason'), 'lead-time')
        self.assertVerified(p)

    def test_each_reason(self):
        for reason, nick in ((Loss.PRICE, 'price'), (Loss.LEAD_TIME, 'lead-time'),
                             (Loss.TECHNICAL, 'technical'), (Loss.RELATIONSHIP, 'relationship'),
                             (Loss.NO_DECISION, 'no-decision'), (Loss.OTHER, 'other')):
            p = new_portfolio()
            offer = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
            offer.decline(D(2026, 4, 2), reason, 'la note')
            self.assertEqual(offer.get_loss_reason(), reason)
            self.assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-04-02', nick + ': la note')

    def test_refused_from_draft(self):
        p = new_portfolio()
        offer = draft_offer(p, 'OFF-1', 'CONS-1', (2026, 6, 30))
        k = p.lookup_consultation('CONS-1')
        n = p.get_journal().get_n_entries()
        self.assertAffError(E.INVALID_TRANSITION, offer.decline, D(2026, 4, 20), Loss.PRICE, 'trop cher')
        self.assertEqual(offer.get_state(), State.DRAFT)
        self.assertEqual(offer.get_loss_reason(), Loss.OTHER)
        self.assertIsNone(closed(offer))
        self.assertEqual(k.get_state(), CState.GO)
        self.assertEqual(entries(p, 'offer', 'OFF-1', 'declined'), [])
        # expire: from SENT only
        self.assertAffError(E.INVALID_TRANSITION, offer.expire, D(2026, 7, 1))
        self.assertEqual(offer.get_state(), State.DRAFT)
        self.assertEqual(p.get_journal().get_n_entries(), n)


class WithdrawTest(FollowupTestCase):
    def test_from_draft(self):
        p = new_portfolio()
        on_go = draft_offer(p, 'OFF-2', 'CONS-2', (2026, 6, 30))
        on_qualifying = draft_offer(p, 'OFF-4', 'CONS-4', (2026, 6, 30))
        k2 = p.lookup_consultation('CONS-2')
        k4 = p.lookup_consultation('CONS-4')

        on_go.withdraw(D(2026, 4, 8), 'plan de charge')
        self.assertEqual(on_go.get_state(), State.WITHDRAWN)
        self.assertEqual(closed(on_go), (2026, 4, 8))
        self.assertEqual(on_go.get_loss_reason(), Loss.OTHER)
        self.assertEqual(k2.get_state(), CState.ABANDONED)
        self.assertEqual(state_date(k2, CState.ABANDONED), (2026, 4, 8))
        self.assertStateChange(p, 'CONS-2', 'go', 'abandoned', '2026-04-08')
        self.assertEqual(len(entries(p, 'offer', 'OFF-2', 'withdrawn')), 1)

        # a QUALIFYING consultation is not abandoned
        on_qualifying.withdraw(D(2026, 4, 9), 'doublon')
        self.assertEqual(on_qualifying.get_state(), State.WITHDRAWN)
        self.assertEqual(closed(on_qualifying), (2026, 4, 9))
        self.assertEqual(k4.get_state(), CState.QUALIFYING)
        self.assertEqual(len(entries(p, 'consultation', 'CONS-4', 'state-changed')), 1)
        self.assertEqual(len(entries(p, 'offer', 'OFF-4', 'withdrawn')), 1)

        self.assertAffError(E.INVALID_TRANSITION, on_go.withdraw, D(2026, 4, 10), 'encore')
        self.assertAffError(E.INVALID_TRANSITION, on_go.decline, D(2026, 4, 10), Loss.PRICE, None)
        self.assertAffError(E.INVALID_TRANSITION, on_go.send, D(2026, 4, 10))
        self.assertEqual(on_go.get_state(), State.WITHDRAWN)
        self.assertEqual(closed(on_go), (2026, 4, 8))
        self.assertEqual(len(entries(p, 'offer', 'OFF-2', 'withdrawn')), 1)
        self.assertVerified(p)

    def test_from_sent_and_negotiation(self):
        p = new_portfolio()
        o1 = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        o2 = sent_offer(p, 'OFF-2', 'CONS-2', (2026, 4, 2), (2026, 6, 30))
        k1 = p.lookup_consultation('CONS-1')
        k2 = p.lookup_consultation('CONS-2')

        o1.withdraw(D(2026, 4, 15), 'erreur de chiffrage')
        self.assertEqual(o1.get_state(), State.WITHDRAWN)
        self.assertEqual(closed(o1), (2026, 4, 15))
        self.assertEqual(k1.get_state(), CState.ABANDONED)
        self.assertEqual(state_date(k1, CState.ABANDONED), (2026, 4, 15))
        self.assertStateChange(p, 'CONS-1', 'offer-sent', 'abandoned', '2026-04-15')
        self.assertEqual(len(entries(p, 'offer', 'OFF-1', 'withdrawn')), 1)
        self.assertAffError(E.INVALID_TRANSITION, o1.expire, D(2026, 7, 1))

        revise(o2)
        o2.withdraw(D(2026, 5, 2), None)
        self.assertEqual(o2.get_state(), State.WITHDRAWN)
        self.assertEqual(closed(o2), (2026, 5, 2))
        self.assertEqual(k2.get_state(), CState.ABANDONED)
        self.assertEqual(state_date(k2, CState.ABANDONED), (2026, 5, 2))
        self.assertVerified(p)

    def test_refused_when_declined(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        offer.decline(D(2026, 4, 20), Loss.RELATIONSHIP, 'fournisseur historique')
        self.assertAffError(E.INVALID_TRANSITION, offer.withdraw, D(2026, 4, 21), 'sans objet')
        self.assertEqual(offer.get_state(), State.DECLINED)
        self.assertEqual(closed(offer), (2026, 4, 20))
        self.assertEqual(p.lookup_consultation('CONS-1').get_state(), CState.LOST)
        self.assertEqual(entries(p, 'offer', 'OFF-1', 'withdrawn'), [])


class ExpireTest(FollowupTestCase):
    def test_expire(self):
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        k = p.lookup_consultation('CONS-1')
        n = p.get_journal().get_n_entries()
        for when in ((2026, 4, 20), (2026, 6, 29), (2026, 6, 30)):
            self.assertAffError(E.INVALID_VALUE, offer.expire, D(*when))
        self.assertEqual(offer.get_state(), State.SENT)
        self.assertIsNone(closed(offer))
        self.assertEqual(k.get_state(), CState.OFFER_SENT)
        self.assertEqual(p.get_journal().get_n_entries(), n)

        offer.expire(D(2026, 7, 1))
        self.assertEqual(offer.get_state(), State.EXPIRED)
        self.assertEqual(closed(offer), (2026, 7, 1))
        self.assertEqual(k.get_state(), CState.LOST)
        self.assertEqual(state_date(k, CState.LOST), (2026, 7, 1))
        self.assertStateChange(p, 'CONS-1', 'offer-sent', 'lost', '2026-07-01', 'expired')
        self.assertEqual(len(entries(p, 'offer', 'OFF-1', 'expired')), 1)

        self.assertAffError(E.INVALID_TRANSITION, offer.expire, D(2026, 7, 2))
        self.assertAffError(E.INVALID_TRANSITION, offer.decline, D(2026, 7, 2), Loss.NO_DECISION, None)
        self.assertAffError(E.INVALID_TRANSITION, offer.withdraw, D(2026, 7, 2), 'trop tard')
        self.assertEqual(offer.get_state(), State.EXPIRED)
        self.assertEqual(closed(offer), (2026, 7, 1))
        self.assertEqual(len(entries(p, 'offer', 'OFF-1', 'expired')), 1)
        self.assertVerified(p)

    def test_current_revision(self):
        # A valid until 06-30; B, sent 04-10, until 07-31: B's validity counts.
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        b = revise(offer)
        self.assertAffError(E.INVALID_TRANSITION, offer.expire, D(2026, 8, 1))   # NEGOTIATION
        self.assertEqual(offer.get_state(), State.NEGOTIATION)
        b.set_validity(D(2026, 7, 31))
        offer.send(D(2026, 4, 10))
        self.assertAffError(E.INVALID_VALUE, offer.expire, D(2026, 7, 1))
        self.assertAffError(E.INVALID_VALUE, offer.expire, D(2026, 7, 31))
        offer.expire(D(2026, 8, 1))
        self.assertEqual(offer.get_state(), State.EXPIRED)
        self.assertEqual(closed(offer), (2026, 8, 1))
        self.assertEqual(state_date(p.lookup_consultation('CONS-1'), CState.LOST), (2026, 8, 1))


class RemindersTest(FollowupTestCase):
    def test_timeline(self):
        p = new_portfolio()
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        for when in ((2026, 3, 31), (2026, 4, 1), (2026, 4, 10)):
            self.assertReminders(p, when, [])
        self.assertReminders(p, (2026, 4, 11), [('OFF-1', FIRST, (2026, 4, 11))])
        self.assertReminders(p, (2026, 4, 21), [('OFF-1', FIRST, (2026, 4, 11))])
        self.assertReminders(p, (2026, 4, 22), [('OFF-1', SECOND, (2026, 4, 22))])
        self.assertReminders(p, (2026, 6, 26), [('OFF-1', SECOND, (2026, 4, 22))])
        self.assertReminders(p, (2026, 6, 27), [('OFF-1', ENDING, (2026, 6, 27))])
        self.assertReminders(p, (2026, 6, 30), [('OFF-1', ENDING, (2026, 6, 27))])
        self.assertReminders(p, (2026, 7, 1), [('OFF-1', EXPIRED, None)])
        self.assertReminders(p, (2026, 12, 31), [('OFF-1', EXPIRED, None)])

    def test_interactions(self):
        p = new_portfolio()
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        call(p, 'acme', (2026, 4, 5))                    # before the due date
        self.assertReminders(p, (2026, 4, 11), [('OFF-1', FIRST, (2026, 4, 11))])
        call(p, 'beta', (2026, 4, 11))                   # another client
        self.assertReminders(p, (2026, 4, 11), [('OFF-1', FIRST, (2026, 4, 11))])
        call(p, 'acme', (2026, 4, 12))
        self.assertReminders(p, (2026, 4, 11), [('OFF-1', FIRST, (2026, 4, 11))])   # the call is later
        self.assertReminders(p, (2026, 4, 12), [])
        self.assertReminders(p, (2026, 4, 21), [])
        self.assertReminders(p, (2026, 4, 22), [('OFF-1', SECOND, (2026, 4, 22))])
        call(p, 'acme', (2026, 4, 22))                   # on the very due date
        self.assertReminders(p, (2026, 4, 22), [])
        self.assertReminders(p, (2026, 6, 26), [])
        self.assertReminders(p, (2026, 6, 27), [('OFF-1', ENDING, (2026, 6, 27))])
        call(p, 'acme', (2026, 6, 30))
        self.assertReminders(p, (2026, 6, 29), [('OFF-1', ENDING, (2026, 6, 27))])
        self.assertReminders(p, (2026, 6, 30), [])
        call(p, 'acme', (2026, 7, 1))                    # EXPIRED is not cleared
        self.assertReminders(p, (2026, 7, 1), [('OFF-1', EXPIRED, None)])

    def test_only_sent(self):
        p = new_portfolio()
        draft_offer(p, 'OFF-4', 'CONS-4', (2026, 6, 30))
        revise(sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30)))
        sent_offer(p, 'OFF-2', 'CONS-2', (2026, 4, 1), (2026, 6, 30)).decline(D(2026, 4, 5), Loss.PRICE, None)
        sent_offer(p, 'OFF-3', 'CONS-3', (2026, 4, 1), (2026, 6, 30)).withdraw(D(2026, 4, 5), 'erreur')
        expired = sent_offer(p, 'OFF-5', 'CONS-5', (2026, 4, 1), (2026, 5, 10))
        self.assertReminders(p, (2026, 5, 11), [('OFF-5', EXPIRED, None)])
        expired.expire(D(2026, 5, 11))
        for when in ((2026, 4, 11), (2026, 4, 22), (2026, 6, 27), (2026, 7, 1)):
            self.assertReminders(p, when, [])

    def test_latest_sending(self):
        # B sent 04-10, valid until 07-31: FIRST 04-20, SECOND 05-01, ENDING 07-28
        p = new_portfolio()
        offer = sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        b = revise(offer)
        self.assertReminders(p, (2026, 4, 11), [])
        b.set_validity(D(2026, 7, 31))
        offer.send(D(2026, 4, 10))
        self.assertReminders(p, (2026, 4, 19), [])
        self.assertReminders(p, (2026, 4, 20), [('OFF-1', FIRST, (2026, 4, 20))])
        self.assertReminders(p, (2026, 5, 1), [('OFF-1', SECOND, (2026, 5, 1))])
        self.assertReminders(p, (2026, 7, 1), [('OFF-1', SECOND, (2026, 5, 1))])
        self.assertReminders(p, (2026, 7, 28), [('OFF-1', ENDING, (2026, 7, 28))])
        self.assertReminders(p, (2026, 8, 1), [('OFF-1', EXPIRED, None)])

    def test_ordering(self):
        # Added OFF-3, OFF-1, OFF-2.
        #   OFF-2 (acme) sent 03-31, V 06-30: FIRST 04-10, SECOND 04-21, ENDING 06-27
        #   OFF-1 (acme) sent 04-01, V 06-30: FIRST 04-11, SECOND 04-22, ENDING 06-27
        #   OFF-3 (beta) sent 04-01, V 05-10: FIRST 04-11, SECOND 04-22, ENDING 05-07
        p = new_portfolio()
        sent_offer(p, 'OFF-3', 'CONS-3', (2026, 4, 1), (2026, 5, 10))
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        sent_offer(p, 'OFF-2', 'CONS-2', (2026, 3, 31), (2026, 6, 30))
        self.assertReminders(p, (2026, 4, 10), [('OFF-2', FIRST, (2026, 4, 10))])
        self.assertReminders(p, (2026, 4, 13), [('OFF-2', FIRST, (2026, 4, 10)),
                                                ('OFF-1', FIRST, (2026, 4, 11)),
                                                ('OFF-3', FIRST, (2026, 4, 11))])
        self.assertReminders(p, (2026, 4, 21), [('OFF-1', FIRST, (2026, 4, 11)),
                                                ('OFF-3', FIRST, (2026, 4, 11)),
                                                ('OFF-2', SECOND, (2026, 4, 21))])
        self.assertReminders(p, (2026, 5, 7), [('OFF-2', SECOND, (2026, 4, 21)),
                                               ('OFF-1', SECOND, (2026, 4, 22)),
                                               ('OFF-3', ENDING, (2026, 5, 7))])
        self.assertReminders(p, (2026, 5, 11), [('OFF-2', SECOND, (2026, 4, 21)),
                                                ('OFF-1', SECOND, (2026, 4, 22)),
                                                ('OFF-3', EXPIRED, None)])
        # OFF-3's EXPIRED is due 05-10 or 05-11: before 06-27 either way
        self.assertReminders(p, (2026, 6, 27), [('OFF-3', EXPIRED, None),
                                                ('OFF-1', ENDING, (2026, 6, 27)),
                                                ('OFF-2', ENDING, (2026, 6, 27))])
        # an acme call on 04-21 clears OFF-1's FIRST and OFF-2's SECOND
        call(p, 'acme', (2026, 4, 21))
        self.assertReminders(p, (2026, 4, 21), [('OFF-3', FIRST, (2026, 4, 11))])

    def test_settings(self):
        # first disabled: nothing until the second, even on S (S + 0)
        p = new_portfolio()
        p.get_policy().set_offer_reminder_days(0)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        for when in ((2026, 4, 1), (2026, 4, 11), (2026, 4, 21)):
            self.assertReminders(p, when, [])
        self.assertReminders(p, (2026, 4, 22), [('OFF-1', SECOND, (2026, 4, 22))])

        # second disabled: the first stays until the validity warning
        p = new_portfolio()
        p.get_policy().set_offer_second_reminder_days(0)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        self.assertReminders(p, (2026, 4, 22), [('OFF-1', FIRST, (2026, 4, 11))])
        self.assertReminders(p, (2026, 6, 26), [('OFF-1', FIRST, (2026, 4, 11))])
        self.assertReminders(p, (2026, 6, 27), [('OFF-1', ENDING, (2026, 6, 27))])

        # warning disabled: EXPIRED still comes
        p = new_portfolio()
        p.get_policy().set_validity_warning_days(0)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        self.assertReminders(p, (2026, 6, 27), [('OFF-1', SECOND, (2026, 4, 22))])
        self.assertReminders(p, (2026, 6, 30), [('OFF-1', SECOND, (2026, 4, 22))])
        self.assertReminders(p, (2026, 7, 1), [('OFF-1', EXPIRED, None)])

        # all disabled
        p = new_portfolio()
        policy = p.get_policy()
        policy.set_offer_reminder_days(0)
        policy.set_offer_second_reminder_days(0)
        policy.set_validity_warning_days(0)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        self.assertReminders(p, (2026, 4, 1), [])
        self.assertReminders(p, (2026, 6, 30), [])
        self.assertReminders(p, (2026, 7, 1), [('OFF-1', EXPIRED, None)])

        # other values: first 5 -> 04-06, second 30 -> 05-01, warning 10 -> 06-20
        p = new_portfolio()
        policy = p.get_policy()
        policy.set_offer_reminder_days(5)
        policy.set_offer_second_reminder_days(30)
        policy.set_validity_warning_days(10)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30))
        self.assertReminders(p, (2026, 4, 5), [])
        self.assertReminders(p, (2026, 4, 6), [('OFF-1', FIRST, (2026, 4, 6))])
        self.assertReminders(p, (2026, 4, 30), [('OFF-1', FIRST, (2026, 4, 6))])
        self.assertReminders(p, (2026, 5, 1), [('OFF-1', SECOND, (2026, 5, 1))])
        self.assertReminders(p, (2026, 6, 19), [('OFF-1', SECOND, (2026, 5, 1))])
        self.assertReminders(p, (2026, 6, 20), [('OFF-1', ENDING, (2026, 6, 20))])

        # the latest by due date whatever the kind: second 28 -> 04-29 comes
        # after the validity warning 05-01 - 3 = 04-28
        p = new_portfolio()
        p.get_policy().set_offer_second_reminder_days(28)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 5, 1))
        self.assertReminders(p, (2026, 4, 27), [('OFF-1', FIRST, (2026, 4, 11))])
        self.assertReminders(p, (2026, 4, 28), [('OFF-1', ENDING, (2026, 4, 28))])
        self.assertReminders(p, (2026, 4, 29), [('OFF-1', SECOND, (2026, 4, 29))])
        self.assertReminders(p, (2026, 5, 1), [('OFF-1', SECOND, (2026, 4, 29))])
        self.assertReminders(p, (2026, 5, 2), [('OFF-1', EXPIRED, None)])


class FindOffersTest(FollowupTestCase):
    # OFF-1 (acme) sent 2026-04-01, OFF-2 (acme) sent 2026-04-10, OFF-3 (beta)
    # sent 2026-04-05, OFF-5 (acme) never sent.
    def test_find(self):
        p = new_portfolio()
        v = (2026, 6, 30)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), v)
        sent_offer(p, 'OFF-2', 'CONS-2', (2026, 4, 10), v)
        sent_offer(p, 'OFF-3', 'CONS-3', (2026, 4, 5), v)
        draft_offer(p, 'OFF-5', 'CONS-5', v)

        def ids(client, state, start, end):
            return [o.get_id() for o in p.find_offers(client, state, start and D(*start), end and D(*end))]

        self.assertEqual(ids(None, None, None, None), ['OFF-1', 'OFF-2', 'OFF-3', 'OFF-5'])
        self.assertEqual(ids('acme', None, None, None), ['OFF-1', 'OFF-2', 'OFF-5'])
        self.assertEqual(ids('zeta', None, None, None), [])
        self.assertEqual(ids(None, 'sent', None, None), ['OFF-1', 'OFF-2', 'OFF-3'])
        self.assertEqual(ids(None, 'draft', None, None), ['OFF-5'])
        self.assertEqual(ids(None, None, (2026, 4, 2), (2026, 4, 10)), ['OFF-2', 'OFF-3'])
        self.assertEqual(ids(None, None, None, (2026, 4, 1)), ['OFF-1'])
        self.assertEqual(ids('acme', 'sent', (2026, 4, 2), None), ['OFF-2'])
        self.assertAffError(Aff.Error.INVALID_VALUE, p.find_offers, None, 'open', None, None)


class RoundTripTest(FollowupTestCase):
    def test_round_trip(self):
        p = new_portfolio()
        p.get_policy().set_offer_second_reminder_days(25)
        p.get_policy().set_validity_warning_days(5)
        sent_offer(p, 'OFF-1', 'CONS-1', (2026, 4, 1), (2026, 6, 30)).decline(
            D(2026, 4, 20), Loss.TECHNICAL, 'variante refusée')
        sent_offer(p, 'OFF-2', 'CONS-2', (2026, 4, 1), (2026, 6, 30)).withdraw(D(2026, 4, 21), 'erreur')
        sent_offer(p, 'OFF-3', 'CONS-3', (2026, 4, 1), (2026, 5, 10)).expire(D(2026, 5, 11))
        draft_offer(p, 'OFF-4', 'CONS-4', (2026, 6, 30)).withdraw(D(2026, 4, 9), 'doublon')
        sent_offer(p, 'OFF-5', 'CONS-5', (2026, 4, 2), (2026, 6, 30))

        text = to_text(p)
        q = Aff.Portfolio.new_from_data(text, -1)
        self.assertEqual(to_text(q), text)

        def summary(portfolio):
            model = portfolio.get_offers()
            return [(o.get_id(), o.get_state(), o.get_loss_reason(), closed(o))
                    for o in (model.get_item(i) for i in range(model.get_n_items()))]

        self.assertEqual(summary(q), summary(p))
        self.assertEqual(summary(q), [
            ('OFF-1', State.DECLINED, Loss.TECHNICAL, (2026, 4, 20)),
            ('OFF-2', State.WITHDRAWN, Loss.OTHER, (2026, 4, 21)),
            ('OFF-3', State.EXPIRED, Loss.OTHER, (2026, 5, 11)),
            ('OFF-4', State.WITHDRAWN, Loss.OTHER, (2026, 4, 9)),
            ('OFF-5', State.SENT, Loss.OTHER, None),
        ])
        self.assertEqual([q.lookup_consultation(c).get_state()
                          for c in ('CONS-1', 'CONS-2', 'CONS-3', 'CONS-4', 'CONS-5')],
                         [CState.LOST, CState.ABANDONED, CState.LOST, CState.QUALIFYING, CState.OFFER_SENT])
        self.assertEqual(state_date(q.lookup_consultation('CONS-3'), CState.LOST), (2026, 5, 11))
        self.assertStateChange(q, 'CONS-1', 'offer-sent', 'lost', '2026-04-20', 'technical: variante refusée')
        self.assertEqual(q.get_policy().get_offer_second_reminder_days(), 25)
        self.assertEqual(q.get_policy().get_validity_warning_days(), 5)

        # OFF-5 (sent 04-02): FIRST 04-12, SECOND 04-27, ENDING 06-25
        self.assertReminders(p, (2026, 4, 12), [('OFF-5', FIRST, (2026, 4, 12))])
        self.assertReminders(q, (2026, 4, 12), [('OFF-5', FIRST, (2026, 4, 12))])
        self.assertReminders(q, (2026, 4, 27), [('OFF-5', SECOND, (2026, 4, 27))])
        self.assertReminders(q, (2026, 6, 25), [('OFF-5', ENDING, (2026, 6, 25))])

        self.assertEqual(q.get_journal().get_n_entries(), p.get_journal().get_n_entries())
        self.assertEqual(q.get_journal().get_head_hash(), p.get_journal().get_head_hash())
        self.assertVerified(q)

        # the loaded offers go on
        self.assertAffError(E.INVALID_TRANSITION, q.lookup_offer('OFF-1').decline,
                            D(2026, 7, 1), Loss.PRICE, None)
        o = q.lookup_offer('OFF-5')
        o.decline(D(2026, 5, 2), Loss.NO_DECISION, 'projet reporté')
        self.assertEqual(o.get_loss_reason(), Loss.NO_DECISION)
        self.assertStateChange(q, 'CONS-5', 'offer-sent', 'lost', '2026-05-02', 'no-decision: projet reporté')
        self.assertReminders(q, (2026, 5, 2), [])
        self.assertVerified(q)


if __name__ == '__main__':
    unittest.main()
