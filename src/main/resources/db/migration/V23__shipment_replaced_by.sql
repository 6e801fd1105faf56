-- A supplier that re-labels a shipped parcel reports a new carrier and tracking number: the order follows
-- the new number (a shipment of its own), the old one is kept, marked replaced by the new one, so its
-- later carrier events are recorded and move nothing. Null for every parcel that was never replaced.
alter table shipment add column replaced_by bigint;
