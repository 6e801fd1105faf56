-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- A settled order's ledger marked its margin as booked by its PLATFORM_FEE entry, also when the fee was nothing (a
-- group-buy order whose consumer collected nothing, a channel without fees): a "PLATFORM_FEE 0.00" line that meant
-- nothing to an accountant. Such an order now books the mark as its own kind, MARGIN_BOOKED (0, in the settlement
-- currency), and no fee line; the zero fee lines booked before become that mark (a fee of its own currency that converted to 0.00 stays a fee). Nothing in the margins changes.
update ledger_entry
   set entry_type = 'MARGIN_BOOKED', original_amount = 0, original_currency = currency, rate = 1
 where entry_type = 'PLATFORM_FEE' and amount = 0 and original_amount = 0;
