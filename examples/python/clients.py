#!/usr/bin/env python3
"""Clients: a client, its contact, two commercial actions, the follow-up.

Records a visit and a satisfaction survey for the client ACME, then asks
the portfolio when ACME should next be contacted and who is due for a
follow-up call on 2026-04-01. Prints the same lines as clients.c and
clients.js (see examples/README.md).

Run from the build tree:
    GI_TYPELIB_PATH=_build/libaffaires LD_LIBRARY_PATH=_build/libaffaires \\
      python3 examples/python/clients.py
"""
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Aff', '1')
from gi.repository import Aff  # noqa: E402

from story import day, iso, new_portfolio  # noqa: E402

# The portfolio of every example: a fixed clock and actor (story.py).
portfolio = new_portfolio()

client = Aff.Client.new('ACME', 'ACME Industrie')
client.set_siren('732829320')   # checked (Luhn): a mistyped SIREN raises GLib.Error
client.set_sector('28.29B')     # the NAF code; it also picks the solvency model
portfolio.add_client(client)

contact = Aff.Contact.new('Claire Martin')
contact.set_role('responsable maintenance')
client.add_contact(contact)

# Interactions go through the portfolio, which numbers and journals them.
visit = Aff.Interaction.new(Aff.InteractionKind.VISIT, day(2026, 1, 12),
                            "visite de l'atelier")
portfolio.record_interaction('ACME', visit)
survey = Aff.Interaction.new(Aff.InteractionKind.SURVEY, day(2026, 2, 20), 'enquête')
survey.set_satisfaction(8)      # 0..10; unscored interactions are left out of the average
portfolio.record_interaction('ACME', survey)

print('client %s %s' % (client.get_id(), client.get_name()))
print('interactions %d' % client.get_interactions().get_n_items())
print('satisfaction %.2f' % client.get_satisfaction_average())

# The next contact is due a policy-set number of days after the last one,
# depending on the client's status (ACME is still a prospect).
ok, follow_up = portfolio.get_follow_up_date(client)
print('follow-up %s' % (iso(follow_up) if ok else 'none'))

due = portfolio.list_clients_due_for_follow_up(day(2026, 4, 1))
print('due on 2026-04-01: %s' % ', '.join(c.get_id() for c in due))
