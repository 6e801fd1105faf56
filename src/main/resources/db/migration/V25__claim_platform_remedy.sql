-- What the marketplace's verdict made the seller pay (remedy and, for a compensation, its amount), kept
-- with the verdict when it arrives: a second verdict under a new id is compared with it even before the
-- claim's own remedy is agreed. Claims decided before keep nulls and are compared as before.
alter table claim add column platform_remedy varchar(32);
alter table claim add column platform_amount numeric(19,4);
