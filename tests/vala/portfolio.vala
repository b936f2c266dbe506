/* portfolio.vala: the generated .vapi is usable: a Vala program builds a
 * portfolio, prices money exactly and schedules a plan.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

int main () {
    try {
        var portfolio = new Aff.Portfolio ();
        var client = new Aff.Client ("ACME", "ACME Industrie");
        portfolio.add_client (client);

        // 10.50 + 0.75 = 11.25, exactly.
        var total = Aff.Money.parse ("10.50 EUR").add (Aff.Money.parse ("0.75 EUR"));
        assert (total.to_string () == "11.25 EUR");
        assert (portfolio.get_clients ().get_n_items () == 1);

        // A plan of two tasks of 3 and 2 working days from Monday 20 April
        // 2026 ends on Friday 24 April.
        var plan = new Aff.Plan ();
        var start = Date ();
        start.set_dmy (20, DateMonth.APRIL, 2026);
        plan.set_start (start);
        plan.add_task (new Aff.Task ("A", "Préparation", 3));
        plan.add_task (new Aff.Task ("B", "Montage", 2));
        plan.add_dependency ("A", "B", Aff.DependencyType.FINISH_START, 0);
        plan.schedule ();
        unowned Date? finish = plan.get_finish ();
        assert (finish != null && finish.get_day () == 24 && finish.get_month () == DateMonth.APRIL);
        print ("vala: %s, plan ends %u-%02u-%02u\n", total.to_string (), finish.get_year (),
               (uint) finish.get_month (), finish.get_day ());
    } catch (Error e) {
        printerr ("vala: %s\n", e.message);
        return 1;
    }
    return 0;
}
