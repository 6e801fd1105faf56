-- The consignee's phone a parcel was subscribed with (Kuaidi100 requires it for SF Express), so a
-- subscription Kuaidi100 aborted can be renewed with it.
alter table shipment add column consignee_phone varchar(40);
