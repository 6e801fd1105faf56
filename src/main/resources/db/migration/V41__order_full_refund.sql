-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- The order's own full refund (a lost parcel given up, an order cancelled or nobody could fill), one row per
-- order: what the consumer is paid back (the sale less what the order's after-sales cases paid back already),
-- in the order's currency and its minor units, why, and how the order closes. Written and committed under the
-- order's row lock before the storefront is asked to pay, so that every attempt of the refund step sends the
-- same amount under the order's idempotency key, and a case's refund recorded afterwards is withheld (the
-- consumer gets the whole sale back). Orders refunded before this migration have no row: their status
-- (REFUNDED, CANCELLED) says they were refunded in full.
create table order_full_refund (
    order_id   bigint        not null primary key references customer_order (id),
    amount     numeric(19,4) not null,
    currency   char(3)       not null,
    reason     varchar(255)  not null,
    closes_as  varchar(16)   not null,
    planned_at timestamp with time zone not null,
    constraint ck_order_full_refund_amount check (amount >= 0),
    constraint ck_order_full_refund_closes_as check (closes_as in ('REFUNDED', 'CANCELLED'))
);
