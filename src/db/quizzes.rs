//! Quizzes: their questions (with the answer keys learners never see before submitting),
//! learners' attempts and answers, trainers' marks on free-text answers, and when a person first
//! passed. A quiz is a playlist item, or the questions pinned to moments of one video.

use serde::{Deserialize, Serialize};
use sqlx::{AnyExecutor, Row};

use super::entries::{EntryKind, forget_entry};
use super::{Db, new_id, now_ms};
use crate::learning::quiz::{self, AnswerKey, Choice, QuestionKind, Response};

/// A question, whole: as trainers write and see it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub choices: Vec<Choice>,
    pub key: AnswerKey,
    /// Shown once the question is answered.
    pub feedback: String,
    pub points: i64,
    /// In a video's quiz: the moment that asks it, in milliseconds from the start.
    #[schema(required = true)]
    pub at_ms: Option<i64>,
}

/// A quiz with its questions in order.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Quiz {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The video whose moments ask the questions; null for a playlist quiz.
    #[schema(required = true)]
    pub video_id: Option<String>,
    /// The share of the points that passes, 0 to 100.
    pub pass_percent: i64,
    /// How many attempts a learner may make; 0 for no limit.
    pub max_attempts: i64,
    /// Whether each attempt asks the questions in its own order.
    pub shuffle: bool,
    /// Seconds an attempt may take; null for no limit.
    #[schema(required = true)]
    pub time_limit_s: Option<i64>,
    pub questions: Vec<Question>,
    /// Unix milliseconds.
    pub updated_at: i64,
}

fn json_error(e: serde_json::Error) -> sqlx::Error {
    sqlx::Error::Decode(Box::new(e))
}

fn kind_of(word: &str) -> sqlx::Result<QuestionKind> {
    super::from_word(&QuestionKind::ALL, QuestionKind::as_str, word)
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Question {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Question> {
        let choices: String = row.try_get("choices")?;
        let key: String = row.try_get("answer_key")?;
        Ok(Question {
            id: row.try_get("id")?,
            kind: kind_of(&row.try_get::<String, _>("kind")?)?,
            prompt: row.try_get("prompt")?,
            choices: serde_json::from_str(&choices).map_err(json_error)?,
            key: serde_json::from_str(&key).map_err(json_error)?,
            feedback: row.try_get("feedback")?,
            points: row.try_get("points")?,
            at_ms: row.try_get("at_ms")?,
        })
    }
}

const QUESTION_COLUMNS: &str = "id, kind, prompt, choices, answer_key, feedback, points, at_ms";

/// A quiz's row without its questions.
struct Head {
    id: String,
    title: String,
    description: String,
    video_id: Option<String>,
    pass_percent: i64,
    max_attempts: i64,
    shuffle: i64,
    time_limit_s: Option<i64>,
    updated_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Head {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Head> {
        Ok(Head {
            id: row.try_get("id")?,
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            video_id: row.try_get("video_id")?,
            pass_percent: row.try_get("pass_percent")?,
            max_attempts: row.try_get("max_attempts")?,
            shuffle: row.try_get("shuffle")?,
            time_limit_s: row.try_get("time_limit_s")?,
            updated_at: row.try_get("updated_at")?,
        })
    }
}

const HEAD_COLUMNS: &str = "id, title, description, video_id, pass_percent, max_attempts, \
                            shuffle, time_limit_s, updated_at";

async fn with_questions(pool: &sqlx::AnyPool, head: Head) -> sqlx::Result<Quiz> {
    let questions = sqlx::query_as(&format!(
        "select {QUESTION_COLUMNS} from quiz_questions where quiz_id = $1 order by position, id"
    ))
    .bind(&head.id)
    .fetch_all(pool)
    .await?;
    Ok(Quiz {
        id: head.id,
        title: head.title,
        description: head.description,
        video_id: head.video_id,
        pass_percent: head.pass_percent,
        max_attempts: head.max_attempts,
        shuffle: head.shuffle != 0,
        time_limit_s: head.time_limit_s,
        questions,
        updated_at: head.updated_at,
    })
}

pub async fn quiz_in_org(
    pool: &sqlx::AnyPool,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Quiz>> {
    let head: Option<Head> = sqlx::query_as(&format!(
        "select {HEAD_COLUMNS} from quizzes where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    match head {
        Some(head) => Ok(Some(with_questions(pool, head).await?)),
        None => Ok(None),
    }
}

/// The quiz whose questions are pinned to moments of `video_id`, if it has one.
pub async fn quiz_of_video(
    pool: &sqlx::AnyPool,
    org_id: &str,
    video_id: &str,
) -> sqlx::Result<Option<Quiz>> {
    let id: Option<String> =
        sqlx::query_scalar("select id from quizzes where org_id = $1 and video_id = $2")
            .bind(org_id)
            .bind(video_id)
            .fetch_optional(pool)
            .await?;
    match id {
        Some(id) => quiz_in_org(pool, org_id, &id).await,
        None => Ok(None),
    }
}

/// A quiz in a list.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct QuizSummary {
    pub id: String,
    pub title: String,
    #[schema(required = true)]
    pub video_id: Option<String>,
    pub questions: i64,
    pub pass_percent: i64,
    /// Unix milliseconds.
    pub updated_at: i64,
}

/// The organisation's quizzes, newest first.
pub async fn quizzes<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Vec<QuizSummary>> {
    sqlx::query_as(
        "select q.id, q.title, q.video_id, \
           (select count(*) from quiz_questions qq where qq.quiz_id = q.id) as questions, \
           q.pass_percent, q.updated_at \
         from quizzes q where q.org_id = $1 order by q.created_at desc, q.id",
    )
    .bind(org_id)
    .fetch_all(db)
    .await
}

/// Creates a quiz, or replaces it (with its questions) when `quiz.id` is one of the
/// organisation's. Questions left out are deleted with their answers; questions keep their ids.
pub async fn save_quiz(db: &Db, org_id: &str, created_by: &str, quiz: &Quiz) -> sqlx::Result<()> {
    let now = now_ms();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "insert into quizzes (id, org_id, title, description, video_id, pass_percent, \
           max_attempts, shuffle, time_limit_s, created_by, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) \
         on conflict (id) do update set title = excluded.title, \
           description = excluded.description, pass_percent = excluded.pass_percent, \
           max_attempts = excluded.max_attempts, shuffle = excluded.shuffle, \
           time_limit_s = excluded.time_limit_s, updated_at = excluded.updated_at \
         where quizzes.org_id = excluded.org_id",
    )
    .bind(&quiz.id)
    .bind(org_id)
    .bind(&quiz.title)
    .bind(&quiz.description)
    .bind(&quiz.video_id)
    .bind(quiz.pass_percent)
    .bind(quiz.max_attempts)
    .bind(super::flag(quiz.shuffle))
    .bind(quiz.time_limit_s)
    .bind(created_by)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let kept: Vec<String> = sqlx::query_scalar("select id from quiz_questions where quiz_id = $1")
        .bind(&quiz.id)
        .fetch_all(&mut *tx)
        .await?;
    for id in kept
        .iter()
        .filter(|id| quiz.questions.iter().all(|q| &q.id != *id))
    {
        sqlx::query("delete from quiz_questions where quiz_id = $1 and id = $2")
            .bind(&quiz.id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    for (position, q) in quiz.questions.iter().enumerate() {
        sqlx::query(
            "insert into quiz_questions (id, org_id, quiz_id, position, kind, prompt, choices, \
               answer_key, feedback, points, at_ms) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             on conflict (id) do update set position = excluded.position, kind = excluded.kind, \
               prompt = excluded.prompt, choices = excluded.choices, \
               answer_key = excluded.answer_key, feedback = excluded.feedback, \
               points = excluded.points, at_ms = excluded.at_ms \
             where quiz_questions.quiz_id = excluded.quiz_id",
        )
        .bind(&q.id)
        .bind(org_id)
        .bind(&quiz.id)
        .bind(position as i64)
        .bind(q.kind.as_str())
        .bind(&q.prompt)
        .bind(serde_json::to_string(&q.choices).expect("choices serialise"))
        .bind(serde_json::to_string(&q.key).expect("a key serialises"))
        .bind(&q.feedback)
        .bind(q.points)
        .bind(q.at_ms)
        .execute(&mut *tx)
        .await?;
    }
    if quiz.video_id.is_some() {
        // A video asks every question it has now: open attempts take the new set.
        let order: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
        sqlx::query(
            "update quiz_attempts set question_order = $1 where quiz_id = $2 and status = 'open'",
        )
        .bind(serde_json::to_string(&order).expect("ids serialise"))
        .bind(&quiz.id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Deletes a quiz with its attempts and takes it out of every playlist.
pub async fn delete_quiz(db: &Db, org_id: &str, id: &str) -> sqlx::Result<()> {
    let mut tx = db.pool().begin().await?;
    forget_entry(&mut *tx, org_id, EntryKind::Quiz, id).await?;
    sqlx::query("delete from quizzes where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// open | marking | passed | failed
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuizAttemptStatus {
    /// Being answered.
    Open,
    /// Submitted; a free-text answer waits for a trainer.
    Marking,
    Passed,
    Failed,
}

impl QuizAttemptStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            QuizAttemptStatus::Open => "open",
            QuizAttemptStatus::Marking => "marking",
            QuizAttemptStatus::Passed => "passed",
            QuizAttemptStatus::Failed => "failed",
        }
    }

    pub(crate) fn parse(word: &str) -> sqlx::Result<QuizAttemptStatus> {
        let all = [
            QuizAttemptStatus::Open,
            QuizAttemptStatus::Marking,
            QuizAttemptStatus::Passed,
            QuizAttemptStatus::Failed,
        ];
        super::from_word(&all, QuizAttemptStatus::as_str, word)
    }
}

/// One go at a quiz.
#[derive(Clone, Debug)]
pub struct Attempt {
    pub id: String,
    pub quiz_id: String,
    pub user_id: String,
    /// The question ids in the order this attempt asks them.
    pub order: Vec<String>,
    pub status: QuizAttemptStatus,
    pub score: i64,
    pub max_score: i64,
    pub started_at: i64,
    pub deadline_at: Option<i64>,
    pub submitted_at: Option<i64>,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Attempt {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Attempt> {
        let order: String = row.try_get("question_order")?;
        Ok(Attempt {
            id: row.try_get("id")?,
            quiz_id: row.try_get("quiz_id")?,
            user_id: row.try_get("user_id")?,
            order: serde_json::from_str(&order).map_err(json_error)?,
            status: QuizAttemptStatus::parse(&row.try_get::<String, _>("status")?)?,
            score: row.try_get("score")?,
            max_score: row.try_get("max_score")?,
            started_at: row.try_get("started_at")?,
            deadline_at: row.try_get("deadline_at")?,
            submitted_at: row.try_get("submitted_at")?,
        })
    }
}

const ATTEMPT_COLUMNS: &str = "id, quiz_id, user_id, question_order, status, score, max_score, \
                               started_at, deadline_at, submitted_at";

pub async fn attempt_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Attempt>> {
    sqlx::query_as(&format!(
        "select {ATTEMPT_COLUMNS} from quiz_attempts where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// A learner's attempts at a quiz, oldest first.
pub async fn attempts_of<'e>(
    db: impl AnyExecutor<'e>,
    quiz_id: &str,
    user_id: &str,
) -> sqlx::Result<Vec<Attempt>> {
    sqlx::query_as(&format!(
        "select {ATTEMPT_COLUMNS} from quiz_attempts where quiz_id = $1 and user_id = $2 \
         order by started_at, id"
    ))
    .bind(quiz_id)
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// What starting an attempt came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Start {
    /// The new attempt's id.
    Started(String),
    /// The learner has an open one already (two tabs starting at once): go on with that.
    OpenAlready,
    /// Every attempt the quiz allows is used.
    NoneLeft,
}

/// Starts an attempt asking `order`'s questions, unless the learner has one open or has used
/// `max_attempts` (0: no limit), counted while the quiz's row is held so two starts take turns.
pub async fn start_attempt(
    db: &Db,
    org_id: &str,
    quiz_id: &str,
    user_id: &str,
    order: &[String],
    limits: (i64, Option<i64>),
) -> sqlx::Result<Start> {
    let (max_attempts, time_limit_s) = limits;
    let now = now_ms();
    let mut tx = db.pool().begin().await?;
    // Take the quiz's row first, so two starts take turns (and SQLite writes from the start).
    sqlx::query("update quizzes set updated_at = updated_at where id = $1")
        .bind(quiz_id)
        .execute(&mut *tx)
        .await?;
    let row = sqlx::query(
        "select count(*) as made, \
           count(case when status = 'open' then 1 end) as open \
         from quiz_attempts where quiz_id = $1 and user_id = $2",
    )
    .bind(quiz_id)
    .bind(user_id)
    .fetch_one(&mut *tx)
    .await?;
    if row.try_get::<i64, _>("open")? > 0 {
        return Ok(Start::OpenAlready);
    }
    if max_attempts > 0 && row.try_get::<i64, _>("made")? >= max_attempts {
        return Ok(Start::NoneLeft);
    }
    let id = new_id();
    sqlx::query(
        "insert into quiz_attempts (id, org_id, quiz_id, user_id, question_order, status, \
           started_at, deadline_at, updated_at) values ($1, $2, $3, $4, $5, 'open', $6, $7, $6)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(quiz_id)
    .bind(user_id)
    .bind(serde_json::to_string(order).expect("ids serialise"))
    .bind(now)
    .bind(time_limit_s.map(|s| now + s * 1000))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Start::Started(id))
}

/// Open attempts whose time limit ran out by `now`, at most 100 of them (the oldest first).
pub async fn out_of_time<'e>(db: impl AnyExecutor<'e>, now: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "select id from quiz_attempts where status = 'open' and deadline_at <= $1 \
         order by deadline_at limit 100",
    )
    .bind(now)
    .fetch_all(db)
    .await
}

/// An answer given in an attempt.
#[derive(Clone, Debug)]
pub struct Answer {
    pub question_id: String,
    pub response: Response,
    /// None while a free-text answer waits for a trainer.
    pub correct: Option<bool>,
    pub points: i64,
    pub comment: String,
    pub answered_at: i64,
    pub marked_at: Option<i64>,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Answer {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Answer> {
        let response: String = row.try_get("response")?;
        Ok(Answer {
            question_id: row.try_get("question_id")?,
            response: serde_json::from_str(&response).map_err(json_error)?,
            correct: row.try_get::<Option<i64>, _>("correct")?.map(|c| c != 0),
            points: row.try_get("points")?,
            comment: row.try_get("comment")?,
            answered_at: row.try_get("answered_at")?,
            marked_at: row.try_get("marked_at")?,
        })
    }
}

/// An attempt's answers, in the order they were given.
pub async fn answers<'e>(db: impl AnyExecutor<'e>, attempt_id: &str) -> sqlx::Result<Vec<Answer>> {
    sqlx::query_as(
        "select question_id, response, correct, points, comment, answered_at, marked_at \
         from quiz_answers where attempt_id = $1 order by answered_at, question_id",
    )
    .bind(attempt_id)
    .fetch_all(db)
    .await
}

/// Records an answer while the attempt is open; false when the question was answered already
/// in it or the attempt closed meanwhile (an answer, once its feedback is shown, stands).
pub async fn record_answer(
    db: &Db,
    org_id: &str,
    attempt_id: &str,
    question: &Question,
    response: &Response,
) -> sqlx::Result<bool> {
    let mut tx = db.pool().begin().await?;
    // Hold the attempt's row while it is open, so a submission settling it meanwhile waits for
    // this answer (or this answer for it).
    let open =
        sqlx::query("update quiz_attempts set updated_at = $1 where id = $2 and status = 'open'")
            .bind(now_ms())
            .bind(attempt_id)
            .execute(&mut *tx)
            .await?;
    if open.rows_affected() == 0 {
        return Ok(false);
    }
    let correct = quiz::is_right(question.kind, &question.key, response);
    let points = if correct == Some(true) {
        question.points
    } else {
        0
    };
    let done = sqlx::query(
        "insert into quiz_answers (org_id, attempt_id, question_id, response, correct, points, \
           answered_at) values ($1, $2, $3, $4, $5, $6, $7) \
         on conflict (attempt_id, question_id) do nothing",
    )
    .bind(org_id)
    .bind(attempt_id)
    .bind(&question.id)
    .bind(serde_json::to_string(response).expect("a response serialises"))
    .bind(correct.map(i64::from))
    .bind(points)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// Scores an attempt from its answers (questions not answered score nothing) and closes it:
/// `marking` while a free-text answer waits, else passed or failed against the quiz's pass mark.
/// A pass completes the quiz for the learner. Returns the attempt as it stands, or `None` when it
/// was not open or marking (nothing to do).
pub async fn settle(db: &Db, attempt_id: &str) -> sqlx::Result<Option<Attempt>> {
    score(db, attempt_id, "'open', 'marking'").await
}

/// Scores a submitted attempt again after a trainer's mark; `None` when it is still open.
pub async fn rescore(db: &Db, attempt_id: &str) -> sqlx::Result<Option<Attempt>> {
    score(db, attempt_id, "'marking', 'passed', 'failed'").await
}

/// Settles an attempt whose status is one of `statuses` (an SQL list of words).
async fn score(db: &Db, attempt_id: &str, statuses: &str) -> sqlx::Result<Option<Attempt>> {
    let now = now_ms();
    let mut tx = db.pool().begin().await?;
    // Write first: SQLite then holds the write lock for the whole settling.
    let touched = sqlx::query(&format!(
        "update quiz_attempts set updated_at = $1 where id = $2 and status in ({statuses})"
    ))
    .bind(now)
    .bind(attempt_id)
    .execute(&mut *tx)
    .await?;
    if touched.rows_affected() == 0 {
        return Ok(None);
    }
    let attempt: Attempt = sqlx::query_as(&format!(
        "select {ATTEMPT_COLUMNS} from quiz_attempts where id = $1"
    ))
    .bind(attempt_id)
    .fetch_one(&mut *tx)
    .await?;
    let pass_percent: i64 = sqlx::query_scalar("select pass_percent from quizzes where id = $1")
        .bind(&attempt.quiz_id)
        .fetch_one(&mut *tx)
        .await?;
    let rows = sqlx::query(
        "select q.id, q.points, a.correct, coalesce(a.points, 0) as earned, \
           case when a.question_id is null then 0 else 1 end as answered \
         from quiz_questions q \
         left join quiz_answers a on a.question_id = q.id and a.attempt_id = $1 \
         where q.quiz_id = $2",
    )
    .bind(attempt_id)
    .bind(&attempt.quiz_id)
    .fetch_all(&mut *tx)
    .await?;
    let (mut score, mut max_score, mut waiting) = (0, 0, false);
    for row in &rows {
        let id: String = row.try_get("id")?;
        if !attempt.order.contains(&id) {
            continue;
        }
        max_score += row.try_get::<i64, _>("points")?;
        score += row.try_get::<i64, _>("earned")?;
        let answered = row.try_get::<i64, _>("answered")? == 1;
        waiting |= answered && row.try_get::<Option<i64>, _>("correct")?.is_none();
    }
    let status = if waiting {
        QuizAttemptStatus::Marking
    } else if quiz::passes(score, max_score, pass_percent) {
        QuizAttemptStatus::Passed
    } else {
        QuizAttemptStatus::Failed
    };
    sqlx::query(
        "update quiz_attempts set status = $1, score = $2, max_score = $3, \
           submitted_at = coalesce(submitted_at, $4) where id = $5",
    )
    .bind(status.as_str())
    .bind(score)
    .bind(max_score)
    .bind(now)
    .bind(attempt_id)
    .execute(&mut *tx)
    .await?;
    if status == QuizAttemptStatus::Passed {
        sqlx::query(
            "insert into quiz_passed (org_id, quiz_id, user_id, attempt_id, passed_at) \
             select org_id, quiz_id, user_id, id, $1 from quiz_attempts where id = $2 \
             on conflict (quiz_id, user_id) do nothing",
        )
        .bind(now)
        .bind(attempt_id)
        .execute(&mut *tx)
        .await?;
    } else {
        // A trainer's mark took this attempt's pass back: the quiz stays passed only through
        // another attempt that passed.
        let taken_back = sqlx::query("delete from quiz_passed where attempt_id = $1")
            .bind(attempt_id)
            .execute(&mut *tx)
            .await?;
        if taken_back.rows_affected() > 0 {
            sqlx::query(
                "insert into quiz_passed (org_id, quiz_id, user_id, attempt_id, passed_at) \
                 select org_id, quiz_id, user_id, id, submitted_at from quiz_attempts \
                 where quiz_id = $1 and user_id = $2 and status = 'passed' \
                 order by submitted_at, id limit 1",
            )
            .bind(&attempt.quiz_id)
            .bind(&attempt.user_id)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(Some(Attempt {
        status,
        score,
        max_score,
        submitted_at: Some(attempt.submitted_at.unwrap_or(now)),
        ..attempt
    }))
}

/// A trainer's mark on a free-text answer; false when there is no such answer.
pub async fn mark_answer<'e>(
    db: impl AnyExecutor<'e>,
    attempt_id: &str,
    question_id: &str,
    correct: bool,
    points: i64,
    comment: &str,
    marker_id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update quiz_answers set correct = $1, points = $2, comment = $3, marked_by = $4, \
           marked_at = $5 where attempt_id = $6 and question_id = $7",
    )
    .bind(i64::from(correct))
    .bind(points)
    .bind(comment)
    .bind(marker_id)
    .bind(now_ms())
    .bind(attempt_id)
    .bind(question_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A free-text answer waiting for a trainer.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Unmarked {
    pub attempt_id: String,
    pub quiz_id: String,
    pub quiz_title: String,
    pub learner_id: String,
    pub learner_name: String,
    pub question_id: String,
    pub prompt: String,
    /// The most the answer may earn.
    pub points: i64,
    pub text: String,
    /// Unix milliseconds.
    pub answered_at: i64,
}

/// Free-text answers of submitted attempts waiting for a trainer, oldest first.
pub async fn unmarked<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Vec<Unmarked>> {
    let rows = sqlx::query(
        "select a.attempt_id, t.quiz_id, z.title as quiz_title, t.user_id, u.name, \
           a.question_id, q.prompt, q.points, a.response, a.answered_at \
         from quiz_answers a \
         join quiz_attempts t on t.id = a.attempt_id \
         join quizzes z on z.id = t.quiz_id \
         join quiz_questions q on q.id = a.question_id \
         join users u on u.id = t.user_id \
         where a.org_id = $1 and a.correct is null and t.status = 'marking' \
         order by a.answered_at, a.attempt_id limit 200",
    )
    .bind(org_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let response: Response =
                serde_json::from_str(&row.try_get::<String, _>("response")?).map_err(json_error)?;
            Ok(Unmarked {
                attempt_id: row.try_get("attempt_id")?,
                quiz_id: row.try_get("quiz_id")?,
                quiz_title: row.try_get("quiz_title")?,
                learner_id: row.try_get("user_id")?,
                learner_name: row.try_get("name")?,
                question_id: row.try_get("question_id")?,
                prompt: row.try_get("prompt")?,
                points: row.try_get("points")?,
                text: response.text.unwrap_or_default(),
                answered_at: row.try_get("answered_at")?,
            })
        })
        .collect()
}

/// When `user_id` first passed a quiz, if they did.
pub async fn passed_at<'e>(
    db: impl AnyExecutor<'e>,
    quiz_id: &str,
    user_id: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select passed_at from quiz_passed where quiz_id = $1 and user_id = $2")
        .bind(quiz_id)
        .bind(user_id)
        .fetch_optional(db)
        .await
}

/// One person's record on a quiz, for reports.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Standing {
    pub quiz_id: String,
    pub quiz_title: String,
    pub user_id: String,
    pub name: String,
    pub email: String,
    /// Submitted attempts.
    pub attempts: i64,
    /// The best score of a submitted attempt, in points.
    pub best_score: i64,
    pub max_score: i64,
    /// Unix milliseconds; null until passed.
    #[schema(required = true)]
    pub passed_at: Option<i64>,
    /// Unix milliseconds of the last submitted attempt.
    pub last_submitted_at: i64,
}

/// Everyone's record on a quiz (on every quiz of the organisation when `quiz_id` is None), of
/// one person when `user_id` is given; by quiz, then name.
pub async fn standings<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    quiz_id: Option<&str>,
    user_id: Option<&str>,
) -> sqlx::Result<Vec<Standing>> {
    sqlx::query_as(
        "select t.quiz_id, z.title as quiz_title, t.user_id, u.name, u.email, \
           count(*) as attempts, max(t.score) as best_score, max(t.max_score) as max_score, \
           (select p.passed_at from quiz_passed p \
            where p.quiz_id = t.quiz_id and p.user_id = t.user_id) as passed_at, \
           max(t.submitted_at) as last_submitted_at \
         from quiz_attempts t \
         join quizzes z on z.id = t.quiz_id \
         join users u on u.id = t.user_id \
         where t.org_id = $1 and t.submitted_at is not null \
           and ($2 = '' or t.quiz_id = $2) and ($3 = '' or t.user_id = $3) \
         group by t.quiz_id, z.title, t.user_id, u.name, u.email \
         order by z.title, t.quiz_id, u.name, u.email",
    )
    .bind(org_id)
    .bind(quiz_id.unwrap_or_default())
    .bind(user_id.unwrap_or_default())
    .fetch_all(db)
    .await
}

/// How many attempts at a quiz were submitted.
pub async fn submitted_attempts<'e>(db: impl AnyExecutor<'e>, quiz_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from quiz_attempts where quiz_id = $1 and status <> 'open'")
        .bind(quiz_id)
        .fetch_one(db)
        .await
}

/// One answer of a submitted attempt, for question statistics.
pub struct GivenAnswer {
    pub question_id: String,
    pub response: Response,
    pub correct: Option<bool>,
}

/// Every answer given in submitted attempts at a quiz.
pub async fn given_answers<'e>(
    db: impl AnyExecutor<'e>,
    quiz_id: &str,
) -> sqlx::Result<Vec<GivenAnswer>> {
    let rows = sqlx::query(
        "select a.question_id, a.response, a.correct from quiz_answers a \
         join quiz_attempts t on t.id = a.attempt_id \
         where t.quiz_id = $1 and t.status <> 'open'",
    )
    .bind(quiz_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(GivenAnswer {
                question_id: row.try_get("question_id")?,
                response: serde_json::from_str(&row.try_get::<String, _>("response")?)
                    .map_err(json_error)?,
                correct: row.try_get::<Option<i64>, _>("correct")?.map(|c| c != 0),
            })
        })
        .collect()
}
