//! The media segments being fetched right now, kept in memory for a few seconds.
//!
//! When a team watches its on-boarding video, many players fetch the same few segments within
//! seconds of each other; reading each from the store again costs a trip to the blocking pool
//! (or to S3) and a copy per request. Small objects (up to [`MAX_OBJECT`]) are kept for
//! [`HOT_TTL`], within a fixed memory budget, oldest first out. Segments never change once
//! published, and a deleted video's stay at most [`HOT_TTL`], the same bound as its access.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::storage::ObjectMeta;

/// How long an object is served from memory before the store is asked again.
pub const HOT_TTL: Duration = Duration::from_secs(5);
/// The largest object kept: a four-second segment of up to 16 Mbit/s (every rung of the
/// default ladder).
pub const MAX_OBJECT: u64 = 8 * 1024 * 1024;

/// Recently read small objects, within a budget of bytes (none kept when it is 0).
#[derive(Debug)]
pub struct HotObjects {
    inner: Mutex<Inner>,
    budget: usize,
    ttl: Duration,
    /// Held while an object is read from the store, so that when it expires under load one
    /// request reads it and the others wait for it.
    reading: Vec<tokio::sync::Mutex<()>>,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<String, Entry>,
    /// Keys in the order they were stored, to evict the oldest first.
    order: VecDeque<(String, Instant)>,
    bytes: usize,
}

#[derive(Debug)]
struct Entry {
    stored: Instant,
    meta: ObjectMeta,
    body: Bytes,
}

impl HotObjects {
    /// Keeps at most `budget_bytes` of objects, each for `ttl`.
    pub fn new(budget_bytes: usize, ttl: Duration) -> HotObjects {
        HotObjects {
            inner: Mutex::default(),
            budget: budget_bytes,
            ttl,
            reading: (0..64).map(|_| tokio::sync::Mutex::default()).collect(),
        }
    }

    /// Waits until no other request is reading `key` (or another key sharing its lock) from the
    /// store; read while holding the guard, after looking with [`get`](Self::get) again.
    pub async fn reading(&self, key: &str) -> tokio::sync::MutexGuard<'_, ()> {
        use std::hash::{BuildHasher, RandomState};
        static HASHER: std::sync::LazyLock<RandomState> =
            std::sync::LazyLock::new(RandomState::new);
        let slot = HASHER.hash_one(key) as usize % self.reading.len();
        self.reading[slot].lock().await
    }

    /// An object stored within the last `ttl`.
    pub fn get(&self, key: &str) -> Option<(ObjectMeta, Bytes)> {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner
            .entries
            .get(key)
            .filter(|e| e.stored.elapsed() < self.ttl)
            .map(|e| (e.meta.clone(), e.body.clone()))
    }

    /// Whether objects are kept at all (the budget is not 0).
    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    /// Whether an object of `size` bytes would be kept: at most [`MAX_OBJECT`] and a quarter
    /// of the budget.
    pub fn keeps(&self, size: u64) -> bool {
        size <= MAX_OBJECT && size <= (self.budget / 4) as u64
    }

    /// Keeps an object read from the store (ignored when [`keeps`](Self::keeps) says no).
    pub fn put(&self, key: &str, meta: ObjectMeta, body: Bytes) {
        if !self.keeps(body.len() as u64) {
            return;
        }
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if let Some(old) = inner.entries.remove(key) {
            inner.bytes -= old.body.len();
        }
        // Oldest first out until it fits; entries replaced since are skipped.
        while inner.bytes + body.len() > self.budget {
            let Some((oldest, stored)) = inner.order.pop_front() else {
                break;
            };
            if inner
                .entries
                .get(&oldest)
                .is_some_and(|e| e.stored == stored)
            {
                let gone = inner.entries.remove(&oldest).expect("just found");
                inner.bytes -= gone.body.len();
            }
        }
        inner.bytes += body.len();
        inner.order.push_back((key.to_owned(), now));
        inner.entries.insert(
            key.to_owned(),
            Entry {
                stored: now,
                meta,
                body,
            },
        );
        // The order list holds stale keys of replaced entries; keep it from growing without end.
        if inner.order.len() > 4 * inner.entries.len() + 64 {
            let entries = &inner.entries;
            let live: VecDeque<(String, Instant)> = inner
                .order
                .iter()
                .filter(|(k, at)| entries.get(k).is_some_and(|e| e.stored == *at))
                .cloned()
                .collect();
            inner.order = live;
        }
    }
}

/// The memory of one kept object, mapped on its own rather than taken from the allocator's
/// heap: when the object leaves (replaced or evicted) its pages go back to the system at once,
/// so objects of a few MiB coming and going every few seconds never fragment the heap into
/// ever more resident memory.
pub struct OwnPages {
    base: *mut u8,
    capacity: usize,
    len: usize,
}

// SAFETY: the mapping is owned by this value alone; shared access is read-only.
unsafe impl Send for OwnPages {}
unsafe impl Sync for OwnPages {}

impl OwnPages {
    /// Room for `capacity` bytes (at least one), or `None` when the system has no memory.
    pub fn with_capacity(capacity: usize) -> Option<OwnPages> {
        let capacity = capacity.max(1);
        // SAFETY: a new private anonymous mapping; checked for failure below.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                capacity,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        (base != libc::MAP_FAILED).then_some(OwnPages {
            base: base.cast(),
            capacity,
            len: 0,
        })
    }

    /// Appends `bytes`; false (and nothing appended) when they do not fit.
    pub fn extend(&mut self, bytes: &[u8]) -> bool {
        if bytes.len() > self.capacity - self.len {
            return false;
        }
        // SAFETY: the range len..len+bytes.len() lies within the mapping, which nothing else
        // borrows mutably.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.base.add(self.len), bytes.len());
        }
        self.len += bytes.len();
        true
    }
}

impl AsRef<[u8]> for OwnPages {
    fn as_ref(&self) -> &[u8] {
        // SAFETY: the first len bytes were written by extend; the mapping lives with self.
        unsafe { std::slice::from_raw_parts(self.base, self.len) }
    }
}

impl Drop for OwnPages {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in with_capacity; no borrow outlives self.
        unsafe {
            libc::munmap(self.base.cast(), self.capacity);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(key: &str, size: usize) -> ObjectMeta {
        ObjectMeta {
            key: key.into(),
            size: size as u64,
            etag: "\"e\"".into(),
            last_modified_ms: 0,
        }
    }

    #[test]
    fn objects_stay_within_the_budget_and_their_time() {
        let hot = HotObjects::new(1000, Duration::from_millis(40));
        hot.put("a", meta("a", 250), Bytes::from(vec![1; 250]));
        hot.put("b", meta("b", 250), Bytes::from(vec![2; 250]));
        hot.put("f", meta("f", 250), Bytes::from(vec![2; 250]));
        hot.put("g", meta("g", 250), Bytes::from(vec![2; 250]));
        assert_eq!(hot.get("a").unwrap().1.len(), 250);
        // A fifth does not fit beside them: the oldest goes.
        hot.put("c", meta("c", 250), Bytes::from(vec![3; 250]));
        assert!(hot.get("a").is_none());
        assert!(hot.get("b").is_some() && hot.get("c").is_some());
        // More than a quarter of the budget: not kept.
        hot.put("d", meta("d", 300), Bytes::from(vec![4; 300]));
        assert!(hot.get("d").is_none());
        std::thread::sleep(Duration::from_millis(50));
        assert!(hot.get("b").is_none(), "expired");
        let mut pages = OwnPages::with_capacity(4).unwrap();
        assert!(pages.extend(b"ab") && pages.extend(b"cd") && !pages.extend(b"e"));
        assert_eq!(Bytes::from_owner(pages).as_ref(), b"abcd");
        // Replacing an object many times keeps the bookkeeping bounded.
        for _ in 0..1000 {
            hot.put("e", meta("e", 10), Bytes::from(vec![5; 10]));
        }
        let inner = hot.inner.lock().unwrap();
        assert!(inner.order.len() <= 4 * inner.entries.len() + 64);
        assert!(inner.bytes <= 1000);
    }
}
