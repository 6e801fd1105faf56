-- When the consumer's cancellation was taken, once per order: a second request answers as the first
-- did and records nothing (OrderIntake.cancel). Orders cancelled before keep it from their timeline.
alter table customer_order add column cancellation_asked_at timestamp with time zone;
update customer_order set cancellation_asked_at = (select min(t.at) from order_timeline t
    where t.order_id = customer_order.id and t.what = 'Consumer asked to cancel');
