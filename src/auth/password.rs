//! Password hashing with argon2id, off the async runtime (a hash takes tens of milliseconds of
//! CPU, which would stall every other request on the worker thread), a few at a time: each takes
//! 19 MiB, so a burst of sign-ins waits for a slot, briefly, and is then told the server is busy
//! rather than taking gigabytes and the blocking threads that file I/O needs.

use std::sync::OnceLock;
use std::time::Duration;

use tokio::sync::Semaphore;

use std::sync::Mutex;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must be at least {MIN_LENGTH} characters long")]
    TooShort,
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// Every slot is taken: too many sign-ins at once.
    #[error("the server is busy checking other passwords; try again in a moment")]
    Busy,
}

/// How long a password check waits for a slot before the server says it is busy.
const SLOT_WAIT: Duration = Duration::from_secs(2);

/// Argon2 runs at once: twice the cores.
fn slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Semaphore::new(cores * 2)
    })
}

/// Runs `work` on a blocking thread once a slot is free, or answers [`PasswordError::Busy`].
async fn in_slot<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PasswordError> {
    let _slot = tokio::time::timeout(SLOT_WAIT, slots().acquire())
        .await
        .map_err(|_| PasswordError::Busy)?
        .map_err(|_| PasswordError::Busy)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Hashes a password into an argon2id PHC string.
pub async fn hash(password: String) -> Result<String, PasswordError> {
    if password.chars().count() < MIN_LENGTH {
        return Err(PasswordError::TooShort);
    }
    in_slot(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| PasswordError::Hash(e.to_string()))
    })
    .await?
}

/// Whether `password` matches the stored `hash`. A malformed hash never matches.
pub async fn verify(password: String, hash: String) -> Result<bool, PasswordError> {
    in_slot(move || {
        PasswordHash::new(&hash)
            .map(|parsed| matches(password.as_bytes(), &parsed))
            .unwrap_or(false)
    })
    .await
}

/// Spends as long as a real verification, so a sign-in for an unknown account cannot be told
/// apart from a wrong password by timing.
pub async fn verify_nothing(password: String) -> Result<(), PasswordError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    in_slot(move || {
        let hash = DUMMY.get_or_init(|| {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(b"no account has this password", &salt)
                .map(|hash| hash.to_string())
                .unwrap_or_default()
        });
        if let Ok(parsed) = PasswordHash::new(hash) {
            matches(password.as_bytes(), &parsed);
        }
    })
    .await
}

/// Argon2's working memory (19 MiB with the default parameters), kept for the next check
/// rather than given back: freed blocks that size would raise the C allocator's threshold for
/// mapping memory and stay resident by the hundred under a burst of sign-ins. There are never
/// more than the slots.
static MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// Whether `password` gives `hash`'s output, computed as `hash` says (algorithm, version,
/// parameters, salt) in kept memory; the outputs are compared in constant time.
fn matches(password: &[u8], hash: &PasswordHash<'_>) -> bool {
    let (Some(salt), Some(expected)) = (hash.salt, hash.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm) else {
        return false;
    };
    let Ok(version) = hash
        .version
        .map_or(Ok(Version::default()), Version::try_from)
    else {
        return false;
    };
    let Ok(params) = Params::try_from(hash) else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let mut memory = MEMORY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .pop()
        .unwrap_or_default();
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    let computed = Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password, salt, &mut out, &mut memory[..])
        .ok()
        .and_then(|()| Output::new(&out).ok());
    MEMORY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(memory);
    computed.is_some_and(|computed| computed == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_with_the_right_password_only() {
        let hash = hash("a long enough password".into()).await.unwrap();
        assert!(
            verify("a long enough password".into(), hash.clone())
                .await
                .unwrap()
        );
        assert!(
            !verify("a long enough passwore".into(), hash.clone())
                .await
                .unwrap()
        );
        assert!(!verify("x".into(), "not a hash".into()).await.unwrap());
        assert!(verify_nothing("anything".into()).await.is_ok());
    }
}
