//! Moments of a video: chapters, and handouts or resources anchored to a time ("open the
//! checklist at 2:10"). Players show every moment as a chapter mark, and a handout's or a
//! resource's as a card beside the video when playback reaches it.

use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member};
use super::error::ErrorBody;
use super::library::may_edit;
use super::videos::{MomentView, visible_video};
use super::{ApiError, AppState, Json};
use crate::db::moments::{self, NewMoment};
use crate::db::{handouts, resources};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(set_moments))
}

/// The most moments one video holds.
const MAX_MOMENTS: usize = 200;
const MAX_TITLE_CHARS: usize = 200;

/// A moment as its editor sends it.
#[derive(Deserialize, ToSchema)]
pub struct MomentChange {
    /// Seconds from the start, within the video.
    #[schema(minimum = 0)]
    pub at_s: f64,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    /// A handout of the organisation to open at that time.
    pub handout_id: Option<String>,
    /// An external resource of the organisation to open at that time (not with a handout).
    pub resource_id: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct MomentsChange {
    #[schema(max_items = 200)]
    pub moments: Vec<MomentChange>,
}

#[derive(Serialize, ToSchema)]
pub struct MomentList {
    pub items: Vec<MomentView>,
}

/// Set a video's moments (chapters, and handouts or resources to open at a time), replacing
/// those it had. Trainers and the video's owner.
#[utoipa::path(put, path = "/api/v1/videos/{video_id}/moments", tag = "videos",
    params(("video_id" = String, Path)), request_body = MomentsChange,
    responses((status = 200, body = MomentList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_moments(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
    Json(change): Json<MomentsChange>,
) -> Result<Json<MomentList>, ApiError> {
    let video = visible_video(&state, &caller, &video_id).await?;
    if !may_edit(&caller, &video.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner set a video's moments".into(),
        ));
    }
    if change.moments.len() > MAX_MOMENTS {
        return Err(ApiError::invalid(format!(
            "a video holds at most {MAX_MOMENTS} moments"
        )));
    }
    let pool = state.db.pool();
    let mut checked = Vec::with_capacity(change.moments.len());
    for moment in change.moments {
        let title = moment.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            return Err(ApiError::invalid(format!(
                "a moment's title must be 1 to {MAX_TITLE_CHARS} characters"
            )));
        }
        let length_s = video.duration_ms.map(|ms| ms as f64 / 1000.0);
        if !moment.at_s.is_finite()
            || moment.at_s < 0.0
            || length_s.is_some_and(|length| moment.at_s > length)
        {
            return Err(ApiError::invalid(format!(
                "“{title}” is at {} s, outside the video",
                moment.at_s
            )));
        }
        let (handout_id, resource_id) = (
            moment.handout_id.filter(|id| !id.is_empty()),
            moment.resource_id.filter(|id| !id.is_empty()),
        );
        if handout_id.is_some() && resource_id.is_some() {
            return Err(ApiError::invalid(format!(
                "“{title}” names both a handout and a resource: a moment opens one of them"
            )));
        }
        if let Some(id) = &handout_id
            && handouts::in_org(pool, &caller.org.id, id).await?.is_none()
        {
            return Err(ApiError::invalid(format!(
                "“{title}” names a handout that does not exist"
            )));
        }
        if let Some(id) = &resource_id
            && resources::in_org(pool, &caller.org.id, id).await?.is_none()
        {
            return Err(ApiError::invalid(format!(
                "“{title}” names a resource that does not exist"
            )));
        }
        checked.push(NewMoment {
            at_ms: (moment.at_s * 1000.0).round() as i64,
            title,
            handout_id,
            resource_id,
        });
    }
    moments::replace(&state.db, &caller.org.id, &video.id, &checked).await?;
    let items = moments::for_video(pool, &caller.org.id, &video.id).await?;
    Ok(Json(MomentList {
        items: items.into_iter().map(MomentView::from).collect(),
    }))
}
