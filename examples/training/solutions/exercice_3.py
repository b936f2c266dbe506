#!/usr/bin/env python3
"""Solution de l'exercice 3 — Organiser un projet de réalisation d'une prestation.

exercice_3.py DOSSIER-DE-DÉPART RÉSULTAT

L'offre OF-2026-118 est signée le 15 janvier 2027 ; le planning de l'affaire
est vide. On le bâtit à partir du lundi 18 janvier 2027 : jalons de
lancement et de réception, approvisionnement (15 jours ouvrés), remplacement
pendant l'arrêt (15 jours, travaux par point chaud en hauteur) et
radiographie (3 jours), chaque tâche à risque rattachée au risque du
registre qu'elle traite ; l'équipe de soudeurs dimensionnée pour les
2 400 heures ; l'ordonnancement et sa référence « contrat » ; le plan de
prévention, exigé par les travaux dangereux, établi avec Arcelis lors de
l'inspection commune du 18 janvier et signé des deux entreprises. L'audit du
18 janvier 2027 trouve satisfaits les quatre critères de la capacité 3.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402


def main(entree, sortie):
    portefeuille = Aff.Portfolio.new_from_file(entree)
    portefeuille.set_actor('Stagiaire')
    affaire = portefeuille.lookup_affair('OF-2026-118')
    planning = affaire.get_plan()
    lancement = datetime.date(2027, 1, 18)
    T = Aff.TaskKind

    # 1. Les tâches (les identifiants des tâches sont les lots de l'offre,
    #    pour que le budget s'y répartisse) et leur enchaînement.
    planning.set_start(lancement)
    for ident, nom, duree, nature in [
            ('J0', 'Lancement', 0, T.MILESTONE),
            ('APPRO', 'Approvisionnement des tubes et brides', 15, T.PURCHASE),
            ('MONTAGE', "Remplacement des tuyauteries pendant l'arrêt", 15, T.INTERVENTION),
            ('RADIO', 'Contrôle radiographique des soudures', 3, T.INSPECTION),
            ('J1', 'Réception', 0, T.MILESTONE)]:
        tache = Aff.Task.new(ident, nom, duree)
        tache.set_kind(nature)
        planning.add_task(tache)
    for avant, apres in [('J0', 'APPRO'), ('APPRO', 'MONTAGE'), ('MONTAGE', 'RADIO'), ('RADIO', 'J1')]:
        planning.add_dependency(avant, apres, Aff.DependencyType.FINISH_START, 0)

    # 2. Les risques de la consultation sur les tâches qu'ils menacent, et
    #    les travaux dangereux du montage.
    planning.lookup_task('APPRO').set_risk_ids(['RISK-1'])
    montage = planning.lookup_task('MONTAGE')
    montage.set_risk_ids(['RISK-2'])
    montage.set_dangerous_work(Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.WORK_AT_HEIGHT)

    # 3. Les ressources : 2 400 heures de soudage en 15 jours, soit 160 h
    #    par jour, la capacité d'une équipe de vingt soudeurs.
    soudeurs = Aff.Resource.new('soudeurs', 'Équipe de soudeurs', Aff.ResourceKind.TEAM)
    soudeurs.set_capacity_minutes(160 * 60)
    planning.add_resource(soudeurs)
    planning.assign('MONTAGE', 'soudeurs', 160)

    # 4. L'ordonnancement, contrôlé, puis figé en référence.
    planning.schedule()
    for tache in planning:
        print('%-8s %s → %s' % (tache.get_id(), Aff.to_date(tache.get_early_start()),
                                Aff.to_date(tache.get_early_finish())))
    if planning.list_overallocations():
        sys.exit('ressource surchargée')
    planning.save_baseline('contrat')

    # 5. Le plan de prévention (R4512-6 et suivants).
    exige, raisons = planning.requires_prevention_plan()
    if not exige:
        sys.exit('le montage par point chaud en hauteur exige pourtant un plan de prévention')
    prevention = planning.get_prevention_plan()
    prevention.record_joint_inspection(lancement, ['Claire Martin (Arcelis)', "Chargé d'affaires",
                                                   'Chef de chantier'])
    prevention.add_interference('HF4', "Travaux par point chaud en co-activité avec les équipes d'arrêt du site, "
                                "près d'une zone ATEX",
                                'Permis de feu du site, balisage de la zone, détection de gaz en continu')
    prevention.sign('Claire Martin', 'Arcelis Dunkerque', Aff.Party.CLIENT, lancement)
    prevention.sign("Chargé d'affaires", 'Maintenance Industrielle du Nord', Aff.Party.INTERNAL, lancement)

    portefeuille.save_to_file(sortie)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage : exercice_3.py DOSSIER-DE-DÉPART RÉSULTAT')
    main(sys.argv[1], sys.argv[2])
