-- The inbox's sweep tries a pending message again with a growing interval while no process waits
-- for it (ADR 2, addendum): when it may be tried next. Null: at the next sweep.
-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.

alter table inbox_message add column next_try_at timestamp with time zone;
