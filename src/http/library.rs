//! The library: external resources, and search over everything (videos, handouts, resources)
//! of the caller's organisation, best match first.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::library::{self, Entry, Hit};
use crate::db::{new_id, now_ms};

/// Results per page.
const PAGE: i64 = 20;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search))
        .routes(routes!(create_resource))
}

/// Tags as stored: lower-case words joined by single spaces, at most 20.
pub fn normalize_tags(tags: &[String]) -> String {
    let mut words: Vec<String> = tags
        .iter()
        .map(|t| t.trim().to_lowercase().replace(char::is_whitespace, "-"))
        .filter(|t| !t.is_empty() && t.len() <= 40)
        .collect();
    words.dedup();
    words.truncate(20);
    words.join(" ")
}

#[derive(Deserialize, ToSchema)]
pub struct NewResource {
    pub title: String,
    /// An http(s) link: a blog post, podcast, slide deck or public video.
    pub url: String,
    #[serde(default)]
    pub tagline: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Resource {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    pub tagline: String,
    pub description: String,
    pub tags: Vec<String>,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// Add an external resource to the library. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/resources", tag = "library", request_body = NewResource,
    responses((status = 201, body = Resource), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_resource(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(new): Json<NewResource>,
) -> Result<(StatusCode, Json<Resource>), ApiError> {
    let title = new.title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(ApiError::invalid("the title must be 1 to 200 characters"));
    }
    let url = url::Url::parse(new.url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .ok_or_else(|| ApiError::invalid("the link must be an http:// or https:// URL"))?;
    let tags = normalize_tags(&new.tags);
    let (id, now) = (new_id(), now_ms());
    sqlx::query(
        "insert into resources (id, org_id, owner_id, title, url, tagline, description, tags, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(&caller.org.id)
    .bind(&caller.user.id)
    .bind(title)
    .bind(url.as_str())
    .bind(new.tagline.trim())
    .bind(new.description.trim())
    .bind(&tags)
    .bind(now)
    .execute(state.db.pool())
    .await?;
    let entry = Entry {
        item_id: &id,
        org_id: &caller.org.id,
        kind: "resource",
        created_at: now,
        title,
        tagline: new.tagline.trim(),
        description: new.description.trim(),
        tags: &tags,
    };
    library::index(&state.db, &entry).await?;
    Ok((
        StatusCode::CREATED,
        Json(Resource {
            id,
            kind: "resource",
            title: title.to_owned(),
            url: url.to_string(),
            tagline: new.tagline.trim().to_owned(),
            description: new.description.trim().to_owned(),
            tags: tags.split_whitespace().map(str::to_owned).collect(),
            created_at: now,
        }),
    ))
}

#[derive(Deserialize, IntoParams)]
pub struct LibraryQuery {
    /// Words to look for in titles, tag-lines, descriptions and tags.
    pub q: Option<String>,
    pub tag: Option<String>,
    /// video | handout | resource
    pub kind: Option<String>,
    /// From the previous page's `next_cursor`.
    pub cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LibraryPage {
    pub items: Vec<Hit>,
    /// Pass back as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}

/// Search the organisation's library, best match first. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/library", tag = "library", params(LibraryQuery),
    responses((status = 200, body = LibraryPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn search(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Query(query): Query<LibraryQuery>,
) -> Result<Json<LibraryPage>, ApiError> {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let offset = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(cursor) => b64
            .decode(cursor)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|s| s.strip_prefix("o:").and_then(|n| n.parse::<i64>().ok()))
            .filter(|n| *n >= 0)
            .ok_or_else(|| ApiError::bad_request("the cursor is not one this server gave"))?,
        None => 0,
    };
    let kind = query.kind.as_deref().filter(|k| !k.is_empty());
    if kind.is_some_and(|k| !matches!(k, "video" | "handout" | "resource")) {
        return Err(ApiError::bad_request("kind is video, handout or resource"));
    }
    let items = library::search(
        &state.db,
        &caller.org.id,
        query.q.as_deref().unwrap_or(""),
        query.tag.as_deref().filter(|t| !t.is_empty()),
        kind,
        offset,
        PAGE,
    )
    .await?;
    let next_cursor =
        (items.len() as i64 == PAGE).then(|| b64.encode(format!("o:{}", offset + PAGE)));
    Ok(Json(LibraryPage { items, next_cursor }))
}
