-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- Every foreign key gets an index on its columns (ForeignKeysIndexedTest). PostgreSQL makes none
-- for the referencing side: reading a parent's children (a purchase order's lines, for each task
-- form and purchase order view) scanned the whole child table, a cost that grew with every order
-- ever placed, and so would deleting a parent. "if not exists": on a large database a DBA may
-- build them beforehand with create index concurrently, same names (docs/operations.md). H2 (the
-- demo) indexes foreign keys by itself, so there these are second indexes: harmless.
create index if not exists ix_purchase_order_line_purchase_order on purchase_order_line (purchase_order_id);
create index if not exists ix_shipment_purchase_order on shipment (purchase_order_id);
create index if not exists ix_shipment_return on shipment (return_id);
create index if not exists ix_purchase_order_claim on purchase_order (claim_id);
create index if not exists ix_purchase_order_return on purchase_order (return_id);
create index if not exists ix_purchase_order_application on purchase_order (application_id);
create index if not exists ix_claim_purchase_order on claim (purchase_order_id);
create index if not exists ix_claim_supplier on claim (supplier_id);
create index if not exists ix_return_request_purchase_order on return_request (purchase_order_id);
create index if not exists ix_return_request_supplier on return_request (supplier_id);
create index if not exists ix_sourcing_candidate_supplier on sourcing_candidate (supplier_id);
create index if not exists ix_group_buy_purchase_supplier on group_buy_purchase (supplier_id);
create index if not exists ix_group_buy_purchase_shipment on group_buy_purchase (shipment_id);
