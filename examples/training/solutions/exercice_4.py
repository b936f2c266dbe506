#!/usr/bin/env python3
"""Solution de l'exercice 4 — Coordonner les interventions internes et externes.

exercice_4.py DOSSIER-DE-DÉPART RÉSULTAT

Le planning de référence et le plan de prévention sont prêts. On répartit
les rôles (un responsable par tâche, le chargé d'affaires garant), on
mobilise l'Institut de Soudure pour la radiographie, on tient les réunions
avec leur compte rendu, on conduit les tâches à leurs dates réelles, on
traite l'aléa H1 du 3 février 2027 (brides livrées avec trois jours de
retard) par une décision de replanification, et on enregistre le rapport
d'inspection reçu le 10 mars. L'audit du 31 mars 2027 trouve satisfaits les
quatre critères de la capacité 4.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402


def jour(mois, quantieme):
    return datetime.date(2027, mois, quantieme)


def reunion(dossier, ident, nature, date, objet, compte_rendu):
    seance = Aff.Meeting.new(ident, nature, date, objet)
    seance.set_minutes(compte_rendu)
    dossier.add_meeting(seance)


def main(entree, sortie):
    portefeuille = Aff.Portfolio.new_from_file(entree)
    portefeuille.set_actor('Stagiaire')
    affaire = portefeuille.lookup_affair('OF-2026-118')
    planning = affaire.get_plan()
    dossier = affaire.get_dossier()
    R, A, I = Aff.RaciRole.RESPONSIBLE, Aff.RaciRole.ACCOUNTABLE, Aff.RaciRole.INFORMED

    # 1. Les rôles : qui fait (R), qui répond du résultat (A), qui est
    #    informé (I).
    for ident, responsable in [('APPRO', 'Service achats'), ('MONTAGE', 'Chef de chantier'),
                               ('RADIO', 'Institut de Soudure')]:
        tache = planning.lookup_task(ident)
        tache.set_raci(responsable, R)
        tache.set_raci("Chargé d'affaires", A)
    for jalon in ('J0', 'J1'):
        planning.lookup_task(jalon).set_raci("Chargé d'affaires", I)

    # 2. L'organisme agréé de la radiographie, son référentiel et le délai
    #    de son rapport (5 jours ouvrés).
    radio = planning.lookup_task('RADIO')
    radio.set_party(Aff.Party.INSPECTION_BODY)
    radio.set_party_name('Institut de Soudure')
    radio.set_regulatory_basis('NF EN 13480-5, contrôle des soudures')
    radio.set_report_days(5)

    # 3. Janvier : le lancement.
    reunion(dossier, 'R-1', Aff.MeetingKind.KICK_OFF, jour(1, 18), 'Réunion de lancement',
            "Planning, plan de prévention et points d'arrêt validés avec le site")
    planning.start_task('J0', jour(1, 18))
    planning.finish_task('J0', jour(1, 18))
    planning.start_task('APPRO', jour(1, 18))

    # 4. Février : l'aléa, sa conséquence sur le planning, la décision.
    alea = Aff.Hazard.new('H1', jour(2, 3), Aff.HazardCause.SUPPLIER,
                          'Brides forgées livrées avec trois jours de retard')
    alea.set_task_ids(['APPRO'])
    alea.set_delay_days(3)
    impact = planning.apply_hazard(alea)
    for glissement in impact.get_moved_tasks():
        print('%s glisse de %d jour(s) ouvré(s)' % (glissement.get_task_id(), glissement.get_finish_slip()))
    for partie in impact.get_parties_to_notify():
        qui = partie.get_name() or ('le client' if partie.get_party() == Aff.Party.CLIENT else "l'équipe interne")
        print('à prévenir : %s (%s)' % (qui, ', '.join(partie.get_task_ids())))
    decision = Aff.Decision.new('D-1', jour(2, 4), 'Décaler le montage de trois jours et travailler en deux '
                                'postes la première semaine', "Chargé d'affaires")
    decision.set_target(Aff.DecisionTarget.PLAN, 'H1')
    dossier.add_decision(decision)
    planning.finish_task('APPRO', jour(2, 10))
    planning.start_task('MONTAGE', jour(2, 11))
    reunion(dossier, 'R-2', Aff.MeetingKind.SITE_MEETING, jour(2, 18), 'Réunion de chantier',
            'Montage conforme au planning replanifié ; aucune réserve sécurité')

    # 5. Mars : la radiographie et son rapport, la réception.
    planning.finish_task('MONTAGE', jour(3, 3))
    planning.start_task('RADIO', jour(3, 4))
    planning.finish_task('RADIO', jour(3, 8))
    radio.set_report_received(jour(3, 10))
    reunion(dossier, 'R-3', Aff.MeetingKind.CLIENT_MEETING, jour(3, 12), 'Réception des travaux',
            'Réception prononcée sans réserve')
    planning.start_task('J1', jour(3, 12))
    planning.finish_task('J1', jour(3, 12))

    planning.schedule()
    for probleme in planning.check_inspections(jour(3, 31)):
        sys.exit('inspection %s : %s' % (probleme.get_task_id(), probleme.get_kind().value_nick))
    portefeuille.save_to_file(sortie)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage : exercice_4.py DOSSIER-DE-DÉPART RÉSULTAT')
    main(sys.argv[1], sys.argv[2])
