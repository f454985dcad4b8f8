-- Captions: one WebVTT file per video and language (normalised from WebVTT or SRT), with its
-- cues kept for library search (a hit in the captions opens the video at the cue).
create table captions (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    video_id text not null references videos (id) on delete cascade,
    language text not null,
    label text not null,
    cue_count bigint not null,
    store_key text not null,
    created_by text references users (id) on delete set null,
    created_at bigint not null,
    unique (video_id, language)
);

create table caption_cues (
    caption_id text not null references captions (id) on delete cascade,
    -- the cue's place in its file, from 0
    seq bigint not null,
    org_id text not null references organisations (id) on delete cascade,
    video_id text not null references videos (id) on delete cascade,
    start_ms bigint not null,
    end_ms bigint not null,
    text text not null,
    -- the cue's words and their stems, as the library's index holds text
    search_text text not null,
    primary key (caption_id, seq)
);
create index caption_cues_video on caption_cues (video_id, start_ms);

-- Moments of a video: chapters, and handouts or resources to open at a time.
create table video_moments (
    id text primary key,
    org_id text not null references organisations (id) on delete cascade,
    video_id text not null references videos (id) on delete cascade,
    at_ms bigint not null,
    title text not null,
    handout_id text references handouts (id) on delete cascade,
    resource_id text references resources (id) on delete cascade
);
create index video_moments_video on video_moments (video_id, at_ms);
create index video_moments_handout on video_moments (handout_id);
create index video_moments_resource on video_moments (resource_id);
