#!/usr/bin/env python3
"""Solution de l'exercice 2 — Réaliser et suivre une proposition commerciale.

exercice_2.py DOSSIER-DE-DÉPART RÉSULTAT

La consultation CONS-2026-041 d'Arcelis Dunkerque est décidée GO le
23 novembre 2026. On chiffre l'offre OF-2026-118 depuis les coûts (une ligne
par prestation, rattachée à l'exigence du cahier des charges qu'elle
satisfait), on la vérifie et on l'envoie le 10 décembre 2026, avant la
remise du 18 décembre ; on la relance le 5 janvier 2027, après les deux
relances dues (20 et 31 décembre) ; Arcelis la signe le 15 janvier 2027
(commande CDE-ARC-2027-0042) : l'affaire OF-2026-118 est créée. L'audit du
15 janvier 2027 trouve satisfaits les quatre critères de la capacité 2.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import decimal
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402


def eur(texte):
    return Aff.Money.from_decimal(decimal.Decimal(texte), 'EUR')


def main(entree, sortie):
    portefeuille = Aff.Portfolio.new_from_file(entree)
    portefeuille.set_actor('Stagiaire')
    politique = portefeuille.get_policy()
    dangers = Aff.RegulatoryFlags.HOT_WORK | Aff.RegulatoryFlags.WORK_AT_HEIGHT | Aff.RegulatoryFlags.CONFINED_SPACE

    offre = Aff.Offer.new('OF-2026-118', 'CONS-2026-041')
    portefeuille.add_offer(offre)
    revision = offre.get_current_revision()

    # Les prestations, chiffrées avec le bureau des méthodes (3 200 h dont
    # essais) : main-d'œuvre au taux de la politique, matière, sous-traitance
    # et matériel ; le lot de chaque ligne est la tâche qui la réalisera.
    soudage = Aff.OfferLine.new_labour('Préfabrication et soudage', '2400', 'welder', politique)
    soudage.set_requirements(['REQ-2'])
    soudage.set_lot('MONTAGE')
    tubes = Aff.OfferLine.new(Aff.LineKind.MATERIAL, 'Tube DN 600 calorifugé', '85', Aff.LineUnit.METRE,
                              eur('412.60'))
    tubes.set_requirements(['REQ-1'])
    tubes.set_lot('APPRO')
    radio = Aff.OfferLine.new(Aff.LineKind.SUBCONTRACT, 'Radiographie de 100 % des soudures', '1',
                              Aff.LineUnit.LUMP_SUM, eur('18500.00'))
    radio.set_requirements(['REQ-3'])
    radio.set_lot('RADIO')
    echafaudage = Aff.OfferLine.new(Aff.LineKind.EQUIPMENT, 'Échafaudage et nacelle', '21', Aff.LineUnit.DAY,
                                    eur('1850.00'))
    echafaudage.set_lot('MONTAGE')
    for ligne in (soudage, tubes, radio, echafaudage):
        revision.add_line(ligne)

    # Le prix : provision pour risques, marge cible de la politique (15 %),
    # validité, conditions de paiement et de facturation.
    revision.set_contingency(eur('9000.00'))
    revision.set_margin_rate(politique.get_target_margin_rate())
    revision.set_validity(datetime.date(2027, 3, 31))
    revision.set_payment_terms(45, True)
    revision.set_billing(1000, True, 500)
    revision.acknowledge(dangers, 'Permis de feu, travail en hauteur et espace confiné gérés dans le plan de '
                         'prévention établi avec le site')

    envoi = datetime.date(2026, 12, 10)
    problemes = offre.check(envoi)
    if problemes:
        sys.exit('offre non conforme : %s' % ' ; '.join(p.get_message() for p in problemes))
    offre.send(envoi)
    taux = revision.get_margin_rate()
    print('OF-2026-118 envoyée : prix de revient %s, prix de vente %s HT, marge de %d,%02d %%'
          % (revision.get_cost_price().format('fr'), revision.get_selling_price().format('fr'),
             taux // 100, taux % 100))

    # Le suivi : les relances dues, puis l'appel à l'acheteur.
    for relance in portefeuille.list_offer_reminders(datetime.date(2027, 1, 5)):
        print('relance %s due le %s' % (relance.get_kind().value_nick, Aff.to_date(relance.get_due_date())))
    appel = Aff.Interaction.new(Aff.InteractionKind.CALL, datetime.date(2027, 1, 5),
                                "Relance de l'offre OF-2026-118 : commande attendue mi-janvier")
    appel.set_contact('Yves Roussel')
    portefeuille.record_interaction('ARC-DK', appel)

    # La commande : l'offre acceptée devient l'affaire.
    offre.accept(datetime.date(2027, 1, 15), 'CDE-ARC-2027-0042')
    portefeuille.save_to_file(sortie)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage : exercice_2.py DOSSIER-DE-DÉPART RÉSULTAT')
    main(sys.argv[1], sys.argv[2])
