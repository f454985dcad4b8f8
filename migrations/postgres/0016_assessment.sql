-- Assessment and development: quizzes (in playlists and inside videos), workbook exercises,
-- objectives with development reviews, and the expert log.

-- A playlist item may now be a quiz or an exercise.
alter table playlist_items drop constraint playlist_items_kind_check;
alter table playlist_items add constraint playlist_items_kind_check
    check (kind in ('video', 'handout', 'resource', 'practice', 'quiz', 'exercise'));

-- Quizzes: questions a learner answers, checked on the server. A playlist quiz is an item of
-- kind 'quiz'; a video's quiz holds the questions pinned to moments of that video, which pause
-- the player there and ask.
create table quizzes (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    title text not null,
    description text not null default '',
    -- the video whose moments the questions are pinned to; null for a playlist quiz
    video_id text unique references videos (id) on delete cascade,
    -- the share of the points that passes, 0 to 100
    pass_percent bigint not null,
    -- attempts a learner may make; 0 for no limit
    max_attempts bigint not null default 0,
    -- whether each attempt shows the questions in its own order
    shuffle bigint not null default 0,
    -- seconds from the start of an attempt; null for no limit
    time_limit_s bigint,
    created_by text references users (id) on delete set null,
    created_at bigint not null,
    updated_at bigint not null
);
create index quizzes_org on quizzes (org_id, created_at);

-- single | multiple (choices) | true_false | number | short_text (matched against accepted
-- answers) | free_text (marked by a trainer).
create table quiz_questions (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    quiz_id text not null references quizzes (id) on delete cascade,
    position bigint not null,
    kind text not null
        check (kind in ('single', 'multiple', 'true_false', 'number', 'short_text', 'free_text')),
    prompt text not null,
    -- JSON: [{"id", "text"}] for single and multiple choice, [] otherwise
    choices text not null,
    -- JSON, never sent to a learner before they submit: the right choice ids, true or false, a
    -- number with its tolerance, or the accepted short answers
    answer_key text not null,
    -- shown once the question is answered: why the answer is what it is
    feedback text not null default '',
    points bigint not null default 1,
    -- in a video's quiz: the moment that asks it, in milliseconds from the start
    at_ms bigint
);
create index quiz_questions_quiz on quiz_questions (quiz_id, position);

-- One go at a quiz. open: being answered; marking: submitted, a free-text answer waits for a
-- trainer; passed | failed: scored.
create table quiz_attempts (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    quiz_id text not null references quizzes (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    -- JSON: the question ids in the order this attempt shows them
    question_order text not null,
    status text not null check (status in ('open', 'marking', 'passed', 'failed')),
    score bigint not null default 0,
    max_score bigint not null default 0,
    started_at bigint not null,
    -- when the time limit runs out; answers sent later are not taken
    deadline_at bigint,
    submitted_at bigint,
    updated_at bigint not null
);
create index quiz_attempts_learner on quiz_attempts (quiz_id, user_id, started_at);
create index quiz_attempts_marking on quiz_attempts (org_id, status);

-- A learner's answer to one question of an attempt.
create table quiz_answers (
    org_id text not null references organisations (id) on delete cascade,
    attempt_id text not null references quiz_attempts (id) on delete cascade,
    question_id text not null references quiz_questions (id) on delete cascade,
    -- JSON: the choice ids, true or false, the number or the text given
    response text not null,
    -- 1 right, 0 wrong; null while a free-text answer waits for a trainer
    correct bigint,
    points bigint not null default 0,
    -- a trainer's word on a free-text answer
    comment text not null default '',
    marked_by text references users (id) on delete set null,
    marked_at bigint,
    answered_at bigint not null,
    primary key (attempt_id, question_id)
);
create index quiz_answers_question on quiz_answers (question_id);

-- When a person first passed a quiz. One row per quiz and person, so a playlist counts it once.
create table quiz_passed (
    org_id text not null references organisations (id) on delete cascade,
    quiz_id text not null references quizzes (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    attempt_id text references quiz_attempts (id) on delete set null,
    passed_at bigint not null,
    primary key (quiz_id, user_id)
);

-- Workbook exercises: instructions, maybe a handout to fill in, and what the learner hands in
-- (a text, a file or both), marked by a trainer.
create table exercises (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    title text not null,
    instructions text not null,
    -- a handout to fill in and hand back
    handout_id text references handouts (id) on delete set null,
    created_by text references users (id) on delete set null,
    created_at bigint not null,
    updated_at bigint not null
);
create index exercises_org on exercises (org_id, created_at);

-- What a learner handed in. waiting: for a trainer; needs_work: marked, another go asked for;
-- accepted: completes the exercise.
create table exercise_submissions (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    exercise_id text not null references exercises (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    body text not null,
    -- the file handed in, in the object store
    file_key text,
    file_name text,
    content_type text,
    size_bytes bigint,
    status text not null check (status in ('waiting', 'needs_work', 'accepted')),
    feedback text not null default '',
    marked_by text references users (id) on delete set null,
    marked_at bigint,
    created_at bigint not null
);
create index exercise_submissions_learner on exercise_submissions (exercise_id, user_id, created_at);
create index exercise_submissions_queue on exercise_submissions (org_id, status, created_at);
-- One hand-in waits for a trainer at a time, per exercise and learner.
create unique index exercise_submissions_one_waiting on exercise_submissions (exercise_id, user_id)
    where status = 'waiting';

create table exercise_done (
    org_id text not null references organisations (id) on delete cascade,
    exercise_id text not null references exercises (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    submission_id text references exercise_submissions (id) on delete set null,
    done_at bigint not null,
    primary key (exercise_id, user_id)
);

-- A person's manager, set by admins: they set the person's objectives and hold their reviews.
alter table users add column manager_id text references users (id) on delete set null;

-- What a person is to achieve, by when, and how it is measured.
create table objectives (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    title text not null,
    measure text not null default '',
    due_at bigint,
    -- set by hand: met (for objectives no learning measures), dropped; null to follow the links
    outcome text check (outcome in ('met', 'dropped')),
    outcome_at bigint,
    set_by text references users (id) on delete set null,
    created_at bigint not null,
    updated_at bigint not null
);
create index objectives_user on objectives (user_id, created_at);
create index objectives_org on objectives (org_id);

-- The learning whose completion meets an objective: all of it, once the person completes it.
create table objective_links (
    objective_id text not null references objectives (id) on delete cascade,
    -- playlist | video | handout | resource | practice | quiz | exercise
    kind text not null
        check (kind in ('playlist', 'video', 'handout', 'resource', 'practice', 'quiz', 'exercise')),
    item_id text not null,
    primary key (objective_id, kind, item_id)
);

-- A development review: a conversation between a person and their manager or trainer.
create table development_reviews (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    reviewer_id text references users (id) on delete set null,
    held_at bigint not null,
    notes text not null,
    -- 1 to 5; null when none was given
    rating bigint,
    next_steps text not null default '',
    next_review_at bigint,
    created_at bigint not null,
    updated_at bigint not null
);
create index development_reviews_user on development_reviews (user_id, held_at);

-- Colleagues vouching for a person's expertise on a tag.
create table expert_endorsements (
    org_id text not null references organisations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    tag text not null,
    endorser_id text not null references users (id) on delete cascade,
    created_at bigint not null,
    primary key (user_id, tag, endorser_id)
);
create index expert_endorsements_tag on expert_endorsements (org_id, tag);

-- The expert log trainers curate: people outside the organisation (user_id null, a name and a
-- way to reach them) and notes on colleagues (user_id set): the best channel to reach them and
-- how helpful they have been.
create table expert_log (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    user_id text references users (id) on delete cascade,
    name text not null,
    -- what they are or where they work: "Supplier's field engineer"
    about text not null default '',
    -- the best channel: email | phone | chat | website | in_person
    channel text not null check (channel in ('email', 'phone', 'chat', 'website', 'in_person')),
    -- the address, number or handle on that channel
    contact text not null default '',
    url text,
    -- how helpful they have been
    note text not null default '',
    updated_by text references users (id) on delete set null,
    created_at bigint not null,
    updated_at bigint not null,
    unique (org_id, user_id)
);
create table expert_log_tags (
    entry_id text not null references expert_log (id) on delete cascade,
    org_id text not null references organisations (id) on delete cascade,
    tag text not null,
    primary key (entry_id, tag)
);
create index expert_log_tags_tag on expert_log_tags (org_id, tag);
