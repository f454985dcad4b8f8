//! Subject experts: people mark themselves as experts on tags (or trainers mark them),
//! colleagues vouch for them, trainers keep a log of experts outside the organisation (and
//! notes on colleagues), and the library shows who to ask about a tag.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::{ErrorBody, text_field};
use super::{ApiError, AppState, Json, Query};
use crate::db::experts::{self, Channel, Expert, LogEntry};
use crate::db::library::{normalize_tags, split_tags};
use crate::db::{new_id, now_ms, users};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_experts))
        .routes(routes!(set_my_expertise))
        .routes(routes!(set_expertise))
        .routes(routes!(expert_topic))
        .routes(routes!(endorse_expert, unendorse_expert))
        .routes(routes!(list_expert_log, create_expert_log_entry))
        .routes(routes!(update_expert_log_entry, delete_expert_log_entry))
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
    let items = experts::on_tag_seen_by(
        state.db.pool(),
        &caller.org.id,
        tag.as_deref(),
        &caller.user.id,
    )
    .await?;
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

#[derive(Serialize, ToSchema)]
pub struct ExpertTopic {
    /// The tag, normalised.
    pub tag: String,
    /// Colleagues who know the topic, most endorsed first, then by name.
    pub experts: Vec<Expert>,
    /// People outside the organisation tagged with it in the expert log, by name.
    pub external_experts: Vec<LogEntry>,
}

/// A topic's page: the colleagues who know a tag (with how many colleagues vouched for each,
/// whether the caller did, and the expert log's word on them) and the people outside the
/// organisation the expert log tags with it. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/experts/topics/{tag}", tag = "library",
    params(("tag" = String, Path)),
    responses((status = 200, body = ExpertTopic), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn expert_topic(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(tag): Path<String>,
) -> Result<Json<ExpertTopic>, ApiError> {
    let tag = normalize_tags(&[tag]);
    if tag.is_empty() {
        return Err(ApiError::NotFound);
    }
    let pool = state.db.pool();
    let experts = experts::on_topic(pool, &caller.org.id, &tag, &caller.user.id).await?;
    let external_experts = experts::external_on_tag(pool, &caller.org.id, &tag).await?;
    Ok(Json(ExpertTopic {
        tag,
        experts,
        external_experts,
    }))
}

/// Vouch for a colleague on one of their expert tags (one they declared, or that the expert
/// log gives them). You cannot vouch for yourself. Any signed-in person.
#[utoipa::path(put, path = "/api/v1/experts/{user_id}/endorsements/{tag}", tag = "library",
    params(("user_id" = String, Path), ("tag" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn endorse_expert(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path((user_id, tag)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    let person = users::member_in_org(pool, &caller.org.id, &user_id)
        .await?
        .filter(|m| m.active)
        .ok_or(ApiError::NotFound)?;
    if person.id == caller.user.id {
        return Err(ApiError::invalid("you cannot endorse yourself"));
    }
    let tag = normalize_tags(&[tag]);
    if tag.is_empty() || !experts::has_tag(pool, &caller.org.id, &person.id, &tag).await? {
        return Err(ApiError::NotFound);
    }
    experts::endorse(pool, &caller.org.id, &person.id, &tag, &caller.user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Take back your endorsement of a colleague on a tag (nothing happens when there was none).
/// Any signed-in person.
#[utoipa::path(delete, path = "/api/v1/experts/{user_id}/endorsements/{tag}", tag = "library",
    params(("user_id" = String, Path), ("tag" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn unendorse_expert(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path((user_id, tag)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    let person = users::member_in_org(pool, &caller.org.id, &user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let tag = normalize_tags(&[tag]);
    experts::unendorse(pool, &caller.org.id, &person.id, &tag, &caller.user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct ExpertLog {
    pub items: Vec<LogEntry>,
}

/// The expert log: people outside the organisation to ask, and trainers' notes on colleagues,
/// by name. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/expert-log", tag = "library", params(ExpertQuery),
    responses((status = 200, body = ExpertLog), (status = 401, body = ErrorBody)))]
async fn list_expert_log(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Query(query): Query<ExpertQuery>,
) -> Result<Json<ExpertLog>, ApiError> {
    let tag = query
        .tag
        .filter(|t| !t.trim().is_empty())
        .map(|t| normalize_tags(&[t]));
    let items = experts::log_entries(state.db.pool(), &caller.org.id, tag.as_deref()).await?;
    Ok(Json(ExpertLog { items }))
}

/// An entry of the expert log as trainers write it; a change replaces every field.
#[derive(Deserialize, ToSchema)]
pub struct ExpertLogInput {
    /// The colleague the entry is about (their name is then taken from their profile); leave
    /// out for someone outside the organisation. An entry's person cannot change.
    pub user_id: Option<String>,
    /// The person's name: required for someone outside the organisation.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub name: String,
    /// What they are or where they work: "Supplier's field engineer".
    #[serde(default)]
    #[schema(max_length = 200)]
    pub about: String,
    /// The best channel to reach them.
    pub channel: Channel,
    /// The address, number or handle on that channel.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub contact: String,
    /// An http(s) link: their page, profile or booking form.
    #[schema(
        max_length = 2000,
        pattern = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[!-~]*)?$"
    )]
    pub url: Option<String>,
    /// How helpful they have been.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: String,
    /// The topics they know: 1 to 20 tags.
    #[schema(min_items = 1, max_items = 20)]
    pub tags: Vec<String>,
}

/// The entry `input` asks for, checked. `person_name` is the colleague's name for an entry on a
/// colleague (whose `name` field is then not used).
fn checked_entry(
    id: String,
    user_id: Option<String>,
    person_name: Option<String>,
    input: ExpertLogInput,
) -> Result<LogEntry, ApiError> {
    let name = match person_name {
        Some(name) => name,
        None => {
            let name = input.name.trim().to_owned();
            if name.is_empty() || name.chars().count() > 200 {
                return Err(ApiError::invalid(
                    "the name must be 1 to 200 characters (or name a colleague by user_id)",
                ));
            }
            name
        }
    };
    let about = text_field(&input.about, "what they are (about)", 200, false)?;
    let contact = text_field(&input.contact, "the contact", 200, false)?;
    let note = text_field(&input.note, "the note", 2000, false)?;
    let url = match input
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(url) => Some(super::library::checked_url(url)?),
        None => None,
    };
    if input.tags.len() > 20 {
        return Err(ApiError::invalid("an entry has at most 20 tags"));
    }
    let tags = split_tags(&normalize_tags(&input.tags));
    if tags.is_empty() {
        return Err(ApiError::invalid("give the entry at least one tag"));
    }
    Ok(LogEntry {
        id,
        user_id,
        name,
        about,
        channel: input.channel,
        contact,
        url,
        note,
        tags,
        updated_at: now_ms(),
    })
}

/// Add to the expert log someone outside the organisation, or a note on a colleague (one entry
/// per colleague). Trainers and admins.
#[utoipa::path(post, path = "/api/v1/expert-log", tag = "library", request_body = ExpertLogInput,
    responses((status = 201, body = LogEntry), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_expert_log_entry(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(input): Json<ExpertLogInput>,
) -> Result<(StatusCode, Json<LogEntry>), ApiError> {
    let pool = state.db.pool();
    let (user_id, person_name) = match input.user_id.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(user_id) => {
            let person = users::member_in_org(pool, &caller.org.id, user_id)
                .await?
                .filter(|m| m.active)
                .ok_or_else(|| {
                    ApiError::invalid("the entry names no active person of your organisation")
                })?;
            (Some(person.id), Some(person.name))
        }
        None => (None, None),
    };
    let entry = checked_entry(new_id(), user_id, person_name, input)?;
    if let Some(user_id) = entry.user_id.as_deref()
        && experts::log_entry_of_user(pool, &caller.org.id, user_id)
            .await?
            .is_some()
    {
        return Err(ApiError::Conflict(
            "the expert log already has an entry on this person: change that one".into(),
        ));
    }
    experts::save_log_entry(pool, &caller.org.id, &entry, &caller.user.id).await?;
    let entry = experts::log_entry_in_org(pool, &caller.org.id, &entry.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(entry)))
}

/// Change an entry of the expert log; every field is replaced. Trainers and admins.
#[utoipa::path(put, path = "/api/v1/expert-log/{log_entry_id}", tag = "library", request_body = ExpertLogInput,
    params(("log_entry_id" = String, Path)),
    responses((status = 200, body = LogEntry), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_expert_log_entry(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(log_entry_id): Path<String>,
    Json(input): Json<ExpertLogInput>,
) -> Result<Json<LogEntry>, ApiError> {
    let pool = state.db.pool();
    let current = experts::log_entry_in_org(pool, &caller.org.id, &log_entry_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if let Some(user_id) = input.user_id.as_deref().filter(|u| !u.trim().is_empty())
        && current.user_id.as_deref() != Some(user_id)
    {
        return Err(ApiError::invalid(
            "an entry's person cannot change: remove the entry and add another",
        ));
    }
    let person_name = current.user_id.as_ref().map(|_| current.name.clone());
    let entry = checked_entry(current.id, current.user_id, person_name, input)?;
    experts::save_log_entry(pool, &caller.org.id, &entry, &caller.user.id).await?;
    let entry = experts::log_entry_in_org(pool, &caller.org.id, &entry.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(entry))
}

/// Remove an entry from the expert log. Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/expert-log/{log_entry_id}", tag = "library",
    params(("log_entry_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_expert_log_entry(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(log_entry_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if experts::delete_log_entry(state.db.pool(), &caller.org.id, &log_entry_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}
