-- The rest of the learning model: editable library fields, the review hold, handouts and
-- resources counted complete when opened, subject experts, cohorts, invitations that carry
-- on-boarding playlists, and standing assignments by role or cohort.

-- Videos: tags like every library item; a member's upload may wait for a trainer's review
-- (organisations.review_uploads) before it appears in the library.
alter table videos add column tags text not null default '';
alter table videos add column held bigint not null default 0;

-- Handouts: the same library fields as every other item.
alter table handouts add column tagline text not null default '';
alter table handouts add column description text not null default '';
alter table handouts add column tags text not null default '';
alter table handouts add column updated_at bigint not null default 0;
update handouts set updated_at = created_at;

-- The group a person joined with (for example "2026-12 warehouse"), set by their invitation.
alter table users add column cohort text;
alter table invitations add column cohort text;

-- The playlists a new hire is assigned when they accept their invitation.
create table invitation_playlists (
    invitation_id text not null references invitations (id) on delete cascade,
    playlist_id text not null references playlists (id) on delete cascade,
    -- days from acceptance to the due date; null for none
    due_days bigint,
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
    due_at bigint,
    created_by text references users (id) on delete set null,
    created_at bigint not null,
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
    opened_at bigint not null,
    primary key (user_id, kind, item_id)
);

-- Who to ask about a tag: declared by the person or set by a trainer.
create table expertise (
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    tag text not null,
    set_by text references users (id) on delete set null,
    created_at bigint not null,
    primary key (user_id, tag)
);
create index expertise_tag on expertise (org_id, tag);

-- The search index also carries each item's owner and last change; rebuilt from the items.
alter table library_index add column owner_id text not null default '';
alter table library_index add column updated_at bigint not null default 0;
delete from library_index;
insert into library_index (item_id, org_id, kind, created_at, owner_id, updated_at, title, tagline, description, tags)
  select id, org_id, 'video', created_at, owner_id, updated_at, title, tagline, description, tags
    from videos where held = 0;
insert into library_index (item_id, org_id, kind, created_at, owner_id, updated_at, title, tagline, description, tags)
  select id, org_id, 'handout', created_at, owner_id, updated_at, title, tagline,
      description || ' ' || filename, tags
    from handouts;
insert into library_index (item_id, org_id, kind, created_at, owner_id, updated_at, title, tagline, description, tags)
  select id, org_id, 'resource', created_at, owner_id, updated_at, title, tagline, description, tags
    from resources;
