//! Development: a person's manager (set by admins) or a trainer sets them objectives, linked to
//! learning whose completion meets them, and records development reviews. The person sees their
//! own; their manager, trainers and admins see and write them; anyone else gets 404.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, RequiredRole};
use super::error::{ErrorBody, text_field};
use super::reports::{csv_field, csv_or_json, csv_table, iso8601};
use super::{ApiError, AppState, Json, Query};
use crate::db::assignments::{self, ReportLine, Scope};
use crate::db::development::{
    self, LinkKind, Objective, ObjectiveFields, ObjectiveStatus, Outcome, Person, Review,
    ReviewFields,
};
use crate::db::quizzes::{self, Standing};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(development_page))
        .routes(routes!(create_objective))
        .routes(routes!(update_objective, delete_objective))
        .routes(routes!(create_review))
        .routes(routes!(update_review, delete_review))
        .routes(routes!(objectives_report))
}

const MAX_LINKS: usize = 20;

/// Who the caller is to a person: 404 unless it is themself, their manager, or a trainer.
/// Returns the person and whether the caller may set their objectives and reviews.
async fn relation<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    user_id: &str,
) -> Result<(Person, bool), ApiError> {
    let person = development::person(state.db.pool(), &caller.org.id, user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let manages =
        caller.is_trainer() || person.manager_id.as_deref() == Some(caller.user.id.as_str());
    if !manages && person.user_id != caller.user.id {
        return Err(ApiError::NotFound);
    }
    Ok((person, manages))
}

/// A person the caller manages, or 404 (403 for the person themself).
async fn managed<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    user_id: &str,
) -> Result<Person, ApiError> {
    match relation(state, caller, user_id).await? {
        (person, true) => Ok(person),
        (_, false) => Err(ApiError::Forbidden(
            "only their manager, trainers and admins may do this".into(),
        )),
    }
}

/// A person's development: objectives, reviews, learning completed and quiz scores.
#[derive(Serialize, ToSchema)]
pub struct DevelopmentPage {
    pub person: Person,
    /// Whether the caller may set objectives and record reviews (the person's manager, a
    /// trainer or an admin).
    pub can_manage: bool,
    /// By due date.
    pub objectives: Vec<Objective>,
    /// The latest first.
    pub reviews: Vec<Review>,
    /// The person's assignments with their progress.
    pub learning: Vec<ReportLine>,
    /// The person's quiz results, by quiz.
    pub quiz_scores: Vec<Standing>,
}

/// A person's development page: their objectives (and where each stands), reviews, assigned
/// learning and quiz scores. The person themself, their manager, trainers and admins.
#[utoipa::path(get, path = "/api/v1/people/{user_id}/development", tag = "development",
    params(("user_id" = String, Path)),
    responses((status = 200, body = DevelopmentPage), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn development_page(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(user_id): Path<String>,
) -> Result<Json<DevelopmentPage>, ApiError> {
    let (person, can_manage) = relation(&state, &caller, &user_id).await?;
    let pool = state.db.pool();
    let org_id = &caller.org.id;
    // Playlists still in draft are the trainers' to see.
    let learning_scope = if caller.is_trainer() {
        Scope::Person(&person.user_id)
    } else {
        Scope::Own(&person.user_id)
    };
    Ok(Json(DevelopmentPage {
        objectives: development::objectives(pool, org_id, Some(&person.user_id)).await?,
        reviews: development::reviews(pool, org_id, &person.user_id).await?,
        learning: assignments::report(pool, org_id, learning_scope).await?,
        quiz_scores: quizzes::standings(pool, org_id, None, Some(&person.user_id)).await?,
        person,
        can_manage,
    }))
}

/// Learning an objective links to.
#[derive(Deserialize, ToSchema)]
pub struct LinkFields {
    pub kind: LinkKind,
    pub item_id: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ObjectiveInput {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    /// How success is measured, in words.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub measure: String,
    /// Unix milliseconds.
    #[schema(minimum = 0, maximum = 253402300799999_i64)]
    pub due_at: Option<i64>,
    /// Met by hand (for what no learning measures) or dropped; leave out to follow the links.
    pub outcome: Option<Outcome>,
    /// Learning whose completion meets the objective (all of it).
    #[serde(default)]
    #[schema(max_items = 20)]
    pub links: Vec<LinkFields>,
}

/// A time as the API takes it: unix milliseconds between 1970 and 9999.
fn checked_time(ms: Option<i64>, what: &str) -> Result<Option<i64>, ApiError> {
    match ms {
        Some(ms) if !(0..=253_402_300_799_999).contains(&ms) => Err(ApiError::invalid(format!(
            "{what} is a time in unix milliseconds"
        ))),
        other => Ok(other),
    }
}

/// Saves an objective after checking its fields and that its links are the organisation's.
async fn save_objective<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    user_id: &str,
    id: Option<&str>,
    input: ObjectiveInput,
) -> Result<Objective, ApiError> {
    let title = text_field(&input.title, "an objective's title", 200, true)?;
    let measure = text_field(&input.measure, "the measure", 2000, false)?;
    let due_at = checked_time(input.due_at, "the due date")?;
    if input.links.len() > MAX_LINKS {
        return Err(ApiError::invalid(format!(
            "an objective links to at most {MAX_LINKS} items"
        )));
    }
    let pool = state.db.pool();
    let mut links = Vec::with_capacity(input.links.len());
    for link in input.links {
        if development::link_title(pool, &caller.org.id, link.kind, &link.item_id)
            .await?
            .is_none()
        {
            return Err(ApiError::invalid(format!(
                "no {} with that id in your organisation",
                link.kind.as_str()
            )));
        }
        links.push((link.kind, link.item_id));
    }
    let fields = ObjectiveFields {
        title: &title,
        measure: &measure,
        due_at,
        outcome: input.outcome,
        links: &links,
    };
    let id = development::save_objective(
        &state.db,
        &caller.org.id,
        user_id,
        id,
        &fields,
        &caller.user.id,
    )
    .await?;
    development::objective_in_org(pool, &caller.org.id, &id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Set an objective for a person: a measure, a due date, and learning (playlists, items,
/// quizzes, practice steps, exercises) whose completion meets it. The person's manager,
/// trainers and admins.
#[utoipa::path(post, path = "/api/v1/people/{user_id}/objectives", tag = "development", request_body = ObjectiveInput,
    params(("user_id" = String, Path)),
    responses((status = 201, body = Objective), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_objective(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(user_id): Path<String>,
    Json(input): Json<ObjectiveInput>,
) -> Result<(StatusCode, Json<Objective>), ApiError> {
    let person = managed(&state, &caller, &user_id).await?;
    let objective = save_objective(&state, &caller, &person.user_id, None, input).await?;
    Ok((StatusCode::CREATED, Json(objective)))
}

/// An objective and whether the caller manages its person; 404 when they may not see it.
async fn objective_for<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    objective_id: &str,
) -> Result<Objective, ApiError> {
    let objective = development::objective_in_org(state.db.pool(), &caller.org.id, objective_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    managed(state, caller, &objective.user_id).await?;
    Ok(objective)
}

/// Change an objective (the whole of it). The person's manager, trainers and admins.
#[utoipa::path(put, path = "/api/v1/objectives/{objective_id}", tag = "development", request_body = ObjectiveInput,
    params(("objective_id" = String, Path)),
    responses((status = 200, body = Objective), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_objective(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(objective_id): Path<String>,
    Json(input): Json<ObjectiveInput>,
) -> Result<Json<Objective>, ApiError> {
    let current = objective_for(&state, &caller, &objective_id).await?;
    let objective =
        save_objective(&state, &caller, &current.user_id, Some(&current.id), input).await?;
    Ok(Json(objective))
}

/// Delete an objective. The person's manager, trainers and admins.
#[utoipa::path(delete, path = "/api/v1/objectives/{objective_id}", tag = "development",
    params(("objective_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_objective(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(objective_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let objective = objective_for(&state, &caller, &objective_id).await?;
    development::delete_objective(state.db.pool(), &caller.org.id, &objective.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewInput {
    /// Unix milliseconds: when the conversation took place.
    #[schema(minimum = 0, maximum = 253402300799999_i64)]
    pub held_at: i64,
    #[schema(min_length = 1, max_length = 10000, pattern = r"\S")]
    pub notes: String,
    /// 1 to 5.
    #[schema(minimum = 1, maximum = 5)]
    pub rating: Option<i64>,
    /// The next steps agreed.
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub next_steps: String,
    /// Unix milliseconds.
    #[schema(minimum = 0, maximum = 253402300799999_i64)]
    pub next_review_at: Option<i64>,
}

async fn save_review<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    user_id: &str,
    id: Option<&str>,
    input: ReviewInput,
) -> Result<Review, ApiError> {
    let notes = text_field(&input.notes, "the notes", 10_000, true)?;
    let next_steps = text_field(&input.next_steps, "the next steps", 5000, false)?;
    if input.rating.is_some_and(|r| !(1..=5).contains(&r)) {
        return Err(ApiError::invalid("a rating is 1 to 5"));
    }
    let held_at = checked_time(Some(input.held_at), "the date held")?.unwrap_or_default();
    let fields = ReviewFields {
        held_at,
        notes: &notes,
        rating: input.rating,
        next_steps: &next_steps,
        next_review_at: checked_time(input.next_review_at, "the next review")?,
    };
    let pool = state.db.pool();
    let id = development::save_review(pool, &caller.org.id, user_id, id, &fields, &caller.user.id)
        .await?;
    development::review_in_org(pool, &caller.org.id, &id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Record a development review with a person: notes, a rating, the next steps agreed and when
/// to meet next. The person sees it; their peers never do. The person's manager, trainers and
/// admins.
#[utoipa::path(post, path = "/api/v1/people/{user_id}/reviews", tag = "development", request_body = ReviewInput,
    params(("user_id" = String, Path)),
    responses((status = 201, body = Review), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_review(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(user_id): Path<String>,
    Json(input): Json<ReviewInput>,
) -> Result<(StatusCode, Json<Review>), ApiError> {
    let person = managed(&state, &caller, &user_id).await?;
    let review = save_review(&state, &caller, &person.user_id, None, input).await?;
    Ok((StatusCode::CREATED, Json(review)))
}

async fn review_for<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    review_id: &str,
) -> Result<Review, ApiError> {
    let review = development::review_in_org(state.db.pool(), &caller.org.id, review_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    managed(state, caller, &review.user_id).await?;
    Ok(review)
}

/// Change a development review. The person's manager, trainers and admins.
#[utoipa::path(put, path = "/api/v1/development-reviews/{review_id}", tag = "development", request_body = ReviewInput,
    params(("review_id" = String, Path)),
    responses((status = 200, body = Review), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_review(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(review_id): Path<String>,
    Json(input): Json<ReviewInput>,
) -> Result<Json<Review>, ApiError> {
    let current = review_for(&state, &caller, &review_id).await?;
    let review = save_review(&state, &caller, &current.user_id, Some(&current.id), input).await?;
    Ok(Json(review))
}

/// Delete a development review. The person's manager, trainers and admins.
#[utoipa::path(delete, path = "/api/v1/development-reviews/{review_id}", tag = "development",
    params(("review_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_review(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(review_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let review = review_for(&state, &caller, &review_id).await?;
    development::delete_review(state.db.pool(), &caller.org.id, &review.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
pub struct TeamQuery {
    /// Only the people this person manages. Members always see only their own team.
    pub manager_id: Option<String>,
}

/// Where a person's objectives stand.
#[derive(Serialize, ToSchema)]
pub struct PersonObjectives {
    #[serde(flatten)]
    pub person: Person,
    pub open: usize,
    pub overdue: usize,
    pub met: usize,
    pub dropped: usize,
    /// Unix milliseconds: the next review agreed at the latest one.
    #[schema(required = true)]
    pub next_review_at: Option<i64>,
}

/// Where the objectives of one manager's people stand; `manager_id` null for those without one.
#[derive(Serialize, ToSchema)]
pub struct TeamObjectives {
    #[schema(required = true)]
    pub manager_id: Option<String>,
    #[schema(required = true)]
    pub manager_name: Option<String>,
    pub people: usize,
    pub open: usize,
    pub overdue: usize,
    pub met: usize,
    pub dropped: usize,
}

#[derive(Serialize, ToSchema)]
pub struct ObjectivesReport {
    /// By name.
    pub people: Vec<PersonObjectives>,
    /// By manager's name.
    pub teams: Vec<TeamObjectives>,
}

/// Objectives status per person and per team (the people sharing a manager): JSON, or CSV of
/// the people with `Accept: text/csv`. Trainers and admins see everyone (or one manager's team);
/// anyone else their own team.
#[utoipa::path(get, path = "/api/v1/reports/objectives", tag = "development", params(TeamQuery),
    responses((status = 200, body = ObjectivesReport), (status = 401, body = ErrorBody)))]
async fn objectives_report(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Query(query): Query<TeamQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let pool = state.db.pool();
    let org_id = &caller.org.id;
    let manager = if caller.is_trainer() {
        query.manager_id.filter(|id| !id.is_empty())
    } else {
        Some(caller.user.id.clone())
    };
    let people = development::people(pool, org_id, manager.as_deref()).await?;
    let objectives = development::objectives(pool, org_id, None).await?;
    let mut lines = Vec::with_capacity(people.len());
    for person in people {
        let mine = || objectives.iter().filter(|o| o.user_id == person.user_id);
        let count = |status: ObjectiveStatus| mine().filter(|o| o.status == status).count();
        let next_review_at = development::reviews(pool, org_id, &person.user_id)
            .await?
            .first()
            .and_then(|r| r.next_review_at);
        lines.push(PersonObjectives {
            open: count(ObjectiveStatus::Open),
            overdue: count(ObjectiveStatus::Overdue),
            met: count(ObjectiveStatus::Met),
            dropped: count(ObjectiveStatus::Dropped),
            next_review_at,
            person,
        });
    }
    let mut teams: Vec<TeamObjectives> = Vec::new();
    for line in &lines {
        let manager_id = line.person.manager_id.clone();
        let team = match teams.iter_mut().position(|t| t.manager_id == manager_id) {
            Some(i) => &mut teams[i],
            None => {
                teams.push(TeamObjectives {
                    manager_id,
                    manager_name: line.person.manager_name.clone(),
                    people: 0,
                    open: 0,
                    overdue: 0,
                    met: 0,
                    dropped: 0,
                });
                teams.last_mut().expect("just pushed")
            }
        };
        team.people += 1;
        team.open += line.open;
        team.overdue += line.overdue;
        team.met += line.met;
        team.dropped += line.dropped;
    }
    teams.sort_by(|a, b| a.manager_name.cmp(&b.manager_name));
    let report = ObjectivesReport {
        people: lines,
        teams,
    };
    Ok(csv_or_json(&headers, "Objectives", &report, || {
        let header = "name,email,manager,open,overdue,met,dropped,next_review_at";
        csv_table(
            header,
            report.people.iter().map(|line| {
                [
                    csv_field(&line.person.name),
                    csv_field(&line.person.email),
                    csv_field(line.person.manager_name.as_deref().unwrap_or_default()),
                    line.open.to_string(),
                    line.overdue.to_string(),
                    line.met.to_string(),
                    line.dropped.to_string(),
                    line.next_review_at.map(iso8601).unwrap_or_default(),
                ]
            }),
        )
    }))
}
