// testManagementPlan.js: Aff.Affair.render_management_plan from JavaScript,
// against the same golden files as the C test: the same affair (the tube
// bundle of exchanger E-101 replaced over Easter 2027), sold, planned and
// rendered through the portfolio. tests/c/test-management-plan.c works out
// every date and figure of the scenario by hand; the few checked here again:
//   contract 80 working days from Mon 1 Feb 2027: Thu 27 May 2027;
//   ACH 30 days from 8 Feb: 19 Mar, order by 12 Feb (float 4);
//   LIV 19 Mar, at the latest 25 Mar (REM starts 26 Mar at the latest);
//   monthly reports Mon 1 Mar, Thu 1 Apr, Mon 3 May (1 May is a Saturday).

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {test, run, assertEqual, assertTrue, assertThrows, date} from './harness.js';

const F = Aff.DocumentFormat;
const K = Aff.TaskKind;
const P = Aff.Party;
const R = Aff.RaciRole;
const Dep = Aff.DependencyType;
const Flags = Aff.RegulatoryFlags;

const AFFAIR = 'OF-2027-005';
const CLIENT_NAME = 'Raffinerie du Rhône';
const SUPPLIER = 'Tubes et Échangeurs de Lyon';
const SCAFFOLDER = 'Échafaudages Martin & Fils';
const BODY = 'Bureau de contrôle Sud-Est';
const ZONE = 'Chaufferie B';
const DANGEROUS = Flags.WORK_AT_HEIGHT | Flags.HOT_WORK | Flags.LIFTING;

// id, name, days, kind, party, party name, zone, deliverable, effort hours
const SPECS = [
    ['J0', 'Ordre de service', 0, K.MILESTONE, P.CLIENT, CLIENT_NAME, null, null, 0],
    ['REV', 'Revue de conception du faisceau', 5, K.DESIGN_REVIEW, P.INTERNAL, null, null,
        'Plans et mode opératoire de soudage approuvés', 0],
    ['ACH', 'Fabrication du faisceau tubulaire', 30, K.PURCHASE, P.SUPPLIER, SUPPLIER, null, null, 0],
    ['LIV', 'Faisceau livré sur site', 0, K.MILESTONE, P.SUPPLIER, SUPPLIER, null, null, 0],
    ['CONS', 'Consignation et vidange de l’échangeur', 2, K.INTERVENTION, P.CLIENT, CLIENT_NAME, ZONE, null, 16],
    ['ECH', 'Échafaudage et décalorifugeage', 4, K.SUBCONTRACT, P.SUBCONTRACTOR, SCAFFOLDER, ZONE, null, 64],
    ['REM', 'Remplacement du faisceau tubulaire', 6, K.INTERVENTION, P.INTERNAL, null, ZONE,
        'Échangeur E-101 remis en état', 84],
    ['EPR', 'Épreuve hydraulique', 1, K.INSPECTION, P.INSPECTION_BODY, BODY, ZONE, 'Dossier des ouvrages exécutés', 7],
    ['MES', 'Remise en service et essais', 2, K.INTERVENTION, P.INTERNAL, null, ZONE,
        'Procès-verbal de remise en service', 14],
    ['DOE', 'Dossier des ouvrages exécutés', 3, K.TASK, P.INTERNAL, null, null, 'Dossier des ouvrages exécutés', 0],
    ['SUIVI', 'Marche probatoire', 20, K.TASK, P.CLIENT, CLIENT_NAME, null, null, 0],
    ['J1', 'Réception', 0, K.MILESTONE, P.CLIENT, CLIENT_NAME, null, null, 0],
];

const LINKS = [
    ['J0', 'REV', Dep.FINISH_START, 0], ['REV', 'ACH', Dep.FINISH_START, 0], ['ACH', 'LIV', Dep.FINISH_START, 0],
    ['J0', 'CONS', Dep.FINISH_START, 0], ['CONS', 'ECH', Dep.START_START, 0], ['ECH', 'REM', Dep.FINISH_START, 0],
    ['LIV', 'REM', Dep.FINISH_START, 0], ['REM', 'EPR', Dep.FINISH_START, 0], ['EPR', 'MES', Dep.FINISH_START, 2],
    ['EPR', 'DOE', Dep.FINISH_START, 0], ['MES', 'SUIVI', Dep.FINISH_START, 0], ['SUIVI', 'J1', Dep.FINISH_START, 0],
    ['DOE', 'J1', Dep.FINISH_START, 0],
];

const ROLES = [
    ['REV', 'Émilie Roux', R.RESPONSIBLE], ['REV', 'Claire Martin', R.ACCOUNTABLE], ['REV', 'Jean Durand', R.CONSULTED],
    ['ACH', 'Marc Petit', R.RESPONSIBLE], ['ACH', 'Claire Martin', R.ACCOUNTABLE], ['ACH', 'Paul Girard', R.INFORMED],
    ['ECH', 'Paul Girard', R.ACCOUNTABLE], ['ECH', 'Claire Martin', R.INFORMED],
    ['REM', 'Paul Girard', R.RESPONSIBLE], ['REM', 'Claire Martin', R.ACCOUNTABLE], ['REM', 'Émilie Roux', R.CONSULTED],
    ['EPR', 'Émilie Roux', R.RESPONSIBLE], ['EPR', 'Claire Martin', R.ACCOUNTABLE],
    ['MES', 'Paul Girard', R.RESPONSIBLE], ['MES', 'Claire Martin', R.ACCOUNTABLE], ['MES', 'Jean Durand', R.INFORMED],
    ['DOE', 'Émilie Roux', R.RESPONSIBLE], ['DOE', 'Claire Martin', R.ACCOUNTABLE],
    ['J1', 'Claire Martin', R.RESPONSIBLE], ['J1', 'Jean Durand', R.ACCOUNTABLE],
];

const data = GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'data']);

function golden(name) {
    const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([data, 'golden', name]));
    return new TextDecoder().decode(bytes);
}

function addRisk(reg, title, category, probability, impact, exposure, treatment, owner, review) {
    const risk = Aff.Risk.new(title, category, probability, impact);
    if (exposure !== null)
        risk.set_exposure(Aff.Money.parse(exposure));
    risk.set_treatment(treatment);
    risk.set_owner(owner);
    risk.set_review_date(review);
    reg.add_risk(risk);
}

// The portfolio up to the accepted offer.
function sell() {
    const p = Aff.Portfolio.new();
    p.set_actor('Claire Martin');
    p.set_fixed_time(GLib.DateTime.new_utc(2027, 2, 1, 8, 0, 0));
    const policy = p.get_policy();
    policy.set_activities(['pipework']);
    policy.set_presentation('company-name', 'Tuyauteries du Rhône');
    p.add_client(Aff.Client.new('raffinerie-rhone', CLIENT_NAME));

    const k = Aff.Consultation.new('AO-2027-003', 'raffinerie-rhone',
        'Remplacement du faisceau de l’échangeur E-101', date(2027, 1, 4), date(2027, 1, 22));
    k.set_activities(['pipework']);
    k.set_site('Raffinerie du Rhône, Feyzin');
    k.set_regulatory_flags(DANGEROUS);
    p.add_consultation(k);
    k.start_qualification(date(2027, 1, 5), 'analysis');
    p.evaluate_consultation('AO-2027-003', date(2027, 1, 7));
    p.decide_consultation('AO-2027-003', Aff.BidVerdict.GO, 'Direction', 'client stratégique');
    const reg = k.get_risk_register();
    addRisk(reg, 'Retard de fabrication du faisceau', Aff.RiskCategory.SCHEDULE, 3, 4, '6000.00 EUR',
        Aff.RiskTreatment.REDUCE, 'Marc Petit', date(2027, 3, 1));
    addRisk(reg, 'Corrosion de la calandre découverte au démontage', Aff.RiskCategory.TECHNICAL, 2, 5,
        '15000.00 EUR', Aff.RiskTreatment.SHARE, 'Claire Martin', null);
    addRisk(reg, 'Chute de hauteur au montage de l’échafaudage', Aff.RiskCategory.SAFETY, 2, 4, null,
        Aff.RiskTreatment.REDUCE, 'Paul Girard', null);

    const offer = Aff.Offer.new(AFFAIR, 'AO-2027-003');
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    for (const [kind, description, quantity, unit, cost] of [
        [Aff.LineKind.LABOUR, 'Remplacement du faisceau', '252', Aff.LineUnit.HOUR, '55.00 EUR'],
        [Aff.LineKind.MATERIAL, 'Faisceau tubulaire inox 316L', '1', Aff.LineUnit.LUMP_SUM, '38000.00 EUR'],
        [Aff.LineKind.SUBCONTRACT, 'Échafaudage et épreuve', '1', Aff.LineUnit.LUMP_SUM, '5700.00 EUR'],
    ])
        rev.add_line(Aff.OfferLine.new(kind, description, quantity, unit, Aff.Money.parse(cost)));
    rev.set_contingency(Aff.Money.parse('2000.00 EUR'));
    rev.set_margin_rate(1500);
    rev.set_lead_time_days(80);
    rev.set_validity(date(2027, 3, 31));
    rev.acknowledge(DANGEROUS, 'Travail en hauteur, permis de feu et plan de levage');
    offer.send(date(2027, 1, 20));
    offer.accept(date(2027, 2, 1), 'CT-2027-042');
    return p;
}

function buildPlan(plan) {
    for (const [id, name, days, kind, party, partyName, zone, deliverable, effort] of SPECS) {
        const t = Aff.Task.new(id, name, days);
        t.set_kind(kind);
        t.set_party(party);
        t.set_party_name(partyName);
        t.set_zone(zone);
        t.set_deliverable(deliverable);
        t.set_effort_hours(effort);
        plan.add_task(t);
    }
    for (const [pred, succ, kind, lag] of LINKS)
        plan.add_dependency(pred, succ, kind, lag);
    for (const [id, person, role] of ROLES)
        plan.lookup_task(id).set_raci(person, role);
    plan.lookup_task('CONS').set_start_no_earlier_than(date(2027, 3, 22));
    plan.lookup_task('ECH').set_dangerous_work(Flags.WORK_AT_HEIGHT);
    plan.lookup_task('REM').set_dangerous_work(Flags.HOT_WORK | Flags.LIFTING);
    plan.lookup_task('ACH').set_risk_ids(['RISK-1']);
    plan.lookup_task('REM').set_risk_ids(['RISK-2']);
    plan.lookup_task('ECH').set_risk_ids(['RISK-3']);
    const epr = plan.lookup_task('EPR');
    epr.set_regulatory_basis('Arrêté du 20 novembre 2017, requalification périodique');
    epr.set_report_days(3);
    epr.set_required_for('MES');

    for (const [id, name, kind, capacity, rate] of [
        ['SOUD', 'Équipe de soudage', Aff.ResourceKind.TEAM, 14, '52.00 EUR'],
        ['GRUE', 'Grue mobile 60 t', Aff.ResourceKind.EQUIPMENT, 8, '145.00 EUR'],
        ['PGI', 'Paul Girard', Aff.ResourceKind.PERSON, null, '65.00 EUR'],
    ]) {
        const resource = Aff.Resource.new(id, name, kind);
        if (capacity !== null)
            resource.set_capacity_hours(capacity);
        resource.set_cost_rate(Aff.Money.parse(rate));
        plan.add_resource(resource);
    }
    plan.assign('REM', 'SOUD', 14);
    plan.assign_total('REM', 'GRUE', 12);
    plan.assign('REM', 'PGI', 7);
    plan.assign('MES', 'PGI', 7);

    plan.schedule();

    const prevention = plan.get_prevention_plan();
    prevention.record_joint_inspection(date(2027, 3, 16), [
        'Claire Martin (Tuyauteries du Rhône)', `Jean Durand (${CLIENT_NAME})`, `Luc Martin (${SCAFFOLDER})`]);
    prevention.add_interference(ZONE, 'Levage du faisceau au-dessus de la circulation des exploitants',
        'Zone balisée, levage hors des relèves de poste, chef de manœuvre');
    prevention.sign('Jean Durand', CLIENT_NAME, P.CLIENT, date(2027, 3, 18));
    prevention.sign('Claire Martin', 'Tuyauteries du Rhône', P.INTERNAL, date(2027, 3, 18));
    prevention.sign('Luc Martin', SCAFFOLDER, P.SUBCONTRACTOR, date(2027, 3, 18));
}

function story() {
    const p = sell();
    buildPlan(p.lookup_affair(AFFAIR).get_plan());
    return p;
}

test('golden files', () => {
    const p = story();
    const affair = p.lookup_affair(AFFAIR);
    assertEqual(affair.render_management_plan(F.MARKDOWN), golden('management-plan-fr.md'));
    assertEqual(affair.render_management_plan(F.HTML), golden('management-plan-fr.html'));
    p.get_policy().set_language('en');
    assertEqual(affair.render_management_plan(F.MARKDOWN), golden('management-plan-en.md'));
});

test('hand checks', () => {
    const md = story().lookup_affair(AFFAIR).render_management_plan(F.MARKDOWN);
    assertTrue(md.includes('**Fin contractuelle :** 27 mai 2027, tenue avec 11 jours ouvrés de marge\n'));
    assertTrue(md.includes('| 30 | 8 février 2027 | 12 février 2027 | 25 mars 2027 | non |\n'));
    assertTrue(md.includes('| LIV Faisceau livré sur site | 19 mars 2027 | 25 mars 2027 | 4 | non |\n'));
    for (const report of ['1er mars 2027', '1er avril 2027', '3 mai 2027'])
        assertTrue(md.includes(`| ${report} | Rapport mensuel d’avancement |`), report);
    assertEqual(md.split('Rapport mensuel').length - 1, 3);
});

test('not scheduled', () => {
    const p = sell();
    const affair = p.lookup_affair(AFFAIR);
    assertThrows(() => affair.render_management_plan(F.MARKDOWN), Aff.Error.INVALID_TRANSITION, AFFAIR);
    buildPlan(affair.get_plan());
    affair.get_plan().lookup_task('DOE').set_duration(4);
    assertThrows(() => affair.render_management_plan(F.HTML), Aff.Error.INVALID_TRANSITION, AFFAIR);
});

run();
