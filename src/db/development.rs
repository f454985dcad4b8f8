//! Development: the objectives set for a person (met by hand, or by completing the learning
//! they link to) and the development reviews their manager or a trainer holds with them.

use serde::{Deserialize, Serialize};
use sqlx::{AnyExecutor, AnyPool, Row};

use super::assignments::{DONE_AT, completion_joins};
use super::{Db, new_id, now_ms};

/// What an objective may link to: learning whose completion meets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Every item of the playlist completed.
    Playlist,
    Video,
    Handout,
    Resource,
    Practice,
    Quiz,
    Exercise,
}

impl LinkKind {
    pub const ALL: [LinkKind; 7] = [
        LinkKind::Playlist,
        LinkKind::Video,
        LinkKind::Handout,
        LinkKind::Resource,
        LinkKind::Practice,
        LinkKind::Quiz,
        LinkKind::Exercise,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Playlist => "playlist",
            LinkKind::Video => "video",
            LinkKind::Handout => "handout",
            LinkKind::Resource => "resource",
            LinkKind::Practice => "practice",
            LinkKind::Quiz => "quiz",
            LinkKind::Exercise => "exercise",
        }
    }

    /// The table holding the items of this kind.
    fn table(self) -> &'static str {
        match self {
            LinkKind::Playlist => "playlists",
            LinkKind::Video => "videos",
            LinkKind::Handout => "handouts",
            LinkKind::Resource => "resources",
            LinkKind::Practice => "practice_steps",
            LinkKind::Quiz => "quizzes",
            LinkKind::Exercise => "exercises",
        }
    }
}

/// The title of an organisation's item, or `None` when it has no such item.
pub async fn link_title<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    kind: LinkKind,
    item_id: &str,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(&format!(
        "select title from {} where org_id = $1 and id = $2",
        kind.table()
    ))
    .bind(org_id)
    .bind(item_id)
    .fetch_optional(db)
    .await
}

/// When `user_id` completed a linked item: a playlist once every item of it is complete.
async fn done_at(
    pool: &AnyPool,
    kind: LinkKind,
    item_id: &str,
    user_id: &str,
) -> sqlx::Result<Option<i64>> {
    if kind == LinkKind::Playlist {
        let row = sqlx::query(&format!(
            "select count(*) as total, count({DONE_AT}) as done, max({DONE_AT}) as last \
             from playlist_items i {joins} where i.playlist_id = $1",
            joins = completion_joins("$2"),
        ))
        .bind(item_id)
        .bind(user_id)
        .fetch_one(pool)
        .await?;
        let (total, done): (i64, i64) = (row.try_get("total")?, row.try_get("done")?);
        return Ok(if total > 0 && done == total {
            row.try_get("last")?
        } else {
            None
        });
    }
    // One item: the completion rules of a playlist's items, on an item of its own.
    sqlx::query_scalar(&format!(
        "select {DONE_AT} from (select $1 as kind, $2 as item_id) i {joins}",
        joins = completion_joins("$3"),
    ))
    .bind(kind.as_str())
    .bind(item_id)
    .bind(user_id)
    .fetch_one(pool)
    .await
}

/// Learning an objective links to, with whether the person completed it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Link {
    pub kind: LinkKind,
    pub item_id: String,
    pub title: String,
    /// Unix milliseconds; null until the person completes it.
    #[schema(required = true)]
    pub done_at: Option<i64>,
}

/// Set by hand: met (for what no learning measures) or dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    Dropped,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::Dropped => "dropped",
        }
    }
}

/// Where an objective stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveStatus {
    Open,
    /// Past its due date and not met.
    Overdue,
    Met,
    Dropped,
}

/// An objective with where it stands for its person.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Objective {
    pub id: String,
    pub user_id: String,
    pub title: String,
    /// How success is measured, in words.
    pub measure: String,
    /// Unix milliseconds.
    #[schema(required = true)]
    pub due_at: Option<i64>,
    /// Set by hand; null to follow the links.
    #[schema(required = true)]
    pub outcome: Option<Outcome>,
    pub links: Vec<Link>,
    pub status: ObjectiveStatus,
    /// Unix milliseconds: when it was met (marked, or its last link completed).
    #[schema(required = true)]
    pub met_at: Option<i64>,
    #[schema(required = true)]
    pub set_by_name: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
    pub updated_at: i64,
}

/// An objective as it is written.
pub struct ObjectiveFields<'a> {
    pub title: &'a str,
    pub measure: &'a str,
    pub due_at: Option<i64>,
    pub outcome: Option<Outcome>,
    pub links: &'a [(LinkKind, String)],
}

/// Creates an objective for `user_id` (`id` None) or replaces one of theirs.
pub async fn save_objective(
    db: &Db,
    org_id: &str,
    user_id: &str,
    id: Option<&str>,
    fields: &ObjectiveFields<'_>,
    set_by: &str,
) -> sqlx::Result<String> {
    let now = now_ms();
    let id = id.map_or_else(new_id, str::to_owned);
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "insert into objectives (id, org_id, user_id, title, measure, due_at, outcome, \
           outcome_at, set_by, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
         on conflict (id) do update set title = excluded.title, measure = excluded.measure, \
           due_at = excluded.due_at, \
           outcome_at = case when objectives.outcome is not distinct from excluded.outcome \
                        then objectives.outcome_at else excluded.outcome_at end, \
           outcome = excluded.outcome, updated_at = excluded.updated_at \
         where objectives.org_id = excluded.org_id and objectives.user_id = excluded.user_id",
    )
    .bind(&id)
    .bind(org_id)
    .bind(user_id)
    .bind(fields.title)
    .bind(fields.measure)
    .bind(fields.due_at)
    .bind(fields.outcome.map(Outcome::as_str))
    .bind(fields.outcome.map(|_| now))
    .bind(set_by)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("delete from objective_links where objective_id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    for (kind, item_id) in fields.links {
        sqlx::query(
            "insert into objective_links (objective_id, kind, item_id) values ($1, $2, $3) \
             on conflict do nothing",
        )
        .bind(&id)
        .bind(kind.as_str())
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

pub async fn delete_objective<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from objectives where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

struct ObjectiveRow {
    id: String,
    user_id: String,
    title: String,
    measure: String,
    due_at: Option<i64>,
    outcome: Option<String>,
    outcome_at: Option<i64>,
    set_by_name: Option<String>,
    created_at: i64,
    updated_at: i64,
}

const OBJECTIVE_SELECT: &str = "select o.id, o.user_id, o.title, o.measure, o.due_at, o.outcome, \
       o.outcome_at, s.name as set_by_name, o.created_at, o.updated_at \
     from objectives o left join users s on s.id = o.set_by";

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for ObjectiveRow {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<ObjectiveRow> {
        Ok(ObjectiveRow {
            id: row.try_get("id")?,
            user_id: row.try_get("user_id")?,
            title: row.try_get("title")?,
            measure: row.try_get("measure")?,
            due_at: row.try_get("due_at")?,
            outcome: row.try_get("outcome")?,
            outcome_at: row.try_get("outcome_at")?,
            set_by_name: row.try_get("set_by_name")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        })
    }
}

/// Reads where an objective stands: its links' completion by its person, and its status.
async fn standing(pool: &AnyPool, org_id: &str, row: ObjectiveRow) -> sqlx::Result<Objective> {
    let link_rows = sqlx::query(
        "select kind, item_id from objective_links where objective_id = $1 order by kind, item_id",
    )
    .bind(&row.id)
    .fetch_all(pool)
    .await?;
    let mut links = Vec::with_capacity(link_rows.len());
    for link in &link_rows {
        let kind = super::from_word(
            &LinkKind::ALL,
            LinkKind::as_str,
            &link.try_get::<String, _>("kind")?,
        )?;
        let item_id: String = link.try_get("item_id")?;
        // Learning deleted since no longer counts, nor blocks.
        let Some(title) = link_title(pool, org_id, kind, &item_id).await? else {
            continue;
        };
        let done_at = done_at(pool, kind, &item_id, &row.user_id).await?;
        links.push(Link {
            kind,
            item_id,
            title,
            done_at,
        });
    }
    let outcome = match row.outcome.as_deref() {
        Some("met") => Some(Outcome::Met),
        Some("dropped") => Some(Outcome::Dropped),
        _ => None,
    };
    let links_met = (!links.is_empty() && links.iter().all(|l| l.done_at.is_some()))
        .then(|| links.iter().filter_map(|l| l.done_at).max())
        .flatten();
    let (status, met_at) = match outcome {
        Some(Outcome::Dropped) => (ObjectiveStatus::Dropped, None),
        Some(Outcome::Met) => (ObjectiveStatus::Met, row.outcome_at),
        None if links_met.is_some() => (ObjectiveStatus::Met, links_met),
        None if row.due_at.is_some_and(|due| due < now_ms()) => (ObjectiveStatus::Overdue, None),
        None => (ObjectiveStatus::Open, None),
    };
    Ok(Objective {
        id: row.id,
        user_id: row.user_id,
        title: row.title,
        measure: row.measure,
        due_at: row.due_at,
        outcome,
        links,
        status,
        met_at,
        set_by_name: row.set_by_name,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

pub async fn objective_in_org(
    pool: &AnyPool,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Objective>> {
    let row: Option<ObjectiveRow> = sqlx::query_as(&format!(
        "{OBJECTIVE_SELECT} where o.org_id = $1 and o.id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    match row {
        Some(row) => Ok(Some(standing(pool, org_id, row).await?)),
        None => Ok(None),
    }
}

/// A person's objectives (everyone's in the organisation when `user_id` is None), by due date
/// (those without one last), then when set.
pub async fn objectives(
    pool: &AnyPool,
    org_id: &str,
    user_id: Option<&str>,
) -> sqlx::Result<Vec<Objective>> {
    let rows: Vec<ObjectiveRow> = sqlx::query_as(&format!(
        "{OBJECTIVE_SELECT} where o.org_id = $1 and ($2 = '' or o.user_id = $2) \
         order by case when o.due_at is null then 1 else 0 end, o.due_at, o.created_at, o.id"
    ))
    .bind(org_id)
    .bind(user_id.unwrap_or_default())
    .fetch_all(pool)
    .await?;
    let mut all = Vec::with_capacity(rows.len());
    for row in rows {
        all.push(standing(pool, org_id, row).await?);
    }
    Ok(all)
}

/// A development review.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Review {
    pub id: String,
    pub user_id: String,
    #[schema(required = true)]
    pub reviewer_id: Option<String>,
    #[schema(required = true)]
    pub reviewer_name: Option<String>,
    /// Unix milliseconds: when the conversation took place.
    pub held_at: i64,
    pub notes: String,
    /// 1 to 5.
    #[schema(required = true)]
    pub rating: Option<i64>,
    /// The next steps agreed.
    pub next_steps: String,
    /// Unix milliseconds.
    #[schema(required = true)]
    pub next_review_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const REVIEW_SELECT: &str = "select d.id, d.user_id, d.reviewer_id, r.name as reviewer_name, \
       d.held_at, d.notes, d.rating, d.next_steps, d.next_review_at, d.created_at, d.updated_at \
     from development_reviews d left join users r on r.id = d.reviewer_id";

/// A review as it is written.
pub struct ReviewFields<'a> {
    pub held_at: i64,
    pub notes: &'a str,
    pub rating: Option<i64>,
    pub next_steps: &'a str,
    pub next_review_at: Option<i64>,
}

/// Records a review of `user_id` (`id` None) or rewrites one of theirs.
pub async fn save_review<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    id: Option<&str>,
    fields: &ReviewFields<'_>,
    reviewer_id: &str,
) -> sqlx::Result<String> {
    let now = now_ms();
    let id = id.map_or_else(new_id, str::to_owned);
    sqlx::query(
        "insert into development_reviews (id, org_id, user_id, reviewer_id, held_at, notes, \
           rating, next_steps, next_review_at, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
         on conflict (id) do update set held_at = excluded.held_at, notes = excluded.notes, \
           rating = excluded.rating, next_steps = excluded.next_steps, \
           next_review_at = excluded.next_review_at, updated_at = excluded.updated_at \
         where development_reviews.org_id = excluded.org_id \
           and development_reviews.user_id = excluded.user_id",
    )
    .bind(&id)
    .bind(org_id)
    .bind(user_id)
    .bind(reviewer_id)
    .bind(fields.held_at)
    .bind(fields.notes)
    .bind(fields.rating)
    .bind(fields.next_steps)
    .bind(fields.next_review_at)
    .bind(now)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn review_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Review>> {
    sqlx::query_as(&format!(
        "{REVIEW_SELECT} where d.org_id = $1 and d.id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// A person's reviews, the latest first.
pub async fn reviews<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
) -> sqlx::Result<Vec<Review>> {
    sqlx::query_as(&format!(
        "{REVIEW_SELECT} where d.org_id = $1 and d.user_id = $2 \
         order by d.held_at desc, d.created_at desc, d.id"
    ))
    .bind(org_id)
    .bind(user_id)
    .fetch_all(db)
    .await
}

pub async fn delete_review<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from development_reviews where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A person with their manager, as development pages and team reports name them.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Person {
    pub user_id: String,
    pub name: String,
    pub email: String,
    #[schema(required = true)]
    pub manager_id: Option<String>,
    #[schema(required = true)]
    pub manager_name: Option<String>,
}

const PERSON_SELECT: &str = "select u.id as user_id, u.name, u.email, u.manager_id, \
       m.name as manager_name from users u left join users m on m.id = u.manager_id";

pub async fn person<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
) -> sqlx::Result<Option<Person>> {
    sqlx::query_as(&format!(
        "{PERSON_SELECT} where u.org_id = $1 and u.id = $2"
    ))
    .bind(org_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
}

/// The active people of an organisation (those managed by `manager_id` when given), by name.
pub async fn people<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    manager_id: Option<&str>,
) -> sqlx::Result<Vec<Person>> {
    sqlx::query_as(&format!(
        "{PERSON_SELECT} where u.org_id = $1 and u.active = 1 \
           and ($2 = '' or u.manager_id = $2) order by u.name, u.email"
    ))
    .bind(org_id)
    .bind(manager_id.unwrap_or_default())
    .fetch_all(db)
    .await
}
