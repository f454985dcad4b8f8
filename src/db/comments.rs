//! Comments: discussion on videos, handouts and resources, and the timestamped feedback on a
//! practice attempt. A reply answers a top-level comment (one level deep).

use serde::{Deserialize, Serialize};
use sqlx::{AnyExecutor, Row};

use super::{new_id, now_ms};

/// What a comment is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Video,
    Handout,
    Resource,
    /// A practice attempt (its feedback).
    Attempt,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Video => "video",
            Target::Handout => "handout",
            Target::Resource => "resource",
            Target::Attempt => "attempt",
        }
    }

    fn parse(word: &str) -> sqlx::Result<Target> {
        let all = [
            Target::Video,
            Target::Handout,
            Target::Resource,
            Target::Attempt,
        ];
        super::from_word(&all, Target::as_str, word)
    }
}

/// visible | held | hidden
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Visible,
    /// A member's comment waiting for a trainer, when the organisation reviews members' posts.
    Held,
    /// Hidden by a trainer: only trainers and the author still see it.
    Hidden,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Visible => "visible",
            Status::Held => "held",
            Status::Hidden => "hidden",
        }
    }

    fn parse(word: &str) -> sqlx::Result<Status> {
        let all = [Status::Visible, Status::Held, Status::Hidden];
        super::from_word(&all, Status::as_str, word)
    }
}

#[derive(Clone, Debug)]
pub struct Comment {
    pub id: String,
    pub target: Target,
    pub target_id: String,
    pub parent_id: Option<String>,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub at_ms: Option<i64>,
    pub body: String,
    pub review_id: Option<String>,
    /// The people to tell when it becomes visible.
    pub mentions: Vec<String>,
    pub status: Status,
    pub created_at: i64,
    pub edited_at: Option<i64>,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Comment {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Comment> {
        Ok(Comment {
            id: row.try_get("id")?,
            target: Target::parse(&row.try_get::<String, _>("target_kind")?)?,
            target_id: row.try_get("target_id")?,
            parent_id: row.try_get("parent_id")?,
            author_id: row.try_get("author_id")?,
            author_name: row.try_get("author_name")?,
            at_ms: row.try_get("at_ms")?,
            body: row.try_get("body")?,
            review_id: row.try_get("review_id")?,
            mentions: row
                .try_get::<String, _>("mentions")?
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            status: Status::parse(&row.try_get::<String, _>("status")?)?,
            created_at: row.try_get("created_at")?,
            edited_at: row.try_get("edited_at")?,
        })
    }
}

const SELECT: &str = "select c.id, c.target_kind, c.target_id, c.parent_id, c.author_id, \
       u.name as author_name, c.at_ms, c.body, c.review_id, c.mentions, c.status, c.created_at, \
       c.edited_at \
     from comments c left join users u on u.id = c.author_id";

/// A comment to add.
pub struct NewComment<'a> {
    pub target: Target,
    pub target_id: &'a str,
    pub parent_id: Option<&'a str>,
    pub author_id: &'a str,
    pub at_ms: Option<i64>,
    pub body: &'a str,
    pub review_id: Option<&'a str>,
    /// The people to tell when it becomes visible.
    pub mentions: &'a [String],
    pub status: Status,
}

/// Adds a comment; returns its id.
pub async fn add<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    new: &NewComment<'_>,
) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query(
        "insert into comments (id, org_id, target_kind, target_id, parent_id, author_id, at_ms, \
         body, review_id, mentions, status, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(new.target.as_str())
    .bind(new.target_id)
    .bind(new.parent_id)
    .bind(new.author_id)
    .bind(new.at_ms)
    .bind(new.body)
    .bind(new.review_id)
    .bind(new.mentions.join(" "))
    .bind(new.status.as_str())
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Comment>> {
    sqlx::query_as(&format!("{SELECT} where c.org_id = $1 and c.id = $2"))
        .bind(org_id)
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The comments on an item in the order of the conversation (by moment for a video's, then by
/// time), with what `viewer` may see: visible ones, their own, and every one for a trainer.
pub async fn on<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    target: Target,
    target_id: &str,
    viewer: &str,
    trainer: bool,
) -> sqlx::Result<Vec<Comment>> {
    sqlx::query_as(&format!(
        "{SELECT} where c.org_id = $1 and c.target_kind = $2 and c.target_id = $3 \
           and (c.status = 'visible' or c.author_id = $4 or $5 = 1) \
         order by c.created_at, c.id limit 1000"
    ))
    .bind(org_id)
    .bind(target.as_str())
    .bind(target_id)
    .bind(viewer)
    .bind(super::flag(trainer))
    .fetch_all(db)
    .await
}

/// Members' comments waiting for a trainer, oldest first.
pub async fn held<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Vec<Comment>> {
    sqlx::query_as(&format!(
        "{SELECT} where c.org_id = $1 and c.status = 'held' order by c.created_at, c.id limit 200"
    ))
    .bind(org_id)
    .fetch_all(db)
    .await
}

pub async fn edit<'e>(db: impl AnyExecutor<'e>, id: &str, body: &str) -> sqlx::Result<()> {
    sqlx::query("update comments set body = $1, edited_at = $2 where id = $3")
        .bind(body)
        .bind(now_ms())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_status<'e>(
    db: impl AnyExecutor<'e>,
    id: &str,
    status: Status,
) -> sqlx::Result<()> {
    sqlx::query("update comments set status = $1 where id = $2")
        .bind(status.as_str())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Deletes a comment with its replies.
pub async fn delete<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from comments where id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Removes the comments on an item being deleted (nothing else refers to them).
pub async fn forget<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    target_id: &str,
) -> sqlx::Result<()> {
    sqlx::query("delete from comments where org_id = $1 and target_id = $2")
        .bind(org_id)
        .bind(target_id)
        .execute(db)
        .await?;
    Ok(())
}
