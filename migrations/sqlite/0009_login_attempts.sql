-- Sign-in attempts, shared by every replica so N servers do not allow N times the guesses.
-- `key` is a hash of the account's email or the client's address (never the email itself).
create table login_attempts (
    id text primary key,
    key text not null,
    at integer not null
);
create index login_attempts_key_at on login_attempts (key, at);
create index login_attempts_at on login_attempts (at);
