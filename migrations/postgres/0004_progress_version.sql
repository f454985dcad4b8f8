-- Progress rows are updated with compare-and-set on this counter, so two reports arriving at
-- once for the same person and video are merged one after the other and neither is lost.
alter table progress add column version bigint not null default 0;
