-- How many times the supplier was asked to cancel a purchase order: each request after a refusal
-- is a new request with a key of its own (DF-42-PO1-cancel, then DF-42-PO1-cancel-2), so that a
-- supplier's idempotency, and ours on its answer's event id, do not take it for the first.
alter table purchase_order add column cancellation_requests integer not null default 0;
