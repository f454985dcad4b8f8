//! Random secrets (tokens, keys) and their stored form.

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 32 random bytes as URL-safe base64: unguessable, fits in URLs and headers.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A generated password (about 120 random bits) for accounts made without one.
pub fn random_password() -> String {
    random_token()[..20].to_owned()
}

/// `len` random bytes as hex.
pub fn random_hex(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a high-entropy token: its SHA-256 in hex. A slow hash is not needed for
/// 256 random bits, and a fast one lets every request look the token up by its hash.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
