//! How comments are shown and what a comment may say, for the discussion of library items
//! (`http::comments`) and the feedback on practice attempts (`http::practice`).

use serde::Serialize;
use utoipa::ToSchema;

use super::auth::Caller;
use super::{ApiError, AppState};
use crate::db::comments::{self, Comment, Status, Target};

const MAX_BODY_CHARS: usize = 5_000;

/// A comment's text, trimmed and checked.
pub(crate) fn check_body(body: &str) -> Result<String, ApiError> {
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_BODY_CHARS {
        return Err(ApiError::invalid(format!(
            "a comment must be 1 to {MAX_BODY_CHARS} characters"
        )));
    }
    Ok(body.to_owned())
}

#[derive(Serialize, ToSchema)]
pub struct CommentView {
    pub id: String,
    pub target: Target,
    pub target_id: String,
    /// The comment this one answers.
    #[schema(required = true)]
    pub parent_id: Option<String>,
    /// Null once the author's account is deleted.
    #[schema(required = true)]
    pub author_id: Option<String>,
    #[schema(required = true)]
    pub author_name: Option<String>,
    /// The moment it is about, in seconds from the start.
    #[schema(required = true)]
    pub at_s: Option<f64>,
    pub body: String,
    /// The review it was left with (feedback on an attempt).
    #[schema(required = true)]
    pub review_id: Option<String>,
    pub status: Status,
    /// Unix milliseconds.
    pub created_at: i64,
    #[schema(required = true)]
    pub edited_at: Option<i64>,
}

impl From<Comment> for CommentView {
    fn from(c: Comment) -> CommentView {
        CommentView {
            id: c.id,
            target: c.target,
            target_id: c.target_id,
            parent_id: c.parent_id,
            author_id: c.author_id,
            author_name: c.author_name,
            at_s: c.at_ms.map(|ms| ms as f64 / 1000.0),
            body: c.body,
            review_id: c.review_id,
            status: c.status,
            created_at: c.created_at,
            edited_at: c.edited_at,
        }
    }
}

/// The comments on an item as `caller` sees them (see [`comments::on`]); the caller must be
/// allowed to see the item.
pub(crate) async fn thread<R: super::auth::RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    target: Target,
    target_id: &str,
) -> Result<Vec<CommentView>, ApiError> {
    let found = comments::on(
        state.db.pool(),
        &caller.org.id,
        target,
        target_id,
        &caller.user.id,
        caller.is_trainer(),
    )
    .await?;
    Ok(found.into_iter().map(CommentView::from).collect())
}
