-- The numbers of order-deadlines.dmn that only the order's use cases read, fixed on the order by its
-- first job (ADR 21): until now three process variables. Null for orders started before; those keep
-- reading their variables.
-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.

alter table customer_order add column reminder_at_share numeric(10, 6);
alter table customer_order add column escalation_priority integer;
alter table customer_order add column minimum_margin_rate numeric(10, 6);
