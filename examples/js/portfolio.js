// portfolio.js: a client portfolio with libaffaires, from GJS.
//
// Builds a small portfolio (two clients of a foundry group, contacts,
// commercial interactions), asks who needs a follow-up call, measures how the
// portfolio developed over the quarter, saves it, reloads it and checks that
// its journal is intact.
//
// Run: gjs -m examples/js/portfolio.js
// (with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the build folder when
// libaffaires is not installed). Exits with status 1 if anything is wrong.

import Aff from 'gi://Aff?version=1';
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import System from 'system';

const {ClientStatus, InteractionKind} = Aff;

function day(year, month, dayOfMonth) {
    return GLib.Date.new_dmy(dayOfMonth, month, year);
}

function iso(d) {
    const pad = n => String(n).padStart(2, '0');
    return `${d.get_year()}-${pad(d.get_month())}-${pad(d.get_day())}`;
}

function check(condition, what) {
    if (!condition)
        throw new Error(`check failed: ${what}`);
}

function main() {
    // 1. A portfolio. The journal records who changed what, and when; a
    //    fixed clock makes the example reproducible.
    const portfolio = Aff.Portfolio.new();
    portfolio.set_actor('claire.martin');
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 1, 9, 10, 0, 0));
    portfolio.set_name('Portefeuille Moselle');

    // 2. Clients: the group and its foundry, with their SIREN (checked with
    //    the Luhn key), sector (NAF code) and contacts.
    const group = Aff.Client.new('gfl', 'Groupe Fonderies de Lorraine');
    group.set_siren('542107651');
    group.set_sector('24.51Z');
    portfolio.add_client(group);

    const foundry = Aff.Client.new('fonderie-hayange', 'Fonderie de Hayange');
    foundry.set_siren('732829320');
    foundry.set_sector('24.51Z');
    portfolio.add_client(foundry);
    portfolio.set_client_parent('fonderie-hayange', 'gfl');

    const marc = Aff.Contact.new('Marc Schmitt');
    marc.set_role('Responsable maintenance');
    marc.set_email('m.schmitt@fonderie-hayange.example');
    foundry.add_contact(marc);
    print(`Clients: ${group.get_name()} (SIREN ${group.get_siren()}), ` +
          `${foundry.get_name()} (SIREN ${foundry.get_siren()}, part of ${foundry.get_parent_id()})`);

    // A wrong SIREN is refused with an Aff.Error.
    try {
        foundry.set_siren('732829321');
        check(false, 'a bad SIREN is refused');
    } catch (e) {
        check(e instanceof GLib.Error && e.matches(Aff.error_quark(), Aff.Error.INVALID_VALUE),
            'bad SIREN gives INVALID_VALUE');
        print(`Refused SIREN 732829321: ${e.message}`);
    }

    // 3. Interactions: a site visit with a next action, the group met at a
    //    trade show, a first order, then a satisfaction survey.
    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 1, 12, 17, 0, 0));
    const visit = Aff.Interaction.new(InteractionKind.VISIT, day(2026, 1, 12), 'Site visit, furnace no. 2');
    visit.set_contact('Marc Schmitt');
    visit.set_next_action_date(day(2026, 1, 20));
    portfolio.record_interaction('fonderie-hayange', visit);

    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 1, 14, 18, 0, 0));
    const trade = Aff.Interaction.new(InteractionKind.TRADE_SHOW, day(2026, 1, 14), 'Met at a trade show');
    portfolio.record_interaction('gfl', trade);

    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 2, 3, 9, 0, 0));
    foundry.change_status(ClientStatus.ACTIVE, day(2026, 2, 3), 'First order: furnace shutdown');

    portfolio.set_fixed_time(GLib.DateTime.new_utc(2026, 3, 20, 14, 30, 0));
    const survey = Aff.Interaction.new(InteractionKind.SURVEY, day(2026, 3, 20), 'Satisfaction survey');
    survey.set_contact('Marc Schmitt');
    survey.set_satisfaction(8);
    portfolio.record_interaction('fonderie-hayange', survey);

    print(`Recorded interactions ${visit.get_id()}, ${survey.get_id()}, ${trade.get_id()}; ` +
          `satisfaction average at the foundry: ${foundry.get_satisfaction_average()}`);
    check(survey.get_id() === 'fonderie-hayange-2', 'interaction ids count per client');
    check(foundry.get_satisfaction_average() === 8, 'one survey scored 8');

    // 4. Follow-up: the group (prospect, 30 days) is due on 2026-02-13, the
    //    foundry (active, 60 days after the survey) on 2026-05-19.
    const [, groupDate] = portfolio.get_follow_up_date(group);
    const [, foundryDate] = portfolio.get_follow_up_date(foundry);
    print(`Next follow-up: ${group.get_id()} on ${iso(groupDate)}, ${foundry.get_id()} on ${iso(foundryDate)}`);
    check(iso(groupDate) === '2026-02-13', 'group follow-up 2026-01-14 + 30 days');
    check(iso(foundryDate) === '2026-05-19', 'foundry follow-up 2026-03-20 + 60 days');
    const due = portfolio.list_clients_due_for_follow_up(day(2026, 3, 1)).map(c => c.get_id());
    print(`Due for a follow-up on 2026-03-01: ${due.join(', ')}`);
    check(due.length === 1 && due[0] === 'gfl', 'only the group is due on 2026-03-01');

    // 5. Development over the first quarter: two prospects at the start, one
    //    converted -> 50 % (5000 basis points).
    const figures = portfolio.compute_development(day(2026, 1, 1), day(2026, 3, 31));
    print(`Q1 2026: ${figures.get_n_active()} active, ${figures.get_n_prospects()} prospect(s), ` +
          `${figures.get_n_converted()} converted of ${figures.get_n_prospects_in_period()}, ` +
          `conversion ${figures.get_conversion_rate() / 100} %, ${figures.get_n_interactions()} interactions`);
    check(figures.get_conversion_rate() === 5000, 'conversion rate 1 of 2');
    check(figures.get_n_interactions() === 3, 'three interactions in Q1');

    // 6. Save to a file, reload, and verify the journal.
    const dir = GLib.dir_make_tmp('aff-example-XXXXXX');
    const path = GLib.build_filenamev([dir, 'portfolio.json']);
    try {
        portfolio.save_to_file(path);
        print(`Saved to ${path}`);
        const reloaded = Aff.Portfolio.new_from_file(path);
        const journal = reloaded.get_journal();
        journal.verify();   // throws Aff.Error.TAMPERED if an entry was altered
        print(`Reloaded ${reloaded.get_clients().get_n_items()} clients; ` +
              `journal of ${journal.get_n_entries()} entries verified, head ${journal.get_head_hash().slice(0, 12)}…`);
        check(journal.get_head_hash() === portfolio.get_journal().get_head_hash(), 'same head hash after reload');

        print('Commercial history of the foundry:');
        for (const entry of journal.list_entries_for('client', 'fonderie-hayange')) {
            print(`  #${entry.get_sequence()} ${entry.get_timestamp().format_iso8601()} ` +
                  `${entry.get_actor()}: ${entry.get_action()} ${entry.get_details()}`);
        }
        check(reloaded.lookup_client('fonderie-hayange').get_status() === ClientStatus.ACTIVE,
            'the foundry is still active after reload');
    } finally {
        for (const name of [path, dir]) {
            try {
                Gio.File.new_for_path(name).delete(null);
            } catch (e) {
                // Nothing to clean up.
            }
        }
    }
}

try {
    main();
    print('OK');
} catch (e) {
    printerr(`portfolio.js failed: ${e instanceof GLib.Error ? e.message : e}`);
    if (e.stack)
        printerr(e.stack);
    System.exit(1);
}
