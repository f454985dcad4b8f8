//! Discussion: comments on any video, handout or resource of the library (pinned to a moment for
//! videos), and the conversation on a practice attempt; replies, @mentions of people and of the
//! experts of the item's tags, edits and deletes by the author, hiding by trainers. A member's
//! comment in the library waits for a trainer when the organisation reviews members' posts.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::ErrorBody;
use super::library::resource_in_org;
use super::thread::{CommentView, check_body, thread};
use super::{ApiError, AppState, Json, Query};
use crate::db::comments::{self, Comment, NewComment, Status, Target};
use crate::db::library::split_tags;
use crate::db::notifications::{self, Kind, Notice};
use crate::db::users::Role;
use crate::db::{experts, handouts, orgs, users};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_comments, add_comment))
        .routes(routes!(held_comments))
        .routes(routes!(edit_comment, delete_comment))
        .routes(routes!(set_comment_status))
}

const MAX_MENTIONS: usize = 20;

/// What the caller may discuss, with what mentions of its experts reach and where it is in
/// the app.
struct Discussed {
    /// The item's tags (none for an attempt).
    tags: Vec<String>,
    /// A video's or attempt's length, for checking moments.
    length_s: Option<f64>,
    /// A path of the web app.
    link: String,
    title: String,
}

/// The item a comment is on, if the caller may see it; 404 otherwise.
async fn discussed<R: super::auth::RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    target: Target,
    target_id: &str,
) -> Result<Discussed, ApiError> {
    let pool = state.db.pool();
    let length = |ms: Option<i64>| ms.map(|ms| ms as f64 / 1000.0);
    Ok(match target {
        Target::Video => {
            let video = super::videos::visible_video(state, caller, target_id).await?;
            if video.private {
                // An attempt's recording is discussed as the attempt.
                return Err(ApiError::NotFound);
            }
            Discussed {
                tags: split_tags(&video.tags),
                length_s: length(video.duration_ms),
                link: format!("/videos/{}", video.id),
                title: video.title,
            }
        }
        Target::Handout => {
            let handout = handouts::in_org(pool, &caller.org.id, target_id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if let Some(video_id) = &handout.video_id {
                super::videos::visible_video(state, caller, video_id).await?;
            }
            Discussed {
                tags: split_tags(&handout.tags),
                length_s: None,
                link: format!("/handouts/{}", handout.id),
                title: handout.title,
            }
        }
        Target::Resource => {
            let resource = resource_in_org(state, &caller.org.id, target_id).await?;
            Discussed {
                tags: split_tags(&resource.tags),
                length_s: None,
                link: format!("/resources/{}", resource.id),
                title: resource.title,
            }
        }
        Target::Attempt => {
            let (attempt, _) = super::practice::visible_attempt(state, caller, target_id).await?;
            let video = crate::db::videos::in_org(pool, &caller.org.id, &attempt.video_id).await?;
            Discussed {
                tags: Vec::new(),
                length_s: length(video.and_then(|v| v.duration_ms)),
                link: format!("/practice/attempts/{}", attempt.id),
                title: format!(
                    "{}’s attempt at “{}”",
                    attempt.user_name, attempt.step_title
                ),
            }
        }
    })
}

#[derive(Deserialize, IntoParams)]
pub struct CommentsQuery {
    pub target: Target,
    pub target_id: String,
}

#[derive(Serialize, ToSchema)]
pub struct CommentList {
    /// Oldest first; replies carry their `parent_id`.
    pub items: Vec<CommentView>,
}

/// The discussion on a video, handout, resource or practice attempt: visible comments, the
/// caller's own (also while held for review), and for trainers the held and hidden ones. Anyone
/// who may see the item.
#[utoipa::path(get, path = "/api/v1/comments", tag = "discussion", params(CommentsQuery),
    responses((status = 200, body = CommentList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn list_comments(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Query(query): Query<CommentsQuery>,
) -> Result<Json<CommentList>, ApiError> {
    discussed(&state, &caller, query.target, &query.target_id).await?;
    let items = thread(&state, &caller, query.target, &query.target_id).await?;
    Ok(Json(CommentList { items }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewCommentRequest {
    pub target: Target,
    pub target_id: String,
    /// Answers this comment (on the same item).
    pub parent_id: Option<String>,
    /// Videos and attempts: the moment it is about, in seconds from the start.
    #[schema(minimum = 0)]
    pub at_s: Option<f64>,
    #[schema(min_length = 1, max_length = 5000, pattern = r"\S")]
    pub body: String,
    /// People of the organisation to tell (@mentions).
    #[serde(default)]
    #[schema(max_items = 20)]
    pub mentions: Vec<String>,
    /// Tell the experts of the item's tags (@experts).
    #[serde(default)]
    pub mention_experts: bool,
}

/// Comment on a video (at a moment), a handout, a resource or a practice attempt, or reply to a
/// comment; the people mentioned, the experts of the item's tags when asked, and the author of
/// the comment answered are told. A member's comment in the library waits for a trainer when
/// the organisation reviews members' posts. Anyone who may see the item.
#[utoipa::path(post, path = "/api/v1/comments", tag = "discussion", request_body = NewCommentRequest,
    responses((status = 201, body = CommentView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn add_comment(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Json(request): Json<NewCommentRequest>,
) -> Result<(StatusCode, Json<CommentView>), ApiError> {
    let pool = state.db.pool();
    let item = discussed(&state, &caller, request.target, &request.target_id).await?;
    let body = check_body(&request.body)?;
    let at_ms = match request.at_s {
        None => None,
        Some(_)
            if item.length_s.is_none()
                && !matches!(request.target, Target::Video | Target::Attempt) =>
        {
            return Err(ApiError::invalid(
                "only a video's comments are pinned to a moment",
            ));
        }
        Some(at_s)
            if !at_s.is_finite()
                || at_s < 0.0
                || item.length_s.is_some_and(|length| at_s > length + 0.5) =>
        {
            return Err(ApiError::invalid(format!("{at_s} s is outside the video")));
        }
        Some(at_s) => Some((at_s * 1000.0).round() as i64),
    };
    let parent = match request.parent_id.as_deref().filter(|id| !id.is_empty()) {
        None => None,
        Some(parent_id) => {
            let parent = comments::in_org(pool, &caller.org.id, parent_id)
                .await?
                .filter(|p| p.target == request.target && p.target_id == request.target_id)
                .filter(|p| p.status == Status::Visible || caller.is_trainer())
                .ok_or_else(|| ApiError::invalid("no such comment on this item to reply to"))?;
            // Replies stay one level deep: answering a reply answers its thread.
            Some(match parent.parent_id.clone() {
                Some(top) => comments::in_org(pool, &caller.org.id, &top)
                    .await?
                    .ok_or_else(|| ApiError::invalid("no such comment on this item to reply to"))?,
                None => parent,
            })
        }
    };
    if request.mentions.len() > MAX_MENTIONS {
        return Err(ApiError::invalid(format!(
            "a comment mentions at most {MAX_MENTIONS} people"
        )));
    }
    let mut mentioned: Vec<String> = Vec::new();
    for user_id in &request.mentions {
        let person = users::member_in_org(pool, &caller.org.id, user_id)
            .await?
            .filter(|m| m.active)
            .ok_or_else(|| {
                ApiError::invalid("a mention names no active person of your organisation")
            })?;
        mentioned.push(person.id);
    }
    if request.mention_experts {
        for tag in &item.tags {
            for expert in experts::on_tag(pool, &caller.org.id, Some(tag)).await? {
                mentioned.push(expert.user_id);
            }
        }
    }
    let reviewed = request.target != Target::Attempt
        && caller.user.role == Role::Member
        && orgs::policy(pool, &caller.org.id)
            .await?
            .is_some_and(|policy| policy.review_uploads);
    let status = if reviewed {
        Status::Held
    } else {
        Status::Visible
    };
    mentioned.sort();
    mentioned.dedup();
    let id = comments::add(
        pool,
        &caller.org.id,
        &NewComment {
            target: request.target,
            target_id: &request.target_id,
            parent_id: parent.as_ref().map(|p| p.id.as_str()),
            author_id: &caller.user.id,
            at_ms,
            body: &body,
            review_id: None,
            mentions: &mentioned,
            status,
        },
    )
    .await?;
    let comment = comments::in_org(pool, &caller.org.id, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if status == Status::Visible {
        tell_about(&state, &caller.org.id, &comment, &item.title, &item.link).await?;
    }
    Ok((StatusCode::CREATED, Json(comment.into())))
}

/// Tells the author of the comment answered and the people mentioned (once each, never the
/// comment's author), when the comment becomes visible.
async fn tell_about(
    state: &AppState,
    org_id: &str,
    comment: &Comment,
    title: &str,
    link: &str,
) -> Result<(), ApiError> {
    let pool = state.db.pool();
    let author = comment.author_name.as_deref().unwrap_or("Someone");
    let excerpt: String = comment.body.chars().take(280).collect();
    let link = match comment.at_ms {
        Some(ms) => format!("{link}?t={}", ms / 1000),
        None => link.to_owned(),
    };
    let mut told: Vec<String> = comment.author_id.iter().cloned().collect();
    let answered = match &comment.parent_id {
        Some(parent) => comments::in_org(pool, org_id, parent)
            .await?
            .and_then(|p| p.author_id),
        None => None,
    };
    let replied = answered.into_iter().map(|person| (person, Kind::Reply));
    let mentioned = comment
        .mentions
        .iter()
        .map(|person| (person.clone(), Kind::Mention));
    for (person, kind) in replied.chain(mentioned) {
        if told.contains(&person) {
            continue;
        }
        let title = match kind {
            Kind::Reply => format!("{author} replied to you on “{title}”"),
            _ => format!("{author} mentioned you on “{title}”"),
        };
        let notice = Notice {
            kind,
            title,
            body: excerpt.clone(),
            link: link.clone(),
        };
        notifications::notify(&state.db, org_id, &person, &notice).await?;
        told.push(person);
    }
    Ok(())
}

/// Members' comments waiting for a trainer, oldest first. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/comments/held", tag = "discussion",
    responses((status = 200, body = CommentList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn held_comments(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<CommentList>, ApiError> {
    let items = comments::held(state.db.pool(), &caller.org.id)
        .await?
        .into_iter()
        .map(CommentView::from)
        .collect();
    Ok(Json(CommentList { items }))
}

/// A comment of the organisation on an item the caller may see.
async fn visible_comment(
    state: &AppState,
    caller: &Caller<Member>,
    id: &str,
) -> Result<(Comment, Discussed), ApiError> {
    let comment = comments::in_org(state.db.pool(), &caller.org.id, id)
        .await?
        .filter(|c| {
            c.status == Status::Visible
                || caller.is_trainer()
                || c.author_id.as_deref() == Some(caller.user.id.as_str())
        })
        .ok_or(ApiError::NotFound)?;
    let item = discussed(state, caller, comment.target, &comment.target_id).await?;
    Ok((comment, item))
}

fn check_author(caller: &Caller<Member>, comment: &Comment, what: &str) -> Result<(), ApiError> {
    if comment.author_id.as_deref() == Some(caller.user.id.as_str()) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!(
            "only its author {what} a comment"
        )))
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CommentChange {
    #[schema(min_length = 1, max_length = 5000, pattern = r"\S")]
    pub body: String,
}

/// Change a comment's text. Its author.
#[utoipa::path(patch, path = "/api/v1/comments/{comment_id}", tag = "discussion", request_body = CommentChange,
    params(("comment_id" = String, Path)),
    responses((status = 200, body = CommentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn edit_comment(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(comment_id): Path<String>,
    Json(change): Json<CommentChange>,
) -> Result<Json<CommentView>, ApiError> {
    let (comment, _) = visible_comment(&state, &caller, &comment_id).await?;
    check_author(&caller, &comment, "edits")?;
    let body = check_body(&change.body)?;
    comments::edit(state.db.pool(), &comment.id, &body).await?;
    let comment = comments::in_org(state.db.pool(), &caller.org.id, &comment.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(comment.into()))
}

/// Delete a comment with its replies. Its author.
#[utoipa::path(delete, path = "/api/v1/comments/{comment_id}", tag = "discussion",
    params(("comment_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_comment(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(comment_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let (comment, _) = visible_comment(&state, &caller, &comment_id).await?;
    check_author(&caller, &comment, "deletes")?;
    comments::delete(state.db.pool(), &comment.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What a trainer makes of a comment.
#[derive(Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Moderation {
    /// Lets a held comment through, or shows a hidden one again.
    Visible,
    /// Hides it from everyone but trainers and its author.
    Hidden,
}

#[derive(Deserialize, ToSchema)]
pub struct StatusChange {
    pub status: Moderation,
}

/// Let a held comment through, hide a comment, or show it again. Trainers and admins.
#[utoipa::path(put, path = "/api/v1/comments/{comment_id}/status", tag = "discussion", request_body = StatusChange,
    params(("comment_id" = String, Path)),
    responses((status = 200, body = CommentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_comment_status(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(comment_id): Path<String>,
    Json(change): Json<StatusChange>,
) -> Result<Json<CommentView>, ApiError> {
    let status = match change.status {
        Moderation::Visible => Status::Visible,
        Moderation::Hidden => Status::Hidden,
    };
    let pool = state.db.pool();
    let comment = comments::in_org(pool, &caller.org.id, &comment_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    comments::set_status(pool, &comment.id, status).await?;
    if comment.status == Status::Held && status == Status::Visible {
        // Let through: now the people it answers and mentions hear of it.
        let item = discussed(&state, &caller, comment.target, &comment.target_id).await?;
        tell_about(&state, &caller.org.id, &comment, &item.title, &item.link).await?;
    }
    let comment = comments::in_org(pool, &caller.org.id, &comment.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(comment.into()))
}
