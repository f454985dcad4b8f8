-- The library: external resources (links), and one search index over videos, handouts and
-- resources, kept by the application when items change.
create table resources (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    owner_id text not null references users (id),
    title text not null,
    url text not null,
    tagline text not null default '',
    description text not null default '',
    -- space-separated, lower-case
    tags text not null default '',
    created_at integer not null,
    updated_at integer not null
);
create index resources_org on resources (org_id);

-- Full-text index (FTS5); kind and ids are stored, not searched.
create virtual table library_fts using fts5(
    item_id unindexed, org_id unindexed, kind unindexed, created_at unindexed,
    title, tagline, description, tags
);
