-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- When the parcel's order gave it up (an operator's reship or refund on "Decide on stalled or lost parcel",
-- given_up_parcel, V68): marked on the parcel's row too, which a carrier's scan holds anyway, so that a scan of a
-- parcel never given up (nearly all) publishes its news without a look at given_up_parcel.
alter table shipment add column given_up_at timestamp with time zone;
update shipment set given_up_at = (select g.given_up_at from given_up_parcel g where g.shipment_id = shipment.id)
    where exists (select 1 from given_up_parcel g where g.shipment_id = shipment.id);
