-- The planner's picture of the search words: with the default statistics target it knows the
-- frequencies of about 1,000 words, so a prefix ("saf" for "safety") that matches most of a large
-- library looks rare, and the plan fetches every match instead of walking the newest items.
-- Ten times as many words keep the estimate near the truth.
alter table library_index alter column document set statistics 1000;
analyze library_index;
