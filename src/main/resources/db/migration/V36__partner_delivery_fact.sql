-- The fact a partner's delivery tells when several deliveries tell the same one (DeliveryHandler#sameFact), e.g.
-- "parcel/SANDBOX-POST/TRK-1" for each of a carrier's scans of a parcel no shipment of ours has: a delivery going to
-- an operator while a task about the same fact is open joins that task (process_instance_id) instead of opening one
-- more. Written when the delivery is received (and again when it goes to an operator); null for a delivery that is
-- a fact of its own, and for those received before.
alter table partner_delivery add column fact_key varchar(200);
