//! The OpenAPI document's frame: title, security schemes and shared schemas. The paths come from
//! the handlers' `#[utoipa::path]` attributes, collected by the routers; [`complete`] then adds
//! the answers that every route of a kind gives (a JSON body that cannot be read, a query that
//! cannot be parsed), so the document lists every status a client can meet.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use super::error::{ErrorBody, ErrorDetail};
use crate::db::library::ItemKind;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Reelhouse API",
        description = "Self-hosted video learning: uploads, adaptive HLS, playlists and progress."
    ),
    // ItemKind: the library's filter by kind names it only as a query parameter.
    components(schemas(ErrorBody, ErrorDetail, ItemKind)),
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

/// Raw bytes in a request body (a picture, a chunk of an upload), as the document describes
/// them: `content = inline(Binary)`.
pub struct Binary;

impl utoipa::PartialSchema for Binary {
    fn schema() -> RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .into()
    }
}

impl utoipa::ToSchema for Binary {}

/// The document before any path is added.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// Adds to every operation the error answers its extractors give, where the handler's own
/// list lacks them: a JSON body answers 400 (not JSON), 413 (too large), 415 (not
/// `application/json`) and 422 (JSON of the wrong shape); a query string answers 400 when it
/// cannot be read as the parameters say.
pub fn complete(mut openapi: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    for item in openapi.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            add_extractor_errors(operation);
        }
    }
    openapi
}

fn add_extractor_errors(operation: &mut Operation) {
    let json_body = operation
        .request_body
        .as_ref()
        .is_some_and(|body| body.content.contains_key("application/json"));
    let has_query = operation
        .parameters
        .iter()
        .flatten()
        .any(|p| p.parameter_in == ParameterIn::Query);
    let mut statuses: Vec<(&str, &str)> = Vec::new();
    if json_body {
        statuses.extend([
            ("400", "The body is not JSON."),
            ("413", "The body is too large."),
            ("415", "The body is not sent as application/json."),
            ("422", "The JSON does not have the shape this route takes."),
        ]);
    }
    if has_query {
        statuses.push((
            "400",
            "The query string cannot be read as its parameters say.",
        ));
    }
    for (status, description) in statuses {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::T(error_response(description)));
    }
}

/// An answer in the API's error shape.
fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}
