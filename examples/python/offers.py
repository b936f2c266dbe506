#!/usr/bin/env python3
"""Offers: pricing an offer, sending it, and the affair its acceptance opens.

The GO consultation CONS-1 of bidding.py is answered by offer OFF-1: two
priced lines, a margin rate and VAT give the cost price, the selling price
and the total the client pays. The client accepts it, and the portfolio
opens the affair OFF-1 with the offer's costs as its budget. Prints the same
lines as offers.c and offers.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/offers.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

from story import day, eur, go_consultation  # noqa: E402


def line(kind, description, quantity, unit, unit_cost, lot):
    # Quantities are decimal text ("12.5"), never floats: no rounding surprise.
    offer_line = Aff.OfferLine.new(kind, description, quantity, unit, eur(unit_cost))
    # The lot groups the lines into the affair's budget items.
    offer_line.set_lot(lot)
    return offer_line


# The portfolio of bidding.py: ACME and its consultation CONS-1, decided GO.
portfolio = go_consultation()

# An offer answers a consultation that was decided GO; it starts as a draft
# with a first revision (A) to fill in.
offer = Aff.Offer.new('OFF-1', 'CONS-1')
portfolio.add_offer(offer)
revision = offer.get_current_revision()
revision.add_line(line(Aff.LineKind.LABOUR, 'Soudage', '120', Aff.LineUnit.HOUR, '60.00', 'T1'))
revision.add_line(line(Aff.LineKind.MATERIAL, 'Tubes', '40', Aff.LineUnit.METRE, '85.50', 'T2'))
# Rates are in basis points: 1 500 is 15 %, 2 000 is 20 %.
revision.set_margin_rate(1500)
revision.set_validity(day(2026, 5, 31))
revision.set_vat_rate(2000)

# Cost price = direct costs + the policy's overheads by kind of line; the
# margin rate is taken on the selling price, not added to the cost.
print('cost price %s' % revision.get_cost_price().format('fr'))
print('selling price %s' % revision.get_selling_price().format('fr'))
print('margin rate %.2f %%' % (revision.get_margin_rate() / 100))
print('total incl. VAT %s' % revision.get_total_including_vat().format('fr'))

# Sending freezes revision A; accepting it turns the offer into an affair.
offer.send(day(2026, 4, 1))
offer.accept(day(2026, 4, 20), 'CT-2026-001')
print('state %s' % offer.get_state().value_nick)

affair = portfolio.lookup_affair('OFF-1')
print('affair %s budget %s' % (affair.get_id(), affair.get_budget_total().format('fr')))
