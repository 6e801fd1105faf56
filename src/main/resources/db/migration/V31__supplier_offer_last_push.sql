-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- When the supplier's last applied stock-and-price push for an offer was made (the push's own time:
-- its X-Dropflow-Timestamp, or when Dropflow received it). A push that arrives late, made before the one
-- applied already, is acknowledged and changes nothing, so older stock or prices never overwrite newer
-- ones. Null for offers no push has reached yet: the first push is applied whatever its time.
alter table supplier_offer add column last_pushed_at timestamp with time zone;
