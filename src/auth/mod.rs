//! Credentials: password hashing and random secrets.

pub mod password;
pub mod ratelimit;
pub mod secret;
