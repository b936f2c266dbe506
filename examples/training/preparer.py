#!/usr/bin/env python3
"""Écrit le dossier de départ d'un exercice : preparer.py N FICHIER.

Le dossier de départ de l'exercice N est l'histoire de l'affaire OF-2026-118
(histoire.py) racontée jusqu'au moment où l'exercice commence, sans ce que
le stagiaire doit faire :

  1  toute l'histoire, jusqu'à la clôture, sans les actions commerciales de
     2026, sans le traitement des risques de la consultation et sans
     l'enquête de satisfaction de fin d'affaire ;
  2  après la décision GO du 23 novembre 2026 : l'offre n'existe pas encore ;
  3  après l'acceptation de l'offre le 15 janvier 2027 : le planning est vide ;
  4  après l'organisation : planning de référence et plan de prévention
     signé, mais ni réunion, ni responsable, ni déroulement des tâches ;
  5  après la coordination : les tâches sont faites, le dossier de suivi est
     vide ;
  6  après le suivi : ni coût, ni avancement, ni facture, ni réception ;
  7  après la réception du 12 mars 2027 : ni retour d'expérience, ni clôture.

Les dossiers sont déterministes (horloge et auteur fixes) : dossiers/
exercice-N.json en est la copie conservée, que check.sh compare.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import locale
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import histoire  # noqa: E402
from histoire import PHASES  # noqa: E402

# Pour chaque exercice : les phases racontées et les omissions.
EXERCICES = {
    1: (PHASES, {histoire.ACTIONS_COMMERCIALES, histoire.TRAITEMENT_RISQUES, histoire.ENQUETE}),
    2: (PHASES[:1], set()),     # prospection
    3: (PHASES[:2], set()),     # + offre
    4: (PHASES[:3], set()),     # + organisation
    5: (PHASES[:4], set()),     # + coordination
    6: (PHASES[:5], set()),     # + suivi
    7: (PHASES[:6], set()),     # + finance
}


def preparer(numero):
    """Le portefeuille de départ de l'exercice @numero."""
    phases, omissions = EXERCICES[numero]
    portefeuille = histoire.nouveau_portefeuille(
        "Maintenance Industrielle du Nord — exercice %d, dossier de départ" % numero)
    return histoire.raconter(portefeuille, phases, omissions)


def main(arguments):
    # Quelques textes enregistrés par la bibliothèque suivent la langue du
    # processus : les dossiers de départ sont écrits sous la locale C.
    locale.setlocale(locale.LC_MESSAGES, 'C')
    if len(arguments) != 3 or arguments[1] not in [str(n) for n in EXERCICES]:
        sys.stderr.write('usage : preparer.py N FICHIER (N de 1 à 7)\n')
        return 1
    preparer(int(arguments[1])).save_to_file(arguments[2])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
