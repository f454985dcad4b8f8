-- Everyday flows: search that knows word forms, handouts in an order of their own.
-- migrations/sqlite/0007_everyday.sql is the same change in SQLite's spelling.

-- Search matches word forms ("forklifts" finds "forklift"): each entry keeps, beside the text it
-- shows, the words and their stems that the full-text index reads. The application writes them
-- (the stemmer is not SQL); entries written before this migration have none yet and are indexed
-- anew at start-up (db::library::fill_search_text).
drop index library_index_document;
alter table library_index drop column document;
alter table library_index add column search_title text;
alter table library_index add column search_tagline text;
alter table library_index add column search_description text;
alter table library_index add column search_tags text;
alter table library_index add column document tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(search_title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(search_tags, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(search_tagline, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(search_description, '')), 'C')
) stored;
create index library_index_document on library_index using gin (document);

-- The handouts of a video in the order its trainer put them (then by when they were added).
alter table handouts add column position integer not null default 0;
