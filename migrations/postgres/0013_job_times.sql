-- How long jobs run, for the operator's metrics (transcode seconds per second of video): when
-- the current attempt started, and the milliseconds of every attempt so far.
alter table jobs add column started_at bigint;
alter table jobs add column run_ms bigint not null default 0;
