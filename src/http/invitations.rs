//! Invitations: how a new hire arrives. An admin or trainer invites an email address with a role;
//! the single-use link (shown to the inviter to pass on) lets the person set their name and
//! password, and signs them in.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::account::Me;
use super::auth::{self, Caller, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::auth::password;
use crate::db::invitations::{self, Invitation};
use crate::db::users::{self, Role};
use crate::db::{self, assignments, now_ms, playlists, sessions};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_invitations, create_invitation))
        .routes(routes!(revoke_invitation))
        .routes(routes!(resend_invitation))
        .routes(routes!(accept_invitation))
        .routes(routes!(lookup_invitation))
}

#[derive(Deserialize, ToSchema)]
pub struct NewInvitation {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    pub role: Role,
    /// The group the person joins, e.g. "2026-12 warehouse": playlists assigned to the cohort
    /// reach them.
    #[schema(max_length = 100)]
    pub cohort: Option<String>,
    /// On-boarding playlists of the organisation to assign when the person accepts.
    #[serde(default)]
    pub playlist_ids: Vec<String>,
    /// Days from acceptance to the due date of those playlists.
    #[schema(minimum = 0, maximum = 3650)]
    pub due_in_days: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedInvitation {
    pub id: String,
    pub email: String,
    pub role: Role,
    #[schema(required = true)]
    pub cohort: Option<String>,
    /// The playlists assigned on acceptance.
    pub playlist_ids: Vec<String>,
    /// Unix milliseconds.
    pub expires_at: i64,
    /// The link to hand to the person; it works once.
    pub accept_url: String,
    /// The token inside the link, shown only in this response.
    pub token: String,
    /// Whether the link was also emailed to the person (only when SMTP is configured).
    pub emailed: bool,
}

/// Whether a string looks enough like an email address to send to.
fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.len() <= 254
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Invite a person by email with a role, optionally into a cohort and with on-boarding
/// playlists assigned when they accept. Trainers invite members; admins invite any role.
#[utoipa::path(post, path = "/api/v1/invitations", tag = "people", request_body = NewInvitation,
    responses((status = 201, body = CreatedInvitation), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_invitation(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(request): Json<NewInvitation>,
) -> Result<(StatusCode, Json<CreatedInvitation>), ApiError> {
    let email = users::normalize_email(&request.email);
    if !plausible_email(&email) {
        return Err(ApiError::invalid(
            "that does not look like an email address",
        ));
    }
    if request.role > Role::Member && caller.user.role < Role::Admin {
        return Err(ApiError::Forbidden(
            "only admins can invite trainers and admins".into(),
        ));
    }
    if let Some(existing) = users::by_email(state.db.pool(), &email).await? {
        // Inside the organisation this is useful to say; about other organisations' people it
        // would leak who uses the server, so their invitation is made and refused on accept.
        if existing.org_id == caller.org.id {
            return Err(ApiError::Conflict(format!(
                "{email} is already in your organisation"
            )));
        }
    }
    let cohort = request
        .cohort
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if cohort.is_some_and(|c| c.chars().count() > 100) {
        return Err(ApiError::invalid(
            "the cohort must be at most 100 characters",
        ));
    }
    if request
        .due_in_days
        .is_some_and(|d| !(0..=3650).contains(&d))
    {
        return Err(ApiError::invalid("due_in_days must be 0 to 3650"));
    }
    let mut playlist_ids = request.playlist_ids.clone();
    playlist_ids.dedup();
    let mut tx = state.db.pool().begin().await?;
    let (invitation, token) = invitations::create(
        &mut *tx,
        &caller.org.id,
        &email,
        request.role,
        cohort,
        &caller.user.id,
    )
    .await?;
    for playlist_id in &playlist_ids {
        if playlists::in_org(&mut *tx, &caller.org.id, playlist_id)
            .await?
            .is_none()
        {
            return Err(ApiError::invalid(format!(
                "no playlist {playlist_id} in your organisation"
            )));
        }
        invitations::carry_playlist(&mut *tx, &invitation.id, playlist_id, request.due_in_days)
            .await?;
    }
    tx.commit().await?;
    let created = send_link(&state, &caller, invitation, token, playlist_ids).await;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The invitation with its link, emailed when SMTP is configured.
async fn send_link(
    state: &AppState,
    caller: &Caller<Trainer>,
    invitation: Invitation,
    token: String,
    playlist_ids: Vec<String>,
) -> CreatedInvitation {
    let mut accept_url = state.config.public_url.clone();
    accept_url.set_path(&format!("/invite/{token}"));
    let emailed = email_invitation(state, caller, &invitation, accept_url.as_str()).await;
    CreatedInvitation {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        cohort: invitation.cohort,
        playlist_ids,
        expires_at: invitation.expires_at,
        accept_url: accept_url.to_string(),
        token,
        emailed,
    }
}

/// Trainers handle invitations of members; admins any.
async fn may_handle(
    state: &AppState,
    caller: &Caller<Trainer>,
    invitation_id: &str,
    what: &str,
) -> Result<(), ApiError> {
    let role = invitations::role_of(state.db.pool(), &caller.org.id, invitation_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if role > Role::Member && caller.user.role < Role::Admin {
        return Err(ApiError::Forbidden(format!(
            "only admins {what} invitations of trainers and admins"
        )));
    }
    Ok(())
}

/// Send an open invitation again with a new link (the old one stops working) and a new expiry;
/// emailed when SMTP is configured. Trainers (invitations of members) and admins (any).
#[utoipa::path(post, path = "/api/v1/invitations/{invitation_id}/resend", tag = "people",
    params(("invitation_id" = String, Path)),
    responses((status = 200, body = CreatedInvitation), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn resend_invitation(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(invitation_id): Path<String>,
) -> Result<Json<CreatedInvitation>, ApiError> {
    may_handle(&state, &caller, &invitation_id, "resend").await?;
    let (invitation, token) = invitations::renew(state.db.pool(), &caller.org.id, &invitation_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let playlist_ids = invitations::playlists_of(state.db.pool(), &invitation.id).await?;
    Ok(Json(
        send_link(&state, &caller, invitation, token, playlist_ids).await,
    ))
}

/// Emails the link when SMTP is configured. A failure is logged, not fatal: the inviter still
/// has the link to pass on.
async fn email_invitation(
    state: &AppState,
    caller: &Caller<Trainer>,
    invitation: &Invitation,
    accept_url: &str,
) -> bool {
    let Some(mailer) = &state.mailer else {
        return false;
    };
    let subject = format!(
        "{} invites you to {} on Reelhouse",
        caller.user.name, caller.org.name
    );
    let body = format!(
        "Hello,\n\n{} has invited you to join {} on Reelhouse, where your training videos and \
         on-boarding playlists are.\n\nOpen this link to choose your password and start:\n{}\n\n\
         The link works once and expires in {} days.\n",
        caller.user.name,
        caller.org.name,
        accept_url,
        invitations::INVITATION_TTL_MS / (24 * 3600 * 1000),
    );
    match mailer.send(&invitation.email, &subject, body).await {
        Ok(()) => true,
        Err(err) => {
            tracing::warn!(invitation = %invitation.id, error = %err, "invitation email not sent");
            false
        }
    }
}

/// The organisation's invitations that are still open. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/invitations", tag = "people",
    responses((status = 200, body = [Invitation]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list_invitations(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<Vec<Invitation>>, ApiError> {
    Ok(Json(
        invitations::pending_in_org(state.db.pool(), &caller.org.id).await?,
    ))
}

/// Revoke an open invitation; its link stops working. Trainers (invitations of members) and
/// admins (any).
#[utoipa::path(delete, path = "/api/v1/invitations/{invitation_id}", tag = "people",
    params(("invitation_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn revoke_invitation(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(invitation_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    may_handle(&state, &caller, &invitation_id, "withdraw").await?;
    if invitations::revoke(state.db.pool(), &caller.org.id, &invitation_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

#[derive(Deserialize, ToSchema)]
pub struct InvitationLookup {
    /// The token of the invitation link.
    pub token: String,
}

/// Where an invitation stands.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum InvitationState {
    /// It can be accepted.
    Open,
    /// It was used: the person signs in instead.
    Accepted,
    Expired,
    Withdrawn,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationPreview {
    /// Who it is for.
    pub email: String,
    pub role: Role,
    /// The organisation's name.
    pub organisation: String,
    pub state: InvitationState,
}

/// What an invitation link is for (email, role, organisation) and whether it can still be
/// accepted, so the page can say so before anyone fills in a form. Public (the token is the
/// credential; it travels in the body, not the URL, so logs never hold it).
#[utoipa::path(post, path = "/api/v1/invitations/lookup", tag = "people", request_body = InvitationLookup,
    responses((status = 200, body = InvitationPreview), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn lookup_invitation(
    State(state): State<AppState>,
    Json(request): Json<InvitationLookup>,
) -> Result<Json<InvitationPreview>, ApiError> {
    let invitation = invitations::by_token(state.db.pool(), request.token.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    let org = db::orgs::by_id(state.db.pool(), &invitation.org_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let state = if invitation.accepted_at.is_some() {
        InvitationState::Accepted
    } else if invitation.revoked_at.is_some() {
        InvitationState::Withdrawn
    } else if invitation.expires_at <= now_ms() {
        InvitationState::Expired
    } else {
        InvitationState::Open
    };
    Ok(Json(InvitationPreview {
        email: invitation.email,
        role: invitation.role,
        organisation: org.name,
        state,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct AcceptInvitation {
    pub token: String,
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    #[schema(min_length = 10)]
    pub password: String,
}

/// Accept an invitation: create the account, set its password, assign the playlists the
/// invitation carries and those of the person's role and cohort, and sign in. Public (the token
/// is the credential).
#[utoipa::path(post, path = "/api/v1/invitations/accept", tag = "people", request_body = AcceptInvitation,
    responses((status = 200, body = Me), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 410, body = ErrorBody), (status = 422, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn accept_invitation(
    State(state): State<AppState>,
    Json(request): Json<AcceptInvitation>,
) -> Result<impl IntoResponse, ApiError> {
    let invitation = invitations::by_token(state.db.pool(), request.token.trim())
        .await?
        .ok_or_else(|| ApiError::BadRequest("this invitation link is not valid".into()))?;
    if invitation.accepted_at.is_some() {
        return Err(ApiError::Gone(
            "this invitation was already used; sign in instead".into(),
        ));
    }
    if invitation.revoked_at.is_some() {
        return Err(ApiError::Gone(
            "this invitation was withdrawn; ask for a new one".into(),
        ));
    }
    if invitation.expires_at <= now_ms() {
        return Err(ApiError::Gone(
            "this invitation has expired; ask for a new one".into(),
        ));
    }
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::invalid("give your name (1 to 100 characters)"));
    }
    let hash = password::hash(request.password)
        .await
        .map_err(|err| match err {
            password::PasswordError::TooShort => ApiError::invalid(err.to_string()),
            password::PasswordError::Busy => ApiError::Busy(err.to_string()),
            other => ApiError::Internal(other.into()),
        })?;

    let mut tx = state.db.pool().begin().await?;
    if !invitations::mark_accepted(&mut *tx, &invitation.id).await? {
        return Err(ApiError::Gone(
            "this invitation was already used; sign in instead".into(),
        ));
    }
    let user = users::create(
        &mut *tx,
        &invitation.org_id,
        &invitation.email,
        name,
        invitation.role,
        Some(&hash),
    )
    .await
    .map_err(|err| match db::is_unique_violation(&err) {
        true => {
            ApiError::Conflict("an account with this email exists already; sign in instead".into())
        }
        false => err.into(),
    })?;
    users::set_cohort(&mut *tx, &user.id, invitation.cohort.as_deref()).await?;
    db::orgs::lock(&mut tx, &invitation.org_id).await?;
    assignments::welcome(
        &mut tx,
        &invitation.org_id,
        &user.id,
        invitation.role,
        invitation.cohort.as_deref(),
        &invitation.id,
    )
    .await?;
    let token = sessions::create(&mut *tx, &user).await?;
    tx.commit().await?;

    let org = db::orgs::by_id(state.db.pool(), &user.org_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((
        [auth::session_set_cookie(&state, &token)],
        Json(Me::new(user, org)),
    ))
}
