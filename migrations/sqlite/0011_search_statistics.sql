-- migrations/postgres/0011_search_statistics.sql raises PostgreSQL's statistics on the search
-- words so prefixes are planned well; SQLite's FTS5 walks the newest matches first and needs no
-- such hint. This file keeps the two histories numbered alike.
select 1;
