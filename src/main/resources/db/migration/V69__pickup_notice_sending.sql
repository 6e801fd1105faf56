-- Which purchase's "Tell consumers it is ready" job is sending a group-buy order's pickup notice now, and since
-- when: the storefront is called outside the order's row lock (a leader's pickup or a refund of the order no
-- longer waits for the storefront), and one sender at a time sends an order's notices, in the order they were
-- recorded. Another purchase's job leaves them to that sender; a claim older than the sending lease
-- (Arrivals.SENDING_LEASE) is one whose job died, taken over by the next sender.
alter table group_buy_pickup_notice add column sending_purchase_id bigint;
alter table group_buy_pickup_notice add column sending_since timestamp with time zone;
