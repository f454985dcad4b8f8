-- Everyday flows: search that knows word forms, handouts in an order of their own.

-- Search matches word forms ("forklifts" finds "forklift"): each entry keeps, beside the text it
-- shows, the words and their stems that the full-text index reads. The application writes them
-- (the stemmer is not SQL); entries written before this migration have none yet and are indexed
-- anew at start-up (db::library::fill_search_text).
drop trigger library_entries_ai;
drop trigger library_entries_ad;
drop trigger library_entries_au;
drop table library_fts;
alter table library_entries add column search_title text;
alter table library_entries add column search_tagline text;
alter table library_entries add column search_description text;
alter table library_entries add column search_tags text;
create virtual table library_fts using fts5(
    search_title, search_tagline, search_description, search_tags,
    content = 'library_entries', content_rowid = 'id', prefix = '2 3'
);
create trigger library_entries_ai after insert on library_entries begin
    insert into library_fts (rowid, search_title, search_tagline, search_description, search_tags)
    values (new.id, new.search_title, new.search_tagline, new.search_description, new.search_tags);
end;
create trigger library_entries_ad after delete on library_entries begin
    insert into library_fts (library_fts, rowid, search_title, search_tagline, search_description, search_tags)
    values ('delete', old.id, old.search_title, old.search_tagline, old.search_description, old.search_tags);
end;
create trigger library_entries_au after update on library_entries begin
    insert into library_fts (library_fts, rowid, search_title, search_tagline, search_description, search_tags)
    values ('delete', old.id, old.search_title, old.search_tagline, old.search_description, old.search_tags);
    insert into library_fts (rowid, search_title, search_tagline, search_description, search_tags)
    values (new.id, new.search_title, new.search_tagline, new.search_description, new.search_tags);
end;

-- The handouts of a video in the order its trainer put them (then by when they were added).
alter table handouts add column position integer not null default 0;
