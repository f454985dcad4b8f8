//! People of an organisation: the list (trainers, to assign playlists), colleagues by name
//! (anyone, to ask for a review or mention), and role and activation changes (admins).
//! Deactivating someone stops their sessions and tokens at once.

use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Admin, Caller, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json, Query};
use crate::db::users::{self, Colleague, Member, Role};
use crate::db::{sessions, tokens};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users))
        .routes(routes!(find_colleagues))
        .routes(routes!(update_user))
}

/// Everyone in the caller's organisation. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/users", tag = "people",
    responses((status = 200, body = [Member]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list_users(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<Vec<Member>>, ApiError> {
    Ok(Json(
        users::list_in_org(state.db.pool(), &caller.org.id).await?,
    ))
}

#[derive(Deserialize, IntoParams)]
pub struct ColleagueQuery {
    /// The start of a name (of any of its words) or of an email; everyone when left out.
    pub q: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ColleagueList {
    /// By name, at most 20: names only, never emails.
    pub items: Vec<Colleague>,
}

/// Find active colleagues by name, to ask one for a review or mention them. Any signed-in
/// person of the organisation.
#[utoipa::path(get, path = "/api/v1/people", tag = "people", params(ColleagueQuery),
    responses((status = 200, body = ColleagueList), (status = 401, body = ErrorBody)))]
async fn find_colleagues(
    State(state): State<AppState>,
    caller: Caller<super::auth::Member>,
    Query(query): Query<ColleagueQuery>,
) -> Result<Json<ColleagueList>, ApiError> {
    let q: String = query.q.unwrap_or_default().chars().take(100).collect();
    let items = users::colleagues(state.db.pool(), &caller.org.id, &q, 20).await?;
    Ok(Json(ColleagueList { items }))
}

#[derive(Deserialize, ToSchema)]
pub struct UserChange {
    pub role: Option<Role>,
    #[schema(min_length = 1, pattern = r"\S")]
    pub name: Option<String>,
    /// false deactivates: the person's sessions and tokens stop working at once.
    pub active: Option<bool>,
    /// The person's manager (who sets their objectives and holds their development reviews):
    /// an active person of the organisation, or "" for none.
    pub manager_id: Option<String>,
}

/// Change a person's role, name, activation or manager. Admins.
#[utoipa::path(patch, path = "/api/v1/users/{user_id}", tag = "people", request_body = UserChange,
    params(("user_id" = String, Path)),
    responses((status = 200, body = Member), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn update_user(
    State(state): State<AppState>,
    caller: Caller<Admin>,
    Path(user_id): Path<String>,
    Json(change): Json<UserChange>,
) -> Result<Json<Member>, ApiError> {
    let pool = state.db.pool();
    let mut tx = pool.begin().await?;
    let current = users::member_in_org(&mut *tx, &caller.org.id, &user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let role = change.role.unwrap_or(current.role);
    let active = change.active.unwrap_or(current.active);
    let name = change
        .name
        .as_deref()
        .map(str::trim)
        .unwrap_or(&current.name)
        .to_owned();
    if name.is_empty() {
        return Err(ApiError::invalid("the name cannot be empty"));
    }
    let loses_admin =
        current.role == Role::Admin && current.active && (role != Role::Admin || !active);
    if loses_admin && users::active_admins(&mut *tx, &caller.org.id).await? <= 1 {
        return Err(ApiError::Conflict(
            "the organisation must keep at least one active admin".into(),
        ));
    }
    users::update(&mut *tx, &caller.org.id, &user_id, role, &name, active).await?;
    if let Some(manager_id) = change.manager_id.as_deref().map(str::trim) {
        let manager = match manager_id {
            "" => None,
            id if id == user_id => {
                return Err(ApiError::invalid("a person cannot be their own manager"));
            }
            id => match users::member_in_org(&mut *tx, &caller.org.id, id).await? {
                Some(manager) if manager.active => Some(manager.id),
                _ => {
                    return Err(ApiError::invalid(
                        "the manager is not an active person here",
                    ));
                }
            },
        };
        users::set_manager(&mut *tx, &caller.org.id, &user_id, manager.as_deref()).await?;
    }
    if !active {
        sessions::delete_for_user(&mut *tx, &user_id).await?;
        tokens::revoke_all_for_user(&mut *tx, &user_id).await?;
    }
    let updated = users::member_in_org(&mut *tx, &caller.org.id, &user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    Ok(Json(updated))
}
