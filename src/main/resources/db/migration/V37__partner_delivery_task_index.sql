-- The deliveries of one operator task (partner-attention's process instance): its form lists them, its "try again"
-- tries them and its "close" closes them, each by process_instance_id. partner_delivery keeps every delivery ever
-- received, almost all of them with no task: without this index each of those statements reads the whole table.
-- A plain index: H2 (the demo's database) refuses a partial one (create index ... where), and one file serves both.
-- The same fact's other deliveries are looked up with their status (ATTENTION, PARKED: few rows) through
-- ix_partner_delivery_due, so fact_key needs no index of its own.
create index ix_partner_delivery_task on partner_delivery (process_instance_id);
