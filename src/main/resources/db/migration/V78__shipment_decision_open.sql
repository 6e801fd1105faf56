-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- While an operator decides on the parcel (its order's "Decide on stalled or lost parcel" is open): marked on the
-- parcel's row, which a carrier's scan holds anyway, so that a scan that leaves the parcel's status as it was (most
-- scans) looks for that task only for a parcel so marked. The engine sets and clears it as the task opens and ends;
-- the decisions open when this version comes are marked as each node starts (order's ParcelDecisionMark).
alter table shipment add column decision_open_since timestamp with time zone;
-- Given-up parcels an earlier version did not mark on their shipment row (given_up_at, V70) are marked every few
-- minutes, those given up lately (order's GivenUpParcelMarks): read by when they were given up.
create index given_up_parcel_given_up_at on given_up_parcel (given_up_at);
