-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- A supplier's inspection report that comes before the carrier delivered the return parcel is kept (recorded
-- in inspection_result and inspection_note, its message pending) and becomes the return's inspection only when
-- the parcel has arrived and the process takes it: inspection_taken_at. Reports recorded before this migration
-- were shown as the return's at once, so they count as taken when they were last touched.
alter table return_request add column inspection_taken_at timestamp with time zone;
update return_request set inspection_taken_at = updated_at where inspection_result is not null;
