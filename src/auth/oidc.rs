//! OpenID Connect sign-in, the protocol half: discovery, the authorization request (code flow
//! with PKCE, `state` and `nonce`) and the checks of the provider's answer, all done by the
//! `openidconnect` crate (signature against the provider's current keys, issuer, audience,
//! expiry, nonce). The provider's discovery document and keys are read afresh for every sign-in,
//! so a provider that rotates its keys is followed at once.

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::reqwest;
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};

/// What a provider said no to, or could not be asked: a sentence for the person or the admin.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct OidcError(pub String);

fn error(what: &str, err: impl std::error::Error) -> OidcError {
    let mut message = format!("{what}: {err}");
    let mut source = err.source();
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    OidcError(message)
}

/// A client of one provider, as an organisation configured it.
pub struct ClientSettings<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub client_secret: &'a str,
    pub redirect_uri: &'a str,
}

/// The HTTP client for providers: no redirects followed (a provider's answer is taken as is),
/// bounded in time.
fn http_client() -> Result<reqwest::Client, OidcError> {
    reqwest::ClientBuilder::new()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(|e| error("cannot make an HTTP client", e))
}

/// Reads the provider's discovery document: checks that the issuer answers as one.
pub async fn discover(issuer: &str) -> Result<CoreProviderMetadata, OidcError> {
    let issuer =
        IssuerUrl::new(issuer.to_owned()).map_err(|e| error("the issuer is not a URL", e))?;
    CoreProviderMetadata::discover_async(issuer, &http_client()?)
        .await
        .map_err(|e| error("the issuer's discovery document could not be read", e))
}

/// A sign-in about to be sent to the provider: where to send the browser, and what the callback
/// must find again.
pub struct Request {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The authorization request for the code flow, with PKCE (S256), a random `state` and `nonce`,
/// asking for the person's email and name.
pub async fn start(settings: &ClientSettings<'_>) -> Result<Request, OidcError> {
    let client = client(settings, discover(settings.issuer).await?)?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Request {
        url: url.to_string(),
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    })
}

/// Who the provider says signed in.
#[derive(Debug, Clone)]
pub struct Person {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
}

/// Redeems the code the provider sent back and checks its ID token (signature, issuer, audience,
/// expiry, `nonce`).
pub async fn finish(
    settings: &ClientSettings<'_>,
    code: &str,
    pkce_verifier: &str,
    nonce: &str,
) -> Result<Person, OidcError> {
    let client = client(settings, discover(settings.issuer).await?)?;
    let http = http_client()?;
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| error("the provider has no token endpoint", e))?
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
        .request_async(&http)
        .await
        .map_err(|e| error("the provider refused the sign-in code", e))?;
    let id_token = tokens
        .id_token()
        .ok_or_else(|| OidcError("the provider sent no ID token".into()))?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(nonce.to_owned()))
        .map_err(|e| error("the provider's ID token is not valid", e))?;
    Ok(Person {
        subject: claims.subject().as_str().to_owned(),
        email: claims.email().map(|e| e.as_str().to_owned()),
        email_verified: claims.email_verified().unwrap_or(false),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_owned()),
    })
}

fn client(
    settings: &ClientSettings<'_>,
    metadata: CoreProviderMetadata,
) -> Result<
    openidconnect::core::CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    OidcError,
> {
    let redirect = RedirectUrl::new(settings.redirect_uri.to_owned())
        .map_err(|e| error("the redirect URI is not a URL", e))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(settings.client_id.to_owned()),
        Some(ClientSecret::new(settings.client_secret.to_owned())),
    )
    .set_redirect_uri(redirect))
}
