// clients.js: a client, its contact and its commercial interactions, from GJS.
//
// One client of the portfolio, met on site in January and surveyed in
// February: how many interactions, its satisfaction, when to call it next,
// and whether it is due for a follow-up on 1 April (examples/README.md, 1).
//
// Run: gjs -m examples/js/clients.js
// (with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the build folder when
// libaffaires is not installed). Exits with status 1 if anything fails.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';
import System from 'system';

import {day, iso, newPortfolio} from './story.js';

function main() {
    // The portfolio of every example, on a fixed clock (story.js).
    const portfolio = newPortfolio();

    // The SIREN and the NAF code are checked when set: a typo throws a
    // GLib.Error (Aff.Error.INVALID_VALUE) instead of being stored.
    const client = Aff.Client.new('ACME', 'ACME Industrie');
    client.set_siren('732829320');
    client.set_sector('28.29B');
    portfolio.add_client(client);

    const claire = Aff.Contact.new('Claire Martin');
    claire.set_role('responsable maintenance');
    client.add_contact(claire);

    // Interactions are recorded through the portfolio, which numbers them
    // and journals them; only a survey carries a satisfaction score.
    const visit = Aff.Interaction.new(Aff.InteractionKind.VISIT, day(2026, 1, 12), "visite de l'atelier");
    portfolio.record_interaction('ACME', visit);
    const survey = Aff.Interaction.new(Aff.InteractionKind.SURVEY, day(2026, 2, 20), 'enquête');
    survey.set_satisfaction(8);
    portfolio.record_interaction('ACME', survey);

    print(`client ${client.get_id()} ${client.get_name()}`);
    print(`interactions ${client.get_interactions().get_n_items()}`);
    print(`satisfaction ${client.get_satisfaction_average().toFixed(2)}`);

    // The next call is due some days after the last interaction, as many as
    // the policy gives for the client's status (a prospect here).
    const [, followUp] = portfolio.get_follow_up_date(client);
    print(`follow-up ${iso(followUp)}`);

    const due = portfolio.list_clients_due_for_follow_up(day(2026, 4, 1));
    print(`due on 2026-04-01: ${due.map(c => c.get_id()).join(', ')}`);
}

try {
    main();
} catch (e) {
    printerr(`clients.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
