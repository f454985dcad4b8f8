-- The rest of the learning model: editable library fields, the review hold, handouts and
-- resources counted complete when opened, subject experts, cohorts, invitations that carry
-- on-boarding playlists, and standing assignments by role or cohort.

-- Videos: tags like every library item; a member's upload may wait for a trainer's review
-- (organisations.review_uploads) before it appears in the library.
alter table videos add column tags text not null default '';
alter table videos add column held integer not null default 0;

-- Handouts: the same library fields as every other item.
alter table handouts add column tagline text not null default '';
alter table handouts add column description text not null default '';
alter table handouts add column tags text not null default '';
alter table handouts add column updated_at integer not null default 0;
update handouts set updated_at = created_at;

-- The group a person joined with (for example "2026-12 warehouse"), set by their invitation.
alter table users add column cohort text;
alter table invitations add column cohort text;

-- The playlists a new hire is assigned when they accept their invitation.
create table invitation_playlists (
    invitation_id text not null references invitations (id) on delete cascade,
    playlist_id text not null references playlists (id) on delete cascade,
    -- days from acceptance to the due date; null for none
    due_days integer,
    primary key (invitation_id, playlist_id)
);

-- "Everyone with this role / in this cohort gets this playlist": applied to the people there
-- are when it is made, and to each person who joins later.
create table assignment_rules (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    playlist_id text not null references playlists (id) on delete cascade,
    role text check (role in ('admin', 'trainer', 'member')),
    cohort text,
    due_at integer,
    created_by text references users (id) on delete set null,
    created_at integer not null,
    check (role is not null or cohort is not null)
);
create index assignment_rules_org on assignment_rules (org_id);

-- Handouts and external resources are complete once opened.
create table item_opens (
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    -- handout | resource
    kind text not null check (kind in ('handout', 'resource')),
    item_id text not null,
    opened_at integer not null,
    primary key (user_id, kind, item_id)
);

-- Who to ask about a tag: declared by the person or set by a trainer.
create table expertise (
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    tag text not null,
    set_by text references users (id) on delete set null,
    created_at integer not null,
    primary key (user_id, tag)
);
create index expertise_tag on expertise (org_id, tag);

-- The search index, rebuilt: an ordinary table of entries (with the owner and last change of
-- each item) that browsing reads through an index, and an external-content FTS5 index over its
-- text, kept in step by triggers. Prefix indexes make "wel*" as quick as "welding".
drop table library_fts;
create table library_entries (
    id integer primary key,
    item_id text not null unique,
    org_id text not null references organisations (id) on delete cascade,
    kind text not null,
    created_at integer not null,
    owner_id text not null,
    updated_at integer not null,
    title text not null,
    tagline text not null,
    description text not null,
    tags text not null
);
create index library_entries_org on library_entries (org_id, created_at);
create virtual table library_fts using fts5(
    title, tagline, description, tags,
    content = 'library_entries', content_rowid = 'id', prefix = '2 3'
);
create trigger library_entries_ai after insert on library_entries begin
    insert into library_fts (rowid, title, tagline, description, tags)
    values (new.id, new.title, new.tagline, new.description, new.tags);
end;
create trigger library_entries_ad after delete on library_entries begin
    insert into library_fts (library_fts, rowid, title, tagline, description, tags)
    values ('delete', old.id, old.title, old.tagline, old.description, old.tags);
end;
create trigger library_entries_au after update on library_entries begin
    insert into library_fts (library_fts, rowid, title, tagline, description, tags)
    values ('delete', old.id, old.title, old.tagline, old.description, old.tags);
    insert into library_fts (rowid, title, tagline, description, tags)
    values (new.id, new.title, new.tagline, new.description, new.tags);
end;
-- Oldest first, as the items were added: ranked searches look at the newest matches by id.
insert into library_entries (item_id, org_id, kind, created_at, owner_id, updated_at, title, tagline, description, tags)
  select id, org_id, 'video', created_at, owner_id, updated_at, title, tagline, description, tags
    from videos where held = 0
  union all
  select id, org_id, 'handout', created_at, owner_id, updated_at, title, tagline,
      description || ' ' || filename, tags
    from handouts
  union all
  select id, org_id, 'resource', created_at, owner_id, updated_at, title, tagline, description, tags
    from resources
  order by 4;
