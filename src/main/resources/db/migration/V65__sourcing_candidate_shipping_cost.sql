-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- The shipping cost a ranked supplier's offers had when it was ranked, in its currency beside supply_total, so
-- that forwarding sees a shipping price changed since the ranking as it sees a supply price changed (and checks
-- the order's margin at it again). Rankings made before this migration did not keep it: null, and only their
-- supply price is compared.
alter table sourcing_candidate add column shipping_cost numeric(19,4);
