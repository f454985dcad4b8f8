//! Assignments: trainers give a playlist to people (or to everyone of a role or cohort, now and
//! later), change when it is due, or take it back. Progress on assignments is in
//! `http::reports`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::assignments::{self, Audience};
use crate::db::notifications::{self, Kind, Notice};
use crate::db::users::Role;
use crate::db::{playlists, users};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(assign))
        .routes(routes!(change_assignment, unassign))
}

#[derive(Deserialize, ToSchema)]
pub struct NewAssignments {
    /// People of the organisation.
    #[serde(default)]
    pub user_ids: Vec<String>,
    /// Everyone with this role, now and whoever joins with it later.
    pub role: Option<Role>,
    /// Everyone invited into this cohort, now and later (with `role`: both must match).
    #[schema(max_length = 100)]
    pub cohort: Option<String>,
    /// Unix milliseconds; optional.
    pub due_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Assigned {
    /// How many people have the playlist now through this request.
    pub assigned: usize,
}

/// Assign a playlist to people of the organisation, and/or to everyone with a role or in a
/// cohort (a standing assignment: people who join later get it too), with an optional due date.
/// Trainers and admins.
#[utoipa::path(post, path = "/api/v1/playlists/{playlist_id}/assignments", tag = "playlists", request_body = NewAssignments,
    params(("playlist_id" = String, Path)),
    responses((status = 201, body = Assigned), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn assign(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
    Json(request): Json<NewAssignments>,
) -> Result<(StatusCode, Json<Assigned>), ApiError> {
    let pool = state.db.pool();
    let playlist = playlists::in_org(pool, &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let audience = Audience {
        role: request.role,
        cohort: request
            .cohort
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned),
    };
    let standing = audience.role.is_some() || audience.cohort.is_some();
    if request.user_ids.is_empty() && !standing {
        return Err(ApiError::invalid(
            "name people (user_ids), a role or a cohort",
        ));
    }
    let mut tx = pool.begin().await?;
    // People joining meanwhile either see a new rule or are found by it; and on SQLite the
    // transaction writes first, so its reads are never of a snapshot another writer outdates.
    crate::db::orgs::lock(&mut tx, &caller.org.id).await?;
    let mut people = Vec::new();
    for user_id in &request.user_ids {
        if users::member_in_org(&mut *tx, &caller.org.id, user_id)
            .await?
            .is_none()
        {
            return Err(ApiError::invalid(format!(
                "no person {user_id} in your organisation"
            )));
        }
        people.push(user_id.clone());
    }
    if standing {
        assignments::add_rule(
            &mut *tx,
            &caller.org.id,
            &playlist.id,
            &audience,
            request.due_at,
            &caller.user.id,
        )
        .await?;
        people.extend(assignments::people_in(&mut *tx, &caller.org.id, &audience).await?);
    }
    people.sort();
    people.dedup();
    let mut newly = Vec::new();
    for user_id in &people {
        if !assignments::has(&mut *tx, &playlist.id, user_id).await? {
            newly.push(user_id.clone());
        }
        assignments::assign(
            &mut *tx,
            &caller.org.id,
            &playlist.id,
            user_id,
            Some(&caller.user.id),
            request.due_at,
        )
        .await?;
    }
    tx.commit().await?;
    if playlist.published {
        let notice = Notice {
            kind: Kind::Assigned,
            title: format!("{} gave you “{}”", caller.user.name, playlist.title),
            body: match request.due_at {
                Some(_) => "It has a due date; see it on your home page.".into(),
                None => "Find it on your home page.".into(),
            },
            link: format!("/playlists/{}", playlist.id),
        };
        for user_id in newly.iter().filter(|id| **id != caller.user.id) {
            notifications::notify(&state.db, &caller.org.id, user_id, &notice).await?;
        }
    }
    Ok((
        StatusCode::CREATED,
        Json(Assigned {
            assigned: people.len(),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignmentChange {
    /// Unix milliseconds; null for no due date.
    #[schema(required = true)]
    pub due_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AssignmentDue {
    pub playlist_id: String,
    pub user_id: String,
    #[schema(required = true)]
    pub due_at: Option<i64>,
}

/// Change when a person's assignment of a playlist is due (null: no due date). Trainers and
/// admins.
#[utoipa::path(patch, path = "/api/v1/playlists/{playlist_id}/assignments/{user_id}", tag = "playlists",
    request_body = AssignmentChange, params(("playlist_id" = String, Path), ("user_id" = String, Path)),
    responses((status = 200, body = AssignmentDue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change_assignment(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path((playlist_id, user_id)): Path<(String, String)>,
    Json(change): Json<AssignmentChange>,
) -> Result<Json<AssignmentDue>, ApiError> {
    if !assignments::set_due(
        state.db.pool(),
        &caller.org.id,
        &playlist_id,
        &user_id,
        change.due_at,
    )
    .await?
    {
        return Err(ApiError::NotFound);
    }
    Ok(Json(AssignmentDue {
        playlist_id,
        user_id,
        due_at: change.due_at,
    }))
}

/// Take a playlist back from a person: it leaves their assignments and the playlist's report
/// (their progress on its items stays theirs). A standing assignment of their role or cohort
/// does not give it back to them; it reaches people who join later. Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/playlists/{playlist_id}/assignments/{user_id}", tag = "playlists",
    params(("playlist_id" = String, Path), ("user_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn unassign(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path((playlist_id, user_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    if assignments::unassign(state.db.pool(), &caller.org.id, &playlist_id, &user_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}
