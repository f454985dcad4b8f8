//! Workbook exercises: instructions (maybe with a handout to fill in), what learners hand in (a
//! text, a file or both), a trainer's marking, and when an exercise was done.

use serde::{Deserialize, Serialize};
use sqlx::{AnyExecutor, Row};

use super::entries::{EntryKind, forget_entry};
use super::{new_id, now_ms};

/// A workbook exercise.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    /// Plain text; paragraphs separated by blank lines.
    pub instructions: String,
    /// A handout of the organisation to fill in and hand back.
    #[schema(required = true)]
    pub handout_id: Option<String>,
    /// Unix milliseconds.
    pub updated_at: i64,
}

const EXERCISE_COLUMNS: &str = "id, title, instructions, handout_id, updated_at";

/// Creates an exercise, or updates it when `exercise.id` is one of the organisation's.
pub async fn save_exercise<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    created_by: &str,
    exercise: &Exercise,
) -> sqlx::Result<()> {
    let now = now_ms();
    sqlx::query(
        "insert into exercises (id, org_id, title, instructions, handout_id, created_by, \
         created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7) \
         on conflict (id) do update set title = excluded.title, \
           instructions = excluded.instructions, handout_id = excluded.handout_id, \
           updated_at = excluded.updated_at \
         where exercises.org_id = excluded.org_id",
    )
    .bind(&exercise.id)
    .bind(org_id)
    .bind(&exercise.title)
    .bind(&exercise.instructions)
    .bind(&exercise.handout_id)
    .bind(created_by)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn exercise_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Exercise>> {
    sqlx::query_as(&format!(
        "select {EXERCISE_COLUMNS} from exercises where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The organisation's exercises, newest first.
pub async fn exercises<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Vec<Exercise>> {
    sqlx::query_as(&format!(
        "select {EXERCISE_COLUMNS} from exercises where org_id = $1 \
         order by created_at desc, id"
    ))
    .bind(org_id)
    .fetch_all(db)
    .await
}

/// Deletes an exercise with its submissions and completions, and takes it out of every playlist
/// and objective. Returns the store keys of the files handed in, for the caller to delete.
pub async fn delete_exercise(db: &super::Db, org_id: &str, id: &str) -> sqlx::Result<Vec<String>> {
    let mut tx = db.pool().begin().await?;
    // A write first, so on SQLite the transaction holds the write lock from its start.
    forget_entry(&mut *tx, org_id, EntryKind::Exercise, id).await?;
    sqlx::query("delete from objective_links where kind = 'exercise' and item_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let keys: Vec<String> = sqlx::query_scalar(
        "select file_key from exercise_submissions \
         where org_id = $1 and exercise_id = $2 and file_key is not null",
    )
    .bind(org_id)
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query("delete from exercises where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(keys)
}

/// waiting | needs_work | accepted
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatus {
    /// Waiting for a trainer.
    Waiting,
    /// Marked: another go is asked for.
    NeedsWork,
    /// Marked as good: the exercise is done.
    Accepted,
}

impl SubmissionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Waiting => "waiting",
            SubmissionStatus::NeedsWork => "needs_work",
            SubmissionStatus::Accepted => "accepted",
        }
    }

    pub(crate) fn parse(word: &str) -> sqlx::Result<SubmissionStatus> {
        let all = [
            SubmissionStatus::Waiting,
            SubmissionStatus::NeedsWork,
            SubmissionStatus::Accepted,
        ];
        super::from_word(&all, SubmissionStatus::as_str, word)
    }
}

/// What a learner handed in for an exercise, and how it was marked.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Submission {
    pub id: String,
    pub exercise_id: String,
    pub exercise_title: String,
    /// The learner.
    pub user_id: String,
    pub user_name: String,
    /// The text handed in; plain text.
    pub body: String,
    #[serde(skip)]
    pub file_key: Option<String>,
    /// The file handed in, if any (download it with `…/file`).
    #[schema(required = true)]
    pub file_name: Option<String>,
    #[schema(required = true)]
    pub content_type: Option<String>,
    /// Bytes.
    #[schema(required = true)]
    pub size_bytes: Option<i64>,
    pub status: SubmissionStatus,
    /// The trainer's comments; empty before marking.
    pub feedback: String,
    #[schema(required = true)]
    pub marked_by_name: Option<String>,
    /// Unix milliseconds.
    #[schema(required = true)]
    pub marked_at: Option<i64>,
    /// Unix milliseconds.
    pub created_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Submission {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Submission> {
        Ok(Submission {
            id: row.try_get("id")?,
            exercise_id: row.try_get("exercise_id")?,
            exercise_title: row.try_get("exercise_title")?,
            user_id: row.try_get("user_id")?,
            user_name: row.try_get("user_name")?,
            body: row.try_get("body")?,
            file_key: row.try_get("file_key")?,
            file_name: row.try_get("file_name")?,
            content_type: row.try_get("content_type")?,
            size_bytes: row.try_get("size_bytes")?,
            status: SubmissionStatus::parse(&row.try_get::<String, _>("status")?)?,
            feedback: row.try_get("feedback")?,
            marked_by_name: row.try_get("marked_by_name")?,
            marked_at: row.try_get("marked_at")?,
            created_at: row.try_get("created_at")?,
        })
    }
}

const SUBMISSION_SELECT: &str = "select s.id, s.exercise_id, e.title as exercise_title, \
       s.user_id, u.name as user_name, s.body, s.file_key, s.file_name, s.content_type, \
       s.size_bytes, s.status, s.feedback, m.name as marked_by_name, s.marked_at, s.created_at \
     from exercise_submissions s \
     join exercises e on e.id = s.exercise_id \
     join users u on u.id = s.user_id \
     left join users m on m.id = s.marked_by";

/// Records what `user_id` hands in for an exercise, waiting for a trainer; returns its id. None
/// (and nothing recorded) when they already have a submission waiting, or the exercise was
/// accepted for them.
pub async fn submit<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    exercise_id: &str,
    user_id: &str,
    body: &str,
) -> sqlx::Result<Option<String>> {
    let id = new_id();
    let done = sqlx::query(
        "insert into exercise_submissions (id, org_id, exercise_id, user_id, body, status, \
         created_at) \
         select $1, $2, $3, $4, $5, 'waiting', $6 \
         where not exists (select 1 from exercise_submissions w \
                           where w.exercise_id = $3 and w.user_id = $4 and w.status = 'waiting') \
           and not exists (select 1 from exercise_done d \
                           where d.exercise_id = $3 and d.user_id = $4)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(exercise_id)
    .bind(user_id)
    .bind(body)
    .bind(now_ms())
    .execute(db)
    .await;
    match done {
        Ok(done) => Ok((done.rows_affected() == 1).then_some(id)),
        // Another hand-in of theirs began waiting meanwhile (the one-waiting index).
        Err(e) if super::is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A file handed in, as stored.
#[derive(Clone, Copy, Debug)]
pub struct SubmissionFile<'a> {
    /// Its key in the object store.
    pub key: &'a str,
    pub name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
}

/// Sets the file of `user_id`'s submission while it waits for a trainer. Returns the key of the
/// file it replaces (`Some(None)` when it had none), for the caller to delete; None (and nothing
/// changed) when the submission is not theirs or no longer waits.
pub async fn set_file(
    db: &super::Db,
    submission_id: &str,
    user_id: &str,
    file: &SubmissionFile<'_>,
) -> sqlx::Result<Option<Option<String>>> {
    let mut tx = db.pool().begin().await?;
    // Takes the row's lock first, so two uploads to one submission take turns.
    let locked = sqlx::query(
        "update exercise_submissions set file_key = file_key \
         where id = $1 and user_id = $2 and status = 'waiting'",
    )
    .bind(submission_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    if locked.rows_affected() != 1 {
        return Ok(None);
    }
    let old: Option<String> =
        sqlx::query_scalar("select file_key from exercise_submissions where id = $1")
            .bind(submission_id)
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query(
        "update exercise_submissions set file_key = $1, file_name = $2, content_type = $3, \
         size_bytes = $4 where id = $5",
    )
    .bind(file.key)
    .bind(file.name)
    .bind(file.content_type)
    .bind(file.size_bytes)
    .bind(submission_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(old))
}

/// A learner's submissions for an exercise, oldest first.
pub async fn submissions_of<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    exercise_id: &str,
    user_id: &str,
) -> sqlx::Result<Vec<Submission>> {
    sqlx::query_as(&format!(
        "{SUBMISSION_SELECT} where s.org_id = $1 and s.exercise_id = $2 and s.user_id = $3 \
         order by s.created_at, s.id"
    ))
    .bind(org_id)
    .bind(exercise_id)
    .bind(user_id)
    .fetch_all(db)
    .await
}

pub async fn submission_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Submission>> {
    sqlx::query_as(&format!(
        "{SUBMISSION_SELECT} where s.org_id = $1 and s.id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The organisation's submissions with `status`, oldest first (at most 200): the marking queue.
pub async fn queue<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    status: SubmissionStatus,
) -> sqlx::Result<Vec<Submission>> {
    sqlx::query_as(&format!(
        "{SUBMISSION_SELECT} where s.org_id = $1 and s.status = $2 \
         order by s.created_at, s.id limit 200"
    ))
    .bind(org_id)
    .bind(status.as_str())
    .fetch_all(db)
    .await
}

/// Marks a waiting submission `needs_work` or `accepted` with the trainer's feedback; the first
/// acceptance completes the exercise for the learner. False (and nothing changed) when the
/// submission no longer waits.
pub async fn mark(
    db: &super::Db,
    org_id: &str,
    submission: &Submission,
    status: SubmissionStatus,
    feedback: &str,
    marker_id: &str,
) -> sqlx::Result<bool> {
    let now = now_ms();
    let mut tx = db.pool().begin().await?;
    let marked = sqlx::query(
        "update exercise_submissions set status = $1, feedback = $2, marked_by = $3, \
         marked_at = $4 where org_id = $5 and id = $6 and status = 'waiting'",
    )
    .bind(status.as_str())
    .bind(feedback)
    .bind(marker_id)
    .bind(now)
    .bind(org_id)
    .bind(&submission.id)
    .execute(&mut *tx)
    .await?;
    if marked.rows_affected() != 1 {
        return Ok(false);
    }
    if status == SubmissionStatus::Accepted {
        sqlx::query(
            "insert into exercise_done (org_id, exercise_id, user_id, submission_id, done_at) \
             values ($1, $2, $3, $4, $5) on conflict do nothing",
        )
        .bind(org_id)
        .bind(&submission.exercise_id)
        .bind(&submission.user_id)
        .bind(&submission.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// When `user_id` completed an exercise, if they did.
pub async fn done_at<'e>(
    db: impl AnyExecutor<'e>,
    exercise_id: &str,
    user_id: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select done_at from exercise_done where exercise_id = $1 and user_id = $2")
        .bind(exercise_id)
        .bind(user_id)
        .fetch_optional(db)
        .await
}
