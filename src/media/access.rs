//! Who may fetch a video's media, remembered for a few seconds.
//!
//! A player fetches a segment every few seconds per viewer, each with the same credential for
//! the same video; asking the database every time would cost more than sending the bytes. A
//! granted access is kept for [`ACCESS_TTL`]: a signed-out session, a revoked token, a
//! deactivated person, a rotated signing key or a deleted video stops working within that time.
//! Refusals are never kept (a credential that starts to work, works at once).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::db::videos::Video;

/// How long a granted access is believed without asking the database again.
pub const ACCESS_TTL: Duration = Duration::from_secs(5);

/// Shards, so that many viewers at once rarely wait for one lock.
const SHARDS: usize = 16;
/// Entries per shard; a full shard drops its expired entries, or all of them.
const SHARD_CAPACITY: usize = 4096;

/// What was shown to get in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Credential {
    /// The SHA-256 of a session cookie.
    Session(String),
    /// The SHA-256 of an API token.
    ApiToken(String),
    /// A signed playback link's token.
    Link(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    credential: Credential,
    video_id: String,
}

/// One shard of grants: when each was granted, and the video it opens.
type Shard = Mutex<HashMap<Key, (Instant, Arc<Video>)>>;

/// Recently granted accesses.
#[derive(Debug)]
pub struct AccessCache {
    shards: Vec<Shard>,
    ttl: Duration,
    /// Held while the database is asked about a credential and video, so that when a grant
    /// expires under load one request asks and the others wait for its answer.
    asking: Vec<tokio::sync::Mutex<()>>,
}

impl Default for AccessCache {
    fn default() -> AccessCache {
        AccessCache::new(ACCESS_TTL)
    }
}

impl AccessCache {
    pub fn new(ttl: Duration) -> AccessCache {
        AccessCache {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
            ttl,
            asking: (0..SHARDS * 4)
                .map(|_| tokio::sync::Mutex::default())
                .collect(),
        }
    }

    /// Waits until no other request is asking the database about `credential` and `video_id`
    /// (nor about another pair that shares its lock); ask while holding the guard, then look
    /// again with [`get`](Self::get) first: the other request's answer may be there.
    pub async fn asking(
        &self,
        credential: &Credential,
        video_id: &str,
    ) -> tokio::sync::MutexGuard<'_, ()> {
        let mut hasher = DefaultHasher::new();
        credential.hash(&mut hasher);
        video_id.hash(&mut hasher);
        self.asking[hasher.finish() as usize % self.asking.len()]
            .lock()
            .await
    }

    fn shard(&self, key: &Key) -> &Shard {
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        &self.shards[hasher.finish() as usize % SHARDS]
    }

    /// The video `credential` was granted within the last [`ACCESS_TTL`].
    pub fn get(&self, credential: &Credential, video_id: &str) -> Option<Arc<Video>> {
        let key = Key {
            credential: credential.clone(),
            video_id: video_id.to_owned(),
        };
        let shard = self.shard(&key).lock().unwrap_or_else(|e| e.into_inner());
        shard
            .get(&key)
            .filter(|(granted, _)| granted.elapsed() < self.ttl)
            .map(|(_, video)| video.clone())
    }

    /// Remembers that `credential` may see `video`.
    pub fn grant(&self, credential: Credential, video: Arc<Video>) {
        let key = Key {
            credential,
            video_id: video.id.clone(),
        };
        let mut shard = self.shard(&key).lock().unwrap_or_else(|e| e.into_inner());
        if shard.len() >= SHARD_CAPACITY {
            let ttl = self.ttl;
            shard.retain(|_, (granted, _)| granted.elapsed() < ttl);
            if shard.len() >= SHARD_CAPACITY {
                shard.clear();
            }
        }
        shard.insert(key, (Instant::now(), video));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn video(id: &str) -> Arc<Video> {
        Arc::new(Video {
            id: id.into(),
            org_id: "o".into(),
            owner_id: "u".into(),
            title: "t".into(),
            tagline: String::new(),
            description: String::new(),
            tags: String::new(),
            held: false,
            private: false,
            status: crate::db::videos::VideoStatus::Ready,
            error: None,
            source_key: None,
            duration_ms: None,
            width: None,
            height: None,
            progress_pct: 100,
            playable: true,
            created_at: 0,
            updated_at: 0,
        })
    }

    #[test]
    fn grants_are_kept_per_credential_and_video_until_they_expire() {
        let cache = AccessCache::new(Duration::from_millis(50));
        let ann = Credential::Session("ann".into());
        cache.grant(ann.clone(), video("v1"));
        assert!(cache.get(&ann, "v1").is_some());
        assert!(cache.get(&ann, "v2").is_none());
        assert!(
            cache
                .get(&Credential::ApiToken("ann".into()), "v1")
                .is_none()
        );
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get(&ann, "v1").is_none(), "expired");
    }

    #[test]
    fn a_full_cache_stays_bounded() {
        let cache = AccessCache::new(Duration::from_secs(60));
        for n in 0..(SHARDS * SHARD_CAPACITY * 2) {
            cache.grant(Credential::Link(n.to_string()), video("v"));
        }
        let total: usize = cache.shards.iter().map(|s| s.lock().unwrap().len()).sum();
        assert!(total <= SHARDS * SHARD_CAPACITY);
    }
}
