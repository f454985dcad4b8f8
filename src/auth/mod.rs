//! Credentials: password hashing, random secrets, sign-in limits and OpenID Connect.

pub mod oidc;
pub mod password;
pub mod ratelimit;
pub mod secret;
