-- A rendition's playlist is found by the store layout (media::layout), never by a stored key:
-- the column was written and never read.
alter table renditions drop column playlist_key;
