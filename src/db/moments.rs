//! Moments of a video: chapters, and handouts or resources to open at a time ("open the
//! checklist at 2:10"). A video's moments are replaced as a whole by its editor.

use sqlx::AnyExecutor;

use super::{Db, new_id};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct Moment {
    pub id: String,
    pub at_ms: i64,
    pub title: String,
    pub handout_id: Option<String>,
    pub resource_id: Option<String>,
}

/// A moment as its editor sends it.
#[derive(Clone, Debug)]
pub struct NewMoment {
    pub at_ms: i64,
    pub title: String,
    pub handout_id: Option<String>,
    pub resource_id: Option<String>,
}

/// A video's moments in time order.
pub async fn for_video<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    video_id: &str,
) -> sqlx::Result<Vec<Moment>> {
    sqlx::query_as(
        "select id, at_ms, title, handout_id, resource_id from video_moments \
         where org_id = $1 and video_id = $2 order by at_ms, title, id",
    )
    .bind(org_id)
    .bind(video_id)
    .fetch_all(db)
    .await
}

/// Puts `moments` in place of the video's moments, in one transaction.
pub async fn replace(
    db: &Db,
    org_id: &str,
    video_id: &str,
    moments: &[NewMoment],
) -> sqlx::Result<()> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("delete from video_moments where org_id = $1 and video_id = $2")
        .bind(org_id)
        .bind(video_id)
        .execute(&mut *tx)
        .await?;
    for moment in moments {
        sqlx::query(
            "insert into video_moments (id, org_id, video_id, at_ms, title, handout_id, \
             resource_id) values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(org_id)
        .bind(video_id)
        .bind(moment.at_ms)
        .bind(&moment.title)
        .bind(&moment.handout_id)
        .bind(&moment.resource_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
