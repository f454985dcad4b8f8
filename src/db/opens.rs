//! Handouts and external resources count as complete once a person opens them.

use sqlx::AnyExecutor;

use super::now_ms;

/// Records that a person opened a handout or resource (the first time counts).
pub async fn record<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    kind: &str,
    item_id: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into item_opens (org_id, user_id, kind, item_id, opened_at) \
         values ($1, $2, $3, $4, $5) on conflict (user_id, kind, item_id) do nothing",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(kind)
    .bind(item_id)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}

/// Forgets the openings of an item that is being deleted.
pub async fn forget<'e>(db: impl AnyExecutor<'e>, org_id: &str, item_id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from item_opens where org_id = $1 and item_id = $2")
        .bind(org_id)
        .bind(item_id)
        .execute(db)
        .await?;
    Ok(())
}
