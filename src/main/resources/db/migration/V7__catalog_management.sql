-- Suppliers and offers are managed through the catalog API: the seller's tier and a contact per
-- supplier, suspension with its reason, offers switched off without being deleted, and a version
-- on each row so that two concurrent edits never lose one (the second is a 409).
-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.

alter table supplier add column tier integer not null default 2;
alter table supplier add column contact_email varchar(320);
alter table supplier add column suspension_reason varchar(500);
alter table supplier add column created_at timestamp with time zone;
alter table supplier add column updated_at timestamp with time zone;
alter table supplier add column version bigint not null default 0;

alter table supplier_offer add column active boolean not null default true;
alter table supplier_offer add column updated_at timestamp with time zone;
alter table supplier_offer add column version bigint not null default 0;

create index ix_supplier_region on supplier (region);
create index ix_supplier_offer_supplier on supplier_offer (supplier_id);
