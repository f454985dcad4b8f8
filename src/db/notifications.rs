//! Notifications: each person's inbox, how they want each kind (in the app, by email, in a daily
//! digest, or not at all), the unsubscribe links of emails, and the events that notify people.
//!
//! A notification to be emailed queues an [`EMAIL`] job in the same transaction; the worker of
//! `serve` sends it (retried while the mail server is down), so no request waits for SMTP.

use serde::{Deserialize, Serialize};
use sqlx::{AnyExecutor, Row};

use super::practice::Attempt;
use super::{Db, jobs, new_id, now_ms};

/// The job that emails one notification (its id is the job's subject).
pub const EMAIL: &str = "email";
/// The job that emails a person their daily digest (their id is the job's subject).
pub const DIGEST: &str = "digest";

/// How long before a due date its reminder goes out.
pub const DUE_SOON_MS: i64 = 2 * 24 * 3600 * 1000;
/// How often a person gets a digest at most.
pub const DIGEST_EVERY_MS: i64 = 24 * 3600 * 1000;

/// What a notification is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A playlist was assigned to you.
    Assigned,
    /// An assigned playlist is due within two days.
    DueSoon,
    /// An assigned playlist is past its due date.
    Overdue,
    /// A practice attempt waits for your review.
    ReviewRequested,
    /// Someone reviewed your practice attempt.
    Feedback,
    /// Someone replied to your comment.
    Reply,
    /// Someone mentioned you in a comment.
    Mention,
    /// A trainer marked what you handed in for a workbook exercise.
    ExerciseMarked,
    /// Your answer was marked: a trainer marked a free-text answer of yours in a quiz.
    QuizMarked,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Assigned,
        Kind::DueSoon,
        Kind::Overdue,
        Kind::ReviewRequested,
        Kind::Feedback,
        Kind::Reply,
        Kind::Mention,
        Kind::ExerciseMarked,
        Kind::QuizMarked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Assigned => "assigned",
            Kind::DueSoon => "due_soon",
            Kind::Overdue => "overdue",
            Kind::ReviewRequested => "review_requested",
            Kind::Feedback => "feedback",
            Kind::Reply => "reply",
            Kind::Mention => "mention",
            Kind::ExerciseMarked => "exercise_marked",
            Kind::QuizMarked => "quiz_marked",
        }
    }

    pub fn parse(word: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == word)
    }
}

/// How a person wants a kind of notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In the app's inbox only.
    App,
    /// In the inbox, and by email at once (the default).
    Email,
    /// In the inbox, and in one email a day with the others.
    Digest,
    /// Not at all.
    Off,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::App => "app",
            Channel::Email => "email",
            Channel::Digest => "digest",
            Channel::Off => "off",
        }
    }

    fn parse(word: &str) -> Channel {
        [Channel::App, Channel::Email, Channel::Digest, Channel::Off]
            .into_iter()
            .find(|channel| channel.as_str() == word)
            .unwrap_or(Channel::Email)
    }
}

/// What to tell someone: a one-line title, a sentence or two, and where in the app to look.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: Kind,
    pub title: String,
    pub body: String,
    /// A path of the web app, such as `/practice/attempts/{id}`.
    pub link: String,
}

/// One notification in a person's inbox.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Notification {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub body: String,
    pub link: String,
    /// Unix milliseconds.
    pub created_at: i64,
    pub read: bool,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Notification {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Notification> {
        let kind: String = row.try_get("kind")?;
        Ok(Notification {
            id: row.try_get("id")?,
            kind: Kind::parse(&kind).ok_or_else(|| {
                sqlx::Error::Decode(format!("no notification kind {kind:?}").into())
            })?,
            title: row.try_get("title")?,
            body: row.try_get("body")?,
            link: row.try_get("link")?,
            created_at: row.try_get("created_at")?,
            read: row.try_get::<Option<i64>, _>("read_at")?.is_some(),
        })
    }
}

const COLUMNS: &str = "id, kind, title, body, link, created_at, read_at";

/// How `user_id` wants each kind, in [`Kind::ALL`]'s order.
pub async fn settings<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
) -> sqlx::Result<Vec<(Kind, Channel)>> {
    let rows = sqlx::query("select kind, channel from notification_settings where user_id = $1")
        .bind(user_id)
        .fetch_all(db)
        .await?;
    let mut chosen = std::collections::HashMap::new();
    for row in rows {
        let kind: String = row.try_get("kind")?;
        let channel: String = row.try_get("channel")?;
        chosen.insert(kind, Channel::parse(&channel));
    }
    Ok(Kind::ALL
        .into_iter()
        .map(|kind| {
            (
                kind,
                chosen.get(kind.as_str()).copied().unwrap_or(Channel::Email),
            )
        })
        .collect())
}

pub async fn set_channel<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    kind: Kind,
    channel: Channel,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into notification_settings (user_id, kind, channel) values ($1, $2, $3) \
         on conflict (user_id, kind) do update set channel = excluded.channel",
    )
    .bind(user_id)
    .bind(kind.as_str())
    .bind(channel.as_str())
    .execute(db)
    .await?;
    Ok(())
}

/// Notifies `user_id` as they want `notice.kind`: into their inbox (unless off), and emailed
/// now (queued) or in their next digest. Both statements write (the person's choice is read
/// inside the insert), so on SQLite the transaction holds the write lock from its start and never
/// has to upgrade a read snapshot that a concurrent writer made stale.
pub async fn notify(db: &Db, org_id: &str, user_id: &str, notice: &Notice) -> sqlx::Result<()> {
    let mut tx = db.pool().begin().await?;
    let id = new_id();
    let chosen = "coalesce((select channel from notification_settings \
                            where user_id = $3 and kind = $4), 'email')";
    let inserted = sqlx::query(&format!(
        "insert into notifications (id, org_id, user_id, kind, title, body, link, email, \
         created_at) \
         select $1, $2, $3, $4, $5, $6, $7, \
           case {chosen} when 'app' then 'none' when 'digest' then 'digest' else 'pending' end, \
           $8 \
         where {chosen} <> 'off'"
    ))
    .bind(&id)
    .bind(org_id)
    .bind(user_id)
    .bind(notice.kind.as_str())
    .bind(&notice.title)
    .bind(&notice.body)
    .bind(&notice.link)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 1 {
        let email: String = sqlx::query_scalar("select email from notifications where id = $1")
            .bind(&id)
            .fetch_one(&mut *tx)
            .await?;
        if email == "pending" {
            jobs::enqueue_about(&mut *tx, org_id, EMAIL, &id).await?;
        }
    }
    tx.commit().await
}

/// A person's notifications, newest first, at most `limit`.
pub async fn inbox<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    limit: i64,
) -> sqlx::Result<Vec<Notification>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from notifications where user_id = $1 \
         order by created_at desc, id desc limit $2"
    ))
    .bind(user_id)
    .bind(limit)
    .fetch_all(db)
    .await
}

pub async fn unread_count<'e>(db: impl AnyExecutor<'e>, user_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from notifications where user_id = $1 and read_at is null")
        .bind(user_id)
        .fetch_one(db)
        .await
}

/// Marks one of a person's notifications read (every one when `id` is None); how many changed.
pub async fn mark_read<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    id: Option<&str>,
) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "update notifications set read_at = $1 \
         where user_id = $2 and read_at is null and ($3 = '' or id = $3)",
    )
    .bind(now_ms())
    .bind(user_id)
    .bind(id.unwrap_or_default())
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

/// Whether notification `id` is `user_id`'s.
pub async fn is_theirs<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    id: &str,
) -> sqlx::Result<bool> {
    let found: i64 =
        sqlx::query_scalar("select count(*) from notifications where user_id = $1 and id = $2")
            .bind(user_id)
            .bind(id)
            .fetch_one(db)
            .await?;
    Ok(found > 0)
}

/// A notification to email, with where to send it.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub notification: Notification,
    pub user_id: String,
    pub email: String,
    pub name: String,
}

/// The notification of an [`EMAIL`] job, unless it went out already or its person left.
pub async fn outgoing<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<Option<Outgoing>> {
    let row = sqlx::query(
        "select n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at, n.user_id, \
           u.email as user_email, u.name as user_name \
         from notifications n join users u on u.id = n.user_id \
         where n.id = $1 and n.email = 'pending' and u.active = 1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    use sqlx::FromRow;
    Ok(Some(Outgoing {
        notification: Notification::from_row(&row)?,
        user_id: row.try_get("user_id")?,
        email: row.try_get("user_email")?,
        name: row.try_get("user_name")?,
    }))
}

/// Records how notifications' email ended: `sent`, or `none` when the server sends no email.
pub async fn mark_email<'e>(
    db: impl AnyExecutor<'e>,
    ids: &[String],
    state: &str,
) -> sqlx::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "update notifications set email = $1 where id in ({})",
        super::marks(2, ids.len())
    );
    let mut query = sqlx::query(&sql).bind(state);
    for id in ids {
        query = query.bind(id);
    }
    query.execute(db).await?;
    Ok(())
}

/// Someone's digest: their notifications waiting for it, oldest first.
pub async fn digest_of(
    db: &Db,
    user_id: &str,
) -> sqlx::Result<Option<(Outgoing, Vec<Notification>)>> {
    let person = sqlx::query("select email, name from users where id = $1 and active = 1")
        .bind(user_id)
        .fetch_optional(db.pool())
        .await?;
    let Some(person) = person else {
        return Ok(None);
    };
    let waiting: Vec<Notification> = sqlx::query_as(&format!(
        "select {COLUMNS} from notifications where user_id = $1 and email = 'digest' \
         order by created_at, id"
    ))
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let Some(first) = waiting.first().cloned() else {
        return Ok(None);
    };
    Ok(Some((
        Outgoing {
            notification: first,
            user_id: user_id.to_owned(),
            email: person.try_get("email")?,
            name: person.try_get("name")?,
        },
        waiting,
    )))
}

/// Queues a digest for everyone whose digest is due: something waits for it, and their last
/// digest (or, before the first, the oldest thing waiting) is a day old. Each person is claimed
/// by one update, so several processes doing this at once queue one digest each. Returns how
/// many were queued.
pub async fn queue_digests(db: &Db, now: i64) -> sqlx::Result<usize> {
    let due: Vec<(String, String)> = sqlx::query_as(
        "select n.user_id, min(n.org_id) from notifications n left join digests d on d.user_id = n.user_id \
         where n.email = 'digest' \
         group by n.user_id, d.sent_at \
         having coalesce(d.sent_at, min(n.created_at)) <= $1",
    )
    .bind(now - DIGEST_EVERY_MS)
    .fetch_all(db.pool())
    .await?;
    let mut queued = 0;
    for (user_id, org_id) in due {
        let mut tx = db.pool().begin().await?;
        let claimed = sqlx::query(
            "insert into digests (user_id, sent_at) values ($1, $2) \
             on conflict (user_id) do update set sent_at = excluded.sent_at \
             where digests.sent_at <= $3",
        )
        .bind(&user_id)
        .bind(now)
        .bind(now - DIGEST_EVERY_MS)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() == 1 {
            jobs::enqueue_about(&mut *tx, &org_id, DIGEST, &user_id).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    Ok(queued)
}

/// Makes the unsubscribe link's token of an email to `user_id` about `kind` (every kind's email,
/// for a digest).
pub async fn unsubscribe_token<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    kind: Option<Kind>,
) -> sqlx::Result<String> {
    let token = crate::auth::secret::random_token();
    sqlx::query(
        "insert into unsubscribe_links (token_hash, user_id, kind, created_at) values ($1, $2, $3, $4)",
    )
    .bind(crate::auth::secret::hash_token(&token))
    .bind(user_id)
    .bind(kind.map(Kind::as_str))
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(token)
}

/// Follows an unsubscribe link: the kinds it names stop being emailed (they stay in the app).
/// Returns the kinds changed, or None for an unknown token.
pub async fn unsubscribe(db: &Db, token: &str) -> sqlx::Result<Option<Vec<Kind>>> {
    let row = sqlx::query("select user_id, kind from unsubscribe_links where token_hash = $1")
        .bind(crate::auth::secret::hash_token(token))
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let user_id: String = row.try_get("user_id")?;
    let kinds = match row
        .try_get::<Option<String>, _>("kind")?
        .as_deref()
        .and_then(Kind::parse)
    {
        Some(kind) => vec![kind],
        None => Kind::ALL.to_vec(),
    };
    let mut tx = db.pool().begin().await?;
    for &kind in &kinds {
        // Emailed (a kind without a row is emailed) becomes in-app only; off stays off.
        sqlx::query(
            "insert into notification_settings (user_id, kind, channel) values ($1, $2, 'app') \
             on conflict (user_id, kind) do update set channel = 'app' \
             where notification_settings.channel in ('email', 'digest')",
        )
        .bind(&user_id)
        .bind(kind.as_str())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Some(kinds))
}

/// How long a read notification stays in the inbox, and an email's unsubscribe link works.
pub const KEEP_MS: i64 = 365 * 24 * 3600 * 1000;

/// Forgets read notifications and unsubscribe links older than [`KEEP_MS`] before `now`; returns
/// how many rows went.
pub async fn prune(db: &Db, now: i64) -> sqlx::Result<u64> {
    let before = now - KEEP_MS;
    let read = sqlx::query(
        "delete from notifications where read_at is not null and created_at < $1 \
         and email in ('none', 'sent')",
    )
    .bind(before)
    .execute(db.pool())
    .await?;
    let links = sqlx::query("delete from unsubscribe_links where created_at < $1")
        .bind(before)
        .execute(db.pool())
        .await?;
    Ok(read.rows_affected() + links.rows_affected())
}

/// Tells the learner's reviewers and the organisation's trainers that an attempt waits.
pub async fn attempt_waiting(db: &Db, org_id: &str, attempt_id: &str) -> sqlx::Result<()> {
    let Some(attempt) = super::practice::attempt_in_org(db.pool(), org_id, attempt_id).await?
    else {
        return Ok(());
    };
    let people: Vec<String> = sqlx::query_scalar(
        "select id from users where org_id = $1 and active = 1 and id <> $2 \
           and (role in ('trainer', 'admin') \
                or id in (select reviewer_id from practice_reviewers \
                          where step_id = $3 and learner_id = $2)) \
         order by id",
    )
    .bind(org_id)
    .bind(&attempt.user_id)
    .bind(&attempt.step_id)
    .fetch_all(db.pool())
    .await?;
    let notice = review_requested(&attempt);
    for person in people {
        notify(db, org_id, &person, &notice).await?;
    }
    Ok(())
}

/// The notice to a reviewer of an attempt.
pub fn review_requested(attempt: &Attempt) -> Notice {
    Notice {
        kind: Kind::ReviewRequested,
        title: format!(
            "{} sent an attempt at “{}” for review",
            attempt.user_name, attempt.step_title
        ),
        body: "Watch it, leave comments at the moments that matter and score the rubric.".into(),
        link: format!("/practice/attempts/{}", attempt.id),
    }
}

/// An assignment whose reminder is due, claimed for sending.
#[derive(Clone, Debug)]
pub struct Reminder {
    pub org_id: String,
    pub user_id: String,
    pub playlist_id: String,
    pub playlist_title: String,
    pub due_at: i64,
}

/// Claims the reminders due at `now` of one kind ([`Kind::DueSoon`] or [`Kind::Overdue`]) for
/// assignments of published playlists: each is claimed by one update, so it goes out once
/// whichever process asks. Completed assignments are claimed too, and skipped by the caller.
pub async fn claim_reminders(db: &Db, kind: Kind, now: i64) -> sqlx::Result<Vec<Reminder>> {
    let (column, window) = match kind {
        Kind::DueSoon => ("due_soon_sent_at", "a.due_at > $1 and a.due_at <= $1 + $2"),
        Kind::Overdue => ("overdue_sent_at", "a.due_at <= $1 and $2 >= 0"),
        _ => return Ok(Vec::new()),
    };
    let candidates = sqlx::query(&format!(
        "select a.id, a.org_id, a.user_id, a.playlist_id, p.title, a.due_at from assignments a \
         join playlists p on p.id = a.playlist_id \
         where a.{column} is null and a.due_at is not null and p.published = 1 and {window} \
         order by a.due_at limit 500"
    ))
    .bind(now)
    .bind(DUE_SOON_MS)
    .fetch_all(db.pool())
    .await?;
    let mut claimed = Vec::new();
    for row in candidates {
        let id: String = row.try_get("id")?;
        let done = sqlx::query(&format!(
            "update assignments set {column} = $1 where id = $2 and {column} is null"
        ))
        .bind(now)
        .bind(&id)
        .execute(db.pool())
        .await?;
        if done.rows_affected() == 1 {
            claimed.push(Reminder {
                org_id: row.try_get("org_id")?,
                user_id: row.try_get("user_id")?,
                playlist_id: row.try_get("playlist_id")?,
                playlist_title: row.try_get("title")?,
                due_at: row.try_get("due_at")?,
            });
        }
    }
    Ok(claimed)
}
