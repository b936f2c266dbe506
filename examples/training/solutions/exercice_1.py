#!/usr/bin/env python3
"""Solution de l'exercice 1 — Développer et gérer un portefeuille clients.

exercice_1.py DOSSIER-DE-DÉPART RÉSULTAT

Le dossier de l'affaire OF-2026-118 est complet jusqu'à la clôture, mais le
suivi commercial n'y est pas : ni les actions commerciales de 2026, ni le
traitement des deux risques de la consultation CONS-2026-041, ni l'enquête
de satisfaction de fin d'affaire. On les saisit, puis l'audit du 31 mars
2027 trouve satisfaits les six critères de la capacité 1.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402


def interaction(portefeuille, client_id, nature, date, contact, resume, prochaine=None, satisfaction=-1):
    action = Aff.Interaction.new(nature, date, resume)
    action.set_contact(contact)
    if prochaine is not None:
        action.set_next_action_date(prochaine)
    if satisfaction >= 0:
        action.set_satisfaction(satisfaction)
    portefeuille.record_interaction(client_id, action)


def main(entree, sortie):
    portefeuille = Aff.Portfolio.new_from_file(entree)
    portefeuille.set_actor('Stagiaire')
    K = Aff.InteractionKind

    # 1. La traçabilité des actions commerciales de 2026, avec le contact
    #    rencontré et la prochaine action prévue.
    interaction(portefeuille, 'PAP-VOSGES', K.CALL, datetime.date(2026, 5, 12), 'Marc Didier',
                "Question sur le plan d'investissement 2027")
    interaction(portefeuille, 'ARC-DK', K.VISIT, datetime.date(2026, 9, 15), 'Claire Martin',
                "Visite du site avant l'arrêt de 2027", prochaine=datetime.date(2026, 12, 15))
    interaction(portefeuille, 'CHIM-RHONE', K.TRADE_SHOW, datetime.date(2026, 10, 2), 'Nadia Benali',
                'Rencontre au salon de la maintenance de Lyon', prochaine=datetime.date(2026, 11, 20))
    interaction(portefeuille, 'ARC-DK', K.SURVEY, datetime.date(2026, 10, 20), 'Claire Martin',
                'Enquête de satisfaction de fin de chantier', satisfaction=8)

    # 2. Les risques de la consultation : un traitement et un pilote pour
    #    chacun.
    registre = portefeuille.lookup_consultation('CONS-2026-041').get_risk_register()
    for ident, pilote in [('RISK-1', 'achats'), ('RISK-2', 'QHSE')]:
        risque = registre.lookup_risk(ident)
        risque.set_treatment(Aff.RiskTreatment.REDUCE)
        risque.set_owner(pilote)

    # 3. L'enquête de satisfaction après la réception du 12 mars 2027.
    interaction(portefeuille, 'ARC-DK', K.SURVEY, datetime.date(2027, 3, 12), 'Claire Martin',
                "Enquête de fin d'affaire, arrêt HF4", satisfaction=9)

    portefeuille.save_to_file(sortie)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage : exercice_1.py DOSSIER-DE-DÉPART RÉSULTAT')
    main(sys.argv[1], sys.argv[2])
