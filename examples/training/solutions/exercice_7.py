#!/usr/bin/env python3
"""Solution de l'exercice 7 — Réaliser un retour d'expérience.

exercice_7.py DOSSIER-DE-DÉPART RÉSULTAT

Les travaux sont réceptionnés le 12 mars 2027 et facturés. On établit le
retour d'expérience le 19 mars : la bibliothèque répertorie ce qui s'est
passé et les actions menées ; l'équipe y ajoute les bonnes pratiques, la
synthèse des difficultés et de leurs solutions, une proposition
d'amélioration justifiée et ses mots-clés, le valide, puis l'affaire est
clôturée. L'audit du 31 mars 2027 trouve satisfaits les trois critères de la
capacité 7.
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
    fin = datetime.date(2027, 3, 19)
    # Le document ne garde pas l'ordonnancement : create_rex() le recalcule
    # de lui-même, et voit les retards des tâches et le glissement de la
    # réception.

    # 1. Le retour d'expérience, établi depuis l'historique de l'affaire.
    retour = affaire.create_rex(fin)
    print("Ce qui s'est passé :")
    for ligne in retour.get_history():
        print('  ' + ligne)
    print('Actions menées :')
    for ligne in retour.get_actions_taken():
        print('  ' + ligne)

    # 2. La part de l'équipe : bonnes pratiques, difficultés et solutions,
    #    amélioration proposée (justifiée, avec son bénéfice et son pilote).
    retour.add_good_practice('Inspection commune et plan de prévention signés le jour du lancement')
    retour.add_good_practice('Revue mensuelle des dérives avec une action écrite pour chacune')
    retour.add_difficulty('Brides forgées livrées en retard',
                          'Montage replanifié en deux postes, client informé le jour même')
    retour.add_improvement(Aff.Improvement.new(
        'Commander les brides forgées dès la signature',
        'H1 : trois jours de retard sur un délai de forge de six semaines',
        "Le montage tient la date d'arrêt sans travail en deux postes", 'Service achats'))
    retour.set_tags(['tuyauterie', 'arrêt de haut fourneau', 'soudage', 'Arcelis'])

    # 3. La validation fige le retour d'expérience ; la clôture peut suivre.
    retour.validate(fin)
    affaire.close(fin)
    print('clôturée le %s, marge finale %s' % (fin, affaire.get_final_margin().format('fr')))
    portefeuille.save_to_file(sortie)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage : exercice_7.py DOSSIER-DE-DÉPART RÉSULTAT')
    main(sys.argv[1], sys.argv[2])
