-- A claim's replacement and a return's exchange are parcels to the consumer of their own: tracked as the order's
-- parcel is (registered with the carrier, its scans recorded and on the order's timeline), but about the after-sales
-- case, not the order's process. for_case is the case's number ("DF-CL7", "DF-RT3"); null for the order's own parcels,
-- a group-buy batch's and return parcels (return_id), as before.
alter table shipment add column for_case varchar(20);
