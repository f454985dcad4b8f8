//! Subject experts: who to ask about a tag. People declare their own; trainers set anyone's;
//! colleagues vouch for them (endorsements). Trainers also keep an expert log: people outside
//! the organisation (a name and a way to reach them) and notes on colleagues (the best channel
//! to reach them and how helpful they have been), each with topic tags.

use serde::{Deserialize, Serialize};
use sqlx::{AnyConnection, AnyExecutor, AnyPool, Row};

use super::now_ms;

/// A person of the organisation who knows a tag: declared on their profile (or by a trainer),
/// or named on that tag in the expert log.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Expert {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub tag: String,
    /// How many active colleagues vouched for them on this tag.
    pub endorsements: i64,
    /// Whether the caller vouched for them on this tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsed_by_me: Option<bool>,
    /// The expert-log entry trainers keep on this person, if any.
    #[schema(required = true)]
    pub log_entry_id: Option<String>,
    /// From the expert log: the best channel to reach them.
    #[schema(required = true)]
    pub channel: Option<Channel>,
    /// From the expert log: the address, number or handle on that channel.
    #[schema(required = true)]
    pub contact: Option<String>,
    /// From the expert log: how helpful they have been.
    #[schema(required = true)]
    pub note: Option<String>,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Expert {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Expert> {
        let channel: Option<String> = row.try_get("channel")?;
        Ok(Expert {
            user_id: row.try_get("user_id")?,
            name: row.try_get("name")?,
            email: row.try_get("email")?,
            tag: row.try_get("tag")?,
            endorsements: row.try_get("endorsements")?,
            endorsed_by_me: Some(row.try_get::<i64, _>("mine")? > 0),
            log_entry_id: row.try_get("log_id")?,
            channel: channel.as_deref().map(Channel::parse).transpose()?,
            contact: row.try_get("contact")?,
            note: row.try_get("note")?,
        })
    }
}

/// The best way to reach an expert. (Named `ExpertChannel` in the API document: the
/// notifications' `Channel` holds that name.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ExpertChannel)]
pub enum Channel {
    Email,
    Phone,
    Chat,
    Website,
    InPerson,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::Website => "website",
            Channel::InPerson => "in_person",
        }
    }

    fn parse(word: &str) -> sqlx::Result<Channel> {
        let all = [
            Channel::Email,
            Channel::Phone,
            Channel::Chat,
            Channel::Website,
            Channel::InPerson,
        ];
        super::from_word(&all, Channel::as_str, word)
    }
}

/// An entry of the expert log: someone outside the organisation (`user_id` null) or a note on a
/// colleague.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LogEntry {
    pub id: String,
    /// The colleague the entry is about; null for someone outside the organisation.
    #[schema(required = true)]
    pub user_id: Option<String>,
    /// The person's name (a colleague's as their profile has it).
    pub name: String,
    /// What they are or where they work: "Supplier's field engineer".
    pub about: String,
    /// The best channel to reach them.
    pub channel: Channel,
    /// The address, number or handle on that channel.
    pub contact: String,
    /// An http(s) link: their page, profile or booking form.
    #[schema(required = true)]
    pub url: Option<String>,
    /// How helpful they have been.
    pub note: String,
    pub tags: Vec<String>,
    /// Unix milliseconds.
    pub updated_at: i64,
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

/// The (person, tag) pairs of an organisation's experts, aliased `e`: the tags people declared
/// and the tags of the log's notes on colleagues. `$1` is the organisation.
const EXPERT_TAGS: &str = "select user_id, tag from expertise where org_id = $1 \
     union \
     select el.user_id, elt.tag from expert_log el join expert_log_tags elt on elt.entry_id = el.id \
     where el.org_id = $1 and el.user_id is not null";

/// The active experts of an organisation on `tag` (on any tag when `None`), by tag and name;
/// `endorsed_by_me` for `viewer` when one is given.
async fn select_experts<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: Option<&str>,
    viewer: Option<&str>,
) -> sqlx::Result<Vec<Expert>> {
    let mut experts: Vec<Expert> = sqlx::query_as(&format!(
        "select e.user_id, u.name, u.email, e.tag, \
           (select count(*) from expert_endorsements x join users xu on xu.id = x.endorser_id \
             where x.org_id = $1 and x.user_id = e.user_id and x.tag = e.tag and xu.active = 1) \
             as endorsements, \
           (select count(*) from expert_endorsements m \
             where m.org_id = $1 and m.user_id = e.user_id and m.tag = e.tag and m.endorser_id = $3) \
             as mine, \
           l.id as log_id, l.channel, l.contact, l.note \
         from ({EXPERT_TAGS}) e \
         join users u on u.id = e.user_id \
         left join expert_log l on l.org_id = $1 and l.user_id = e.user_id \
         where u.active = 1 and ($2 = '' or e.tag = $2) \
         order by e.tag, u.name, u.email"
    ))
    .bind(org_id)
    .bind(tag.unwrap_or_default())
    .bind(viewer.unwrap_or_default())
    .fetch_all(db)
    .await?;
    if viewer.is_none() {
        for expert in &mut experts {
            expert.endorsed_by_me = None;
        }
    }
    Ok(experts)
}

/// The active experts of an organisation on `tag` (on any tag when `None`), by tag and name.
pub async fn on_tag<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: Option<&str>,
) -> sqlx::Result<Vec<Expert>> {
    select_experts(db, org_id, tag, None).await
}

/// As [`on_tag`], with whether `viewer` vouched for each.
pub async fn on_tag_seen_by<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: Option<&str>,
    viewer: &str,
) -> sqlx::Result<Vec<Expert>> {
    select_experts(db, org_id, tag, Some(viewer)).await
}

/// The active experts on one tag as its topic page shows them: most endorsed first, then by
/// name, with whether `viewer` vouched for each.
pub async fn on_topic<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: &str,
    viewer: &str,
) -> sqlx::Result<Vec<Expert>> {
    let mut experts = select_experts(db, org_id, Some(tag), Some(viewer)).await?;
    // Stable: people with as many endorsements stay in name order.
    experts.sort_by_key(|e| std::cmp::Reverse(e.endorsements));
    Ok(experts)
}

/// Whether any of `tags`' words has its stem among `stems`.
fn tags_match(tags: &[String], stems: &[String]) -> bool {
    use super::library::text;
    tags.iter()
        .any(|tag| text::words(tag).any(|w| stems.contains(&text::stem(&w))))
}

/// The active experts of an organisation on any tag with a word whose stem is one of `stems`
/// (stems as [`super::library::text::stem`] makes them), by tag and name.
pub async fn on_words<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    stems: &[String],
) -> sqlx::Result<Vec<Expert>> {
    if stems.is_empty() {
        return Ok(Vec::new());
    }
    // An organisation has at most a few hundred expert tags: matched here, where the stemmer is.
    let mut all = select_experts(db, org_id, None, None).await?;
    all.retain(|e| tags_match(std::slice::from_ref(&e.tag), stems));
    Ok(all)
}

/// As [`on_words`], with whether `viewer` vouched for each.
pub async fn on_words_seen_by<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    stems: &[String],
    viewer: &str,
) -> sqlx::Result<Vec<Expert>> {
    if stems.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = select_experts(db, org_id, None, Some(viewer)).await?;
    all.retain(|e| tags_match(std::slice::from_ref(&e.tag), stems));
    Ok(all)
}

/// Whether `tag` is one of a person's expert tags: declared (in `expertise`) or given them by a
/// trainer's note in the expert log.
pub async fn has_tag<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    tag: &str,
) -> sqlx::Result<bool> {
    let found: i64 = sqlx::query_scalar(&format!(
        "select count(*) from ({EXPERT_TAGS}) e where e.user_id = $2 and e.tag = $3"
    ))
    .bind(org_id)
    .bind(user_id)
    .bind(tag)
    .fetch_one(db)
    .await?;
    Ok(found > 0)
}

/// Records that `endorser_id` vouches for `user_id` on `tag` (once).
pub async fn endorse<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    tag: &str,
    endorser_id: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into expert_endorsements (org_id, user_id, tag, endorser_id, created_at) \
         values ($1, $2, $3, $4, $5) on conflict (user_id, tag, endorser_id) do nothing",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(tag)
    .bind(endorser_id)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}

/// Takes back `endorser_id`'s endorsement of `user_id` on `tag`; false when there was none.
pub async fn unendorse<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    tag: &str,
    endorser_id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "delete from expert_endorsements \
         where org_id = $1 and user_id = $2 and tag = $3 and endorser_id = $4",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(tag)
    .bind(endorser_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Log entries of an organisation, by name: those tagged `tag` (any when empty), the one with id
/// `id` (any when empty), only the ones on people outside the organisation when
/// `external_only`. One row per entry and tag, folded here.
async fn read_entries<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: &str,
    id: &str,
    external_only: bool,
) -> sqlx::Result<Vec<LogEntry>> {
    let rows = sqlx::query(
        "select l.id, l.user_id, coalesce(u.name, l.name) as name, l.about, l.channel, \
           l.contact, l.url, l.note, l.updated_at, t.tag \
         from expert_log l \
         left join users u on u.id = l.user_id \
         left join expert_log_tags t on t.entry_id = l.id \
         where l.org_id = $1 \
           and ($2 = '' or l.id in (select entry_id from expert_log_tags where org_id = $1 and tag = $2)) \
           and ($3 = '' or l.id = $3) \
           and ($4 = 0 or l.user_id is null) \
         order by coalesce(u.name, l.name), l.id, t.tag",
    )
    .bind(org_id)
    .bind(tag)
    .bind(id)
    .bind(super::flag(external_only))
    .fetch_all(db)
    .await?;
    let mut entries: Vec<LogEntry> = Vec::new();
    for row in rows {
        let id: String = row.try_get("id")?;
        let tag: Option<String> = row.try_get("tag")?;
        if let Some(last) = entries.last_mut().filter(|e| e.id == id) {
            last.tags.extend(tag);
            continue;
        }
        entries.push(LogEntry {
            id,
            user_id: row.try_get("user_id")?,
            name: row.try_get("name")?,
            about: row.try_get("about")?,
            channel: Channel::parse(&row.try_get::<String, _>("channel")?)?,
            contact: row.try_get("contact")?,
            url: row.try_get("url")?,
            note: row.try_get("note")?,
            tags: tag.into_iter().collect(),
            updated_at: row.try_get("updated_at")?,
        });
    }
    Ok(entries)
}

/// The organisation's expert log (people outside it and notes on colleagues), by name; only
/// the entries tagged `tag` when given.
pub async fn log_entries<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: Option<&str>,
) -> sqlx::Result<Vec<LogEntry>> {
    read_entries(db, org_id, tag.unwrap_or_default(), "", false).await
}

/// The experts outside the organisation tagged `tag`, by name.
pub async fn external_on_tag<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    tag: &str,
) -> sqlx::Result<Vec<LogEntry>> {
    if tag.is_empty() {
        return Ok(Vec::new());
    }
    read_entries(db, org_id, tag, "", true).await
}

/// The experts outside the organisation with a tag that has a word whose stem is one of
/// `stems` (matched as [`on_words`] matches colleagues), by name.
pub async fn external_on_words<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    stems: &[String],
) -> sqlx::Result<Vec<LogEntry>> {
    if stems.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = read_entries(db, org_id, "", "", true).await?;
    all.retain(|e| tags_match(&e.tags, stems));
    Ok(all)
}

/// One entry of an organisation's expert log; `None` for another organisation's.
pub async fn log_entry_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<LogEntry>> {
    if id.is_empty() {
        return Ok(None);
    }
    Ok(read_entries(db, org_id, "", id, false)
        .await?
        .into_iter()
        .next())
}

/// The id of the log entry on a colleague, if trainers wrote one.
pub async fn log_entry_of_user<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select id from expert_log where org_id = $1 and user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .fetch_optional(db)
        .await
}

/// Writes a log entry (adds it when there is none with its id in the organisation, otherwise
/// changes everything but the colleague it is about) and replaces its tags, in one transaction.
/// A second entry on one colleague fails as a unique violation.
pub async fn save_log_entry(
    pool: &AnyPool,
    org_id: &str,
    entry: &LogEntry,
    updated_by: &str,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    let changed = sqlx::query(
        "update expert_log set name = $1, about = $2, channel = $3, contact = $4, url = $5, \
         note = $6, updated_by = $7, updated_at = $8 where org_id = $9 and id = $10",
    )
    .bind(&entry.name)
    .bind(&entry.about)
    .bind(entry.channel.as_str())
    .bind(&entry.contact)
    .bind(entry.url.as_deref())
    .bind(&entry.note)
    .bind(updated_by)
    .bind(entry.updated_at)
    .bind(org_id)
    .bind(&entry.id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        sqlx::query(
            "insert into expert_log (id, org_id, user_id, name, about, channel, contact, url, \
             note, updated_by, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&entry.id)
        .bind(org_id)
        .bind(entry.user_id.as_deref())
        .bind(&entry.name)
        .bind(&entry.about)
        .bind(entry.channel.as_str())
        .bind(&entry.contact)
        .bind(entry.url.as_deref())
        .bind(&entry.note)
        .bind(updated_by)
        .bind(entry.updated_at)
        .bind(entry.updated_at)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("delete from expert_log_tags where org_id = $1 and entry_id = $2")
        .bind(org_id)
        .bind(&entry.id)
        .execute(&mut *tx)
        .await?;
    for tag in &entry.tags {
        sqlx::query(
            "insert into expert_log_tags (entry_id, org_id, tag) values ($1, $2, $3) \
             on conflict (entry_id, tag) do nothing",
        )
        .bind(&entry.id)
        .bind(org_id)
        .bind(tag)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Removes a log entry (its tags go with it); false when the organisation has none with that id.
pub async fn delete_log_entry<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from expert_log where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}
