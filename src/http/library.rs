//! The library: external resources, the fields every item shares (and who may edit them), and
//! search over everything (videos, handouts, resources) of the caller's organisation, best match
//! first, with the experts to ask about a tag.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json, Query};
use crate::db::experts::{self, Expert, LogEntry};
use crate::db::library::{self, Fields, Hit, ItemKind, Search, split_tags, text};
use crate::db::resources::{self, Resource};
use crate::db::{new_id, now_ms};

/// Results per page.
const PAGE: i64 = 20;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search))
        .routes(routes!(create_resource))
        .routes(routes!(get_resource, update_resource, delete_resource))
        .routes(routes!(open_resource))
}

/// A change to the fields every library item has; what is left out stays as it is.
#[derive(Deserialize, ToSchema, Default)]
pub struct ItemChange {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: Option<String>,
    #[schema(max_length = 300)]
    pub tagline: Option<String>,
    #[schema(max_length = 20000)]
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
}

impl ItemChange {
    /// The item's fields after this change, checked.
    pub fn apply(self, mut fields: Fields) -> Result<Fields, ApiError> {
        if let Some(title) = self.title {
            fields.title = title.trim().to_owned();
        }
        if fields.title.is_empty() || fields.title.chars().count() > 200 {
            return Err(ApiError::invalid("the title must be 1 to 200 characters"));
        }
        if let Some(tagline) = self.tagline {
            fields.tagline = tagline.trim().to_owned();
        }
        if fields.tagline.chars().count() > 300 {
            return Err(ApiError::invalid(
                "the tag-line must be at most 300 characters",
            ));
        }
        if let Some(description) = self.description {
            fields.description = description.trim().to_owned();
        }
        if fields.description.chars().count() > 20_000 {
            return Err(ApiError::invalid(
                "the description must be at most 20,000 characters",
            ));
        }
        if let Some(tags) = self.tags {
            fields.tags = tags;
        }
        fields.tags = split_tags(&library::normalize_tags(&fields.tags));
        Ok(fields)
    }
}

/// Whether the caller may edit an item: trainers any of their organisation's, others their own.
pub fn may_edit<R: super::auth::RequiredRole>(caller: &Caller<R>, owner_id: &str) -> bool {
    caller.is_trainer() || caller.user.id == owner_id
}

#[derive(Deserialize, ToSchema)]
pub struct NewResource {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    /// An http(s) link: a blog post, podcast, slide deck or public video.
    #[schema(
        max_length = 2000,
        pattern = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[!-~]*)?$"
    )]
    pub url: String,
    #[serde(default)]
    #[schema(max_length = 300)]
    pub tagline: String,
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub description: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A resource as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct ResourceView {
    #[serde(flatten)]
    pub resource: Resource,
    /// Always `resource`.
    pub kind: &'static str,
}

pub(crate) fn checked_url(url: &str) -> Result<String, ApiError> {
    url::Url::parse(url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .filter(|u| u.as_str().len() <= 2000)
        .map(|u| u.to_string())
        .ok_or_else(|| ApiError::invalid("the link must be an http:// or https:// URL"))
}

/// Add an external resource to the library. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/resources", tag = "library", request_body = NewResource,
    responses((status = 201, body = ResourceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_resource(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(new): Json<NewResource>,
) -> Result<(StatusCode, Json<ResourceView>), ApiError> {
    let fields = ItemChange {
        title: Some(new.title),
        tagline: Some(new.tagline),
        description: Some(new.description),
        tags: Some(new.tags),
    }
    .apply(Fields::default())?;
    let now = now_ms();
    let resource = Resource {
        id: new_id(),
        org_id: caller.org.id.clone(),
        owner_id: caller.user.id.clone(),
        title: fields.title,
        url: checked_url(&new.url)?,
        tagline: fields.tagline,
        description: fields.description,
        tags: fields.tags.join(" "),
        created_at: now,
        updated_at: now,
    };
    resources::create(state.db.pool(), &resource).await?;
    library::reindex(&state.db, "resource", &resource.id).await?;
    Ok((
        StatusCode::CREATED,
        Json(ResourceView {
            resource,
            kind: "resource",
        }),
    ))
}

pub(crate) async fn resource_in_org(
    state: &AppState,
    org_id: &str,
    id: &str,
) -> Result<Resource, ApiError> {
    resources::in_org(state.db.pool(), org_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// An external resource of the organisation. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/resources/{resource_id}", tag = "library",
    params(("resource_id" = String, Path)),
    responses((status = 200, body = ResourceView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_resource(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(resource_id): Path<String>,
) -> Result<Json<ResourceView>, ApiError> {
    let resource = resource_in_org(&state, &caller.org.id, &resource_id).await?;
    Ok(Json(ResourceView {
        resource,
        kind: "resource",
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ResourceChange {
    #[serde(flatten)]
    pub fields: ItemChange,
    /// An http(s) link.
    #[schema(
        max_length = 2000,
        pattern = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[!-~]*)?$"
    )]
    pub url: Option<String>,
}

/// Change a resource's link, title, tag-line, description or tags. Trainers and admins.
#[utoipa::path(patch, path = "/api/v1/resources/{resource_id}", tag = "library", request_body = ResourceChange,
    params(("resource_id" = String, Path)),
    responses((status = 200, body = ResourceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_resource(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(resource_id): Path<String>,
    Json(change): Json<ResourceChange>,
) -> Result<Json<ResourceView>, ApiError> {
    let resource = resource_in_org(&state, &caller.org.id, &resource_id).await?;
    let current = Fields {
        title: resource.title,
        tagline: resource.tagline,
        description: resource.description,
        tags: split_tags(&resource.tags),
    };
    let fields = change.fields.apply(current)?;
    if let Some(url) = change.url {
        resources::set_url(
            state.db.pool(),
            &caller.org.id,
            &resource.id,
            &checked_url(&url)?,
        )
        .await?;
    }
    library::update_fields(&state.db, "resource", &caller.org.id, &resource.id, &fields).await?;
    let resource = resource_in_org(&state, &caller.org.id, &resource.id).await?;
    Ok(Json(ResourceView {
        resource,
        kind: "resource",
    }))
}

/// Remove a resource from the library and from every playlist. Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/resources/{resource_id}", tag = "library",
    params(("resource_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_resource(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(resource_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let resource = resource_in_org(&state, &caller.org.id, &resource_id).await?;
    resources::delete(state.db.pool(), &caller.org.id, &resource.id).await?;
    forget_item(&state, &caller.org.id, &resource.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes a video, handout or resource being deleted out of the index, the playlists, the
/// record of who opened it and its discussion.
pub async fn forget_item(state: &AppState, org_id: &str, item_id: &str) -> Result<(), ApiError> {
    library::remove(&state.db, item_id).await?;
    crate::db::playlists::forget_item(state.db.pool(), org_id, item_id).await?;
    crate::db::opens::forget(state.db.pool(), org_id, item_id).await?;
    crate::db::comments::forget(state.db.pool(), org_id, item_id).await?;
    Ok(())
}

#[derive(Serialize, ToSchema)]
pub struct Opened {
    /// Where to send the person.
    pub url: String,
}

/// Open an external resource: records that the caller opened it (which completes it in their
/// playlists) and gives its link. Any signed-in person.
#[utoipa::path(post, path = "/api/v1/resources/{resource_id}/open", tag = "library",
    params(("resource_id" = String, Path)),
    responses((status = 200, body = Opened), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn open_resource(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(resource_id): Path<String>,
) -> Result<Json<Opened>, ApiError> {
    let resource = resource_in_org(&state, &caller.org.id, &resource_id).await?;
    crate::db::opens::record(
        state.db.pool(),
        &caller.org.id,
        &caller.user.id,
        "resource",
        &resource.id,
    )
    .await?;
    Ok(Json(Opened { url: resource.url }))
}

#[derive(Deserialize, IntoParams)]
pub struct LibraryQuery {
    /// Words to look for in titles, tag-lines, descriptions and tags.
    pub q: Option<String>,
    pub tag: Option<String>,
    pub kind: Option<ItemKind>,
    /// From the previous page's `next_cursor`.
    pub cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LibraryPage {
    pub items: Vec<Hit>,
    /// The people to ask about what was looked for: experts on a tag that shares a word (or a
    /// word's stem) with the query's words or the `tag` filter.
    pub experts: Vec<Expert>,
    /// People outside the organisation to ask, from the expert log trainers keep: those with a
    /// tag that shares a word (or a word's stem) with the query's words or the `tag` filter.
    pub external_experts: Vec<LogEntry>,
    /// Pass back as `cursor` for the next page; null on the last.
    #[schema(required = true)]
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
    let tag = query
        .tag
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| library::normalize_tags(&[t.to_owned()]));
    let search = Search {
        org_id: caller.org.id.clone(),
        terms: text::terms(query.q.as_deref().unwrap_or("")),
        tag,
        kind: query.kind.map(|k| k.as_str().to_owned()),
        offset,
        limit: PAGE,
    };
    let items = library::search(&state.db, &search).await?;
    // The people to ask about what was looked for: experts whose tags share a word with the
    // query or the tag ("forklift" finds the expert on "forklift-safety").
    let mut stems: Vec<String> = search.terms.iter().map(|t| t.stem.clone()).collect();
    stems.extend(
        search
            .tag
            .iter()
            .flat_map(|t| text::words(t).map(|w| text::stem(&w))),
    );
    let experts =
        experts::on_words_seen_by(state.db.pool(), &caller.org.id, &stems, &caller.user.id).await?;
    let external_experts =
        experts::external_on_words(state.db.pool(), &caller.org.id, &stems).await?;
    let next_cursor =
        (items.len() as i64 == PAGE).then(|| b64.encode(format!("o:{}", offset + PAGE)));
    Ok(Json(LibraryPage {
        items,
        experts,
        external_experts,
        next_cursor,
    }))
}
