//! Practice: trainers write steps (instructions, a model video, a rubric) and put them in
//! playlists; a learner records attempts (a tus upload naming the step) and picks peers to review
//! them; reviewers leave comments at moments of the recording, score the rubric and give a
//! verdict; a `done` verdict completes the step. Attempts are private: the learner, their
//! reviewers and the organisation's trainers see one; anyone else gets 404.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::{ErrorBody, text_field};
use super::thread::{CommentView, check_body, thread};
use super::{ApiError, AppState, Json, Query};
use crate::db::comments::{self, NewComment, Target};
use crate::db::notifications::{self, Kind, Notice};
use crate::db::practice::{
    self, Attempt, AttemptStatus, Criterion, Level, Reviewer, Scores, Step, Verdict,
};
use crate::db::{users, videos};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_steps, create_step))
        .routes(routes!(get_step, update_step, delete_step))
        .routes(routes!(add_reviewer))
        .routes(routes!(remove_reviewer))
        .routes(routes!(attempt_queue))
        .routes(routes!(get_attempt))
        .routes(routes!(add_review))
}

const MAX_TITLE_CHARS: usize = 200;
const MAX_INSTRUCTIONS_CHARS: usize = 10_000;
const MAX_CRITERIA: usize = 12;
const MAX_LEVELS: usize = 6;
const MAX_SUMMARY_CHARS: usize = 5_000;
const MAX_REVIEW_COMMENTS: usize = 100;

/// A rubric's criterion as its editor sends it.
#[derive(Deserialize, ToSchema)]
pub struct CriterionFields {
    /// Keep a criterion's id when editing, so scores already given still name it; new ones
    /// leave it out.
    pub id: Option<String>,
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub description: String,
    /// From the lowest to the highest, 2 to 6.
    #[schema(min_items = 2, max_items = 6)]
    pub levels: Vec<Level>,
}

#[derive(Deserialize, ToSchema)]
pub struct StepFields {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    /// What to record and how; plain text.
    #[schema(max_length = 10000)]
    pub instructions: String,
    /// A video of the organisation showing it done well.
    pub model_video_id: Option<String>,
    /// 1 to 12 criteria.
    #[schema(min_items = 1, max_items = 12)]
    pub rubric: Vec<CriterionFields>,
}

/// A step as it will be stored, checked.
async fn checked_step(
    state: &AppState,
    org_id: &str,
    id: String,
    fields: StepFields,
) -> Result<Step, ApiError> {
    let title = text_field(&fields.title, "a step's title", MAX_TITLE_CHARS, true)?;
    let instructions = text_field(
        &fields.instructions,
        "the instructions",
        MAX_INSTRUCTIONS_CHARS,
        false,
    )?;
    if fields.rubric.is_empty() || fields.rubric.len() > MAX_CRITERIA {
        return Err(ApiError::invalid(format!(
            "a rubric has 1 to {MAX_CRITERIA} criteria"
        )));
    }
    let mut rubric: Vec<Criterion> = Vec::with_capacity(fields.rubric.len());
    for criterion in fields.rubric {
        let name = text_field(&criterion.name, "a criterion's name", 100, true)?;
        if criterion.levels.len() < 2 || criterion.levels.len() > MAX_LEVELS {
            return Err(ApiError::invalid(format!(
                "“{name}” needs 2 to {MAX_LEVELS} levels, from the lowest to the highest"
            )));
        }
        let mut levels = Vec::with_capacity(criterion.levels.len());
        for level in criterion.levels {
            levels.push(Level {
                name: text_field(&level.name, "a level's name", 100, true)?,
                description: text_field(&level.description, "a level's description", 1000, false)?,
            });
        }
        let id = criterion
            .id
            .filter(|id| !id.trim().is_empty() && id.len() <= 64)
            .filter(|id| rubric.iter().all(|c| &c.id != id))
            .unwrap_or_else(crate::db::new_id);
        rubric.push(Criterion {
            id,
            name,
            description: text_field(
                &criterion.description,
                "a criterion's description",
                1000,
                false,
            )?,
            levels,
        });
    }
    let model_video_id = fields.model_video_id.filter(|id| !id.is_empty());
    if let Some(video_id) = &model_video_id {
        match videos::in_org(state.db.pool(), org_id, video_id).await? {
            Some(video) if !video.private && !video.held => {}
            _ => {
                return Err(ApiError::invalid(
                    "the model video is not one of the library's",
                ));
            }
        }
    }
    Ok(Step {
        id,
        title,
        instructions,
        model_video_id,
        rubric,
        updated_at: crate::db::now_ms(),
    })
}

#[derive(Serialize, ToSchema)]
pub struct StepList {
    pub items: Vec<Step>,
}

/// The organisation's practice steps, newest first. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/practice-steps", tag = "practice",
    responses((status = 200, body = StepList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list_steps(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<StepList>, ApiError> {
    let items = practice::steps(state.db.pool(), &caller.org.id).await?;
    Ok(Json(StepList { items }))
}

/// Write a practice step: instructions, an optional model video and a rubric. Put it in a
/// playlist as an item of kind `practice`. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/practice-steps", tag = "practice", request_body = StepFields,
    responses((status = 201, body = Step), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_step(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(fields): Json<StepFields>,
) -> Result<(StatusCode, Json<Step>), ApiError> {
    let step = checked_step(&state, &caller.org.id, crate::db::new_id(), fields).await?;
    practice::save_step(state.db.pool(), &caller.org.id, &caller.user.id, &step).await?;
    Ok((StatusCode::CREATED, Json(step)))
}

/// Change a practice step (the whole of it). Criteria keep their ids when sent with them.
/// Trainers and admins.
#[utoipa::path(put, path = "/api/v1/practice-steps/{step_id}", tag = "practice", request_body = StepFields,
    params(("step_id" = String, Path)),
    responses((status = 200, body = Step), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_step(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(step_id): Path<String>,
    Json(fields): Json<StepFields>,
) -> Result<Json<Step>, ApiError> {
    let current = practice::step_in_org(state.db.pool(), &caller.org.id, &step_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let step = checked_step(&state, &caller.org.id, current.id, fields).await?;
    practice::save_step(state.db.pool(), &caller.org.id, &caller.user.id, &step).await?;
    Ok(Json(step))
}

/// Delete a practice step with its attempts and their recordings; it leaves every playlist.
/// Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/practice-steps/{step_id}", tag = "practice",
    params(("step_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_step(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(step_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    let step = practice::step_in_org(pool, &caller.org.id, &step_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // The recordings first: deleting one takes its attempt with it.
    for video_id in practice::attempt_videos(pool, &caller.org.id, &step.id).await? {
        if let Some(video) = videos::in_org(pool, &caller.org.id, &video_id).await? {
            super::videos::remove_video(&state, &caller.org.id, &video).await?;
        }
    }
    practice::delete_step(&state.db, &caller.org.id, &step.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One attempt as its learner, reviewers and trainers see it in lists.
#[derive(Serialize, ToSchema)]
pub struct AttemptSummary {
    pub id: String,
    pub step_id: String,
    pub step_title: String,
    pub learner_id: String,
    pub learner_name: String,
    /// The recording (a private video): play it at `/api/v1/videos/{video_id}/hls/master.m3u8`
    /// once it is playable.
    pub video_id: String,
    pub status: AttemptStatus,
    /// Unix milliseconds.
    pub created_at: i64,
}

impl From<Attempt> for AttemptSummary {
    fn from(a: Attempt) -> AttemptSummary {
        AttemptSummary {
            id: a.id,
            step_id: a.step_id,
            step_title: a.step_title,
            learner_id: a.user_id,
            learner_name: a.user_name,
            video_id: a.video_id,
            status: a.status,
            created_at: a.created_at,
        }
    }
}

/// A practice step with the caller's own attempts and reviewers.
#[derive(Serialize, ToSchema)]
pub struct StepView {
    #[serde(flatten)]
    pub step: Step,
    /// The caller's attempts, oldest first.
    pub my_attempts: Vec<AttemptSummary>,
    /// Whom the caller asked to review their attempts (besides the trainers).
    pub my_reviewers: Vec<Reviewer>,
    /// Where the caller stands: null before the first attempt.
    #[schema(required = true)]
    pub my_status: Option<AttemptStatus>,
}

/// A practice step, with the caller's attempts at it and whom they asked to review them. Any
/// signed-in person of the organisation.
#[utoipa::path(get, path = "/api/v1/practice-steps/{step_id}", tag = "practice",
    params(("step_id" = String, Path)),
    responses((status = 200, body = StepView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_step(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(step_id): Path<String>,
) -> Result<Json<StepView>, ApiError> {
    let pool = state.db.pool();
    let step = practice::step_in_org(pool, &caller.org.id, &step_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let attempts = practice::attempts_of(pool, &caller.org.id, &step.id, &caller.user.id).await?;
    let done = practice::done_at(pool, &step.id, &caller.user.id)
        .await?
        .is_some();
    let my_status = if done {
        Some(AttemptStatus::Done)
    } else {
        attempts.last().map(|a| a.status)
    };
    Ok(Json(StepView {
        my_reviewers: practice::reviewers(pool, &step.id, &caller.user.id).await?,
        my_attempts: attempts.into_iter().map(AttemptSummary::from).collect(),
        my_status,
        step,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewReviewer {
    /// A person of the organisation.
    pub user_id: String,
    /// Whose attempts: the caller's own when left out; trainers may name another learner.
    pub learner_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ReviewerList {
    pub items: Vec<Reviewer>,
}

/// Ask someone (a peer, a manager) to review a learner's attempts at a step: a learner asks for
/// their own, a trainer for anyone's. They are told when an attempt waits for them. Any
/// signed-in person (for another learner: trainers and admins).
#[utoipa::path(post, path = "/api/v1/practice-steps/{step_id}/reviewers", tag = "practice", request_body = NewReviewer,
    params(("step_id" = String, Path)),
    responses((status = 200, body = ReviewerList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_reviewer(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(step_id): Path<String>,
    Json(request): Json<NewReviewer>,
) -> Result<Json<ReviewerList>, ApiError> {
    let pool = state.db.pool();
    let step = practice::step_in_org(pool, &caller.org.id, &step_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let learner = learner_named(&caller, request.learner_id)?;
    if request.user_id == learner {
        return Err(ApiError::invalid(
            "a learner cannot review their own attempts",
        ));
    }
    let reviewer = users::member_in_org(pool, &caller.org.id, &request.user_id)
        .await?
        .filter(|m| m.active)
        .ok_or_else(|| ApiError::invalid("no active person with that id in your organisation"))?;
    if users::member_in_org(pool, &caller.org.id, &learner)
        .await?
        .is_none()
    {
        return Err(ApiError::invalid(
            "no person with that id in your organisation",
        ));
    }
    let added = practice::add_reviewer(
        pool,
        &caller.org.id,
        &step.id,
        &learner,
        &reviewer.id,
        &caller.user.id,
    )
    .await?;
    if added {
        // Attempts already waiting are now theirs to review too.
        for attempt in practice::attempts_of(pool, &caller.org.id, &step.id, &learner).await? {
            if attempt.status == AttemptStatus::Waiting {
                let notice = notifications::review_requested(&attempt);
                notifications::notify(&state.db, &caller.org.id, &reviewer.id, &notice).await?;
            }
        }
    }
    let items = practice::reviewers(pool, &step.id, &learner).await?;
    Ok(Json(ReviewerList { items }))
}

#[derive(Deserialize, ToSchema, utoipa::IntoParams)]
pub struct LearnerQuery {
    /// Whose attempts: the caller's own when left out; trainers may name another learner.
    pub learner_id: Option<String>,
}

/// Stop asking someone to review a learner's attempts at a step. The learner (their own),
/// trainers and admins.
#[utoipa::path(delete, path = "/api/v1/practice-steps/{step_id}/reviewers/{user_id}", tag = "practice",
    params(("step_id" = String, Path), ("user_id" = String, Path), LearnerQuery),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_reviewer(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path((step_id, user_id)): Path<(String, String)>,
    Query(query): Query<LearnerQuery>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    let step = practice::step_in_org(pool, &caller.org.id, &step_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let learner = learner_named(&caller, query.learner_id)?;
    if practice::remove_reviewer(pool, &step.id, &learner, &user_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// The learner a request is about: the caller, or (for trainers) the one named.
fn learner_named(caller: &Caller<Member>, named: Option<String>) -> Result<String, ApiError> {
    match named.filter(|id| !id.is_empty() && *id != caller.user.id) {
        None => Ok(caller.user.id.clone()),
        Some(_) if !caller.is_trainer() => Err(ApiError::Forbidden(
            "only trainers choose the reviewers of someone else's attempts".into(),
        )),
        Some(other) => Ok(other),
    }
}

#[derive(Serialize, ToSchema)]
pub struct AttemptQueue {
    /// Oldest first.
    pub items: Vec<AttemptSummary>,
}

/// Attempts waiting for a review, oldest first: for trainers every one in the organisation,
/// for anyone else those they were asked to review. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/attempts", tag = "practice",
    responses((status = 200, body = AttemptQueue), (status = 401, body = ErrorBody)))]
async fn attempt_queue(
    State(state): State<AppState>,
    caller: Caller<Member>,
) -> Result<Json<AttemptQueue>, ApiError> {
    let reviewer = (!caller.is_trainer()).then_some(caller.user.id.as_str());
    let waiting = practice::waiting(state.db.pool(), &caller.org.id, reviewer).await?;
    Ok(Json(AttemptQueue {
        items: waiting
            .into_iter()
            .filter(|a| a.user_id != caller.user.id)
            .map(AttemptSummary::from)
            .collect(),
    }))
}

/// One review: the summary, the rubric's scores, the verdict and the comments left with it.
#[derive(Serialize, ToSchema)]
pub struct ReviewView {
    pub id: String,
    #[schema(required = true)]
    pub reviewer_id: Option<String>,
    #[schema(required = true)]
    pub reviewer_name: Option<String>,
    pub summary: String,
    /// Criterion id → the level chosen (0 = the lowest).
    pub scores: Scores,
    pub verdict: Verdict,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// An attempt with everything said about it.
#[derive(Serialize, ToSchema)]
pub struct AttemptView {
    #[serde(flatten)]
    pub attempt: AttemptSummary,
    pub step: Step,
    /// Reviews, oldest first.
    pub reviews: Vec<ReviewView>,
    /// Feedback pinned to moments of the recording and the replies to it, in conversation
    /// order; a review's comments carry its `review_id`.
    pub comments: Vec<CommentView>,
    /// Whether the caller may review it (a trainer, or someone the learner asked; never the
    /// learner).
    pub may_review: bool,
    /// The learner's other attempts at the step, oldest first.
    pub attempts: Vec<AttemptSummary>,
}

/// An attempt the caller may see: theirs, one they were asked to review, or (for trainers) any
/// in the organisation. Anyone else gets 404, as if it did not exist.
pub(crate) async fn visible_attempt<R: super::auth::RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    attempt_id: &str,
) -> Result<(Attempt, bool), ApiError> {
    let pool = state.db.pool();
    let attempt = practice::attempt_in_org(pool, &caller.org.id, attempt_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let learner = attempt.user_id == caller.user.id;
    let may_review = !learner
        && (caller.is_trainer()
            || practice::is_reviewer(pool, &attempt.step_id, &attempt.user_id, &caller.user.id)
                .await?);
    if !learner && !may_review {
        return Err(ApiError::NotFound);
    }
    Ok((attempt, may_review))
}

/// A practice attempt with its reviews and feedback. Its learner, the people they asked to
/// review it, trainers and admins; anyone else gets 404.
#[utoipa::path(get, path = "/api/v1/attempts/{attempt_id}", tag = "practice",
    params(("attempt_id" = String, Path)),
    responses((status = 200, body = AttemptView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_attempt(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(attempt_id): Path<String>,
) -> Result<Json<AttemptView>, ApiError> {
    let (attempt, may_review) = visible_attempt(&state, &caller, &attempt_id).await?;
    Ok(Json(
        attempt_view(&state, &caller, attempt, may_review).await?,
    ))
}

async fn attempt_view(
    state: &AppState,
    caller: &Caller<Member>,
    attempt: Attempt,
    may_review: bool,
) -> Result<AttemptView, ApiError> {
    let pool = state.db.pool();
    let step = practice::step_in_org(pool, &caller.org.id, &attempt.step_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let reviews = practice::reviews(pool, &attempt.id)
        .await?
        .into_iter()
        .map(|r| ReviewView {
            id: r.id,
            reviewer_id: r.reviewer_id,
            reviewer_name: r.reviewer_name,
            summary: r.summary,
            scores: r.scores,
            verdict: r.verdict,
            created_at: r.created_at,
        })
        .collect();
    let comments = thread(state, caller, Target::Attempt, &attempt.id).await?;
    let attempts = practice::attempts_of(pool, &caller.org.id, &step.id, &attempt.user_id)
        .await?
        .into_iter()
        .map(AttemptSummary::from)
        .collect();
    Ok(AttemptView {
        attempt: attempt.into(),
        step,
        reviews,
        comments,
        may_review,
        attempts,
    })
}

/// A comment pinned to a moment of the recording.
#[derive(Deserialize, ToSchema)]
pub struct MomentComment {
    /// Seconds from the start of the recording.
    #[schema(minimum = 0)]
    pub at_s: f64,
    #[schema(min_length = 1, max_length = 5000, pattern = r"\S")]
    pub body: String,
}

#[derive(Deserialize, ToSchema)]
pub struct NewReview {
    /// What went well and what to improve.
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub summary: String,
    /// Criterion id → the level chosen (0 = the lowest); criteria left out are not scored.
    #[serde(default)]
    pub scores: Scores,
    /// `comment` leaves feedback only; `needs_work` asks for another attempt; `done` says it
    /// meets the standard and completes the step.
    pub verdict: Verdict,
    /// Comments at moments of the recording.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub comments: Vec<MomentComment>,
}

/// Review an attempt: comments at moments of the recording, the rubric scored, a summary and a
/// verdict (`done` completes the step for the learner, in their playlists and reports). The
/// learner is told. Trainers, admins and the people the learner asked; never the learner.
#[utoipa::path(post, path = "/api/v1/attempts/{attempt_id}/reviews", tag = "practice", request_body = NewReview,
    params(("attempt_id" = String, Path)),
    responses((status = 201, body = AttemptView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_review(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(attempt_id): Path<String>,
    Json(review): Json<NewReview>,
) -> Result<(StatusCode, Json<AttemptView>), ApiError> {
    let (attempt, may_review) = visible_attempt(&state, &caller, &attempt_id).await?;
    if !may_review {
        return Err(ApiError::Forbidden(
            "only trainers and the people the learner asked review an attempt".into(),
        ));
    }
    let pool = state.db.pool();
    let step = practice::step_in_org(pool, &caller.org.id, &attempt.step_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let summary = text_field(
        &review.summary,
        "a review's summary",
        MAX_SUMMARY_CHARS,
        false,
    )?;
    for (criterion_id, level) in &review.scores {
        let Some(criterion) = step.rubric.iter().find(|c| &c.id == criterion_id) else {
            return Err(ApiError::invalid(format!(
                "the rubric has no criterion {criterion_id:?}"
            )));
        };
        if *level >= criterion.levels.len() {
            return Err(ApiError::invalid(format!(
                "“{}” has levels 0 to {}",
                criterion.name,
                criterion.levels.len() - 1
            )));
        }
    }
    if review.comments.len() > MAX_REVIEW_COMMENTS {
        return Err(ApiError::invalid(format!(
            "a review holds at most {MAX_REVIEW_COMMENTS} comments"
        )));
    }
    if summary.is_empty()
        && review.scores.is_empty()
        && review.comments.is_empty()
        && review.verdict == Verdict::Comment
    {
        return Err(ApiError::invalid(
            "a review says something: a summary, scores, comments or a verdict",
        ));
    }
    let length_s = videos::in_org(pool, &caller.org.id, &attempt.video_id)
        .await?
        .and_then(|v| v.duration_ms)
        .map(|ms| ms as f64 / 1000.0);
    let mut moments = Vec::with_capacity(review.comments.len());
    for comment in &review.comments {
        if !comment.at_s.is_finite()
            || comment.at_s < 0.0
            || length_s.is_some_and(|length| comment.at_s > length + 0.5)
        {
            return Err(ApiError::invalid(format!(
                "a comment is at {} s, outside the recording",
                comment.at_s
            )));
        }
        moments.push((
            (comment.at_s * 1000.0).round() as i64,
            check_body(&comment.body)?,
        ));
    }
    let mut tx = pool.begin().await?;
    let review_id = practice::add_review(
        &mut tx,
        &caller.org.id,
        &attempt,
        &caller.user.id,
        &summary,
        &review.scores,
        review.verdict,
    )
    .await?;
    for (at_ms, body) in &moments {
        comments::add(
            &mut *tx,
            &caller.org.id,
            &NewComment {
                target: Target::Attempt,
                target_id: &attempt.id,
                parent_id: None,
                author_id: &caller.user.id,
                at_ms: Some(*at_ms),
                body,
                review_id: Some(&review_id),
                mentions: &[],
                status: comments::Status::Visible,
            },
        )
        .await?;
    }
    tx.commit().await?;
    let verdict = match review.verdict {
        Verdict::Comment => "left feedback on",
        Verdict::NeedsWork => "asks for another attempt at",
        Verdict::Done => "found your attempt meets the standard:",
    };
    let notice = Notice {
        kind: Kind::Feedback,
        title: format!("{} {verdict} “{}”", caller.user.name, step.title),
        body: if summary.is_empty() {
            format!("{} comments at moments of your recording.", moments.len())
        } else {
            summary.clone()
        },
        link: format!("/practice/attempts/{}", attempt.id),
    };
    notifications::notify(&state.db, &caller.org.id, &attempt.user_id, &notice).await?;
    let attempt = practice::attempt_in_org(pool, &caller.org.id, &attempt.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        Json(attempt_view(&state, &caller, attempt, may_review).await?),
    ))
}
