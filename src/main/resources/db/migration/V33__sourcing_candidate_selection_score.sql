-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- The scorecard score supplier selection ranked a candidate by, so that a missed deadline's form shows the
-- figure the selection used rather than the scorecard as it is when the deadline passed. Rankings made
-- before this migration did not keep it: null.
alter table sourcing_candidate add column selection_score integer;
