-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- GET /api/orders lists orders newest first (created_at, then id), filtered by status and by when
-- they were taken: without these, each page read and sorted the whole of customer_order, a cost that
-- grew with every order ever placed. The first serves the unfiltered list and a time range (read
-- backwards), the second a status, with or without a time range; a storefront order id has its
-- unique constraint's index already. "if not exists": on a large database a DBA may build them
-- beforehand with create index concurrently, same names (docs/operations.md).
create index if not exists ix_customer_order_created_at on customer_order (created_at, id);
create index if not exists ix_customer_order_status_created_at on customer_order (status, created_at, id);
