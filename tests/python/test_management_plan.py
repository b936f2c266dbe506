#!/usr/bin/python3
# Aff.Affair.render_management_plan from Python, against the same golden
# files as the C test: the same affair (the tube bundle of exchanger E-101
# replaced over Easter 2027), sold, planned and rendered through the
# portfolio. tests/c/test-management-plan.c works out every date and figure
# of the scenario by hand; the few checked here again are:
#   contract 80 working days from Mon 1 Feb 2027: Thu 27 May 2027;
#   ACH 30 days from 8 Feb: 19 Mar, order by 12 Feb (float 4);
#   LIV 19 Mar, at the latest 25 Mar (REM starts 26 Mar at the latest);
#   monthly reports Mon 1 Mar, Thu 1 Apr, Mon 3 May (1 May is a Saturday).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import unittest

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402
import afftest  # noqa: E402
from afftest import D  # noqa: E402

DATA = os.path.join(os.environ['G_TEST_SRCDIR'], 'data')
F = Aff.DocumentFormat
K = Aff.TaskKind
P = Aff.Party
R = Aff.RaciRole
Dep = Aff.DependencyType
Flags = Aff.RegulatoryFlags

AFFAIR = 'OF-2027-005'
CLIENT_NAME = 'Raffinerie du Rhône'
SUPPLIER = 'Tubes et Échangeurs de Lyon'
SCAFFOLDER = 'Échafaudages Martin & Fils'
BODY = 'Bureau de contrôle Sud-Est'
ZONE = 'Chaufferie B'
DANGEROUS = Flags.WORK_AT_HEIGHT | Flags.HOT_WORK | Flags.LIFTING

# id, name, days, kind, party, party name, zone, deliverable, effort hours
SPECS = [
    ('J0', 'Ordre de service', 0, K.MILESTONE, P.CLIENT, CLIENT_NAME, None, None, 0),
    ('REV', 'Revue de conception du faisceau', 5, K.DESIGN_REVIEW, P.INTERNAL, None, None,
     'Plans et mode opératoire de soudage approuvés', 0),
    ('ACH', 'Fabrication du faisceau tubulaire', 30, K.PURCHASE, P.SUPPLIER, SUPPLIER, None, None, 0),
    ('LIV', 'Faisceau livré sur site', 0, K.MILESTONE, P.SUPPLIER, SUPPLIER, None, None, 0),
    ('CONS', 'Consignation et vidange de l’échangeur', 2, K.INTERVENTION, P.CLIENT, CLIENT_NAME, ZONE, None, 16),
    ('ECH', 'Échafaudage et décalorifugeage', 4, K.SUBCONTRACT, P.SUBCONTRACTOR, SCAFFOLDER, ZONE, None, 64),
    ('REM', 'Remplacement du faisceau tubulaire', 6, K.INTERVENTION, P.INTERNAL, None, ZONE,
     'Échangeur E-101 remis en état', 84),
    ('EPR', 'Épreuve hydraulique', 1, K.INSPECTION, P.INSPECTION_BODY, BODY, ZONE,
     'Dossier des ouvrages exécutés', 7),
    ('MES', 'Remise en service et essais', 2, K.INTERVENTION, P.INTERNAL, None, ZONE,
     'Procès-verbal de remise en service', 14),
    ('DOE', 'Dossier des ouvrages exécutés', 3, K.TASK, P.INTERNAL, None, None, 'Dossier des ouvrages exécutés', 0),
    ('SUIVI', 'Marche probatoire', 20, K.TASK, P.CLIENT, CLIENT_NAME, None, None, 0),
    ('J1', 'Réception', 0, K.MILESTONE, P.CLIENT, CLIENT_NAME, None, None, 0),
]

LINKS = [
    ('J0', 'REV', Dep.FINISH_START, 0), ('REV', 'ACH', Dep.FINISH_START, 0), ('ACH', 'LIV', Dep.FINISH_START, 0),
    ('J0', 'CONS', Dep.FINISH_START, 0), ('CONS', 'ECH', Dep.START_START, 0), ('ECH', 'REM', Dep.FINISH_START, 0),
    ('LIV', 'REM', Dep.FINISH_START, 0), ('REM', 'EPR', Dep.FINISH_START, 0), ('EPR', 'MES', Dep.FINISH_START, 2),
    ('EPR', 'DOE', Dep.FINISH_START, 0), ('MES', 'SUIVI', Dep.FINISH_START, 0), ('SUIVI', 'J1', Dep.FINISH_START, 0),
    ('DOE', 'J1', Dep.FINISH_START, 0),
]

ROLES = [
    ('REV', 'Émilie Roux', R.RESPONSIBLE), ('REV', 'Claire Martin', R.ACCOUNTABLE), ('REV', 'Jean Durand', R.CONSULTED),
    ('ACH', 'Marc Petit', R.RESPONSIBLE), ('ACH', 'Claire Martin', R.ACCOUNTABLE), ('ACH', 'Paul Girard', R.INFORMED),
    ('ECH', 'Paul Girard', R.ACCOUNTABLE), ('ECH', 'Claire Martin', R.INFORMED),
    ('REM', 'Paul Girard', R.RESPONSIBLE), ('REM', 'Claire Martin', R.ACCOUNTABLE), ('REM', 'Émilie Roux', R.CONSULTED),
    ('EPR', 'Émilie Roux', R.RESPONSIBLE), ('EPR', 'Claire Martin', R.ACCOUNTABLE),
    ('MES', 'Paul Girard', R.RESPONSIBLE), ('MES', 'Claire Martin', R.ACCOUNTABLE), ('MES', 'Jean Durand', R.INFORMED),
    ('DOE', 'Émilie Roux', R.RESPONSIBLE), ('DOE', 'Claire Martin', R.ACCOUNTABLE),
    ('J1', 'Claire Martin', R.RESPONSIBLE), ('J1', 'Jean Durand', R.ACCOUNTABLE),
]


def golden(name):
    with open(os.path.join(DATA, 'golden', name), encoding='utf-8') as f:
        return f.read()


def add_risk(reg, title, category, probability, impact, exposure, treatment, owner, review):
    risk = Aff.Risk.new(title, category, probability, impact)
    if exposure is not None:
        risk.set_exposure(Aff.Money.parse(exposure))
    risk.set_treatment(treatment)
    risk.set_owner(owner)
    risk.set_review_date(review)
    reg.add_risk(risk)


def sell():
    """The portfolio up to the accepted offer."""
    p = Aff.Portfolio.new()
    p.set_actor('Claire Martin')
    p.set_fixed_time(GLib.DateTime.new_utc(2027, 2, 1, 8, 0, 0))
    policy = p.get_policy()
    policy.set_activities(['pipework'])
    policy.set_presentation('company-name', 'Tuyauteries du Rhône')
    p.add_client(Aff.Client.new('raffinerie-rhone', CLIENT_NAME))

    k = Aff.Consultation.new('AO-2027-003', 'raffinerie-rhone', 'Remplacement du faisceau de l’échangeur E-101',
                             D(2027, 1, 4), D(2027, 1, 22))
    k.set_activities(['pipework'])
    k.set_site('Raffinerie du Rhône, Feyzin')
    k.set_regulatory_flags(DANGEROUS)
    p.add_consultation(k)
    k.start_qualification(D(2027, 1, 5), 'analysis')
    p.evaluate_consultation('AO-2027-003', D(2027, 1, 7))
    p.decide_consultation('AO-2027-003', Aff.BidVerdict.GO, 'Direction', 'client stratégique')
    reg = k.get_risk_register()
    add_risk(reg, 'Retard de fabrication du faisceau', Aff.RiskCategory.SCHEDULE, 3, 4, '6000.00 EUR',
             Aff.RiskTreatment.REDUCE, 'Marc Petit', D(2027, 3, 1))
    add_risk(reg, 'Corrosion de la calandre découverte au démontage', Aff.RiskCategory.TECHNICAL, 2, 5,
             '15000.00 EUR', Aff.RiskTreatment.SHARE, 'Claire Martin', None)
    add_risk(reg, 'Chute de hauteur au montage de l’échafaudage', Aff.RiskCategory.SAFETY, 2, 4, None,
             Aff.RiskTreatment.REDUCE, 'Paul Girard', None)

    offer = Aff.Offer.new(AFFAIR, 'AO-2027-003')
    p.add_offer(offer)
    rev = offer.get_current_revision()
    for kind, description, quantity, unit, cost in (
            (Aff.LineKind.LABOUR, 'Remplacement du faisceau', '252', Aff.LineUnit.HOUR, '55.00 EUR'),
            (Aff.LineKind.MATERIAL, 'Faisceau tubulaire inox 316L', '1', Aff.LineUnit.LUMP_SUM, '38000.00 EUR'),
            (Aff.LineKind.SUBCONTRACT, 'Échafaudage et épreuve', '1', Aff.LineUnit.LUMP_SUM, '5700.00 EUR')):
        rev.add_line(Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost)))
    rev.set_contingency(Aff.Money.parse('2000.00 EUR'))
    rev.set_margin_rate(1500)
    rev.set_lead_time_days(80)
    rev.set_validity(D(2027, 3, 31))
    rev.acknowledge(DANGEROUS, 'Travail en hauteur, permis de feu et plan de levage')
    offer.send(D(2027, 1, 20))
    offer.accept(D(2027, 2, 1), 'CT-2027-042')
    return p


def build_plan(plan):
    for tid, name, days, kind, party, party_name, zone, deliverable, effort in SPECS:
        t = Aff.Task.new(tid, name, days)
        t.set_kind(kind)
        t.set_party(party)
        t.set_party_name(party_name)
        t.set_zone(zone)
        t.set_deliverable(deliverable)
        t.set_effort_hours(effort)
        plan.add_task(t)
    for pred, succ, kind, lag in LINKS:
        plan.add_dependency(pred, succ, kind, lag)
    for tid, person, role in ROLES:
        plan.lookup_task(tid).set_raci(person, role)
    plan.lookup_task('CONS').set_start_no_earlier_than(D(2027, 3, 22))
    plan.lookup_task('ECH').set_dangerous_work(Flags.WORK_AT_HEIGHT)
    plan.lookup_task('REM').set_dangerous_work(Flags.HOT_WORK | Flags.LIFTING)
    plan.lookup_task('ACH').set_risk_ids(['RISK-1'])
    plan.lookup_task('REM').set_risk_ids(['RISK-2'])
    plan.lookup_task('ECH').set_risk_ids(['RISK-3'])
    epr = plan.lookup_task('EPR')
    epr.set_regulatory_basis('Arrêté du 20 novembre 2017, requalification périodique')
    epr.set_report_days(3)
    epr.set_required_for('MES')

    for rid, name, kind, capacity, rate in (('SOUD', 'Équipe de soudage', Aff.ResourceKind.TEAM, 14, '52.00 EUR'),
                                            ('GRUE', 'Grue mobile 60 t', Aff.ResourceKind.EQUIPMENT, 8, '145.00 EUR'),
                                            ('PGI', 'Paul Girard', Aff.ResourceKind.PERSON, None, '65.00 EUR')):
        resource = Aff.Resource.new(rid, name, kind)
        if capacity is not None:
            resource.set_capacity_hours(capacity)
        resource.set_cost_rate(Aff.Money.parse(rate))
        plan.add_resource(resource)
    plan.assign('REM', 'SOUD', 14)
    plan.assign_total('REM', 'GRUE', 12)
    plan.assign('REM', 'PGI', 7)
    plan.assign('MES', 'PGI', 7)

    plan.schedule()

    prevention = plan.get_prevention_plan()
    prevention.record_joint_inspection(D(2027, 3, 16), [
        'Claire Martin (Tuyauteries du Rhône)', 'Jean Durand (%s)' % CLIENT_NAME, 'Luc Martin (%s)' % SCAFFOLDER])
    prevention.add_interference(ZONE, 'Levage du faisceau au-dessus de la circulation des exploitants',
                                'Zone balisée, levage hors des relèves de poste, chef de manœuvre')
    prevention.sign('Jean Durand', CLIENT_NAME, P.CLIENT, D(2027, 3, 18))
    prevention.sign('Claire Martin', 'Tuyauteries du Rhône', P.INTERNAL, D(2027, 3, 18))
    prevention.sign('Luc Martin', SCAFFOLDER, P.SUBCONTRACTOR, D(2027, 3, 18))


def story():
    p = sell()
    build_plan(p.lookup_affair(AFFAIR).get_plan())
    return p


class ManagementPlanTest(afftest.AffTestCase):
    def test_golden(self):
        p = story()
        affair = p.lookup_affair(AFFAIR)
        self.assertEqual(affair.render_management_plan(F.MARKDOWN), golden('management-plan-fr.md'))
        self.assertEqual(affair.render_management_plan(F.HTML), golden('management-plan-fr.html'))
        p.get_policy().set_language('en')
        self.assertEqual(affair.render_management_plan(F.MARKDOWN), golden('management-plan-en.md'))

    def test_hand_checks(self):
        md = story().lookup_affair(AFFAIR).render_management_plan(F.MARKDOWN)
        self.assertIn('**Fin contractuelle :** 27 mai 2027, tenue avec 11 jours ouvrés de marge\n', md)
        self.assertIn('| 30 | 8 février 2027 | 12 février 2027 | 25 mars 2027 | non |\n', md)
        self.assertIn('| LIV Faisceau livré sur site | 19 mars 2027 | 25 mars 2027 | 4 | non |\n', md)
        for report in ('1er mars 2027', '1er avril 2027', '3 mai 2027'):
            self.assertIn('| %s | Rapport mensuel d’avancement |' % report, md)
        self.assertEqual(md.count('Rapport mensuel'), 3)

    def test_not_scheduled(self):
        p = sell()
        affair = p.lookup_affair(AFFAIR)
        e = self.assertAffError(Aff.Error.INVALID_TRANSITION, affair.render_management_plan, F.MARKDOWN)
        self.assertIn(AFFAIR, e.message)
        build_plan(affair.get_plan())
        affair.get_plan().lookup_task('DOE').set_duration(4)
        e = self.assertAffError(Aff.Error.INVALID_TRANSITION, affair.render_management_plan, F.HTML)
        self.assertIn(AFFAIR, e.message)


if __name__ == '__main__':
    unittest.main()
