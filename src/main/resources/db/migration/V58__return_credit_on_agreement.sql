-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- return-refund-basis.dmn now weighs whether the supplier agreed to take a return's goods back (input supplierAgreed),
-- and its decision alone says whether the supplier credits them. Returns decided before this migration keep
-- supplier_credit_on_agreement false and credit as before: only when the supplier agreed (or needed not agree) and the
-- table did not say NONE. supplier_credit_reason is the table's reason (rule), said in the history and the booking
-- line when goods that came back are not credited; null on returns decided before.
alter table return_request add column supplier_credit_on_agreement boolean default false not null;
alter table return_request add column supplier_credit_reason varchar(1000);
