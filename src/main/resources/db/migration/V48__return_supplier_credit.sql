-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- What the supplier credits for a return's goods that came back, as return-refund-basis.dmn decided it when the
-- return settled its refund (an exchange: when it was booked): FULL (what the seller paid for them) or NONE (its
-- inspection found them damaged by the consumer or never received them). Returns decided before this migration
-- have none and credit as before: whenever the goods came back and the supplier agreed (or needed not agree).
alter table return_request add column supplier_credit varchar(8);
alter table return_request add constraint ck_return_request_supplier_credit
    check (supplier_credit is null or supplier_credit in ('FULL', 'NONE'));
