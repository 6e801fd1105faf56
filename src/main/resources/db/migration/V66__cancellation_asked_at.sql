-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- When Dropflow last asked the supplier to cancel a purchase order. A supplier's scorecard leaves out a purchase
-- order Dropflow had cancelled before its ship-by (the consumer's cancellation, an operator's decision unrelated to
-- lateness): it says nothing about the supplier's shipping (supplier-scorecard.dmn leaveOutEarlyCancellations).
-- One asked after its ship-by had passed (an SLA reroute, cancel and refund) still counts as not shipped.
alter table purchase_order add column cancellation_asked_at timestamp with time zone;
-- Purchase orders cancelled before this migration: one whose last change came before its ship-by was asked before
-- it too (the request changed it); the others stay unknown and count as not shipped, as before.
update purchase_order set cancellation_asked_at = updated_at
    where status in ('CANCELLATION_REQUESTED', 'CANCELLED') and shipped_at is null and ship_by_at is not null
      and updated_at < ship_by_at;
