//! What an organisation and its people store: the bytes of their uploads (finished ones whose
//! video still exists, and unfinished ones at their declared length, which they have claimed)
//! and of their handouts and the files they handed in for exercises; and the organisation's own
//! quotas. (Sums are cast to bigint:
//! PostgreSQL sums bigints as numeric.)

use sqlx::AnyExecutor;

use super::Db;

/// Bytes an organisation stores, or one person of it when `owner_id` is given.
pub async fn stored_bytes(db: &Db, org_id: &str, owner_id: Option<&str>) -> sqlx::Result<i64> {
    let (uploads,): (i64,) = sqlx::query_as(
        "select cast(coalesce(sum(length), 0) as bigint) from uploads where org_id = $1 \
         and ($2 = '' or owner_id = $2) and (completed_at is null or video_id is not null)",
    )
    .bind(org_id)
    .bind(owner_id.unwrap_or_default())
    .fetch_one(db.pool())
    .await?;
    let (handouts,): (i64,) = sqlx::query_as(
        "select cast(coalesce(sum(size), 0) as bigint) from handouts where org_id = $1 \
         and ($2 = '' or owner_id = $2)",
    )
    .bind(org_id)
    .bind(owner_id.unwrap_or_default())
    .fetch_one(db.pool())
    .await?;
    let (handed_in,): (i64,) = sqlx::query_as(
        "select cast(coalesce(sum(size_bytes), 0) as bigint) from exercise_submissions \
         where org_id = $1 and ($2 = '' or user_id = $2)",
    )
    .bind(org_id)
    .bind(owner_id.unwrap_or_default())
    .fetch_one(db.pool())
    .await?;
    Ok(uploads + handouts + handed_in)
}

/// Bytes each person of an organisation stores, most first (people storing nothing left out).
pub async fn by_person(db: &Db, org_id: &str) -> sqlx::Result<Vec<(String, String, i64)>> {
    sqlx::query_as(
        "select u.id, u.name, cast( \
           coalesce((select sum(l.length) from uploads l where l.owner_id = u.id \
             and (l.completed_at is null or l.video_id is not null)), 0) \
           + coalesce((select sum(h.size) from handouts h where h.owner_id = u.id), 0) \
           + coalesce((select sum(e.size_bytes) from exercise_submissions e \
                       where e.user_id = u.id), 0) \
           as bigint) as bytes \
         from users u where u.org_id = $1 order by bytes desc, u.name",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await
    .map(|rows: Vec<(String, String, i64)>| rows.into_iter().filter(|r| r.2 > 0).collect())
}

/// The organisation's own quotas `(whole organisation, each person)`; `None` for the defaults.
pub async fn own_quotas<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
) -> sqlx::Result<(Option<i64>, Option<i64>)> {
    sqlx::query_as("select quota_bytes, person_quota_bytes from organisations where id = $1")
        .bind(org_id)
        .fetch_optional(db)
        .await
        .map(|row| row.unwrap_or((None, None)))
}

/// Sets the organisation's own quotas (`None` returns to the server's default); false when
/// there is no such organisation.
pub async fn set_quotas<'e>(
    db: impl AnyExecutor<'e>,
    org_slug: &str,
    org_bytes: Option<i64>,
    person_bytes: Option<i64>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update organisations set quota_bytes = $1, person_quota_bytes = $2 where slug = $3",
    )
    .bind(org_bytes)
    .bind(person_bytes)
    .bind(org_slug)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
