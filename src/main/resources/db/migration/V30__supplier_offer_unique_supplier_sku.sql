-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- A supplier's stock and price pushes name its own SKU (supplier_sku), and a purchase order line asks
-- the supplier for it: two offers of one supplier under the same supplier SKU meant a push updated one
-- of them only, and one of our SKUs was bought under the other's article. The catalog API and the import
-- refuse such a second offer (409); this index holds it for every writer. On a database that has such
-- pairs already the migration stops, PostgreSQL naming the first duplicate key: give one of the two
-- offers its own supplier SKU (docs/operations.md shows the query that lists them all), then start again.
-- "if not exists": on a large database a DBA may build it beforehand with create unique index concurrently.
create unique index if not exists uq_supplier_offer_supplier_sku on supplier_offer (supplier_id, supplier_sku);
