//! The signed-in person's own learning: their assignments.

use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::assignments::{self, MyAssignment};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(my_assignments))
}

#[derive(Serialize, ToSchema)]
pub struct MyAssignments {
    pub items: Vec<MyAssignment>,
}

/// The playlists assigned to the caller, with progress, due date and overdue state. Any
/// signed-in person.
#[utoipa::path(get, path = "/api/v1/me/assignments", tag = "progress",
    responses((status = 200, body = MyAssignments), (status = 401, body = ErrorBody)))]
async fn my_assignments(
    State(state): State<AppState>,
    caller: Caller<Member>,
) -> Result<Json<MyAssignments>, ApiError> {
    let items = assignments::for_user(state.db.pool(), &caller.org.id, &caller.user.id).await?;
    Ok(Json(MyAssignments { items }))
}
