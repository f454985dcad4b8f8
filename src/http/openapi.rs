//! The OpenAPI document's frame: title, security schemes and shared schemas. The paths come from
//! the handlers' `#[utoipa::path]` attributes, collected by the routers.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::error::{ErrorBody, ErrorDetail};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Reelhouse API",
        description = "Self-hosted video learning: uploads, adaptive HLS, playlists and progress."
    ),
    components(schemas(ErrorBody, ErrorDetail)),
    modifiers(&SecuritySchemes)
)]
struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::http::SESSION_COOKIE,
            ))),
        );
    }
}

/// The document before any path is added.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
