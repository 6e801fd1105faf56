-- A carrier may date an event later than it reached us (a wrong clock, a local time read in the wrong
-- zone). The event keeps the carrier's time (occurred_at); story_at is when it stands in the parcel's
-- story: the carrier's time, or its receipt when the carrier dated it more than an hour after that.
-- The parcel's events are ordered, and its status and last news decided, by story_at. Events taken
-- before keep their carrier's time there (their receipt is not known).
alter table tracking_event add column story_at timestamp with time zone;
update tracking_event set story_at = occurred_at;
alter table tracking_event alter column story_at set not null;
