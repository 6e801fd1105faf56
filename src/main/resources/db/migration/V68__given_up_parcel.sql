-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- The order's parcels an operator gave up on "Decide on stalled or lost parcel": written off for a reship (RESHIP)
-- or given up with a full refund (REFUND). The order's process no longer follows such a parcel; a scan of it that
-- comes after all (the carrier delivers it late) goes to an operator (the reship to stop, the goods or the money to
-- recover) and the order's view marks it (shipments[].givenUp). One row per parcel: the first decision counts.
create table given_up_parcel (
    shipment_id bigint primary key,
    order_id bigint not null,
    decision varchar(16) not null,
    given_up_at timestamp with time zone not null
);
create index given_up_parcel_order on given_up_parcel (order_id);
