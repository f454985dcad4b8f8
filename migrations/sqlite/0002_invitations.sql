-- Invitations: how a new hire arrives. The link carries a random token; only its SHA-256 is kept.
create table invitations (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    email text not null,
    role text not null check (role in ('admin', 'trainer', 'member')),
    token_hash text not null unique,
    invited_by text references users (id) on delete set null,
    created_at integer not null,
    expires_at integer not null,
    -- set once, when the link is used: a link works once
    accepted_at integer,
    revoked_at integer
);
create index invitations_org on invitations (org_id, created_at);
