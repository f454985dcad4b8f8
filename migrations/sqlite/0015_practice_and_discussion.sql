-- Practice steps: a task the learner records (a role-play, a check done on camera), with
-- instructions, an optional model video to imitate, and a rubric to score attempts by.
create table practice_steps (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    title text not null,
    instructions text not null,
    model_video_id text references videos (id) on delete set null,
    -- JSON: [{"id", "name", "description", "levels": [{"name", "description"}]}], levels from
    -- the lowest to the highest
    rubric text not null,
    created_by text references users (id) on delete set null,
    created_at integer not null,
    updated_at integer not null
);
create index practice_steps_org on practice_steps (org_id, created_at);

-- A playlist item may now be a practice step. SQLite cannot change a check constraint in place,
-- so the table is rebuilt (nothing refers to its rows).
create table playlist_items_new (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    playlist_id text not null references playlists (id) on delete cascade,
    position integer not null,
    -- video | handout | resource | practice
    kind text not null check (kind in ('video', 'handout', 'resource', 'practice')),
    item_id text not null
);
insert into playlist_items_new (id, org_id, playlist_id, position, kind, item_id)
    select id, org_id, playlist_id, position, kind, item_id from playlist_items;
drop table playlist_items;
alter table playlist_items_new rename to playlist_items;
create index playlist_items_playlist on playlist_items (playlist_id, position);

-- An attempt's recording is a private video: its learner, the step's reviewers for that learner
-- and the organisation's trainers see it; never the library, search or playlists.
alter table videos add column private integer not null default 0;
-- The practice step an upload is an attempt at, carried from the upload's creation to its video;
-- private stays set when the step is deleted meanwhile, so the recording never reaches the library.
alter table uploads add column practice_step_id text references practice_steps (id) on delete set null;
alter table uploads add column private integer not null default 0;

-- One recording sent for a step. waiting: for review; needs_work: reviewed, another attempt
-- asked for; done: a reviewer found it meets the standard.
create table practice_attempts (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    step_id text not null references practice_steps (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    video_id text not null unique references videos (id) on delete cascade,
    status text not null check (status in ('waiting', 'needs_work', 'done')),
    created_at integer not null,
    updated_at integer not null
);
create index practice_attempts_learner on practice_attempts (step_id, user_id, created_at);
create index practice_attempts_queue on practice_attempts (org_id, status, created_at);

-- People asked to review one learner's attempts at a step (a peer, their manager), besides the
-- organisation's trainers, who always may.
create table practice_reviewers (
    org_id text not null references organisations (id) on delete cascade,
    step_id text not null references practice_steps (id) on delete cascade,
    learner_id text not null references users (id) on delete cascade,
    reviewer_id text not null references users (id) on delete cascade,
    added_by text references users (id) on delete set null,
    created_at integer not null,
    primary key (step_id, learner_id, reviewer_id)
);
create index practice_reviewers_reviewer on practice_reviewers (reviewer_id);

-- A reviewer's word on an attempt: a summary, the rubric scored, and a verdict.
create table practice_reviews (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    attempt_id text not null references practice_attempts (id) on delete cascade,
    reviewer_id text references users (id) on delete set null,
    summary text not null,
    -- JSON object: criterion id -> the level chosen (0 = the lowest)
    scores text not null,
    -- comment: feedback only; needs_work: another attempt asked for; done: meets the standard
    verdict text not null check (verdict in ('comment', 'needs_work', 'done')),
    created_at integer not null
);
create index practice_reviews_attempt on practice_reviews (attempt_id, created_at);

-- When a person completed a practice step: the first time a reviewer found an attempt meets
-- the standard. One row per step and person, so a playlist's completion counts it once.
create table practice_done (
    org_id text not null references organisations (id) on delete cascade,
    step_id text not null references practice_steps (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    attempt_id text references practice_attempts (id) on delete set null,
    done_at integer not null,
    primary key (step_id, user_id)
);

-- Discussion on a video, handout or resource, and the feedback on an attempt: comments, pinned
-- to a moment of a video or an attempt's recording, with replies one level deep.
create table comments (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    -- video | handout | resource | attempt
    target_kind text not null check (target_kind in ('video', 'handout', 'resource', 'attempt')),
    target_id text not null,
    parent_id text references comments (id) on delete cascade,
    author_id text references users (id) on delete set null,
    -- the moment it is about, in milliseconds from the start
    at_ms integer,
    body text not null,
    -- the review it was left with, for feedback on an attempt
    review_id text references practice_reviews (id) on delete cascade,
    -- the people to tell when it becomes visible (mentioned, or experts of the item's tags),
    -- space-separated ids
    mentions text not null default '',
    -- visible | held (a member's comment waiting for a trainer) | hidden (by a trainer)
    status text not null check (status in ('visible', 'held', 'hidden')),
    created_at integer not null,
    edited_at integer
);
create index comments_target on comments (target_kind, target_id, created_at);
create index comments_held on comments (org_id, status, created_at);

-- A person's inbox. email: none (in the app only) | pending (to send now) | digest (for the next
-- daily digest) | sent.
create table notifications (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    kind text not null,
    title text not null,
    body text not null,
    -- a path of the web app
    link text not null,
    email text not null check (email in ('none', 'pending', 'digest', 'sent')),
    created_at integer not null,
    read_at integer
);
create index notifications_user on notifications (user_id, created_at);
create index notifications_email on notifications (email, user_id);

-- How each person wants each kind of notification: app | email | digest | off. A kind without
-- a row is sent by email (and shown in the app).
create table notification_settings (
    user_id text not null references users (id) on delete cascade,
    kind text not null,
    channel text not null check (channel in ('app', 'email', 'digest', 'off')),
    primary key (user_id, kind)
);

-- The unsubscribe link of an email: only a SHA-256 of its token is kept. kind is null for a
-- digest, which stops every kind's email.
create table unsubscribe_links (
    token_hash text primary key,
    user_id text not null references users (id) on delete cascade,
    kind text,
    created_at integer not null
);

-- When each person's last daily digest went out.
create table digests (
    user_id text primary key references users (id) on delete cascade,
    sent_at integer not null
);

-- Reminders sent once per assignment (cleared when its due date changes).
alter table assignments add column due_soon_sent_at integer;
alter table assignments add column overdue_sent_at integer;

-- Jobs about something other than a video (an email to send: the notification's id).
alter table jobs add column subject_id text;
