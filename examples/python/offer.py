#!/usr/bin/python3
"""Prints a commercial offer as the client receives it.

Usage: offer.py [PORTFOLIO.json [OFFER-ID [md|html]]]

Without arguments, renders offer OF-2026-014 of the priced story the tests
use (tests/data/offer-story.json) in Markdown. Redirect the HTML form to a
file and open it in a browser to print it.
"""
import os
import sys

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', 'tests', 'data', 'offer-story.json')
offer_id = sys.argv[2] if len(sys.argv) > 2 else 'OF-2026-014'
fmt = Aff.DocumentFormat.HTML if len(sys.argv) > 3 and sys.argv[3] == 'html' else Aff.DocumentFormat.MARKDOWN

portfolio = Aff.Portfolio.new_from_file(path)   # kept alive: the offer renders through it
offer = portfolio.lookup_offer(offer_id)
if offer is None:
    sys.exit(f'{path}: no offer {offer_id}')
sys.stdout.write(offer.get_current_revision().render(fmt))
