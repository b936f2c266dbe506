// affairFixture.js: the affair the finance and store tests start from.
//
// ACME asks for pipework (CONS-1, decided go on 5 March 2026); the offer
// OFF-1 (500 h of labour at 100.00, a lump sum of tubes at 50 000.00, a
// contingency of 5 000.00, sold 125 000.00) is sent on 1 April and accepted
// on 20 April, which opens the affair OFF-1.

import GLib from 'gi://GLib';
import Aff from 'gi://Aff?version=1';
import {assertEqual, assertTrue, date} from './harness.js';

export const AFFAIR = 'OFF-1';

const K = Aff.LineKind;
const U = Aff.LineUnit;
const money = text => Aff.Money.parse(text);

// The portfolio and its affair, with `labourOverheadRate` (basis points)
// on labour and no overheads on the other kinds. With `billing`, a 30 %
// advance, monthly situations, 5 % retention, payment at 45 days end of
// month (or `paymentTerms`), VAT 20 %.
export function newAffair(labourOverheadRate = 0, {billing = false, paymentTerms = [45, true]} = {}) {
    const p = Aff.Portfolio.new();
    p.set_actor('Claire Martin');
    p.set_fixed_time(GLib.DateTime.new_utc(2026, 4, 1, 9, 0, 0));
    p.get_policy().set_activities(['pipework']);
    p.add_client(Aff.Client.new('acme', 'ACME Industrie'));
    const k = Aff.Consultation.new('CONS-1', 'acme', 'Tuyauterie CONS-1', date(2026, 3, 2), date(2026, 4, 15));
    k.set_activities(['pipework']);
    p.add_consultation(k);
    k.start_qualification(date(2026, 3, 3), 'analysis');
    p.evaluate_consultation('CONS-1', date(2026, 3, 5));
    p.decide_consultation('CONS-1', Aff.BidVerdict.GO, 'Direction', 'client stratégique');
    assertEqual(k.get_state(), Aff.ConsultationState.GO, 'CONS-1 GO');

    const offer = Aff.Offer.new(AFFAIR, 'CONS-1');
    p.add_offer(offer);
    const rev = offer.get_current_revision();
    for (const [kind, description, quantity, unit, cost, lot] of [
        [K.LABOUR, 'Montage', '500', U.HOUR, '100.00 EUR', 'T1'],
        [K.MATERIAL, 'Tubes', '1', U.LUMP_SUM, '50000.00 EUR', 'T2'],
    ]) {
        const l = Aff.OfferLine.new(kind, description, quantity, unit, money(cost));
        l.set_lot(lot);
        rev.add_line(l);
    }
    for (const kind of [K.LABOUR, K.MATERIAL, K.EQUIPMENT, K.SUBCONTRACT, K.TRAVEL, K.OTHER])
        rev.set_overhead_rate(kind, kind === K.LABOUR ? labourOverheadRate : 0);
    rev.set_contingency(money('5000.00 EUR'));
    rev.set_selling_price(money('125000.00 EUR'));
    rev.set_validity(date(2026, 6, 30));
    if (billing) {
        rev.set_billing(3000, true, 500);
        rev.set_payment_terms(...paymentTerms);
        rev.set_vat_rate(2000);
    }
    offer.send(date(2026, 4, 1));
    assertEqual(offer.get_state(), Aff.OfferState.SENT, 'OFF-1 sent');
    offer.accept(date(2026, 4, 20), 'CT-2026-017');
    const affair = p.lookup_affair(AFFAIR);
    assertTrue(affair !== null, 'the affair exists');
    return [p, affair];
}
