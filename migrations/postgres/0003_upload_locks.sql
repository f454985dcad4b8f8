-- One PATCH at a time per upload, across replicas: a PATCH takes the lock by setting a random
-- token and a deadline; a holder that died loses it when the deadline passes.
alter table uploads add column lock_token text;
alter table uploads add column locked_until bigint;
-- The declared MIME type from the client (tus-js-client sends `filetype`), informative only.
alter table uploads add column filetype text;
