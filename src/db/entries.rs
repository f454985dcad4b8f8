//! What a playlist entry names: the kinds of learning a playlist holds, and taking an item that
//! is being deleted out of every playlist. Kept apart from `playlists` so the modules of each kind
//! can use it without depending on playlists, which read their completion.

use sqlx::AnyExecutor;

/// What a playlist entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Video,
    Handout,
    Resource,
    /// A practice step: the learner records an attempt and reviewers say when it meets the
    /// standard.
    Practice,
    /// A quiz: complete once passed.
    Quiz,
    /// A workbook exercise: complete once a trainer accepts what the learner handed in.
    Exercise,
}

impl EntryKind {
    /// The word stored in the database and shown by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Video => "video",
            EntryKind::Handout => "handout",
            EntryKind::Resource => "resource",
            EntryKind::Practice => "practice",
            EntryKind::Quiz => "quiz",
            EntryKind::Exercise => "exercise",
        }
    }

    /// The table holding the items of this kind.
    pub(super) fn table(self) -> &'static str {
        match self {
            EntryKind::Video => "videos",
            EntryKind::Handout => "handouts",
            EntryKind::Resource => "resources",
            EntryKind::Practice => "practice_steps",
            EntryKind::Quiz => "quizzes",
            EntryKind::Exercise => "exercises",
        }
    }
}

/// Takes a practice step, quiz or exercise that is being deleted out of every playlist.
pub async fn forget_entry<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    kind: EntryKind,
    item_id: &str,
) -> sqlx::Result<()> {
    sqlx::query("delete from playlist_items where org_id = $1 and kind = $2 and item_id = $3")
        .bind(org_id)
        .bind(kind.as_str())
        .bind(item_id)
        .execute(db)
        .await?;
    Ok(())
}
