"""L'étude de cas des exercices : l'affaire OF-2026-118, racontée phase par phase.

Maintenance Industrielle du Nord (MIN), PME de maintenance industrielle de
Grande-Synthe, remplace les tuyauteries de vent chaud du haut fourneau 4
d'Arcelis Dunkerque pendant l'arrêt de 2027. C'est l'histoire de la
démonstration de l'outil (`affaires demo`), avec les mêmes dates et les
mêmes montants, découpée selon les sept capacités du référentiel :

- prospection   la politique, les clients, les actions commerciales, la
                solvabilité, la consultation CONS-2026-041 et ses risques,
                l'évaluation et la décision GO (capacité 1) ;
- offre         l'offre OF-2026-118 chiffrée, envoyée, relancée et acceptée :
                l'affaire est créée (capacité 2) ;
- organisation  le planning, ses jalons et ses risques, les ressources, la
                référence « contrat » et le plan de prévention (capacité 3) ;
- coordination  les réunions et leurs comptes rendus, les responsables des
                tâches, l'aléa H1 et sa décision, l'inspection et son
                rapport, le déroulement des tâches (capacité 4) ;
- suivi         les documents, l'incident dit au client, l'action, les
                rapports mensuels (capacité 5) ;
- finance       les coûts, l'avancement, la facturation, les dérives
                analysées à chaque revue mensuelle, la réception et
                l'enquête de satisfaction (capacité 6) ;
- rex           le retour d'expérience et sa validation (capacité 7) ;
- cloture       la clôture de l'affaire.

Chaque phase est une fonction `phase(portefeuille, omissions)` : les
omissions (OMISSIONS) laissent de côté une partie de la phase, pour qu'un
dossier de départ d'exercice manque exactement de ce que le stagiaire doit
faire. `raconter()` enchaîne les phases ; preparer.py en tire les dossiers
de départ.

Lancer depuis la racine du dépôt, après `ninja -C _build` :
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      PYTHONPATH=bindings/python python3 examples/training/histoire.py FICHIER
écrit l'histoire complète dans FICHIER (l'audit du 31 mars 2027 y trouve
les 31 critères satisfaits).
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import decimal
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff, GLib  # noqa: E402

AFFAIRE = 'OF-2026-118'
CLIENT = 'ARC-DK'
CONSULTATION = 'CONS-2026-041'
# Le chargé d'affaires de MIN, auteur des écritures du journal.
ACTEUR = 'Julien Delattre'
# L'horloge du journal des dossiers préparés : fixe, pour qu'ils soient
# identiques d'une préparation à l'autre.
HORLOGE = (2027, 4, 1, 8, 0, 0)

# Ce qu'une phase peut laisser de côté.
ACTIONS_COMMERCIALES = 'actions-commerciales'   # prospection : les interactions de 2026
TRAITEMENT_RISQUES = 'traitement-risques'       # prospection : traitement et pilote des risques
ENQUETE = 'enquete'                             # finance : l'enquête de satisfaction du 12 mars 2027
OMISSIONS = (ACTIONS_COMMERCIALES, TRAITEMENT_RISQUES, ENQUETE)


def jour(annee, mois, quantieme):
    return datetime.date(annee, mois, quantieme)


def eur(texte):
    """Un montant en euros, exact : eur('35071.00')."""
    return Aff.Money.from_decimal(decimal.Decimal(texte), 'EUR')


def nouveau_portefeuille(nom=None):
    """Un portefeuille vide au nom de @nom, tenu par le chargé d'affaires,
    son journal daté par l'horloge fixe."""
    portefeuille = Aff.Portfolio.new()
    portefeuille.set_actor(ACTEUR)
    portefeuille.set_fixed_time(GLib.DateTime.new_utc(*HORLOGE))
    if nom is not None:
        portefeuille.set_name(nom)
    return portefeuille


# ---- 1. Prospection --------------------------------------------------------

ACTIVITES = ['mechanical-maintenance', 'pipework', 'boilermaking', 'industrial-electricity']
PRESENTATION = [
    ('company-name', 'Maintenance Industrielle du Nord'),
    ('company-address', 'ZI des Dunes\n59760 Grande-Synthe'),
    ('company-identity', 'SAS au capital de 400 000 € — SIREN 732 829 320 — RCS Dunkerque'),
    ('signatory-name', 'Julien Delattre'),
    ('signatory-title', "Chargé d'affaires"),
]
TAUX_HORAIRES = [('welder', '58.00'), ('pipefitter', '52.00'), ('electrician', '54.00'),
                 ('design-engineer', '75.00')]
CLIENTS = [
    ('GRP-ARCELIS', 'Arcelis Groupe', '412345670', '24.10Z', '12 avenue de la Sidérurgie\n92400 Courbevoie'),
    ('ARC-DK', 'Arcelis Dunkerque', '382765436', '24.10Z', 'Route du Port\n59140 Dunkerque'),
    ('CHIM-RHONE', 'Chimie du Rhône', '518392048', '20.14Z', 'Plateforme chimique\n69190 Saint-Fons'),
    ('PAP-VOSGES', 'Papeteries des Vosges', '452108764', '17.12Z', '1 rue du Moulin\n88100 Saint-Dié-des-Vosges'),
]
CONTACTS = [
    ('ARC-DK', 'Claire Martin', 'responsable maintenance', 'claire.martin@arcelis.example', '+33 3 28 00 00 01'),
    ('ARC-DK', 'Yves Roussel', 'acheteur', 'yves.roussel@arcelis.example', None),
    ('CHIM-RHONE', 'Nadia Benali', 'ingénieure travaux', 'n.benali@chimie-rhone.example', None),
    ('PAP-VOSGES', 'Marc Didier', 'directeur technique', None, '+33 3 29 00 00 02'),
]
STATUTS = [
    ('GRP-ARCELIS', Aff.ClientStatus.ACTIVE, jour(2025, 1, 6), 'accord-cadre signé'),
    ('ARC-DK', Aff.ClientStatus.ACTIVE, jour(2026, 2, 3), 'première commande : arrêt du haut fourneau'),
    ('PAP-VOSGES', Aff.ClientStatus.ACTIVE, jour(2024, 3, 10), 'révision de chaudière commandée'),
    ('PAP-VOSGES', Aff.ClientStatus.DORMANT, jour(2025, 6, 30), 'aucun chantier depuis la révision'),
]
# Les actions commerciales de 2026 : (client, nature, date, contact, résumé,
# prochaine action, satisfaction sur 10 ou -1).
INTERACTIONS = [
    ('ARC-DK', Aff.InteractionKind.VISIT, jour(2026, 9, 15), 'Claire Martin',
     "Visite du site avant l'arrêt de 2027", jour(2026, 12, 15), -1),
    ('ARC-DK', Aff.InteractionKind.SURVEY, jour(2026, 10, 20), 'Claire Martin',
     'Enquête de satisfaction de fin de chantier', None, 8),
    ('CHIM-RHONE', Aff.InteractionKind.TRADE_SHOW, jour(2026, 10, 2), 'Nadia Benali',
     'Rencontre au salon de la maintenance de Lyon', jour(2026, 11, 20), -1),
    ('PAP-VOSGES', Aff.InteractionKind.CALL, jour(2026, 5, 12), 'Marc Didier',
     "Question sur le plan d'investissement 2027", None, -1),
]


def interaction(portefeuille, client_id, nature, date, contact, resume, prochaine=None, satisfaction=-1):
    """Enregistre une action commerciale auprès de @client_id."""
    action = Aff.Interaction.new(nature, date, resume)
    action.set_contact(contact)
    if prochaine is not None:
        action.set_next_action_date(prochaine)
    if satisfaction >= 0:
        action.set_satisfaction(satisfaction)
    portefeuille.record_interaction(client_id, action)
    return action


def _solvabilite(portefeuille):
    """L'analyse financière d'Arcelis Dunkerque du 30 juin 2026, validée
    par le service financier : Z′ = 2,35, zone grise."""
    analyse = Aff.Solvency.new(jour(2026, 6, 30))
    analyse.set_working_capital(eur('120000000.00'))
    analyse.set_retained_earnings(eur('210000000.00'))
    analyse.set_ebit(eur('95000000.00'))
    analyse.set_book_equity(eur('340000000.00'))
    analyse.set_total_liabilities(eur('510000000.00'))
    analyse.set_total_assets(eur('850000000.00'))
    analyse.set_sales(eur('1200000000.00'))
    analyse.set_validated_by('S. Leroy (finance)')
    analyse.set_dso_days(58)
    analyse.set_payment_incidents(0)
    portefeuille.lookup_client(CLIENT).add_solvency(analyse)


def _consultation(portefeuille, omissions):
    """La consultation CONS-2026-041, analysée, ses risques évalués, puis
    évaluée et décidée GO."""
    consultation = Aff.Consultation.new(CONSULTATION, CLIENT,
                                        'Arrêt HF4 2027 : remplacement des tuyauteries de vent chaud',
                                        jour(2026, 11, 16), jour(2026, 12, 18))
    consultation.set_activities(['pipework', 'boilermaking'])
    consultation.set_estimated_value(eur('480000.00'))
    consultation.set_bid_cost(eur('3800.00'))
    consultation.set_expected_margin_rate(1600)
    consultation.set_estimated_hours(3200)
    consultation.set_site('Arcelis Dunkerque, haut fourneau 4')
    consultation.set_regulatory_flags(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.WORK_AT_HEIGHT
                                      | Aff.RegulatoryFlags.CONFINED_SPACE)
    portefeuille.add_consultation(consultation)
    consultation.start_qualification(jour(2026, 11, 17), 'demande complète reçue')
    consultation.add_requirement('Tuyauteries DN 600 calorifugées, 85 m, NF EN 13480')     # REQ-1
    consultation.add_requirement("Travaux pendant l'arrêt de 21 jours")                   # REQ-2
    consultation.add_requirement('Contrôle radiographique de 100 % des soudures')           # REQ-3
    question = consultation.ask_question('Le levage est-il fourni par le site ?', jour(2026, 11, 17))
    apport = consultation.request_contribution(Aff.Department.METHODS, 'M. Petit',
                                               'modes opératoires de soudage et heures', jour(2026, 11, 21))
    consultation.answer_question(question, 'Oui, grue de 80 t du site', jour(2026, 11, 19))
    consultation.complete_contribution(apport, '3 200 h dont essais', jour(2026, 11, 19))

    registre = consultation.get_risk_register()
    for titre, categorie, probabilite, impact, exposition, pourcent, pilote in RISQUES:
        risque = Aff.Risk.new(titre, categorie, probabilite, impact)
        risque.set_exposure(eur(exposition))
        risque.set_probability_percent(pourcent)
        if TRAITEMENT_RISQUES not in omissions:
            risque.set_treatment(Aff.RiskTreatment.REDUCE)
            risque.set_owner(pilote)
        registre.add_risk(risque)

    evaluation = portefeuille.evaluate_consultation(CONSULTATION, jour(2026, 11, 23))
    verdict = Aff.BidVerdict.NO_GO if evaluation.get_verdict() == Aff.BidVerdict.NO_GO else Aff.BidVerdict.GO
    portefeuille.decide_consultation(CONSULTATION, verdict, "Directeur d'agence", "conforme à l'évaluation")


# (titre, catégorie, probabilité, impact, exposition, probabilité en %,
# pilote) : RISK-1 et RISK-2, traités en réduction.
RISQUES = [
    ('Retard de livraison des brides forgées', Aff.RiskCategory.SCHEDULE, 3, 4, '25000.00', 30, 'achats'),
    ("Travaux par point chaud près d'une zone ATEX", Aff.RiskCategory.SAFETY, 2, 5, '60000.00', 10, 'QHSE'),
]


def prospection(portefeuille, omissions=frozenset()):
    """Capacité 1 : la politique de l'entreprise, les clients et leurs
    contacts, les actions commerciales, la solvabilité d'Arcelis
    Dunkerque, la consultation CONS-2026-041 et la décision GO."""
    politique = portefeuille.get_policy()
    politique.set_activities(ACTIVITES)
    for cle, texte in PRESENTATION:
        politique.set_presentation(cle, texte)
    for competence, taux in TAUX_HORAIRES:
        politique.set_labour_rate(competence, eur(taux))
    for ident, nom, siren, naf, adresse in CLIENTS:
        client = Aff.Client.new(ident, nom)
        client.set_address(adresse)
        client.set_siren(siren)
        client.set_sector(naf)
        portefeuille.add_client(client)
    portefeuille.set_client_parent('ARC-DK', 'GRP-ARCELIS')
    for client_id, nom, role, courriel, telephone in CONTACTS:
        contact = Aff.Contact.new(nom)
        contact.set_role(role)
        contact.set_email(courriel)
        contact.set_phone(telephone)
        portefeuille.lookup_client(client_id).add_contact(contact)
    for client_id, statut, date, raison in STATUTS:
        portefeuille.lookup_client(client_id).change_status(statut, date, raison)
    if ACTIONS_COMMERCIALES not in omissions:
        for ligne in INTERACTIONS:
            interaction(portefeuille, *ligne)
    _solvabilite(portefeuille)
    _consultation(portefeuille, omissions)


# ---- 2. Offre --------------------------------------------------------------

def offre(portefeuille, omissions=frozenset()):
    """Capacité 2 : l'offre OF-2026-118, chiffrée depuis les coûts (prix de
    revient 291 253,10 €, prix de vente 342 650,71 € HT, marge de 15 %),
    envoyée le 10 décembre 2026, relancée le 5 janvier 2027 et acceptée le
    15 janvier 2027 (commande CDE-ARC-2027-0042) : l'affaire est créée."""
    politique = portefeuille.get_policy()
    proposition = Aff.Offer.new(AFFAIRE, CONSULTATION)
    portefeuille.add_offer(proposition)
    revision = proposition.get_current_revision()
    soudage = Aff.OfferLine.new_labour('Préfabrication et soudage', '2400', 'welder', politique)
    tubes = Aff.OfferLine.new(Aff.LineKind.MATERIAL, 'Tube DN 600 calorifugé', '85', Aff.LineUnit.METRE,
                              eur('412.60'))
    radio = Aff.OfferLine.new(Aff.LineKind.SUBCONTRACT, 'Radiographie de 100 % des soudures', '1',
                              Aff.LineUnit.LUMP_SUM, eur('18500.00'))
    echafaudage = Aff.OfferLine.new(Aff.LineKind.EQUIPMENT, 'Échafaudage et nacelle', '21', Aff.LineUnit.DAY,
                                    eur('1850.00'))
    # Chaque ligne répond à une exigence du cahier des charges ; les lots
    # sont les tâches du futur planning, pour que le budget s'y répartisse.
    for ligne, exigence, lot in [(soudage, 'REQ-2', 'MONTAGE'), (tubes, 'REQ-1', 'APPRO'),
                                 (radio, 'REQ-3', 'RADIO'), (echafaudage, None, 'MONTAGE')]:
        if exigence is not None:
            ligne.set_requirements([exigence])
        ligne.set_lot(lot)
        revision.add_line(ligne)
    revision.set_contingency(eur('9000.00'))
    revision.set_margin_rate(politique.get_target_margin_rate())
    revision.set_validity(jour(2027, 3, 31))
    revision.set_payment_terms(45, True)
    revision.set_billing(1000, True, 500)
    revision.acknowledge(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.WORK_AT_HEIGHT
                         | Aff.RegulatoryFlags.CONFINED_SPACE,
                         'Permis de feu, travail en hauteur et espace confiné gérés dans le plan de prévention '
                         'établi avec le site')
    proposition.send(jour(2026, 12, 10))
    interaction(portefeuille, CLIENT, Aff.InteractionKind.CALL, jour(2027, 1, 5), 'Yves Roussel',
                "Relance de l'offre OF-2026-118 : commande attendue mi-janvier")
    proposition.accept(jour(2027, 1, 15), 'CDE-ARC-2027-0042')


# ---- 3. Organisation -------------------------------------------------------

# (id, nom, durée en jours ouvrés, nature)
TACHES = [
    ('J0', 'Lancement', 0, Aff.TaskKind.MILESTONE),
    ('APPRO', 'Approvisionnement des tubes et brides', 15, Aff.TaskKind.PURCHASE),
    ('MONTAGE', "Remplacement des tuyauteries pendant l'arrêt", 15, Aff.TaskKind.INTERVENTION),
    ('RADIO', 'Contrôle radiographique des soudures', 3, Aff.TaskKind.INSPECTION),
    ('J1', 'Réception', 0, Aff.TaskKind.MILESTONE),
]
ENCHAINEMENT = [('J0', 'APPRO'), ('APPRO', 'MONTAGE'), ('MONTAGE', 'RADIO'), ('RADIO', 'J1')]
PARTICIPANTS_INSPECTION = ['Claire Martin (Arcelis)', "Chargé d'affaires", 'Chef de chantier']


def organisation(portefeuille, omissions=frozenset()):
    """Capacité 3 : le planning de l'affaire à partir du lundi 18 janvier
    2027 (approvisionnement, remplacement pendant l'arrêt, radiographie,
    réception), jalonné et rattaché aux risques de l'offre, l'équipe de
    soudeurs, la référence « contrat » et le plan de prévention signé le
    18 janvier."""
    affaire = portefeuille.lookup_affair(AFFAIRE)
    planning = affaire.get_plan()
    planning.set_start(jour(2027, 1, 18))
    for ident, nom, duree, nature in TACHES:
        tache = Aff.Task.new(ident, nom, duree)
        tache.set_kind(nature)
        planning.add_task(tache)
    for avant, apres in ENCHAINEMENT:
        planning.add_dependency(avant, apres, Aff.DependencyType.FINISH_START, 0)
    planning.lookup_task('APPRO').set_risk_ids(['RISK-1'])
    montage = planning.lookup_task('MONTAGE')
    montage.set_risk_ids(['RISK-2'])
    montage.set_dangerous_work(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.WORK_AT_HEIGHT)

    # Vingt soudeurs, 160 heures par jour : les 2 400 heures en 15 jours.
    soudeurs = Aff.Resource.new('soudeurs', 'Équipe de soudeurs', Aff.ResourceKind.TEAM)
    soudeurs.set_capacity_minutes(160 * 60)
    planning.add_resource(soudeurs)
    planning.assign('MONTAGE', 'soudeurs', 160)
    planning.schedule()
    planning.save_baseline('contrat')

    prevention = planning.get_prevention_plan()
    prevention.record_joint_inspection(jour(2027, 1, 18), PARTICIPANTS_INSPECTION)
    prevention.add_interference('HF4', "Travaux par point chaud en co-activité avec les équipes d'arrêt du site, "
                                "près d'une zone ATEX",
                                'Permis de feu du site, balisage de la zone, détection de gaz en continu')
    prevention.sign('Claire Martin', 'Arcelis Dunkerque', Aff.Party.CLIENT, jour(2027, 1, 18))
    prevention.sign("Chargé d'affaires", 'Maintenance Industrielle du Nord', Aff.Party.INTERNAL, jour(2027, 1, 18))


# ---- 4. Coordination -------------------------------------------------------

RESPONSABLES = [('APPRO', 'Service achats'), ('MONTAGE', 'Chef de chantier'), ('RADIO', 'Institut de Soudure')]
# (id, nature, date, objet, compte rendu)
REUNIONS = [
    ('R-1', Aff.MeetingKind.KICK_OFF, jour(2027, 1, 18), 'Réunion de lancement',
     "Planning, plan de prévention et points d'arrêt validés avec le site"),
    ('R-2', Aff.MeetingKind.SITE_MEETING, jour(2027, 2, 18), 'Réunion de chantier',
     'Montage conforme au planning replanifié ; aucune réserve sécurité'),
    ('R-3', Aff.MeetingKind.CLIENT_MEETING, jour(2027, 3, 12), 'Réception des travaux',
     'Réception prononcée sans réserve'),
]


def reunion(dossier, ident, nature, date, objet, compte_rendu):
    seance = Aff.Meeting.new(ident, nature, date, objet)
    seance.set_minutes(compte_rendu)
    dossier.add_meeting(seance)


def coordination(portefeuille, omissions=frozenset()):
    """Capacité 4 : les responsables des tâches, l'Institut de Soudure
    mobilisé pour la radiographie, les réunions, le déroulement des tâches,
    l'aléa H1 du 3 février (brides livrées avec trois jours de retard) et la
    décision de replanification, le rapport d'inspection reçu le 10 mars."""
    affaire = portefeuille.lookup_affair(AFFAIRE)
    planning = affaire.get_plan()
    dossier = affaire.get_dossier()
    R, A, I = Aff.RaciRole.RESPONSIBLE, Aff.RaciRole.ACCOUNTABLE, Aff.RaciRole.INFORMED

    for ident, responsable in RESPONSABLES:
        tache = planning.lookup_task(ident)
        tache.set_raci(responsable, R)
        tache.set_raci("Chargé d'affaires", A)
    for jalon in ('J0', 'J1'):
        planning.lookup_task(jalon).set_raci("Chargé d'affaires", I)
    radio = planning.lookup_task('RADIO')
    radio.set_party(Aff.Party.INSPECTION_BODY)
    radio.set_party_name('Institut de Soudure')
    radio.set_regulatory_basis('NF EN 13480-5, contrôle des soudures')
    radio.set_report_days(5)

    # Janvier : le lancement, l'approvisionnement.
    reunion(dossier, *REUNIONS[0])
    planning.start_task('J0', jour(2027, 1, 18))
    planning.finish_task('J0', jour(2027, 1, 18))
    planning.start_task('APPRO', jour(2027, 1, 18))

    # Février : les brides en retard, la replanification, le montage.
    alea = Aff.Hazard.new('H1', jour(2027, 2, 3), Aff.HazardCause.SUPPLIER,
                          'Brides forgées livrées avec trois jours de retard')
    alea.set_task_ids(['APPRO'])
    alea.set_delay_days(3)
    planning.apply_hazard(alea)
    decision = Aff.Decision.new('D-1', jour(2027, 2, 4), 'Décaler le montage de trois jours et travailler en '
                                'deux postes la première semaine', "Chargé d'affaires")
    decision.set_target(Aff.DecisionTarget.PLAN, 'H1')
    dossier.add_decision(decision)
    planning.finish_task('APPRO', jour(2027, 2, 10))
    planning.start_task('MONTAGE', jour(2027, 2, 11))
    reunion(dossier, *REUNIONS[1])

    # Mars : la fin du montage, la radiographie et son rapport, la réception.
    planning.finish_task('MONTAGE', jour(2027, 3, 3))
    planning.start_task('RADIO', jour(2027, 3, 4))
    planning.finish_task('RADIO', jour(2027, 3, 8))
    radio.set_report_received(jour(2027, 3, 10))
    reunion(dossier, *REUNIONS[2])
    planning.start_task('J1', jour(2027, 3, 12))
    planning.finish_task('J1', jour(2027, 3, 12))
    planning.schedule()


# ---- 5. Suivi --------------------------------------------------------------

def suivi(portefeuille, omissions=frozenset()):
    """Capacité 5 : la liste de diffusion, le plan qualité et le dossier des
    ouvrages exécutés, l'incident des brides dit au client le jour même,
    l'action de relance, les rapports de gestion de janvier et février."""
    affaire = portefeuille.lookup_affair(AFFAIRE)
    dossier = affaire.get_dossier()
    gestion = Aff.ReportVariant.MANAGEMENT

    dossier.set_distribution(gestion, ["Directeur d'agence"])
    dossier.add_document(Aff.Document.new('PQ-01', "Plan qualité de l'affaire"), jour(2027, 1, 18))
    dossier.issue_document('PQ-01', jour(2027, 1, 18))
    dossier.approve_document('PQ-01', jour(2027, 1, 20))
    doe = Aff.Document.new('DOE-01', 'Dossier des ouvrages exécutés')
    doe.set_deliverable('Dossier de fin de travaux')
    dossier.add_document(doe, jour(2027, 1, 20))

    incident = Aff.Incident.new('I-1', jour(2027, 2, 3), 'Livraison des brides forgées retardée')
    incident.set_client_informed(jour(2027, 2, 3), 'Appel à Claire Martin')
    incident.set_hazard_id('H1')
    dossier.add_incident(incident)
    relance = Aff.Action.new('A-1', 'Relancer la forge et obtenir une date ferme', 'Service achats',
                             jour(2027, 2, 3), jour(2027, 2, 5))
    relance.set_origin(Aff.ActionOrigin.INCIDENT, 'I-1')
    dossier.add_action(relance)
    dossier.complete_action('A-1', jour(2027, 2, 4), 'Livraison confirmée au 10 février')
    dossier.close_incident('I-1', jour(2027, 2, 10), 'Brides reçues et contrôlées')

    dossier.record_report(gestion, jour(2027, 1, 1), jour(2027, 1, 31), jour(2027, 2, 2), None)
    dossier.record_report(gestion, jour(2027, 2, 1), jour(2027, 2, 28), jour(2027, 3, 2), None)

    dossier.issue_document('DOE-01', jour(2027, 3, 10))
    dossier.approve_document('DOE-01', jour(2027, 3, 12))


# ---- 6. Finance ------------------------------------------------------------

# Les pièces de la comptabilité : (date, tâche, nature, état, montant HT,
# fournisseur, pièce, commande soldée).
ENGAGE, REALISE = Aff.CostState.COMMITTED, Aff.CostState.ACTUAL
COUTS = [
    (jour(2027, 1, 19), 'APPRO', Aff.CostCategory.MATERIAL, ENGAGE, '35071.00', 'Aciers du Nord', 'CDE-AN-0107', None),
    (jour(2027, 1, 25), 'RADIO', Aff.CostCategory.SUBCONTRACT, ENGAGE, '18500.00', 'Institut de Soudure', 'CDE-IS-0112',
     None),
    (jour(2027, 2, 10), 'APPRO', Aff.CostCategory.MATERIAL, REALISE, '35071.00', 'Aciers du Nord', 'FA-AN-0288',
     'CDE-AN-0107'),
    (jour(2027, 2, 26), 'MONTAGE', Aff.CostCategory.EQUIPMENT, REALISE, '38850.00', 'Échafaudages de Flandre',
     'FA-EF-0412', None),
    (jour(2027, 2, 26), 'MONTAGE', Aff.CostCategory.LABOUR, REALISE, '87000.00', None, 'POINTAGE-2027-02', None),
    # La comptabilité impute au chantier, mois par mois, les frais généraux
    # de l'offre (50 632,10 € en tout).
    (jour(2027, 2, 26), 'MONTAGE', Aff.CostCategory.OVERHEAD, REALISE, '30000.00', None, 'FG-2027-02', None),
    (jour(2027, 3, 3), 'MONTAGE', Aff.CostCategory.LABOUR, REALISE, '52200.00', None, 'POINTAGE-2027-03', None),
    (jour(2027, 3, 3), 'MONTAGE', Aff.CostCategory.OVERHEAD, REALISE, '20632.10', None, 'FG-2027-03', None),
    (jour(2027, 3, 10), 'RADIO', Aff.CostCategory.SUBCONTRACT, REALISE, '18500.00', 'Institut de Soudure', 'FA-IS-0301',
     'CDE-IS-0112'),
]
# L'avancement physique relevé : (tâche, date, points de base).
AVANCEMENTS = [
    ('APPRO', jour(2027, 1, 29), 5000),
    ('APPRO', jour(2027, 2, 10), 10000),
    ('MONTAGE', jour(2027, 2, 26), 6000),
    ('MONTAGE', jour(2027, 3, 3), 10000),
    ('RADIO', jour(2027, 3, 8), 10000),
]
# Les jours où l'on facture ce qui est dû : l'acompte à la signature, les
# situations de fin de mois, le solde à la réception.
FACTURATIONS = [jour(2027, 1, 15), jour(2027, 1, 31), jour(2027, 2, 28), jour(2027, 3, 12)]
# Les revues : (jour de la revue, jour de l'analyse, [(dérive, sujet,
# analyse, action corrective)]). Les actions sont dues quatorze jours après
# l'analyse ; le chargé d'affaires les porte.
REVUES = [
    (jour(2027, 1, 31), jour(2027, 2, 2), [
        (Aff.DriftKind.SCHEDULE_PERFORMANCE, None,
         'Montage décalé par la livraison tardive des brides forgées (aléa H1)',
         'Travail en deux postes pendant une semaine'),
    ]),
    (jour(2027, 2, 28), jour(2027, 3, 2), [
        (Aff.DriftKind.COST_PERFORMANCE, None,
         'Heures de montage au-dessus du prévu : reprises de soudures après le retard des brides',
         "Renfort d'un soudeur qualifié, suivi quotidien des heures"),
        (Aff.DriftKind.MARGIN_EROSION, None,
         "La projection des coûts actuels érode la marge de l'offre",
         "Revue des achats restants et demande d'avenant pour les reprises"),
        (Aff.DriftKind.BUDGET_OVERRUN, 'MONTAGE/overhead',
         "Les frais généraux de l'offre, budgétés sur l'ensemble de l'affaire, sont imputés par la comptabilité "
         'au chantier MONTAGE',
         "Imputation vérifiée avec la comptabilité ; frais généraux suivis sur l'ensemble de l'affaire"),
    ]),
    (jour(2027, 3, 12), jour(2027, 3, 14), [
        (Aff.DriftKind.MILESTONE_SLIP, 'J1', "Réception décalée par l'aléa H1",
         'Date de réception confirmée au client en réunion de chantier'),
    ]),
]
RECEPTION = jour(2027, 3, 12)


def facturer(affaire, date, numeros):
    """Facture tout ce qui est dû le @date, numéroté F-2027-001, -002…
    (@numeros : la liste des numéros déjà pris)."""
    for echeance in affaire.list_billing_due(date):
        reference = 'F-2027-%03d' % (len(numeros) + 1)
        affaire.invoice_billing_item(echeance, reference, date)
        numeros.append(reference)


def analyser(affaire, revue, analyse, actions, derniere):
    """Consigne les actions correctives de la revue du @revue, datées du
    @analyse, après avoir vérifié qu'elles répondent exactement aux dérives
    de la revue encore sans action (sauf un glissement de jalon avant la
    dernière revue : le planning ne garde pas l'historique de ses
    ordonnancements, il montre dès janvier le retard de la réception, que
    l'on analyse à la revue de réception)."""
    ouvertes = set()
    for derive in affaire.list_drifts(revue):
        if derive.get_corrective_action() is None and (derniere or derive.get_kind() != Aff.DriftKind.MILESTONE_SLIP):
            ouvertes.add((derive.get_kind(), derive.get_subject()))
    prevues = set((nature, sujet) for nature, sujet, _, _ in actions)
    if ouvertes != prevues:
        raise AssertionError('revue du %s : dérives %s, actions prévues pour %s' % (revue, ouvertes, prevues))
    for nature, sujet, pourquoi, quoi in actions:
        affaire.record_corrective_action(Aff.CorrectiveAction.new(
            nature, sujet, analyse, pourquoi, quoi, "Chargé d'affaires", analyse + datetime.timedelta(days=14),
            eur('0.00')))


def finance(portefeuille, omissions=frozenset()):
    """Capacité 6 : les coûts engagés et réalisés, l'avancement physique, la
    facturation (acompte, situations, solde), l'analyse des dérives à chaque
    revue mensuelle, la réception du 12 mars 2027 ; puis l'enquête de
    satisfaction de fin d'affaire (capacité 1)."""
    affaire = portefeuille.lookup_affair(AFFAIRE)
    registre = affaire.get_ledger()
    numeros = []
    # Chaque écriture à son jour : l'histoire suit le calendrier.
    evenements = []
    for cout in COUTS:
        evenements.append((cout[0], 0, 'cout', cout))
    for tache, date, points in AVANCEMENTS:
        evenements.append((date, 1, 'avancement', (tache, date, points)))
    for date in FACTURATIONS:
        evenements.append((date, 3 if date == RECEPTION else 2, 'facture', date))
    for i, (revue, analyse, actions) in enumerate(REVUES):
        evenements.append((analyse, 4, 'revue', (revue, analyse, actions, i == len(REVUES) - 1)))
    evenements.append((RECEPTION, 2, 'reception', RECEPTION))
    for date, _, nature, quoi in sorted(evenements, key=lambda e: (e[0], e[1])):
        if nature == 'cout':
            date, tache, categorie, etat, montant, fournisseur, piece, commande = quoi
            ecriture = Aff.CostEntry.new(date, tache, categorie, etat, eur(montant))
            ecriture.set_supplier(fournisseur)
            ecriture.set_document(piece)
            ecriture.set_commitment(commande)
            registre.add(ecriture)
        elif nature == 'avancement':
            affaire.record_progress(*quoi)
        elif nature == 'facture':
            facturer(affaire, quoi, numeros)
        elif nature == 'reception':
            affaire.record_acceptance(quoi, False)
        else:
            analyser(affaire, *quoi)
    if ENQUETE not in omissions:
        interaction(portefeuille, CLIENT, Aff.InteractionKind.SURVEY, RECEPTION, 'Claire Martin',
                    "Enquête de fin d'affaire, arrêt HF4", None, 9)


# ---- 7. Retour d'expérience et clôture --------------------------------------

FIN = jour(2027, 3, 19)
BONNES_PRATIQUES = [
    'Inspection commune et plan de prévention signés le jour du lancement',
    'Revue mensuelle des dérives avec une action écrite pour chacune',
]
DIFFICULTES = [
    ('Brides forgées livrées en retard', 'Montage replanifié en deux postes, client informé le jour même'),
]
AMELIORATIONS = [
    ('Commander les brides forgées dès la signature',
     'H1 : trois jours de retard sur un délai de forge de six semaines',
     "Le montage tient la date d'arrêt sans travail en deux postes", 'Service achats'),
]
MOTS_CLES = ['tuyauterie', 'arrêt de haut fourneau', 'soudage', 'Arcelis']


def rex(portefeuille, omissions=frozenset()):
    """Capacité 7 : le retour d'expérience établi le 19 mars 2027, complété
    par l'équipe et validé."""
    affaire = portefeuille.lookup_affair(AFFAIRE)
    retour = affaire.create_rex(FIN)
    for pratique in BONNES_PRATIQUES:
        retour.add_good_practice(pratique)
    for difficulte, solution in DIFFICULTES:
        retour.add_difficulty(difficulte, solution)
    for titre, justification, benefice, pilote in AMELIORATIONS:
        retour.add_improvement(Aff.Improvement.new(titre, justification, benefice, pilote))
    retour.set_tags(MOTS_CLES)
    retour.validate(FIN)


def cloture(portefeuille, omissions=frozenset()):
    """La clôture de l'affaire le 19 mars 2027 : marge finale 60 397,61 €."""
    portefeuille.lookup_affair(AFFAIRE).close(FIN)


PHASES = [prospection, offre, organisation, coordination, suivi, finance, rex, cloture]


def raconter(portefeuille, phases=PHASES, omissions=frozenset()):
    """Raconte les @phases dans l'ordre, en laissant de côté les
    @omissions."""
    for phase in phases:
        phase(portefeuille, frozenset(omissions))
    return portefeuille


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage : histoire.py FICHIER')
    histoire = raconter(nouveau_portefeuille("Maintenance Industrielle du Nord — l'affaire OF-2026-118"))
    histoire.save_to_file(sys.argv[1])
