#!/usr/bin/env python3
"""Solution de l'exercice 5 — Gérer le suivi opérationnel d'une affaire et sa documentation.

exercice_5.py DOSSIER-DE-DÉPART RÉSULTAT

Les travaux sont faits (réception le 12 mars 2027) mais le dossier de suivi
est vide. On y tient le registre documentaire (plan qualité, dossier des
ouvrages exécutés, livrable approuvé par le client), l'incident des brides
dit au client le jour même, l'action qui en découle suivie jusqu'à son
terme, la liste de diffusion et les rapports de gestion de janvier et
février. L'audit du 31 mars 2027 trouve satisfaits les quatre critères de
la capacité 5.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402


def jour(mois, quantieme):
    return datetime.date(2027, mois, quantieme)


def main(entree, sortie):
    portefeuille = Aff.Portfolio.new_from_file(entree)
    portefeuille.set_actor('Stagiaire')
    affaire = portefeuille.lookup_affair('OF-2026-118')
    dossier = affaire.get_dossier()
    # Le document ne garde pas l'ordonnancement : on le recalcule.
    affaire.get_plan().schedule()
    gestion = Aff.ReportVariant.MANAGEMENT

    # 1. Le registre documentaire : le plan qualité, émis au lancement et
    #    approuvé par Arcelis ; le dossier des ouvrages exécutés, livrable de
    #    fin de travaux.
    dossier.add_document(Aff.Document.new('PQ-01', "Plan qualité de l'affaire"), jour(1, 18))
    dossier.issue_document('PQ-01', jour(1, 18))
    dossier.approve_document('PQ-01', jour(1, 20))
    doe = Aff.Document.new('DOE-01', 'Dossier des ouvrages exécutés')
    doe.set_deliverable('Dossier de fin de travaux')
    dossier.add_document(doe, jour(1, 20))

    # 2. L'incident des brides, lié à l'aléa H1 du planning, dit au client le
    #    jour même ; l'action de relance qui en découle.
    incident = Aff.Incident.new('I-1', jour(2, 3), 'Livraison des brides forgées retardée')
    incident.set_client_informed(jour(2, 3), 'Appel à Claire Martin')
    incident.set_hazard_id('H1')
    dossier.add_incident(incident)
    relance = Aff.Action.new('A-1', 'Relancer la forge et obtenir une date ferme', 'Service achats',
                             jour(2, 3), jour(2, 5))
    relance.set_origin(Aff.ActionOrigin.INCIDENT, 'I-1')
    dossier.add_action(relance)
    dossier.complete_action('A-1', jour(2, 4), 'Livraison confirmée au 10 février')
    dossier.close_incident('I-1', jour(2, 10), 'Brides reçues et contrôlées')

    # 3. Le reporting : la liste de diffusion de la direction, puis un rapport
    #    de gestion par mois, au plus tard cinq jours après sa fin.
    dossier.set_distribution(gestion, ["Directeur d'agence"])
    dossier.record_report(gestion, jour(1, 1), jour(1, 31), jour(2, 2), None)
    dossier.record_report(gestion, jour(2, 1), jour(2, 28), jour(3, 2), None)

    # 4. Le livrable de fin de travaux, émis puis approuvé à la réception.
    dossier.issue_document('DOE-01', jour(3, 10))
    dossier.approve_document('DOE-01', jour(3, 12))

    for manque in dossier.check(jour(3, 31)):
        sys.exit('dossier incomplet : %s' % manque.get_message())
    portefeuille.save_to_file(sortie)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage : exercice_5.py DOSSIER-DE-DÉPART RÉSULTAT')
    main(sys.argv[1], sys.argv[2])
