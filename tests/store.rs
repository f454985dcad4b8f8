//! The Store contract, run against the store `make test` selects (local files, or S3 on a real
//! S3-compatible server).

mod common;

use std::io;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::{StreamExt, stream};
use reelhouse::storage::{self, ByteRange, ByteStream, ObjectKey, Store, StoreError};
use sha2::{Digest, Sha256};

use common::TestEnv;

async fn fresh_store() -> (TestEnv, Arc<dyn Store>) {
    let env = TestEnv::new().await;
    let store = storage::open(&env.config()).await.expect("open store");
    store.ping().await.expect("the test store answers");
    (env, store)
}

fn key(s: &str) -> ObjectKey {
    ObjectKey::new(s).unwrap()
}

async fn read_all(store: &dyn Store, key: &ObjectKey, range: Option<ByteRange>) -> Vec<u8> {
    let object = store.get_range(key, range).await.expect("get");
    let mut body = object.body;
    let mut out = Vec::new();
    while let Some(chunk) = body.next().await {
        out.extend_from_slice(&chunk.unwrap());
    }
    out
}

/// A deterministic pseudo-random stream of `len` bytes in 1 MiB chunks, generated as it is read.
fn generated(len: u64, seed: u8) -> ByteStream {
    const CHUNK: u64 = 1024 * 1024;
    let chunks = len.div_ceil(CHUNK);
    Box::pin(stream::iter(0..chunks).map(move |i| {
        let size = CHUNK.min(len - i * CHUNK) as usize;
        let chunk: Vec<u8> = (0..size)
            .map(|j| (j as u64 * 31 + i * 7 + u64::from(seed)) as u8)
            .collect();
        Ok(Bytes::from(chunk))
    }))
}

async fn sha256_of(mut body: ByteStream) -> (u64, Vec<u8>) {
    let mut hasher = Sha256::new();
    let mut len = 0;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.unwrap();
        len += chunk.len() as u64;
        hasher.update(&chunk);
    }
    (len, hasher.finalize().to_vec())
}

#[tokio::test]
async fn put_get_head_delete() {
    let (_env, store) = fresh_store().await;
    let k = key("videos/v1/source");
    let size = storage::put_bytes(store.as_ref(), &k, Bytes::from_static(b"hello, reelhouse"))
        .await
        .unwrap();
    assert_eq!(size, 16);
    assert_eq!(
        read_all(store.as_ref(), &k, None).await,
        b"hello, reelhouse"
    );

    let meta = store.head(&k).await.unwrap();
    assert_eq!(meta.size, 16);
    assert!(!meta.etag.is_empty());
    assert!(meta.last_modified_ms > 0);

    // Replacing an object changes its bytes and its ETag.
    storage::put_bytes(store.as_ref(), &k, Bytes::from_static(b"second version"))
        .await
        .unwrap();
    assert_eq!(read_all(store.as_ref(), &k, None).await, b"second version");
    assert_ne!(store.head(&k).await.unwrap().etag, meta.etag);

    store.delete(&k).await.unwrap();
    assert!(matches!(store.head(&k).await, Err(StoreError::NotFound(_))));
    assert!(matches!(
        store.get_range(&k, None).await,
        Err(StoreError::NotFound(_))
    ));
    // Deleting again is not an error.
    store.delete(&k).await.unwrap();
}

#[tokio::test]
async fn ranged_reads_return_exact_bytes() {
    let (_env, store) = fresh_store().await;
    let k = key("r/data.bin");
    let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
    storage::put_bytes(store.as_ref(), &k, Bytes::from(data.clone()))
        .await
        .unwrap();

    let object = store
        .get_range(&k, Some(ByteRange::Inclusive(100, 199)))
        .await
        .unwrap();
    assert_eq!(object.range, Some((100, 199)));
    assert_eq!(object.meta.size, 10_000);
    assert_eq!(object.content_length(), 100);
    assert_eq!(
        read_all(store.as_ref(), &k, Some(ByteRange::Inclusive(100, 199))).await,
        &data[100..200]
    );
    assert_eq!(
        read_all(store.as_ref(), &k, Some(ByteRange::From(9_990))).await,
        &data[9_990..]
    );
    assert_eq!(
        read_all(store.as_ref(), &k, Some(ByteRange::Suffix(5))).await,
        &data[9_995..]
    );
    assert_eq!(
        read_all(
            store.as_ref(),
            &k,
            Some(ByteRange::Inclusive(9_999, 20_000))
        )
        .await,
        &data[9_999..]
    );
    assert!(matches!(
        store.get_range(&k, Some(ByteRange::From(10_000))).await,
        Err(StoreError::InvalidRange)
    ));
}

#[tokio::test]
async fn list_by_prefix_in_key_order() {
    let (_env, store) = fresh_store().await;
    for name in ["a/2", "a/1", "a/b/3", "ab/4", "c/5"] {
        storage::put_bytes(store.as_ref(), &key(name), Bytes::from_static(b"x"))
            .await
            .unwrap();
    }
    let keys = |list: Vec<storage::ObjectMeta>| list.into_iter().map(|m| m.key).collect::<Vec<_>>();
    assert_eq!(
        keys(store.list("a/").await.unwrap()),
        ["a/1", "a/2", "a/b/3"]
    );
    assert_eq!(
        keys(store.list("a").await.unwrap()),
        ["a/1", "a/2", "a/b/3", "ab/4"]
    );
    assert_eq!(
        keys(store.list("").await.unwrap()),
        ["a/1", "a/2", "a/b/3", "ab/4", "c/5"]
    );
    assert!(store.list("nothing/").await.unwrap().is_empty());
    store.delete(&key("a/b/3")).await.unwrap();
    assert_eq!(keys(store.list("a/").await.unwrap()), ["a/1", "a/2"]);
}

#[tokio::test]
async fn a_100_mib_streamed_put_round_trips() {
    let (_env, store) = fresh_store().await;
    let k = key("big/source.bin");
    let len = 100 * 1024 * 1024;
    let (_, expected) = sha256_of(generated(len, 7)).await;
    let written = store.put_stream(&k, generated(len, 7)).await.unwrap();
    assert_eq!(written, len);
    assert_eq!(store.head(&k).await.unwrap().size, len);
    let (read, actual) = sha256_of(store.get_range(&k, None).await.unwrap().body).await;
    assert_eq!(read, len);
    assert_eq!(
        actual, expected,
        "the object read back differs from what was written"
    );
    // A range deep inside the object (past the first multipart part).
    let tail = read_all(
        store.as_ref(),
        &k,
        Some(ByteRange::Inclusive(len - 10, len - 1)),
    )
    .await;
    let mut whole = generated(len, 7);
    let mut last = Vec::new();
    while let Some(chunk) = whole.next().await {
        last = chunk.unwrap().to_vec();
    }
    assert_eq!(tail, &last[last.len() - 10..]);
}

#[tokio::test]
async fn a_failed_put_leaves_nothing_under_the_key() {
    let (_env, store) = fresh_store().await;
    let k = key("broken/upload.bin");
    storage::put_bytes(store.as_ref(), &k, Bytes::from_static(b"old"))
        .await
        .unwrap();
    // 20 MiB of good bytes, then the client's connection drops.
    let failing: ByteStream = Box::pin(generated(20 * 1024 * 1024, 1).chain(stream::once(async {
        Err(io::Error::new(
            io::ErrorKind::ConnectionReset,
            "client went away",
        ))
    })));
    assert!(store.put_stream(&k, failing).await.is_err());
    assert_eq!(
        read_all(store.as_ref(), &k, None).await,
        b"old",
        "a half-written object replaced the old one"
    );
    let listed: Vec<_> = store
        .list("broken/")
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.key)
        .collect();
    assert_eq!(listed, ["broken/upload.bin"], "temporary files are visible");

    let fresh = key("broken/new.bin");
    let failing: ByteStream = Box::pin(generated(1024, 1).chain(stream::once(async {
        Err(io::Error::other("disk on fire"))
    })));
    assert!(store.put_stream(&fresh, failing).await.is_err());
    assert!(matches!(
        store.head(&fresh).await,
        Err(StoreError::NotFound(_))
    ));
}

#[tokio::test]
async fn keys_that_would_escape_are_refused() {
    let (env, store) = fresh_store().await;
    for bad in [
        "../x",
        "a/../../x",
        "/etc/passwd",
        "..",
        "a/./b",
        ".hidden/x",
    ] {
        assert!(
            matches!(ObjectKey::new(bad), Err(StoreError::InvalidKey(_))),
            "{bad}"
        );
    }
    // Nothing was written outside the data dir's object root by the attempts.
    assert!(!env.dir.path().join("x").exists());
    assert!(store.list("").await.unwrap().is_empty());
}

#[tokio::test]
async fn presigned_urls_fetch_without_credentials() {
    let (_env, store) = fresh_store().await;
    let k = key("p/poster.jpg");
    storage::put_bytes(store.as_ref(), &k, Bytes::from_static(b"jpeg bytes"))
        .await
        .unwrap();
    let url = store
        .presign_get(&k, Duration::from_secs(60))
        .await
        .unwrap();
    if common::testing_s3() {
        let url = url.expect("S3 presigns");
        let response = reqwest::get(&url).await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.bytes().await.unwrap().as_ref(), b"jpeg bytes");
        // A signature with one digit changed is refused.
        let at = url.find("X-Amz-Signature=").expect("signed URL") + "X-Amz-Signature=".len();
        let flipped = if &url[at..=at] == "0" { "1" } else { "0" };
        let tampered = format!("{}{flipped}{}", &url[..at], &url[at + 1..]);
        assert_eq!(reqwest::get(&tampered).await.unwrap().status(), 403);
    } else {
        // Local files have no URL of their own: the server proxies them.
        assert_eq!(url, None);
    }
}
