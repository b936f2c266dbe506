#!/usr/bin/env python3
"""Solution de l'exercice 6 — Assurer la gestion financière d'une affaire.

exercice_6.py DOSSIER-DE-DÉPART RÉSULTAT

Les travaux et leur dossier de suivi sont tenus ; les finances de l'affaire
sont vides. Mois par mois, on saisit les pièces de la comptabilité (coûts
engagés puis réalisés), l'avancement physique relevé sur le chantier, les
factures dues (acompte, situations, solde), et à chaque revue mensuelle on
analyse les dérives avec une action corrective ; on enregistre la réception
du 12 mars 2027, puis on clôture l'affaire le 19 mars, après avoir saisi le
retour d'expérience préparé par l'équipe (la clôture l'exige). L'audit du
31 mars 2027 trouve satisfaits les six critères de la capacité 6.
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import decimal
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402


def jour(mois, quantieme):
    return datetime.date(2027, mois, quantieme)


def eur(texte):
    return Aff.Money.from_decimal(decimal.Decimal(texte), 'EUR')


Cat, Etat, Derive = Aff.CostCategory, Aff.CostState, Aff.DriftKind

# Les pièces de la comptabilité : (date, tâche, nature, état, montant HT,
# fournisseur, pièce, commande soldée).
PIECES = [
    (jour(1, 19), 'APPRO', Cat.MATERIAL, Etat.COMMITTED, '35071.00', 'Aciers du Nord', 'CDE-AN-0107', None),
    (jour(1, 25), 'RADIO', Cat.SUBCONTRACT, Etat.COMMITTED, '18500.00', 'Institut de Soudure', 'CDE-IS-0112', None),
    (jour(2, 10), 'APPRO', Cat.MATERIAL, Etat.ACTUAL, '35071.00', 'Aciers du Nord', 'FA-AN-0288', 'CDE-AN-0107'),
    (jour(2, 26), 'MONTAGE', Cat.EQUIPMENT, Etat.ACTUAL, '38850.00', 'Échafaudages de Flandre', 'FA-EF-0412', None),
    (jour(2, 26), 'MONTAGE', Cat.LABOUR, Etat.ACTUAL, '87000.00', None, 'POINTAGE-2027-02', None),
    (jour(2, 26), 'MONTAGE', Cat.OVERHEAD, Etat.ACTUAL, '30000.00', None, 'FG-2027-02', None),
    (jour(3, 3), 'MONTAGE', Cat.LABOUR, Etat.ACTUAL, '52200.00', None, 'POINTAGE-2027-03', None),
    (jour(3, 3), 'MONTAGE', Cat.OVERHEAD, Etat.ACTUAL, '20632.10', None, 'FG-2027-03', None),
    (jour(3, 10), 'RADIO', Cat.SUBCONTRACT, Etat.ACTUAL, '18500.00', 'Institut de Soudure', 'FA-IS-0301',
     'CDE-IS-0112'),
]
# L'avancement physique relevé sur le chantier.
AVANCEMENTS = [('APPRO', jour(1, 29), 5000), ('APPRO', jour(2, 10), 10000), ('MONTAGE', jour(2, 26), 6000),
               ('MONTAGE', jour(3, 3), 10000), ('RADIO', jour(3, 8), 10000)]
# Les éléments d'analyse de l'équipe, par dérive.
ANALYSES = {
    (Derive.SCHEDULE_PERFORMANCE, None): (
        'Montage décalé par la livraison tardive des brides forgées (aléa H1)',
        'Travail en deux postes pendant une semaine'),
    (Derive.COST_PERFORMANCE, None): (
        'Heures de montage au-dessus du prévu : reprises de soudures après le retard des brides',
        "Renfort d'un soudeur qualifié, suivi quotidien des heures"),
    (Derive.MARGIN_EROSION, None): (
        "La projection des coûts actuels érode la marge de l'offre",
        "Revue des achats restants et demande d'avenant pour les reprises"),
    (Derive.BUDGET_OVERRUN, 'MONTAGE/overhead'): (
        "Les frais généraux de l'offre, budgétés sur l'ensemble de l'affaire, sont imputés par la comptabilité "
        'au chantier MONTAGE',
        "Imputation vérifiée avec la comptabilité ; frais généraux suivis sur l'ensemble de l'affaire"),
    (Derive.MILESTONE_SLIP, 'J1'): (
        "Réception décalée par l'aléa H1",
        'Date de réception confirmée au client en réunion de chantier'),
}


def saisir(affaire, jusque):
    """Les pièces et les avancements datés au plus tard du @jusque et pas
    encore saisis."""
    for piece in [p for p in PIECES if p[0] <= jusque]:
        PIECES.remove(piece)
        date, tache, nature, etat, montant, fournisseur, document, commande = piece
        ecriture = Aff.CostEntry.new(date, tache, nature, etat, eur(montant))
        ecriture.set_supplier(fournisseur)
        ecriture.set_document(document)
        ecriture.set_commitment(commande)
        affaire.get_ledger().add(ecriture)
    for releve in [a for a in AVANCEMENTS if a[1] <= jusque]:
        AVANCEMENTS.remove(releve)
        affaire.record_progress(*releve)


def facturer(affaire, date, numeros):
    """Émet toutes les factures dues le @date."""
    for echeance in affaire.list_billing_due(date):
        reference = 'F-2027-%03d' % (len(numeros) + 1)
        affaire.invoice_billing_item(echeance, reference, date)
        numeros.append(reference)
        print('%s du %s : %s HT' % (reference, date, echeance.get_excluding_vat().format('fr')))


def revue(affaire, date, analyse, derniere):
    """La revue du @date : chaque dérive encore sans action reçoit son
    action corrective, datée du @analyse (au plus tard cinq jours après la
    revue). Le planning ne garde pas l'historique de ses ordonnancements :
    le retard de la réception apparaît dès janvier, on le traite à la
    dernière revue."""
    status = affaire.compute_status(date)
    print('revue du %s : CPI %s, SPI %s, marge à terminaison %s'
          % (date, '%.3f' % status.get_cpi()[1] if status.get_cpi()[0] else '—',
             '%.3f' % status.get_spi()[1] if status.get_spi()[0] else '—',
             status.get_margin_at_completion().format('fr')))
    for derive in affaire.list_drifts(date):
        if derive.get_corrective_action() is not None:
            continue
        if derive.get_kind() == Derive.MILESTONE_SLIP and not derniere:
            continue
        print('  dérive : %s' % derive.get_message())
        pourquoi, quoi = ANALYSES[(derive.get_kind(), derive.get_subject())]
        affaire.record_corrective_action(Aff.CorrectiveAction.new(
            derive.get_kind(), derive.get_subject(), analyse, pourquoi, quoi, "Chargé d'affaires",
            analyse + datetime.timedelta(days=14), eur('0.00')))


def main(entree, sortie):
    portefeuille = Aff.Portfolio.new_from_file(entree)
    portefeuille.set_actor('Stagiaire')
    affaire = portefeuille.lookup_affair('OF-2026-118')
    numeros = []
    # Le document ne garde pas l'ordonnancement : les dérives et la clôture
    # le recalculent d'elles-mêmes.

    # Janvier : l'acompte à la signature, les commandes, l'approvisionnement.
    facturer(affaire, jour(1, 15), numeros)
    saisir(affaire, jour(1, 31))
    facturer(affaire, jour(1, 31), numeros)
    revue(affaire, jour(1, 31), jour(2, 2), False)

    # Février : les brides, le montage.
    saisir(affaire, jour(2, 28))
    facturer(affaire, jour(2, 28), numeros)
    revue(affaire, jour(2, 28), jour(3, 2), False)

    # Mars : la fin du chantier, la radiographie, la réception et le solde.
    saisir(affaire, jour(3, 12))
    affaire.record_acceptance(jour(3, 12), False)
    facturer(affaire, jour(3, 12), numeros)
    revue(affaire, jour(3, 12), jour(3, 14), True)

    # La clôture exige le retour d'expérience validé : on saisit celui que
    # l'équipe a préparé (l'exercice 7 en fait l'analyse).
    fin = jour(3, 19)
    retour = affaire.create_rex(fin)
    retour.add_good_practice('Inspection commune et plan de prévention signés le jour du lancement')
    retour.add_good_practice('Revue mensuelle des dérives avec une action écrite pour chacune')
    retour.add_difficulty('Brides forgées livrées en retard',
                          'Montage replanifié en deux postes, client informé le jour même')
    retour.add_improvement(Aff.Improvement.new(
        'Commander les brides forgées dès la signature',
        'H1 : trois jours de retard sur un délai de forge de six semaines',
        "Le montage tient la date d'arrêt sans travail en deux postes", 'Service achats'))
    retour.set_tags(['tuyauterie', 'arrêt de haut fourneau', 'soudage', 'Arcelis'])
    retour.validate(fin)

    for obstacle in affaire.list_close_blockers(fin):
        print('obstacle à la clôture : %s' % obstacle)
    affaire.close(fin)
    print('clôturée le %s, marge finale %s' % (fin, affaire.get_final_margin().format('fr')))
    portefeuille.save_to_file(sortie)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage : exercice_6.py DOSSIER-DE-DÉPART RÉSULTAT')
    main(sys.argv[1], sys.argv[2])
