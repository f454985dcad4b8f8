//! Subject experts: who to ask about a tag. People declare their own; trainers set anyone's.

use serde::Serialize;
use sqlx::{AnyConnection, AnyExecutor};

use super::now_ms;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Expert {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub tag: String,
}

/// Replaces a person's tags of expertise.
pub async fn set_tags(
    conn: &mut AnyConnection,
    org_id: &str,
    user_id: &str,
    tags: &[&str],
    set_by: &str,
) -> sqlx::Result<()> {
    sqlx::query("delete from expertise where org_id = $1 and user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for tag in tags {
        sqlx::query(
            "insert into expertise (org_id, user_id, tag, set_by, created_at) values ($1, $2, $3, $4, $5) \
             on conflict (user_id, tag) do nothing",
        )
        .bind(org_id)
        .bind(user_id)
        .bind(*tag)
        .bind(set_by)
        .bind(now_ms())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The active experts of an organisation on `tag` (on any tag when `None`), by tag and name.
pub async fn on_tag<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: Option<&str>,
) -> sqlx::Result<Vec<Expert>> {
    sqlx::query_as(
        "select e.user_id, u.name, u.email, e.tag from expertise e join users u on u.id = e.user_id \
         where e.org_id = $1 and u.active = 1 and ($2 = '' or e.tag = $2) \
         order by e.tag, u.name, u.email",
    )
    .bind(org_id)
    .bind(tag.unwrap_or_default())
    .fetch_all(db)
    .await
}

/// The active experts of an organisation on any tag with a word whose stem is one of `stems`
/// (stems as [`super::library::text::stem`] makes them), by tag and name.
pub async fn on_words<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    stems: &[String],
) -> sqlx::Result<Vec<Expert>> {
    use super::library::text;
    if stems.is_empty() {
        return Ok(Vec::new());
    }
    // An organisation has at most a few hundred expert tags: matched here, where the stemmer is.
    let mut all = on_tag(db, org_id, None).await?;
    all.retain(|e| text::words(&e.tag).any(|w| stems.contains(&text::stem(&w))));
    Ok(all)
}
