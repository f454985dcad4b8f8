//! Subject experts: people mark themselves as experts on tags (or trainers mark them), and the
//! library shows who to ask about a tag.

use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json, Query};
use crate::db::experts::{self, Expert};
use crate::db::library::normalize_tags;
use crate::db::users;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_experts))
        .routes(routes!(set_my_expertise))
        .routes(routes!(set_expertise))
}

#[derive(Deserialize, IntoParams)]
pub struct ExpertQuery {
    /// Only experts on this tag.
    pub tag: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Experts {
    pub items: Vec<Expert>,
}

/// The organisation's subject experts, by tag. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/experts", tag = "library", params(ExpertQuery),
    responses((status = 200, body = Experts), (status = 401, body = ErrorBody)))]
async fn list_experts(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Query(query): Query<ExpertQuery>,
) -> Result<Json<Experts>, ApiError> {
    let tag = query
        .tag
        .filter(|t| !t.trim().is_empty())
        .map(|t| normalize_tags(&[t]));
    let items = experts::on_tag(state.db.pool(), &caller.org.id, tag.as_deref()).await?;
    Ok(Json(Experts { items }))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Expertise {
    /// The tags the person is an expert on (at most 20); replaces the earlier ones.
    pub tags: Vec<String>,
}

async fn replace(
    state: &AppState,
    org_id: &str,
    user_id: &str,
    set_by: &str,
    expertise: Expertise,
) -> Result<Json<Expertise>, ApiError> {
    let tags = normalize_tags(&expertise.tags);
    let tags: Vec<&str> = tags.split_whitespace().collect();
    let mut tx = state.db.pool().begin().await?;
    experts::set_tags(&mut tx, org_id, user_id, &tags, set_by).await?;
    tx.commit().await?;
    Ok(Json(Expertise {
        tags: tags.into_iter().map(str::to_owned).collect(),
    }))
}

/// Declare the tags you are an expert on. Any signed-in person.
#[utoipa::path(put, path = "/api/v1/me/expertise", tag = "library", request_body = Expertise,
    responses((status = 200, body = Expertise), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_my_expertise(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Json(expertise): Json<Expertise>,
) -> Result<Json<Expertise>, ApiError> {
    replace(
        &state,
        &caller.org.id,
        &caller.user.id,
        &caller.user.id,
        expertise,
    )
    .await
}

/// Set the tags a person of the organisation is an expert on. Trainers and admins.
#[utoipa::path(put, path = "/api/v1/users/{user_id}/expertise", tag = "library", request_body = Expertise,
    params(("user_id" = String, Path)),
    responses((status = 200, body = Expertise), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_expertise(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(user_id): Path<String>,
    Json(expertise): Json<Expertise>,
) -> Result<Json<Expertise>, ApiError> {
    let person = users::member_in_org(state.db.pool(), &caller.org.id, &user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    replace(
        &state,
        &caller.org.id,
        &person.id,
        &caller.user.id,
        expertise,
    )
    .await
}
