-- What a supplier's acceptance left out and which lines Dropflow asked it to take off, so that a later
-- answer saying otherwise is told from a redelivery: an ACCEPTED with other missing lines on an accepted
-- purchase order, or an answer to a line cancellation nobody asked for, is stale, not applied.

-- The missing lines a batch purchase order was accepted without, in our SKUs ("SKU×2, SKU×1", sorted);
-- null when it was accepted whole (or before this column).
alter table purchase_order add column accepted_missing varchar(4000);

-- Each request to take a consumer's lines off a batch purchase order, by its cancellation number.
create table purchase_order_line_cancellation (
    purchase_order_id    bigint       not null references purchase_order (id),
    cancellation_number  varchar(100) not null,
    primary key (purchase_order_id, cancellation_number)
);

-- Requests asked before: the group-buy lines that carry a cancellation number name them.
insert into purchase_order_line_cancellation (purchase_order_id, cancellation_number)
select distinct p.purchase_order_id, l.cancellation_number
from group_buy_line l
join group_buy_purchase p on p.id = l.purchase_id
where l.cancellation_number is not null and p.purchase_order_id is not null;
