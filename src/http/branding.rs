//! Branding: each organisation's name, logo, colours and welcome message. Public to read, so the
//! sign-in page wears the company's look before anyone signs in.

use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{self, Admin, Caller};
use super::error::ErrorBody;
use super::pictures::{serve_picture, store_picture};
use super::{ApiError, AppState, Json, Query};
use crate::db::orgs::{self, Branding};
use crate::storage::ObjectKey;
use crate::transcode::picture::{MAX_IMAGE_BYTES, Output};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_branding, set_branding))
}

/// Routes that take a picture as the request body.
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_logo, put_logo))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_IMAGE_BYTES + 1024))
}

/// Logos are PNG (transparency kept), at most 512×512.
const LOGO: Output = Output::Png {
    max_width: 512,
    max_height: 512,
};

#[derive(Deserialize, IntoParams)]
pub struct WhichOrg {
    /// The organisation's slug; default: the caller's, or the default organisation.
    pub org: Option<String>,
}

/// The branding of an organisation. Public.
#[utoipa::path(get, path = "/api/v1/branding", tag = "organisation", params(WhichOrg),
    responses((status = 200, body = Branding), (status = 404, body = ErrorBody)))]
async fn get_branding(
    State(state): State<AppState>,
    Query(which): Query<WhichOrg>,
    headers: HeaderMap,
) -> Result<Json<Branding>, ApiError> {
    let org_id = which_org(&state, &which, &headers).await?;
    Ok(Json(
        orgs::branding(state.db.pool(), &org_id)
            .await?
            .ok_or(ApiError::NotFound)?,
    ))
}

/// The organisation asked for: by slug, else the caller's, else the default one.
async fn which_org(
    state: &AppState,
    which: &WhichOrg,
    headers: &HeaderMap,
) -> Result<String, ApiError> {
    let pool = state.db.pool();
    Ok(
        match (&which.org, auth::authenticate(state, headers).await?) {
            (Some(slug), _) => {
                orgs::by_slug(pool, slug)
                    .await?
                    .ok_or(ApiError::NotFound)?
                    .id
            }
            (None, Some(identity)) => identity.org.id,
            (None, None) => orgs::ensure_default(pool).await?.id,
        },
    )
}

/// The organisation's logo (PNG). Public, like the rest of the branding.
#[utoipa::path(get, path = "/api/v1/branding/logo", tag = "organisation", params(WhichOrg),
    responses((status = 200, description = "a PNG picture", content_type = "image/png"), (status = 404, body = ErrorBody)))]
async fn get_logo(
    State(state): State<AppState>,
    Query(which): Query<WhichOrg>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let org_id = which_org(&state, &which, &headers).await?;
    let key = orgs::logo_key(state.db.pool(), &org_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    serve_picture(&state, &key, LOGO.content_type(), "public, max-age=300").await
}

/// Upload the organisation's logo (PNG, JPEG, WebP or GIF as the request body, at most 10 MiB);
/// it is re-encoded as a PNG of at most 512×512. Admins.
#[utoipa::path(put, path = "/api/v1/branding/logo", tag = "organisation",
    request_body(content = inline(super::openapi::Binary), content_type = "image/*", description = "A PNG, JPEG, WebP or GIF picture, up to 10 MiB"),
    responses((status = 200, body = Branding), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody)))]
async fn put_logo(
    State(state): State<AppState>,
    caller: Caller<Admin>,
    body: Body,
) -> Result<Json<Branding>, ApiError> {
    let pool = state.db.pool();
    let key = ObjectKey::new(format!(
        "branding/{}/logo-{}.png",
        caller.org.id,
        crate::db::new_id()
    ))?;
    store_picture(&state, body, &key, LOGO).await?;
    let old = orgs::logo_key(pool, &caller.org.id).await?;
    orgs::set_logo(pool, &caller.org.id, Some(key.as_str())).await?;
    if let Some(old) = old {
        let _ = state.store.delete(&ObjectKey::new(old)?).await;
    }
    Ok(Json(
        orgs::branding(pool, &caller.org.id)
            .await?
            .ok_or(ApiError::NotFound)?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct BrandingChange {
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    /// `#rrggbb`, any colour (the web app derives readable text on it); empty or null for the
    /// default.
    #[schema(pattern = r"^\s*(#[0-9a-fA-F]{6})?\s*$")]
    pub primary_color: Option<String>,
    /// `#rrggbb`, any colour (the web app derives a readable shade where it needs one); empty
    /// or null for the default.
    #[schema(pattern = r"^\s*(#[0-9a-fA-F]{6})?\s*$")]
    pub accent_color: Option<String>,
    /// Up to 500 characters, shown on the sign-in page.
    #[schema(max_length = 500)]
    pub welcome_message: Option<String>,
}

/// A colour as given, `#rrggbb` in lower case; `None` for empty. Any colour is accepted: the web
/// app derives readable text and control colours from it (WCAG AA).
fn check_color(color: Option<String>, what: &str) -> Result<Option<String>, ApiError> {
    let Some(color) = color
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty())
    else {
        return Ok(None);
    };
    let hex = color.strip_prefix('#').unwrap_or_default();
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::invalid(format!(
            "the {what} colour must be written #rrggbb"
        )));
    }
    Ok(Some(color))
}

/// Set the organisation's branding. Admins.
#[utoipa::path(put, path = "/api/v1/branding", tag = "organisation", request_body = BrandingChange,
    responses((status = 200, body = Branding), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_branding(
    State(state): State<AppState>,
    caller: Caller<Admin>,
    Json(change): Json<BrandingChange>,
) -> Result<Json<Branding>, ApiError> {
    let name = change.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::invalid("the name must be 1 to 100 characters"));
    }
    let welcome = change
        .welcome_message
        .map(|w| w.trim().to_owned())
        .filter(|w| !w.is_empty());
    if welcome.as_ref().is_some_and(|w| w.chars().count() > 500) {
        return Err(ApiError::invalid(
            "the welcome message must be at most 500 characters",
        ));
    }
    let current = orgs::branding(state.db.pool(), &caller.org.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let branding = Branding {
        name: name.to_owned(),
        logo_url: current.logo_url,
        primary_color: check_color(change.primary_color, "primary")?,
        accent_color: check_color(change.accent_color, "accent")?,
        welcome_message: welcome,
    };
    orgs::set_branding(state.db.pool(), &caller.org.id, &branding).await?;
    Ok(Json(branding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_colour_written_rrggbb_is_kept_in_lower_case() {
        assert_eq!(
            check_color(Some(" #FFEB3B ".into()), "primary").unwrap(),
            Some("#ffeb3b".into())
        );
        assert_eq!(check_color(Some("".into()), "primary").unwrap(), None);
        for wrong in ["blue", "#12345", "#1234567", "#gggggg", "ffeb3b"] {
            assert!(
                check_color(Some(wrong.into()), "primary").is_err(),
                "{wrong}"
            );
        }
    }
}
