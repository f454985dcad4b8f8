//! Practice: steps a learner records an attempt at, the reviewers of each learner's attempts,
//! reviews (a rubric scored, a verdict), and when a step was done.

use serde::{Deserialize, Serialize};
use sqlx::{AnyExecutor, Row};

use super::entries::{EntryKind, forget_entry};
use super::{new_id, now_ms};

/// One level of a rubric's criterion, from the lowest (index 0) up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Level {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub description: String,
}

/// What a rubric scores, with its levels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Criterion {
    /// Kept when the rubric is edited, so scores given before still name it.
    pub id: String,
    pub name: String,
    pub description: String,
    pub levels: Vec<Level>,
}

/// A practice step.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// Plain text; paragraphs separated by blank lines.
    pub instructions: String,
    /// A video of the organisation showing how it is done well.
    #[schema(required = true)]
    pub model_video_id: Option<String>,
    pub rubric: Vec<Criterion>,
    /// Unix milliseconds.
    pub updated_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Step {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Step> {
        let rubric: String = row.try_get("rubric")?;
        Ok(Step {
            id: row.try_get("id")?,
            title: row.try_get("title")?,
            instructions: row.try_get("instructions")?,
            model_video_id: row.try_get("model_video_id")?,
            rubric: serde_json::from_str(&rubric).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            updated_at: row.try_get("updated_at")?,
        })
    }
}

const STEP_COLUMNS: &str = "id, title, instructions, model_video_id, rubric, updated_at";

/// Creates a step, or updates it when `step.id` is one of the organisation's.
pub async fn save_step<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    created_by: &str,
    step: &Step,
) -> sqlx::Result<()> {
    let now = now_ms();
    let rubric = serde_json::to_string(&step.rubric).expect("a rubric serialises");
    sqlx::query(
        "insert into practice_steps (id, org_id, title, instructions, model_video_id, rubric, \
         created_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8) \
         on conflict (id) do update set title = excluded.title, \
           instructions = excluded.instructions, model_video_id = excluded.model_video_id, \
           rubric = excluded.rubric, updated_at = excluded.updated_at \
         where practice_steps.org_id = excluded.org_id",
    )
    .bind(&step.id)
    .bind(org_id)
    .bind(&step.title)
    .bind(&step.instructions)
    .bind(&step.model_video_id)
    .bind(rubric)
    .bind(created_by)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn step_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Step>> {
    sqlx::query_as(&format!(
        "select {STEP_COLUMNS} from practice_steps where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The organisation's steps, newest first.
pub async fn steps<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Vec<Step>> {
    sqlx::query_as(&format!(
        "select {STEP_COLUMNS} from practice_steps where org_id = $1 order by created_at desc, id"
    ))
    .bind(org_id)
    .fetch_all(db)
    .await
}

/// The recordings of every attempt at a step.
pub async fn attempt_videos<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    step_id: &str,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("select video_id from practice_attempts where org_id = $1 and step_id = $2")
        .bind(org_id)
        .bind(step_id)
        .fetch_all(db)
        .await
}

/// When `user_id` completed a step, if they did.
pub async fn done_at<'e>(
    db: impl AnyExecutor<'e>,
    step_id: &str,
    user_id: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select done_at from practice_done where step_id = $1 and user_id = $2")
        .bind(step_id)
        .bind(user_id)
        .fetch_optional(db)
        .await
}

/// Deletes a step with its attempts (their recordings are the caller's to remove) and takes it
/// out of every playlist.
pub async fn delete_step(db: &super::Db, org_id: &str, id: &str) -> sqlx::Result<()> {
    let mut tx = db.pool().begin().await?;
    forget_entry(&mut *tx, org_id, EntryKind::Practice, id).await?;
    sqlx::query("delete from practice_steps where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// waiting | needs_work | done
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttemptStatus {
    /// Waiting for a review.
    Waiting,
    /// Reviewed: another attempt is asked for.
    NeedsWork,
    /// A reviewer found it meets the standard.
    Done,
}

impl AttemptStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptStatus::Waiting => "waiting",
            AttemptStatus::NeedsWork => "needs_work",
            AttemptStatus::Done => "done",
        }
    }

    pub(crate) fn parse(word: &str) -> sqlx::Result<AttemptStatus> {
        let all = [
            AttemptStatus::Waiting,
            AttemptStatus::NeedsWork,
            AttemptStatus::Done,
        ];
        super::from_word(&all, AttemptStatus::as_str, word)
    }
}

/// One recording sent for a step, with who sent it and what it is at.
#[derive(Clone, Debug)]
pub struct Attempt {
    pub id: String,
    pub step_id: String,
    pub step_title: String,
    pub user_id: String,
    pub user_name: String,
    pub video_id: String,
    pub status: AttemptStatus,
    pub created_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Attempt {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Attempt> {
        Ok(Attempt {
            id: row.try_get("id")?,
            step_id: row.try_get("step_id")?,
            step_title: row.try_get("step_title")?,
            user_id: row.try_get("user_id")?,
            user_name: row.try_get("user_name")?,
            video_id: row.try_get("video_id")?,
            status: AttemptStatus::parse(&row.try_get::<String, _>("status")?)?,
            created_at: row.try_get("created_at")?,
        })
    }
}

const ATTEMPT_SELECT: &str = "select a.id, a.step_id, s.title as step_title, a.user_id, \
       u.name as user_name, a.video_id, a.status, a.created_at \
     from practice_attempts a \
     join practice_steps s on s.id = a.step_id \
     join users u on u.id = a.user_id";

/// Records the attempt whose recording is `video_id`; returns its id.
pub async fn create_attempt<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    step_id: &str,
    user_id: &str,
    video_id: &str,
) -> sqlx::Result<String> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "insert into practice_attempts (id, org_id, step_id, user_id, video_id, status, \
         created_at, updated_at) values ($1, $2, $3, $4, $5, 'waiting', $6, $6)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(step_id)
    .bind(user_id)
    .bind(video_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn attempt_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Attempt>> {
    sqlx::query_as(&format!(
        "{ATTEMPT_SELECT} where a.org_id = $1 and a.id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The attempt whose recording is `video_id`, if it is one.
pub async fn attempt_of_video<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    video_id: &str,
) -> sqlx::Result<Option<Attempt>> {
    sqlx::query_as(&format!(
        "{ATTEMPT_SELECT} where a.org_id = $1 and a.video_id = $2"
    ))
    .bind(org_id)
    .bind(video_id)
    .fetch_optional(db)
    .await
}

/// A learner's attempts at a step, oldest first.
pub async fn attempts_of<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    step_id: &str,
    learner_id: &str,
) -> sqlx::Result<Vec<Attempt>> {
    sqlx::query_as(&format!(
        "{ATTEMPT_SELECT} where a.org_id = $1 and a.step_id = $2 and a.user_id = $3 \
         order by a.created_at, a.id"
    ))
    .bind(org_id)
    .bind(step_id)
    .bind(learner_id)
    .fetch_all(db)
    .await
}

/// Attempts waiting for a review, oldest first: every one in the organisation for a trainer
/// (`reviewer` None), else those whose learner asked `reviewer`.
pub async fn waiting<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    reviewer: Option<&str>,
) -> sqlx::Result<Vec<Attempt>> {
    sqlx::query_as(&format!(
        "{ATTEMPT_SELECT} where a.org_id = $1 and a.status = 'waiting' \
           and ($2 = '' or exists (select 1 from practice_reviewers r \
                                   where r.step_id = a.step_id and r.learner_id = a.user_id \
                                     and r.reviewer_id = $2)) \
         order by a.created_at, a.id limit 200"
    ))
    .bind(org_id)
    .bind(reviewer.unwrap_or_default())
    .fetch_all(db)
    .await
}

/// Whether `user_id` was asked to review `learner_id`'s attempts at `step_id`.
pub async fn is_reviewer<'e>(
    db: impl AnyExecutor<'e>,
    step_id: &str,
    learner_id: &str,
    user_id: &str,
) -> sqlx::Result<bool> {
    let found = sqlx::query(
        "select 1 from practice_reviewers where step_id = $1 and learner_id = $2 \
         and reviewer_id = $3",
    )
    .bind(step_id)
    .bind(learner_id)
    .bind(user_id)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// Someone asked to review a learner's attempts at a step.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Reviewer {
    pub user_id: String,
    pub name: String,
}

/// Asks `reviewer_id` to review `learner_id`'s attempts at `step_id`; false when already asked.
pub async fn add_reviewer<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    step_id: &str,
    learner_id: &str,
    reviewer_id: &str,
    added_by: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "insert into practice_reviewers (org_id, step_id, learner_id, reviewer_id, added_by, \
         created_at) values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
    )
    .bind(org_id)
    .bind(step_id)
    .bind(learner_id)
    .bind(reviewer_id)
    .bind(added_by)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn reviewers<'e>(
    db: impl AnyExecutor<'e>,
    step_id: &str,
    learner_id: &str,
) -> sqlx::Result<Vec<Reviewer>> {
    sqlx::query_as(
        "select r.reviewer_id as user_id, u.name from practice_reviewers r \
         join users u on u.id = r.reviewer_id \
         where r.step_id = $1 and r.learner_id = $2 order by r.created_at, u.name",
    )
    .bind(step_id)
    .bind(learner_id)
    .fetch_all(db)
    .await
}

pub async fn remove_reviewer<'e>(
    db: impl AnyExecutor<'e>,
    step_id: &str,
    learner_id: &str,
    reviewer_id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "delete from practice_reviewers where step_id = $1 and learner_id = $2 \
         and reviewer_id = $3",
    )
    .bind(step_id)
    .bind(learner_id)
    .bind(reviewer_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A reviewer's verdict on an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Feedback only; the attempt stays as it was.
    Comment,
    /// Another attempt is asked for.
    NeedsWork,
    /// Meets the standard: the step is done.
    Done,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Comment => "comment",
            Verdict::NeedsWork => "needs_work",
            Verdict::Done => "done",
        }
    }

    fn parse(word: &str) -> sqlx::Result<Verdict> {
        let all = [Verdict::Comment, Verdict::NeedsWork, Verdict::Done];
        super::from_word(&all, Verdict::as_str, word)
    }
}

/// Scores by criterion id: the level chosen, 0 being the lowest.
pub type Scores = std::collections::BTreeMap<String, usize>;

#[derive(Clone, Debug)]
pub struct Review {
    pub id: String,
    pub attempt_id: String,
    pub reviewer_id: Option<String>,
    pub reviewer_name: Option<String>,
    pub summary: String,
    pub scores: Scores,
    pub verdict: Verdict,
    pub created_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Review {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Review> {
        let scores: String = row.try_get("scores")?;
        Ok(Review {
            id: row.try_get("id")?,
            attempt_id: row.try_get("attempt_id")?,
            reviewer_id: row.try_get("reviewer_id")?,
            reviewer_name: row.try_get("reviewer_name")?,
            summary: row.try_get("summary")?,
            scores: serde_json::from_str(&scores).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            verdict: Verdict::parse(&row.try_get::<String, _>("verdict")?)?,
            created_at: row.try_get("created_at")?,
        })
    }
}

/// Records a review and what its verdict does: `needs_work` and `done` set the attempt's
/// status, and the first `done` completes the step for the learner. Returns the review's id.
pub async fn add_review(
    tx: &mut sqlx::AnyConnection,
    org_id: &str,
    attempt: &Attempt,
    reviewer_id: &str,
    summary: &str,
    scores: &Scores,
    verdict: Verdict,
) -> sqlx::Result<String> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "insert into practice_reviews (id, org_id, attempt_id, reviewer_id, summary, scores, \
         verdict, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(&attempt.id)
    .bind(reviewer_id)
    .bind(summary)
    .bind(serde_json::to_string(scores).expect("scores serialise"))
    .bind(verdict.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let status = match verdict {
        Verdict::Comment => None,
        Verdict::NeedsWork => Some(AttemptStatus::NeedsWork),
        Verdict::Done => Some(AttemptStatus::Done),
    };
    if let Some(status) = status {
        sqlx::query("update practice_attempts set status = $1, updated_at = $2 where id = $3")
            .bind(status.as_str())
            .bind(now)
            .bind(&attempt.id)
            .execute(&mut *tx)
            .await?;
    }
    if verdict == Verdict::Done {
        sqlx::query(
            "insert into practice_done (org_id, step_id, user_id, attempt_id, done_at) \
             values ($1, $2, $3, $4, $5) on conflict do nothing",
        )
        .bind(org_id)
        .bind(&attempt.step_id)
        .bind(&attempt.user_id)
        .bind(&attempt.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(id)
}

/// The reviews of an attempt, oldest first.
pub async fn reviews<'e>(db: impl AnyExecutor<'e>, attempt_id: &str) -> sqlx::Result<Vec<Review>> {
    sqlx::query_as(
        "select r.id, r.attempt_id, r.reviewer_id, u.name as reviewer_name, r.summary, r.scores, \
           r.verdict, r.created_at \
         from practice_reviews r left join users u on u.id = r.reviewer_id \
         where r.attempt_id = $1 order by r.created_at, r.id",
    )
    .bind(attempt_id)
    .fetch_all(db)
    .await
}

/// Where a learner stands on a step: done, or the status of the latest attempt, with the scores
/// of the latest scored review.
#[derive(Clone, Debug, Default)]
pub struct Standing {
    /// None before any attempt.
    pub status: Option<AttemptStatus>,
    pub attempts: i64,
    pub scores: Scores,
}

/// Every learner's standing on every practice step of a playlist, keyed by (step id, user id).
pub async fn standings<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    playlist_id: Option<&str>,
    user_id: Option<&str>,
) -> sqlx::Result<std::collections::HashMap<(String, String), Standing>> {
    // Latest first, so the first row seen per step and learner is the one that counts.
    let rows = sqlx::query(
        "select a.step_id, a.user_id, a.status, \
           (select count(*) from practice_attempts c \
            where c.step_id = a.step_id and c.user_id = a.user_id) as attempts, \
           (select r.scores from practice_reviews r join practice_attempts ra on ra.id = r.attempt_id \
            where ra.step_id = a.step_id and ra.user_id = a.user_id and r.scores <> '{}' \
            order by r.created_at desc, r.id desc limit 1) as scores, \
           (select d.done_at from practice_done d \
            where d.step_id = a.step_id and d.user_id = a.user_id) as done_at \
         from practice_attempts a \
         where a.org_id = $1 \
           and ($2 = '' or a.step_id in (select i.item_id from playlist_items i \
                                         where i.playlist_id = $2 and i.kind = 'practice')) \
           and ($3 = '' or a.user_id = $3) \
         order by a.created_at desc, a.id desc",
    )
    .bind(org_id)
    .bind(playlist_id.unwrap_or_default())
    .bind(user_id.unwrap_or_default())
    .fetch_all(db)
    .await?;
    let mut standings = std::collections::HashMap::new();
    for row in rows {
        let key = (row.try_get("step_id")?, row.try_get("user_id")?);
        if standings.contains_key(&key) {
            continue;
        }
        let done = row.try_get::<Option<i64>, _>("done_at")?.is_some();
        let scores: Option<String> = row.try_get("scores")?;
        standings.insert(
            key,
            Standing {
                status: Some(if done {
                    AttemptStatus::Done
                } else {
                    AttemptStatus::parse(&row.try_get::<String, _>("status")?)?
                }),
                attempts: row.try_get("attempts")?,
                scores: scores
                    .map(|s| serde_json::from_str(&s))
                    .transpose()
                    .map_err(|e| sqlx::Error::Decode(Box::new(e)))?
                    .unwrap_or_default(),
            },
        );
    }
    Ok(standings)
}
