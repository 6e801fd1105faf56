-- CJ Dropshipping's LOGISTIC webhook names the purchase order by CJ's order id (our supplier
-- reference), not by our number: look it up by index.
create index purchase_order_supplier_reference on purchase_order (supplier_reference);
