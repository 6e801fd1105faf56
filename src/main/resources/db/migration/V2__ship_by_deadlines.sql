-- Ship-by deadlines (issue 3): each purchase order carries the deadline the shipping-SLA decision
-- gave it, when the supplier was reminded, and how often an operator extended it.
alter table supplier_offer add column category varchar(32) not null default 'general';

alter table purchase_order add column ship_by_hours integer;
alter table purchase_order add column ship_by_at timestamp with time zone;
alter table purchase_order add column reminded_at timestamp with time zone;
alter table purchase_order add column deadline_extensions integer not null default 0;

-- Supplier scorecards read a supplier's purchase orders by forwarding time.
create index ix_purchase_order_supplier_forwarded on purchase_order (supplier_id, forwarded_at);
