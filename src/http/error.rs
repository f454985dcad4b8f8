//! The one error type of the HTTP API, and the JSON shape every error takes:
//! `{"error": {"code": "...", "message": "..."}}`.
//!
//! Client mistakes carry a message meant for people. Server faults (database, store, bugs) are
//! logged with their cause and answer a bare 500/503 whose details never reach the client.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::storage::StoreError;
use crate::upload::UploadError;
use crate::upload::quota::QuotaError;
use crate::upload::staging::StagingError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Validation(String),
    #[error("sign in first")]
    Unauthorized,
    #[error("the email or password is not right")]
    BadCredentials,
    #[error("{0}")]
    Gone(String),
    #[error("{0}")]
    PreconditionFailed(String),
    #[error("{0}")]
    Locked(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{message}")]
    TooManyRequests { message: String, retry_after_s: u64 },
    /// Too much work of one kind at once (checking passwords); worth retrying in a second.
    #[error("{0}")]
    Busy(String),
    #[error("a service the server needs is unavailable; try again shortly")]
    Unavailable(#[source] anyhow::Error),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

/// The body of every error response.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// A stable, machine-readable code such as `not_found` or `invalid`.
    pub code: &'static str,
    /// A sentence for people.
    pub message: String,
}

impl ApiError {
    pub fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized | ApiError::BadCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Gone(_) => StatusCode::GONE,
            ApiError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            ApiError::Locked(_) => StatusCode::LOCKED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) | ApiError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Validation(_) => "invalid",
            ApiError::Unauthorized => "unauthorized",
            ApiError::BadCredentials => "invalid_credentials",
            ApiError::Gone(_) => "gone",
            ApiError::PreconditionFailed(_) => "precondition_failed",
            ApiError::Locked(_) => "locked",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::Conflict(_) => "conflict",
            ApiError::TooLarge(_) => "too_large",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::TooManyRequests { .. } => "rate_limited",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Busy(_) => "busy",
            ApiError::Internal(_) => "internal",
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::BadRequest(message.into())
    }

    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::Validation(message.into())
    }
}

/// A text field of a request, trimmed; a 422 naming it (`what`) when it is longer than `max`
/// characters, or empty and `required`.
pub fn text_field(text: &str, what: &str, max: usize, required: bool) -> Result<String, ApiError> {
    let text = text.trim();
    if (required && text.is_empty()) || text.chars().count() > max {
        let least = usize::from(required);
        return Err(ApiError::invalid(format!(
            "{what} must be {least} to {max} characters"
        )));
    }
    Ok(text.to_owned())
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Internal(err) => tracing::error!(error = ?err, "request failed"),
            ApiError::Unavailable(err) => tracing::warn!(error = ?err, "dependency unavailable"),
            _ => {}
        }
        let status = self.status_code();
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: self.to_string(),
            },
        };
        let mut response = (status, axum::Json(body)).into_response();
        match self {
            ApiError::TooManyRequests { retry_after_s, .. } => {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_s));
            }
            ApiError::Busy(_) => {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(1));
            }
            _ => {}
        }
        response
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> ApiError {
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                ApiError::Unavailable(err.into())
            }
            err if crate::db::is_unique_violation(&err) => {
                ApiError::Conflict("that already exists".into())
            }
            err => ApiError::Internal(err.into()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> ApiError {
        match err {
            StoreError::NotFound(_) | StoreError::InvalidKey(_) => ApiError::NotFound,
            StoreError::InvalidRange => ApiError::BadRequest("the range is not satisfiable".into()),
            err if err.is_transient() => ApiError::Unavailable(err.into()),
            err => ApiError::Internal(err.into()),
        }
    }
}

impl From<StagingError> for ApiError {
    fn from(err: StagingError) -> ApiError {
        match err {
            StagingError::Store(err) => err.into(),
            StagingError::Database(err) => err.into(),
        }
    }
}

impl From<UploadError> for ApiError {
    fn from(err: UploadError) -> ApiError {
        match err {
            UploadError::Store(err) => err.into(),
            UploadError::Database(err) => err.into(),
        }
    }
}

impl From<QuotaError> for ApiError {
    fn from(err: QuotaError) -> ApiError {
        match err {
            QuotaError::Exceeded(sentence) => ApiError::TooLarge(sentence),
            QuotaError::Database(err) => err.into(),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType(
                "send the body as JSON with Content-Type: application/json".into(),
            ),
            JsonRejection::JsonDataError(err) => ApiError::Validation(err.body_text()),
            JsonRejection::BytesRejection(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                ApiError::TooLarge("the request body is too large".into())
            }
            other => ApiError::BadRequest(other.body_text()),
        }
    }
}

/// A JSON request body (or response), with rejections answered in the API's error shape.
///
/// A body is read as JSON first and then into `T`, with whole numbers written with a fraction
/// (`3.0`) taken as the integers they are: JSON Schema, and so the OpenAPI document, counts
/// them as integers, so a client built from the document may send them.
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let axum::Json(mut value) =
            axum::Json::<serde_json::Value>::from_request(request, state).await?;
        integers_as_integers(&mut value);
        serde_json::from_value(value)
            .map(Json)
            .map_err(|err| ApiError::Validation(format!("the JSON does not fit: {err}")))
    }
}

/// Turns every whole number written as a float (`3.0`, `-1e3`) into an integer, in place.
fn integers_as_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(number) => {
            if let Some(float) = number
                .as_f64()
                .filter(|_| !number.is_i64() && !number.is_u64())
                && float.fract() == 0.0
                && float.abs() < 9.0e15
            {
                *value = Value::from(float as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integers_as_integers),
        Value::Object(fields) => fields.values_mut().for_each(integers_as_integers),
        _ => {}
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        ApiError::BadRequest(rejection.body_text())
    }
}

/// `axum::extract::Query`, with rejections answered in the API's error shape (400).
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

/// The answer for `/api/...` paths that name no route.
pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// The answer for a known path asked with a method it does not take.
pub async fn method_not_allowed() -> Response {
    let body = ErrorBody {
        error: ErrorDetail {
            code: "method_not_allowed",
            message: "this method is not allowed here".into(),
        },
    };
    (StatusCode::METHOD_NOT_ALLOWED, axum::Json(body)).into_response()
}
