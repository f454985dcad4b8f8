//! Who is calling, and may they: the [`Caller`] extractor and the session cookie.
//!
//! A handler names `Caller<Member>`, `Caller<Trainer>` or `Caller<Admin>` in its signature; the
//! extractor authenticates the request (session cookie or `Authorization: Bearer`) and checks
//! the role, so a handler without it is visibly public. Every query a handler makes is then
//! scoped to `caller.org.id`; a resource of another organisation answers 404, never 403.

use std::marker::PhantomData;

use axum::extract::{FromRef, FromRequestParts};
use axum::http::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};

use super::{ApiError, AppState, HOST_SESSION_COOKIE, SESSION_COOKIE};
use crate::db::orgs::Org;
use crate::db::sessions::{self, Identity, SESSION_TTL_MS};
use crate::db::users::{Role, User};

/// The least role a route requires, as a type so handlers state it in their signature.
pub trait RequiredRole: Send + Sync + 'static {
    const ROLE: Role;
    /// Whether a person who must first set a new password may call the route.
    const BEFORE_NEW_PASSWORD: bool = false;
}

/// Any signed-in person, even one who must set a new password before anything else (who may
/// only see who they are, sign out and change the password).
pub struct Someone;
/// Any signed-in person.
pub struct Member;
/// Trainers and admins.
pub struct Trainer;
/// Admins only.
pub struct Admin;

impl RequiredRole for Someone {
    const ROLE: Role = Role::Member;
    const BEFORE_NEW_PASSWORD: bool = true;
}
impl RequiredRole for Member {
    const ROLE: Role = Role::Member;
}
impl RequiredRole for Trainer {
    const ROLE: Role = Role::Trainer;
}
impl RequiredRole for Admin {
    const ROLE: Role = Role::Admin;
}

/// An authenticated caller holding at least role `R`.
pub struct Caller<R: RequiredRole = Member> {
    pub user: User,
    pub org: Org,
    _role: PhantomData<R>,
}

impl<R: RequiredRole> Caller<R> {
    /// Whether the caller may act as a trainer (trainers and admins).
    pub fn is_trainer(&self) -> bool {
        self.user.role >= Role::Trainer
    }
}

impl<S, R> FromRequestParts<S> for Caller<R>
where
    AppState: FromRef<S>,
    S: Send + Sync,
    R: RequiredRole,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let identity = match parts.extensions.get::<Identity>() {
            Some(identity) => identity.clone(),
            None => {
                let state = AppState::from_ref(state);
                let identity = authenticate(&state, &parts.headers)
                    .await?
                    .ok_or(ApiError::Unauthorized)?;
                parts.extensions.insert(identity.clone());
                identity
            }
        };
        if identity.user.must_change_password && !R::BEFORE_NEW_PASSWORD {
            return Err(ApiError::Forbidden(
                "set a new password first (POST /api/v1/auth/password)".into(),
            ));
        }
        if identity.user.role < R::ROLE {
            return Err(ApiError::Forbidden(format!(
                "this needs the {} role; you are a {}",
                R::ROLE,
                identity.user.role
            )));
        }
        Ok(Caller {
            user: identity.user,
            org: identity.org,
            _role: PhantomData,
        })
    }
}

/// The identity behind the request's bearer token or session cookie, if any is valid.
pub async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Identity>, ApiError> {
    if let Some(token) = bearer_token(headers) {
        return Ok(sessions::identity_by_token(state.db.pool(), token).await?);
    }
    if let Some(token) = session_cookie(headers) {
        return Ok(sessions::identity_by_session(state.db.pool(), token).await?);
    }
    Ok(None)
}

pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// The value of the session cookie, when the request carries one.
pub fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, value)| {
            (*name == HOST_SESSION_COOKIE || *name == SESSION_COOKIE) && !value.is_empty()
        })
        // The `__Host-` one first, if a browser somehow holds both.
        .min_by_key(|(name, _)| *name != HOST_SESSION_COOKIE)
        .map(|(_, value)| value)
}

/// The session cookie's name and attributes as this server sets it: `__Host-` and `Secure`
/// over HTTPS.
fn cookie_name_and_secure(state: &AppState) -> (&'static str, &'static str) {
    if state.config.is_https() {
        (HOST_SESSION_COOKIE, "; Secure")
    } else {
        (SESSION_COOKIE, "")
    }
}

/// `Set-Cookie` for a new session: HttpOnly, SameSite=Lax, and over HTTPS `__Host-` and Secure.
pub fn session_set_cookie(state: &AppState, token: &str) -> (axum::http::HeaderName, HeaderValue) {
    let (name, secure) = cookie_name_and_secure(state);
    let value = format!(
        "{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        SESSION_TTL_MS / 1000
    );
    (
        SET_COOKIE,
        HeaderValue::from_str(&value).expect("token is URL-safe base64"),
    )
}

/// `Set-Cookie` that removes the session cookie.
pub fn session_clear_cookie(state: &AppState) -> (axum::http::HeaderName, HeaderValue) {
    let (name, secure) = cookie_name_and_secure(state);
    let value = format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}");
    (
        SET_COOKIE,
        HeaderValue::from_str(&value).expect("static cookie"),
    )
}
