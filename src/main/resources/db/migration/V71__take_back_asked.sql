-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- When a batch purchase's supplier was asked to take back the goods nobody collected at the pickup point (return
-- DF-B{batch}-PO{n}-UNCOLLECTED). Null when nobody asked (the operator refunded the goods and left them with the
-- leader): the supplier's answer to a take-back nobody asked is refused (409), not taken.
alter table group_buy_purchase add column take_back_asked_at timestamp with time zone;

-- Take-backs asked before this column: each wrote "… sent back to {supplier} (return DF-B{b}-PO{n}-UNCOLLECTED) …"
-- on the timeline of every order whose lines went back.
update group_buy_purchase set take_back_asked_at = (
    select min(t.at) from order_timeline t
    join group_buy_order o on o.order_id = t.order_id
    join group_buy_line l on l.group_buy_order_id = o.id
    where l.purchase_id = group_buy_purchase.id
      and t.what like '%(return DF-B' || group_buy_purchase.batch_id || '-PO' || group_buy_purchase.purchase_no
          || '-UNCOLLECTED)%');
