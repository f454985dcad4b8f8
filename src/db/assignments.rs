//! Assignments: playlists given to people, and how far each person is.

use sqlx::AnyPool;

use super::now_ms;

/// One of a person's assignments, with their progress through the playlist.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct MyAssignment {
    pub id: String,
    pub playlist_id: String,
    pub title: String,
    pub description: String,
    pub cover_url: Option<String>,
    /// Unix milliseconds, when there is a due date.
    pub due_at: Option<i64>,
    pub overdue: bool,
    pub completed: bool,
    pub items_total: i64,
    pub items_completed: i64,
    /// `items_completed / items_total`, 0 to 1.
    pub fraction: f64,
}

/// The published playlists assigned to a person, with the items they completed: videos whose
/// progress is complete. (Handouts and resources count once opening them is tracked.)
pub async fn for_user(
    pool: &AnyPool,
    org_id: &str,
    user_id: &str,
) -> sqlx::Result<Vec<MyAssignment>> {
    use sqlx::Row;
    let rows = sqlx::query(
        "select a.id, a.playlist_id, p.title, p.description, p.cover_key, a.due_at, \
           (select count(*) from playlist_items i where i.playlist_id = p.id) as items_total, \
           (select count(*) from playlist_items i join progress g \
              on g.video_id = i.item_id and g.user_id = a.user_id \
            where i.playlist_id = p.id and i.kind = 'video' and g.completed_at is not null) as items_completed \
         from assignments a join playlists p on p.id = a.playlist_id \
         where a.org_id = $1 and a.user_id = $2 and p.published = 1 \
         order by a.created_at",
    )
    .bind(org_id)
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    let now = now_ms();
    rows.into_iter()
        .map(|row| {
            let total: i64 = row.try_get("items_total")?;
            let done: i64 = row.try_get("items_completed")?;
            let due_at: Option<i64> = row.try_get("due_at")?;
            let playlist_id: String = row.try_get("playlist_id")?;
            let cover: Option<String> = row.try_get("cover_key")?;
            let completed = total > 0 && done >= total;
            Ok(MyAssignment {
                id: row.try_get("id")?,
                cover_url: cover.map(|_| format!("/api/v1/playlists/{playlist_id}/cover")),
                playlist_id,
                title: row.try_get("title")?,
                description: row.try_get("description")?,
                due_at,
                overdue: !completed && due_at.is_some_and(|d| d < now),
                completed,
                items_total: total,
                items_completed: done,
                fraction: if total > 0 {
                    done as f64 / total as f64
                } else {
                    0.0
                },
            })
        })
        .collect()
}

/// One assignee's line in a trainer's report on a playlist.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ReportLine {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub items_total: i64,
    pub items_completed: i64,
    pub fraction: f64,
    pub completed: bool,
    /// Unix milliseconds when the last item was completed, once all are.
    pub completed_at: Option<i64>,
    /// Unix milliseconds of the latest progress report on the playlist's videos.
    pub last_activity: Option<i64>,
    pub due_at: Option<i64>,
    pub overdue: bool,
}

/// Every assignee of a playlist with their progress, by name.
pub async fn report(
    pool: &AnyPool,
    org_id: &str,
    playlist_id: &str,
) -> sqlx::Result<Vec<ReportLine>> {
    use sqlx::Row;
    let watched = "from playlist_items i join progress g on g.video_id = i.item_id and g.user_id = a.user_id \
                   where i.playlist_id = a.playlist_id and i.kind = 'video'";
    let rows = sqlx::query(&format!(
        "select a.user_id, u.name, u.email, a.due_at, \
           (select count(*) from playlist_items i where i.playlist_id = a.playlist_id) as items_total, \
           (select count(*) {watched} and g.completed_at is not null) as items_completed, \
           (select max(g.completed_at) {watched}) as last_completed, \
           (select max(g.updated_at) {watched}) as last_activity \
         from assignments a join users u on u.id = a.user_id \
         where a.org_id = $1 and a.playlist_id = $2 order by u.name, u.email"
    ))
    .bind(org_id)
    .bind(playlist_id)
    .fetch_all(pool)
    .await?;
    let now = now_ms();
    rows.iter()
        .map(|row| {
            let total: i64 = row.try_get("items_total")?;
            let done: i64 = row.try_get("items_completed")?;
            let due_at: Option<i64> = row.try_get("due_at")?;
            let completed = total > 0 && done >= total;
            Ok(ReportLine {
                user_id: row.try_get("user_id")?,
                name: row.try_get("name")?,
                email: row.try_get("email")?,
                items_total: total,
                items_completed: done,
                fraction: if total > 0 {
                    done as f64 / total as f64
                } else {
                    0.0
                },
                completed,
                completed_at: if completed {
                    row.try_get("last_completed")?
                } else {
                    None
                },
                last_activity: row.try_get("last_activity")?,
                due_at,
                overdue: !completed && due_at.is_some_and(|d| d < now),
            })
        })
        .collect()
}
