//! Quizzes: trainers write them (questions of six kinds, feedback, a pass mark, attempts
//! allowed, shuffling, a time limit) as playlist items or as questions pinned to moments of a
//! video; learners take them one answer at a time. Answers are checked here: a learner sees a
//! question's feedback once they answered it, and the right answers only once they passed or
//! have no attempts left. Trainers mark free-text answers; their reports are in [`super::quiz_reports`].

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, RequiredRole, Trainer};
use super::error::{ErrorBody, text_field};
use super::{ApiError, AppState, Json};
use crate::db::notifications::{self, Kind, Notice};
use crate::db::quizzes::{
    self, Answer, Attempt, Question, Quiz, QuizAttemptStatus, QuizSummary, Start,
};
use crate::learning::quiz::{self as rules, AnswerKey, Choice, QuestionKind, Response};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_quizzes, create_quiz))
        .routes(routes!(get_quiz, update_quiz, delete_quiz))
        .routes(routes!(edit_quiz))
        .routes(routes!(start_attempt))
        .routes(routes!(get_quiz_attempt))
        .routes(routes!(answer_question))
        .routes(routes!(submit_attempt))
        .routes(routes!(marking_queue))
        .routes(routes!(mark_answer))
        .routes(routes!(video_questions))
        .routes(routes!(answer_video_question))
}

const MAX_QUESTIONS: usize = 100;
const MAX_CHOICES: usize = 12;
const MAX_POINTS: i64 = 100;

/// A question as its editor sends it.
#[derive(Deserialize, ToSchema)]
pub struct QuestionFields {
    /// Keep a question's id when editing, so answers given before still count; new ones leave
    /// it out.
    pub id: Option<String>,
    pub kind: QuestionKind,
    #[schema(min_length = 1, max_length = 2000)]
    pub prompt: String,
    /// Single and multiple choice: 2 to 12 choices. Keep their ids when editing.
    #[serde(default)]
    #[schema(max_items = 12)]
    pub choices: Vec<Choice>,
    /// The right answer (left empty for free text).
    #[serde(default)]
    pub key: AnswerKey,
    /// Shown once the question is answered.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub feedback: String,
    /// 1 when left out.
    #[schema(minimum = 1, maximum = 100)]
    pub points: Option<i64>,
    /// In a video's quiz: the moment that asks it, in milliseconds from the start.
    #[schema(minimum = 0)]
    pub at_ms: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
pub struct QuizFields {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub description: String,
    /// Pin the questions to moments of this video (set when creating; a video has at most one
    /// quiz). Left out for a playlist quiz.
    pub video_id: Option<String>,
    /// The share of the points that passes, 0 to 100.
    #[schema(minimum = 0, maximum = 100)]
    pub pass_percent: i64,
    /// 0 (no limit) to 100.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 100)]
    pub max_attempts: i64,
    #[serde(default)]
    pub shuffle: bool,
    /// 30 seconds to a day; no limit when left out.
    #[schema(minimum = 30, maximum = 86400)]
    pub time_limit_s: Option<i64>,
    #[schema(min_items = 1, max_items = 100)]
    pub questions: Vec<QuestionFields>,
}

/// The id a question or choice keeps: its own when it sends one of `known` (the quiz's
/// questions, the question's choices) not yet `taken`; a new one otherwise.
fn kept_id(id: Option<&str>, known: &[&str], taken: &[&str]) -> String {
    id.filter(|id| known.contains(id) && !taken.contains(id))
        .map_or_else(crate::db::new_id, str::to_owned)
}

/// A question as it will be stored, checked.
fn checked_question(
    fields: QuestionFields,
    current: &[Question],
    taken: &[&str],
    video_ms: Option<Option<i64>>,
) -> Result<Question, ApiError> {
    let known: Vec<&str> = current.iter().map(|q| q.id.as_str()).collect();
    let id = kept_id(fields.id.as_deref(), &known, taken);
    let known_choices: Vec<&str> = current
        .iter()
        .find(|q| q.id == id)
        .map(|q| q.choices.iter().map(|c| c.id.as_str()).collect())
        .unwrap_or_default();
    let prompt = text_field(&fields.prompt, "a question", 2000, true)?;
    let feedback = text_field(&fields.feedback, "a question's feedback", 2000, false)?;
    if fields.choices.len() > MAX_CHOICES {
        return Err(ApiError::invalid(format!(
            "a question has at most {MAX_CHOICES} choices"
        )));
    }
    let mut choices: Vec<Choice> = Vec::with_capacity(fields.choices.len());
    for choice in fields.choices {
        let text = text_field(&choice.text, "a choice", 500, true)?;
        let taken: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
        choices.push(Choice {
            id: kept_id(Some(&choice.id), &known_choices, &taken),
            text,
        });
    }
    let key = rules::checked_key(fields.kind, &choices, &fields.key)
        .map_err(|why| ApiError::invalid(format!("“{prompt}”: {why}")))?;
    let points = fields.points.unwrap_or(1);
    if !(1..=MAX_POINTS).contains(&points) {
        return Err(ApiError::invalid(format!(
            "a question is worth 1 to {MAX_POINTS} points"
        )));
    }
    let at_ms = match video_ms {
        None => None,
        Some(duration_ms) => {
            let at = fields.at_ms.ok_or_else(|| {
                ApiError::invalid(format!(
                    "“{prompt}”: say at which moment of the video it asks"
                ))
            })?;
            if at < 0 || duration_ms.is_some_and(|d| at > d) {
                return Err(ApiError::invalid(format!(
                    "“{prompt}”: its moment is not within the video"
                )));
            }
            Some(at)
        }
    };
    Ok(Question {
        id,
        kind: fields.kind,
        prompt,
        choices,
        key,
        feedback,
        points,
        at_ms,
    })
}

/// A quiz as it will be stored, checked. `video_id` is the video it belongs to, fixed at
/// creation.
async fn checked_quiz(
    state: &AppState,
    org_id: &str,
    id: String,
    video_id: Option<String>,
    current: &[Question],
    fields: QuizFields,
) -> Result<Quiz, ApiError> {
    let title = text_field(&fields.title, "a quiz's title", 200, true)?;
    let description = text_field(&fields.description, "the description", 5000, false)?;
    if !(0..=100).contains(&fields.pass_percent) {
        return Err(ApiError::invalid("the pass mark is 0 to 100 percent"));
    }
    if !(0..=100).contains(&fields.max_attempts) {
        return Err(ApiError::invalid(
            "attempts allowed are 0 (no limit) to 100",
        ));
    }
    if fields
        .time_limit_s
        .is_some_and(|s| !(30..=86_400).contains(&s))
    {
        return Err(ApiError::invalid(
            "a time limit is 30 seconds to a day (86400 seconds)",
        ));
    }
    if fields.questions.is_empty() || fields.questions.len() > MAX_QUESTIONS {
        return Err(ApiError::invalid(format!(
            "a quiz has 1 to {MAX_QUESTIONS} questions"
        )));
    }
    let video_ms = match &video_id {
        None => None,
        Some(video_id) => match crate::db::videos::in_org(state.db.pool(), org_id, video_id).await?
        {
            Some(video) if !video.private => Some(video.duration_ms),
            _ => return Err(ApiError::invalid("the video is not one of the library's")),
        },
    };
    let mut questions: Vec<Question> = Vec::with_capacity(fields.questions.len());
    for question in fields.questions {
        let taken: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        questions.push(checked_question(question, current, &taken, video_ms)?);
    }
    // A video asks its questions in the order of their moments.
    questions.sort_by_key(|q| q.at_ms.unwrap_or(0));
    Ok(Quiz {
        id,
        title,
        description,
        video_id,
        pass_percent: fields.pass_percent,
        max_attempts: fields.max_attempts,
        shuffle: fields.shuffle,
        time_limit_s: fields.time_limit_s,
        questions,
        updated_at: crate::db::now_ms(),
    })
}

#[derive(Serialize, ToSchema)]
pub struct QuizList {
    pub items: Vec<QuizSummary>,
}

/// The organisation's quizzes, newest first. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/quizzes", tag = "quizzes",
    responses((status = 200, body = QuizList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list_quizzes(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<QuizList>, ApiError> {
    let items = quizzes::quizzes(state.db.pool(), &caller.org.id).await?;
    Ok(Json(QuizList { items }))
}

/// Write a quiz: put it in a playlist as an item of kind `quiz`, or give `video_id` to pin its
/// questions to moments of that video. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/quizzes", tag = "quizzes", request_body = QuizFields,
    responses((status = 201, body = Quiz), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_quiz(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(mut fields): Json<QuizFields>,
) -> Result<(StatusCode, Json<Quiz>), ApiError> {
    let video_id = fields.video_id.take().filter(|id| !id.is_empty());
    let quiz = checked_quiz(
        &state,
        &caller.org.id,
        crate::db::new_id(),
        video_id,
        &[],
        fields,
    )
    .await?;
    if let Some(video_id) = &quiz.video_id
        && quizzes::quiz_of_video(state.db.pool(), &caller.org.id, video_id)
            .await?
            .is_some()
    {
        return Err(ApiError::Conflict(
            "this video has its questions already; change those".into(),
        ));
    }
    match quizzes::save_quiz(&state.db, &caller.org.id, &caller.user.id, &quiz).await {
        Err(e) if crate::db::is_unique_violation(&e) => Err(ApiError::Conflict(
            "this video has its questions already; change those".into(),
        )),
        other => other
            .map(|()| (StatusCode::CREATED, Json(quiz)))
            .map_err(Into::into),
    }
}

/// A quiz whole, with its answer keys, to edit. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/quizzes/{quiz_id}/edit", tag = "quizzes",
    params(("quiz_id" = String, Path)),
    responses((status = 200, body = Quiz), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn edit_quiz(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(quiz_id): Path<String>,
) -> Result<Json<Quiz>, ApiError> {
    let quiz = quizzes::quiz_in_org(state.db.pool(), &caller.org.id, &quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(quiz))
}

/// Change a quiz (the whole of it; its video stays). Questions and choices keep their ids when
/// sent with them; questions left out are deleted with their answers. Trainers and admins.
#[utoipa::path(put, path = "/api/v1/quizzes/{quiz_id}", tag = "quizzes", request_body = QuizFields,
    params(("quiz_id" = String, Path)),
    responses((status = 200, body = Quiz), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_quiz(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(quiz_id): Path<String>,
    Json(fields): Json<QuizFields>,
) -> Result<Json<Quiz>, ApiError> {
    let current = quizzes::quiz_in_org(state.db.pool(), &caller.org.id, &quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let quiz = checked_quiz(
        &state,
        &caller.org.id,
        current.id.clone(),
        current.video_id.clone(),
        &current.questions,
        fields,
    )
    .await?;
    quizzes::save_quiz(&state.db, &caller.org.id, &caller.user.id, &quiz).await?;
    Ok(Json(quiz))
}

/// Delete a quiz with its attempts; it leaves every playlist. Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/quizzes/{quiz_id}", tag = "quizzes",
    params(("quiz_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_quiz(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(quiz_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let quiz = quizzes::quiz_in_org(state.db.pool(), &caller.org.id, &quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    quizzes::delete_quiz(&state.db, &caller.org.id, &quiz.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An attempt in a list.
#[derive(Serialize, ToSchema)]
pub struct QuizAttemptSummary {
    pub id: String,
    pub status: QuizAttemptStatus,
    pub score: i64,
    pub max_score: i64,
    /// Unix milliseconds.
    pub started_at: i64,
    #[schema(required = true)]
    pub submitted_at: Option<i64>,
}

impl From<&Attempt> for QuizAttemptSummary {
    fn from(a: &Attempt) -> QuizAttemptSummary {
        QuizAttemptSummary {
            id: a.id.clone(),
            status: a.status,
            score: a.score,
            max_score: a.max_score,
            started_at: a.started_at,
            submitted_at: a.submitted_at,
        }
    }
}

/// A quiz as a learner sees it before starting: no questions, no answers.
#[derive(Serialize, ToSchema)]
pub struct QuizView {
    pub id: String,
    pub title: String,
    pub description: String,
    #[schema(required = true)]
    pub video_id: Option<String>,
    pub questions: usize,
    pub pass_percent: i64,
    /// 0 for no limit.
    pub max_attempts: i64,
    #[schema(required = true)]
    pub time_limit_s: Option<i64>,
    /// The caller's attempts, oldest first.
    pub my_attempts: Vec<QuizAttemptSummary>,
    /// Unix milliseconds: when the caller first passed; null until then.
    #[schema(required = true)]
    pub passed_at: Option<i64>,
    /// Whether the caller may start another attempt (or has one open to go on with).
    pub can_attempt: bool,
}

/// Settles an open attempt whose time ran out; the attempt as it stands.
async fn current(state: &AppState, attempt: Attempt) -> Result<Attempt, ApiError> {
    let expired = attempt.status == QuizAttemptStatus::Open
        && attempt
            .deadline_at
            .is_some_and(|deadline| deadline <= crate::db::now_ms());
    if expired && let Some(settled) = quizzes::settle(&state.db, &attempt.id).await? {
        return Ok(settled);
    }
    Ok(attempt)
}

/// A quiz: its pass mark, limits and the caller's attempts. Never its questions' answers. Any
/// signed-in person of the organisation.
#[utoipa::path(get, path = "/api/v1/quizzes/{quiz_id}", tag = "quizzes",
    params(("quiz_id" = String, Path)),
    responses((status = 200, body = QuizView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_quiz(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(quiz_id): Path<String>,
) -> Result<Json<QuizView>, ApiError> {
    let pool = state.db.pool();
    let quiz = quizzes::quiz_in_org(pool, &caller.org.id, &quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut attempts = Vec::new();
    for attempt in quizzes::attempts_of(pool, &quiz.id, &caller.user.id).await? {
        attempts.push(current(&state, attempt).await?);
    }
    let passed_at = quizzes::passed_at(pool, &quiz.id, &caller.user.id).await?;
    Ok(Json(QuizView {
        can_attempt: may_attempt(&quiz, &attempts),
        id: quiz.id,
        title: quiz.title,
        description: quiz.description,
        video_id: quiz.video_id,
        questions: quiz.questions.len(),
        pass_percent: quiz.pass_percent,
        max_attempts: quiz.max_attempts,
        time_limit_s: quiz.time_limit_s,
        my_attempts: attempts.iter().map(QuizAttemptSummary::from).collect(),
        passed_at,
    }))
}

/// Whether a learner with `attempts` may go on: an open attempt, or attempts left.
fn may_attempt(quiz: &Quiz, attempts: &[Attempt]) -> bool {
    attempts.iter().any(|a| a.status == QuizAttemptStatus::Open)
        || quiz.max_attempts == 0
        || (attempts.len() as i64) < quiz.max_attempts
}

/// A learner's answer as the attempt shows it.
#[derive(Serialize, ToSchema)]
pub struct GivenAnswer {
    pub response: Response,
    /// Null while a free-text answer waits for a trainer.
    #[schema(required = true)]
    pub correct: Option<bool>,
    pub points: i64,
    /// A trainer's word on a free-text answer.
    pub comment: String,
}

/// A question as an attempt asks it: its right answer only once the attempt is submitted.
#[derive(Serialize, ToSchema)]
pub struct AskedQuestion {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub choices: Vec<Choice>,
    pub points: i64,
    #[schema(required = true)]
    pub at_ms: Option<i64>,
    /// The caller's answer; null until given.
    #[schema(required = true)]
    pub answer: Option<GivenAnswer>,
    /// The question's feedback, once answered.
    #[schema(required = true)]
    pub feedback: Option<String>,
    /// The right answer: for the learner once they passed the quiz or have no attempts left
    /// (never while they may try again), for trainers once the attempt is submitted.
    #[schema(required = true)]
    pub key: Option<AnswerKey>,
}

/// Whether `viewer` may read the right answers of a learner's `attempt`: a trainer (not the
/// learner) once it is submitted; the learner once they passed the quiz or have no attempts
/// left — never while they may still try again, or submitting blank would give the answers away.
async fn keys_shown(
    state: &AppState,
    quiz: &Quiz,
    attempt: &Attempt,
    viewer_is_trainer: bool,
) -> Result<bool, ApiError> {
    if attempt.status == QuizAttemptStatus::Open {
        return Ok(false);
    }
    let pool = state.db.pool();
    if viewer_is_trainer {
        return Ok(true);
    }
    if quizzes::passed_at(pool, &quiz.id, &attempt.user_id)
        .await?
        .is_some()
    {
        return Ok(true);
    }
    let made = quizzes::attempts_of(pool, &quiz.id, &attempt.user_id)
        .await?
        .len() as i64;
    Ok(quiz.max_attempts > 0 && made >= quiz.max_attempts)
}

fn asked(question: &Question, answer: Option<&Answer>, show_key: bool) -> AskedQuestion {
    AskedQuestion {
        id: question.id.clone(),
        kind: question.kind,
        prompt: question.prompt.clone(),
        choices: question.choices.clone(),
        points: question.points,
        at_ms: question.at_ms,
        answer: answer.map(|a| GivenAnswer {
            response: a.response.clone(),
            correct: a.correct,
            points: a.points,
            comment: a.comment.clone(),
        }),
        feedback: answer.map(|_| question.feedback.clone()),
        key: show_key.then(|| question.key.clone()),
    }
}

/// One attempt with its questions in the order it asks them.
#[derive(Serialize, ToSchema)]
pub struct QuizAttemptView {
    pub id: String,
    pub quiz_id: String,
    pub quiz_title: String,
    pub learner_id: String,
    pub status: QuizAttemptStatus,
    pub score: i64,
    pub max_score: i64,
    pub pass_percent: i64,
    /// Unix milliseconds.
    pub started_at: i64,
    /// When the time limit runs out; answers sent later are not taken.
    #[schema(required = true)]
    pub deadline_at: Option<i64>,
    #[schema(required = true)]
    pub submitted_at: Option<i64>,
    pub questions: Vec<AskedQuestion>,
}

/// An attempt as `viewer` sees it (the right answers per [`keys_shown`]).
async fn attempt_view<R: RequiredRole>(
    state: &AppState,
    viewer: &Caller<R>,
    quiz: &Quiz,
    attempt: &Attempt,
) -> Result<QuizAttemptView, ApiError> {
    let answers = quizzes::answers(state.db.pool(), &attempt.id).await?;
    let trainer = viewer.is_trainer() && viewer.user.id != attempt.user_id;
    let submitted = keys_shown(state, quiz, attempt, trainer).await?;
    let questions = attempt
        .order
        .iter()
        .filter_map(|id| quiz.questions.iter().find(|q| &q.id == id))
        .map(|q| {
            let answer = answers.iter().find(|a| a.question_id == q.id);
            asked(q, answer, submitted)
        })
        .collect();
    Ok(QuizAttemptView {
        id: attempt.id.clone(),
        quiz_id: quiz.id.clone(),
        quiz_title: quiz.title.clone(),
        learner_id: attempt.user_id.clone(),
        status: attempt.status,
        score: attempt.score,
        max_score: attempt.max_score,
        pass_percent: quiz.pass_percent,
        started_at: attempt.started_at,
        deadline_at: attempt.deadline_at,
        submitted_at: attempt.submitted_at,
        questions,
    })
}

/// The caller's open attempt at a quiz, started when they have none (and attempts left).
async fn open_attempt<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    quiz: &Quiz,
) -> Result<Attempt, ApiError> {
    let pool = state.db.pool();
    for _ in 0..2 {
        let mut attempts = Vec::new();
        for attempt in quizzes::attempts_of(pool, &quiz.id, &caller.user.id).await? {
            attempts.push(current(state, attempt).await?);
        }
        if let Some(open) = attempts
            .iter()
            .find(|a| a.status == QuizAttemptStatus::Open)
        {
            return Ok(open.clone());
        }
        let mut order: Vec<String> = quiz.questions.iter().map(|q| q.id.clone()).collect();
        if quiz.shuffle && quiz.video_id.is_none() {
            use rand::seq::SliceRandom;
            order.shuffle(&mut rand::thread_rng());
        }
        let deadline = quiz.time_limit_s.filter(|_| quiz.video_id.is_none());
        let started = quizzes::start_attempt(
            &state.db,
            &caller.org.id,
            &quiz.id,
            &caller.user.id,
            &order,
            (quiz.max_attempts, deadline),
        )
        .await?;
        match started {
            Start::Started(id) => {
                if let Some(attempt) = quizzes::attempt_in_org(pool, &caller.org.id, &id).await? {
                    return Ok(attempt);
                }
            }
            Start::NoneLeft => {
                return Err(ApiError::Conflict(format!(
                    "you have used all {} attempts at this quiz",
                    quiz.max_attempts
                )));
            }
            // Another request started one meanwhile: read that one.
            Start::OpenAlready => {}
        }
    }
    Err(ApiError::Conflict(
        "an attempt is being started elsewhere; try again".into(),
    ))
}

/// Start an attempt at a quiz, or go on with the open one. 409 when no attempts are left. Any
/// signed-in person of the organisation.
#[utoipa::path(post, path = "/api/v1/quizzes/{quiz_id}/attempts", tag = "quizzes",
    params(("quiz_id" = String, Path)),
    responses((status = 200, body = QuizAttemptView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn start_attempt(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(quiz_id): Path<String>,
) -> Result<Json<QuizAttemptView>, ApiError> {
    let quiz = quizzes::quiz_in_org(state.db.pool(), &caller.org.id, &quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let attempt = open_attempt(&state, &caller, &quiz).await?;
    Ok(Json(attempt_view(&state, &caller, &quiz, &attempt).await?))
}

/// An attempt with its quiz, for its learner or a trainer; 404 for anyone else.
async fn attempt_for<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    attempt_id: &str,
    learner_only: bool,
) -> Result<(Quiz, Attempt), ApiError> {
    let pool = state.db.pool();
    let attempt = quizzes::attempt_in_org(pool, &caller.org.id, attempt_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let own = attempt.user_id == caller.user.id;
    if !own && (learner_only || !caller.is_trainer()) {
        return Err(ApiError::NotFound);
    }
    let quiz = quizzes::quiz_in_org(pool, &caller.org.id, &attempt.quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let attempt = current(state, attempt).await?;
    Ok((quiz, attempt))
}

/// An attempt: its questions, the answers given with their feedback, and once submitted the
/// score and right answers. Its learner, trainers and admins.
#[utoipa::path(get, path = "/api/v1/quiz-attempts/{quiz_attempt_id}", tag = "quizzes",
    params(("quiz_attempt_id" = String, Path)),
    responses((status = 200, body = QuizAttemptView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_quiz_attempt(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(attempt_id): Path<String>,
) -> Result<Json<QuizAttemptView>, ApiError> {
    let (quiz, attempt) = attempt_for(&state, &caller, &attempt_id, false).await?;
    Ok(Json(attempt_view(&state, &caller, &quiz, &attempt).await?))
}

/// The verdict on one answer, shown right after it is given.
#[derive(Serialize, ToSchema)]
pub struct AnswerResult {
    pub question_id: String,
    /// Null for free text, which a trainer marks.
    #[schema(required = true)]
    pub correct: Option<bool>,
    pub points: i64,
    pub feedback: String,
    /// Where the attempt stands: a video's attempt closes itself once every question is
    /// answered.
    pub attempt_status: QuizAttemptStatus,
    pub attempt_id: String,
}

/// Records an answer in an open attempt and settles a video's attempt once all is answered.
async fn answer(
    state: &AppState,
    org_id: &str,
    quiz: &Quiz,
    attempt: &Attempt,
    question_id: &str,
    response: Response,
) -> Result<AnswerResult, ApiError> {
    if attempt.status != QuizAttemptStatus::Open {
        return Err(ApiError::Conflict(
            "this attempt is submitted; start another".into(),
        ));
    }
    let question = attempt
        .order
        .iter()
        .any(|id| id == question_id)
        .then(|| quiz.questions.iter().find(|q| q.id == question_id))
        .flatten()
        .ok_or(ApiError::NotFound)?;
    rules::fits(question.kind, &question.choices, &response).map_err(ApiError::invalid)?;
    let response = rules::kept(question.kind, response);
    let pool = state.db.pool();
    if !quizzes::record_answer(&state.db, org_id, &attempt.id, question, &response).await? {
        return Err(ApiError::Conflict(
            "this question is answered already in this attempt".into(),
        ));
    }
    let answers = quizzes::answers(pool, &attempt.id).await?;
    let given = answers
        .iter()
        .find(|a| a.question_id == question.id)
        .ok_or(ApiError::NotFound)?;
    let mut status = QuizAttemptStatus::Open;
    let still_asked = attempt
        .order
        .iter()
        .filter(|id| quiz.questions.iter().any(|q| &q.id == *id))
        .count();
    if quiz.video_id.is_some()
        && answers.len() >= still_asked
        && let Some(settled) = quizzes::settle(&state.db, &attempt.id).await?
    {
        status = settled.status;
    }
    Ok(AnswerResult {
        question_id: question.id.clone(),
        correct: given.correct,
        points: given.points,
        feedback: question.feedback.clone(),
        attempt_status: status,
        attempt_id: attempt.id.clone(),
    })
}

/// Answer one question of the caller's open attempt: the answer stands once given, and its
/// feedback (right or wrong, and why) comes back. 409 once the time limit ran out or the
/// question was answered. The attempt's learner.
#[utoipa::path(put, path = "/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}", tag = "quizzes",
    request_body = Response,
    params(("quiz_attempt_id" = String, Path), ("question_id" = String, Path)),
    responses((status = 200, body = AnswerResult), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn answer_question(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path((attempt_id, question_id)): Path<(String, String)>,
    Json(response): Json<Response>,
) -> Result<Json<AnswerResult>, ApiError> {
    let (quiz, attempt) = attempt_for(&state, &caller, &attempt_id, true).await?;
    if attempt.status != QuizAttemptStatus::Open && attempt.deadline_at.is_some() {
        return Err(ApiError::Conflict(
            "time is up: this attempt was submitted with the answers given".into(),
        ));
    }
    let result = answer(
        &state,
        &caller.org.id,
        &quiz,
        &attempt,
        &question_id,
        response,
    )
    .await?;
    Ok(Json(result))
}

/// Submit an attempt: questions left unanswered score nothing. The score and pass or fail come
/// back (with a free-text answer it waits for a trainer's mark), and the right answers once the
/// learner passed or has no attempts left. The attempt's learner.
#[utoipa::path(post, path = "/api/v1/quiz-attempts/{quiz_attempt_id}/submit", tag = "quizzes",
    params(("quiz_attempt_id" = String, Path)),
    responses((status = 200, body = QuizAttemptView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn submit_attempt(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(attempt_id): Path<String>,
) -> Result<Json<QuizAttemptView>, ApiError> {
    let (quiz, mut attempt) = attempt_for(&state, &caller, &attempt_id, true).await?;
    if attempt.status == QuizAttemptStatus::Open
        && let Some(settled) = quizzes::settle(&state.db, &attempt.id).await?
    {
        attempt = settled;
    }
    Ok(Json(attempt_view(&state, &caller, &quiz, &attempt).await?))
}

#[derive(Serialize, ToSchema)]
pub struct MarkingQueue {
    /// Oldest first.
    pub items: Vec<quizzes::Unmarked>,
}

/// Free-text answers waiting for a mark, oldest first. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/quiz-marking", tag = "quizzes",
    responses((status = 200, body = MarkingQueue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn marking_queue(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<MarkingQueue>, ApiError> {
    let items = quizzes::unmarked(state.db.pool(), &caller.org.id).await?;
    Ok(Json(MarkingQueue { items }))
}

#[derive(Deserialize, ToSchema)]
pub struct Mark {
    /// Whether the answer is right.
    pub correct: bool,
    /// The points it earns, up to the question's; all of them when right and left out, none
    /// when wrong.
    #[schema(minimum = 0, maximum = 100)]
    pub points: Option<i64>,
    /// A word for the learner.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub comment: String,
}

/// Mark an answer (free text, or overrule the check of another): the attempt is scored again
/// once nothing waits, and the learner is told. Trainers and admins.
#[utoipa::path(put, path = "/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}/mark", tag = "quizzes",
    request_body = Mark,
    params(("quiz_attempt_id" = String, Path), ("question_id" = String, Path)),
    responses((status = 200, body = QuizAttemptView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn mark_answer(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path((attempt_id, question_id)): Path<(String, String)>,
    Json(mark): Json<Mark>,
) -> Result<Json<QuizAttemptView>, ApiError> {
    let (quiz, attempt) = attempt_for(&state, &caller, &attempt_id, false).await?;
    if attempt.user_id == caller.user.id {
        return Err(ApiError::Forbidden(
            "your own answers are marked by another trainer".into(),
        ));
    }
    if attempt.status == QuizAttemptStatus::Open {
        return Err(ApiError::Conflict(
            "this attempt is not submitted yet".into(),
        ));
    }
    let question = quiz
        .questions
        .iter()
        .find(|q| q.id == question_id)
        .ok_or(ApiError::NotFound)?;
    let comment = text_field(&mark.comment, "a comment", 2000, false)?;
    let points = match mark.points {
        Some(points) if (0..=question.points).contains(&points) => points,
        Some(_) => {
            return Err(ApiError::invalid(format!(
                "this answer earns 0 to {} points",
                question.points
            )));
        }
        None if mark.correct => question.points,
        None => 0,
    };
    let pool = state.db.pool();
    if !quizzes::mark_answer(
        pool,
        &attempt.id,
        &question.id,
        mark.correct,
        points,
        &comment,
        &caller.user.id,
    )
    .await?
    {
        return Err(ApiError::NotFound);
    }
    // Passed and failed attempts reopen for scoring, so an overruled check counts.
    let attempt = quizzes::rescore(&state.db, &attempt.id)
        .await?
        .unwrap_or(attempt);
    if attempt.status != QuizAttemptStatus::Marking {
        let notice = Notice {
            kind: Kind::QuizMarked,
            title: format!("Your answers in “{}” were marked", quiz.title),
            body: format!(
                "You scored {} of {} points: {}.",
                attempt.score,
                attempt.max_score,
                if attempt.status == QuizAttemptStatus::Passed {
                    "passed"
                } else {
                    "not passed yet"
                }
            ),
            link: format!("/quiz-attempts/{}", attempt.id),
        };
        notifications::notify(&state.db, &caller.org.id, &attempt.user_id, &notice).await?;
    }
    Ok(Json(attempt_view(&state, &caller, &quiz, &attempt).await?))
}

/// A video's questions as the player asks them.
#[derive(Serialize, ToSchema)]
pub struct VideoQuestions {
    /// Null when the video asks nothing.
    #[schema(required = true)]
    pub quiz_id: Option<String>,
    pub pass_percent: i64,
    /// By moment; those the caller answered in their latest attempt carry the answer and its
    /// feedback.
    pub questions: Vec<AskedQuestion>,
    /// The caller's latest attempt; null before the first answer.
    #[schema(required = true)]
    pub attempt: Option<QuizAttemptSummary>,
}

/// The questions pinned to moments of a video, for the player to pause at and ask; never the
/// right answers before the caller's attempt is complete. Anyone who may watch the video.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/questions", tag = "quizzes",
    params(("video_id" = String, Path)),
    responses((status = 200, body = VideoQuestions), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn video_questions(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
) -> Result<Json<VideoQuestions>, ApiError> {
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    let pool = state.db.pool();
    let Some(quiz) = quizzes::quiz_of_video(pool, &caller.org.id, &video.id).await? else {
        return Ok(Json(VideoQuestions {
            quiz_id: None,
            pass_percent: 0,
            questions: Vec::new(),
            attempt: None,
        }));
    };
    let latest = quizzes::attempts_of(pool, &quiz.id, &caller.user.id)
        .await?
        .pop();
    let answers = match &latest {
        Some(attempt) => quizzes::answers(pool, &attempt.id).await?,
        None => Vec::new(),
    };
    let submitted = match &latest {
        Some(attempt) => keys_shown(&state, &quiz, attempt, false).await?,
        None => false,
    };
    let questions = quiz
        .questions
        .iter()
        .map(|q| asked(q, answers.iter().find(|a| a.question_id == q.id), submitted))
        .collect();
    Ok(Json(VideoQuestions {
        quiz_id: Some(quiz.id),
        pass_percent: quiz.pass_percent,
        questions,
        attempt: latest.as_ref().map(QuizAttemptSummary::from),
    }))
}

/// Answer a question the video asked at its moment: it counts in the caller's attempt at the
/// video's quiz (started with the first answer, scored once every question is answered). Anyone
/// who may watch the video.
#[utoipa::path(put, path = "/api/v1/videos/{video_id}/questions/{question_id}/answer", tag = "quizzes",
    request_body = Response,
    params(("video_id" = String, Path), ("question_id" = String, Path)),
    responses((status = 200, body = AnswerResult), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn answer_video_question(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path((video_id, question_id)): Path<(String, String)>,
    Json(response): Json<Response>,
) -> Result<Json<AnswerResult>, ApiError> {
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    let quiz = quizzes::quiz_of_video(state.db.pool(), &caller.org.id, &video.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if quiz.questions.iter().all(|q| q.id != question_id) {
        return Err(ApiError::NotFound);
    }
    let attempt = open_attempt(&state, &caller, &quiz).await?;
    let result = answer(
        &state,
        &caller.org.id,
        &quiz,
        &attempt,
        &question_id,
        response,
    )
    .await?;
    Ok(Json(result))
}
