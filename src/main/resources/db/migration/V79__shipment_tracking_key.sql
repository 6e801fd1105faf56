-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- A parcel is looked up by its carrier code and tracking number without regard to letter case: carriers and tracking
-- services read them so (17TRACK and Kuaidi100 push numbers in upper case), and compared as spelled, a supplier's
-- SHIPPED under another order's parcel in other case was taken, two orders following one parcel (exploratory test s17,
-- D3). tracking_key is both, stripped, in upper case, one space between (Shipment.trackingKey writes it for new
-- parcels), indexed for the lookup on every supplier report, tracking push and task form. Not unique: a database may
-- already hold two parcels that differ only in case (recorded before this migration); the first recorded is the parcel.
-- Not required either (review s17, F1): a node from before this migration, still running during a rolling update,
-- records parcels without it; those are found by their exact spelling, as before, and get the key when their row is
-- next written (Shipment's @PreUpdate), e.g. at their next scan.
alter table shipment add column tracking_key varchar(141);
update shipment set tracking_key = upper(trim(carrier_code)) || ' ' || upper(trim(tracking_number));
create index ix_shipment_tracking_key on shipment (tracking_key);
