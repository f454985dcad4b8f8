-- Accounts companies expect: password changes and resets, a first admin who must choose their
-- own password, API tokens that expire, and sign-in with the organisation's OpenID provider.

-- Set for an account whose password someone else chose (the first admin): until the person sets
-- a new one, only signing out and changing the password work.
alter table users add column must_change_password integer not null default 0;

-- Null: the token never expires.
alter table api_tokens add column expires_at integer;

-- Reset links: only a hash of the token is kept; one use, a short life.
create table password_resets (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    token_hash text not null unique,
    created_at integer not null,
    expires_at integer not null,
    used_at integer
);
create index password_resets_user on password_resets (user_id);

-- 0: the organisation signs in through its OpenID provider only.
alter table organisations add column password_sign_in integer not null default 1;

-- An organisation's OpenID Connect provider. `domains`: the email domains it covers, lower-case,
-- separated by spaces (each domain belongs to one organisation, checked by the application).
create table oidc_providers (
    org_id text primary key references organisations (id) on delete cascade,
    name text not null,
    issuer text not null,
    client_id text not null,
    client_secret text not null,
    domains text not null,
    create_users integer not null,
    default_role text not null check (default_role in ('admin', 'trainer', 'member')),
    updated_at integer not null
);

-- Sign-ins under way at a provider: what the callback checks (state, nonce) and the PKCE
-- verifier, kept in the database so any replica can finish the sign-in.
create table oidc_logins (
    state_hash text primary key,
    org_id text not null references organisations (id) on delete cascade,
    nonce text not null,
    pkce_verifier text not null,
    created_at integer not null,
    expires_at integer not null
);
create index oidc_logins_expires on oidc_logins (expires_at);
