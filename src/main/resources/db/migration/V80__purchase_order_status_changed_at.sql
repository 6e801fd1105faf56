-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- When a purchase order's status began. An order's and a group-buy batch's history place a purchase order's row
-- (which shows the status it has now) at that moment; they placed it at updated_at, which a reminder, a ship-by
-- extension, a claim upheld, a line cancellation asked or a supplier reference also move, so "Accepted" stood after
-- "Supplier reminded…" (review s17, F2). Purchase orders written before this migration get their last change: the
-- status began then at the latest, as the history had it. A node from before this migration, still running during a
-- rolling update, does not write it: a purchase order it makes has none (its history row falls back to updated_at),
-- and a status it changes keeps the time the previous one began until a new node changes it again.
alter table purchase_order add column status_changed_at timestamp with time zone;
update purchase_order set status_changed_at = coalesce(updated_at, created_at);
