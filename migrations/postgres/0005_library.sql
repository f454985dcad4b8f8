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
    created_at bigint not null,
    updated_at bigint not null
);
create index resources_org on resources (org_id);

-- Full-text index: weighted title > tags/tagline > description, GIN-indexed.
create table library_index (
    item_id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    kind text not null,
    created_at bigint not null,
    title text not null,
    tagline text not null,
    description text not null,
    tags text not null,
    document tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') ||
        setweight(to_tsvector('simple', tags), 'B') ||
        setweight(to_tsvector('simple', tagline), 'B') ||
        setweight(to_tsvector('simple', description), 'C')
    ) stored
);
create index library_index_document on library_index using gin (document);
create index library_index_org on library_index (org_id, created_at);
