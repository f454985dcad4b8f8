//! A bounded fuzz campaign on what strangers reach before any check of who they are: the Range
//! header, tus `Upload-Metadata`, the forwarding headers, reported watch intervals, handout type
//! recognition and the picture decoder. Each property runs a fixed number of generated cases
//! (see `cases`); a failing case that proptest shrinks is written to
//! `tests/fuzz.proptest-regressions` and replayed first on every later run, so a crash found
//! once stays a regression test. (JSON bodies and the routes themselves are fuzzed from the
//! OpenAPI document by Schemathesis, `tests/tools/schemathesis.sh`.)

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue};
use proptest::prelude::*;
use reelhouse::config::Config;
use reelhouse::http::objects::parse_range;
use reelhouse::http::security::client_ip;
use reelhouse::learning::intervals::{MAX_PIECES, Watched};
use reelhouse::storage::ByteRange;
use reelhouse::transcode::picture::{self, Output};
use reelhouse::upload::{metadata, sniff};

/// Cases per property: enough to find the shallow mistakes in every run of `make test`, few
/// enough to stay within seconds.
fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: n,
        ..ProptestConfig::default()
    }
}

/// Text as attackers write it: ASCII punctuation, digits, spaces, and some non-ASCII.
fn header_text() -> impl Strategy<Value = String> {
    prop::string::string_regex("[ -~\u{80}-\u{10ff}]{0,80}").unwrap()
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn any_range_header_selects_within_the_object_or_nothing(
        value in header_text(),
        size in 0u64..1 << 32,
    ) {
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(&format!("bytes={value}")) {
            headers.insert("range", value);
        }
        if let Ok(Some(range)) = parse_range(&headers)
            && let Some((first, last)) = range.resolve(size)
        {
            prop_assert!(first <= last && last < size);
        }
    }

    #[test]
    fn well_formed_ranges_are_read_as_written(first in 0u64..1 << 40, length in 0u64..1 << 20) {
        let mut headers = HeaderMap::new();
        let value = format!("bytes={first}-{}", first + length);
        headers.insert("range", HeaderValue::from_str(&value).unwrap());
        prop_assert_eq!(
            parse_range(&headers).ok().flatten(),
            Some(ByteRange::Inclusive(first, first + length))
        );
    }

    #[test]
    fn any_upload_metadata_parses_or_is_refused(value in header_text()) {
        if let Ok(pairs) = metadata::parse(&value) {
            prop_assert!(pairs.keys().all(|k| !k.is_empty() && !k.contains(' ')));
        }
        let name = metadata::safe_filename(&value, "video");
        prop_assert!(!name.is_empty() && !name.contains('/') && name.chars().count() <= 200);
    }

    #[test]
    fn forwarding_headers_never_name_a_client_beyond_a_trusted_proxy(
        forwarded in header_text(),
        xff in header_text(),
    ) {
        let config = trusting("10.0.0.0/8");
        let mut headers = HeaderMap::new();
        for (name, value) in [("forwarded", &forwarded), ("x-forwarded-for", &xff)] {
            if let Ok(value) = HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        }
        // From an untrusted peer the headers are never believed.
        let stranger = "203.0.113.9".parse().unwrap();
        prop_assert_eq!(client_ip(&config, stranger, &headers), stranger);
        let _ = client_ip(&config, "10.1.1.1".parse().unwrap(), &headers);
    }
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn reported_intervals_stay_sorted_clipped_and_bounded(
        reports in prop::collection::vec(
            prop::collection::vec((-10_000i64..4_000_000, -10_000i64..4_000_000), 0..200),
            1..20,
        ),
        duration in 1i64..3_600_000,
    ) {
        let mut watched = Watched::default();
        for report in &reports {
            let before = watched.total_ms();
            watched = watched.add(report, duration);
            prop_assert!(watched.total_ms() >= before);
        }
        let pairs = watched.pairs();
        prop_assert!(pairs.len() <= MAX_PIECES);
        prop_assert!(pairs.iter().all(|(s, e)| 0 <= *s && s < e && *e <= duration));
        prop_assert!(pairs.windows(2).all(|w| w[0].1 < w[1].0));
        prop_assert!(watched.total_ms() <= duration);
    }

    #[test]
    fn any_file_head_is_recognised_or_refused(head in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = sniff::recognise(&head);
    }

    #[test]
    fn known_documents_with_any_tail_are_recognised(
        magic in prop::sample::select(vec![&b"%PDF-1.7\n"[..], &b"\x89PNG\r\n\x1a\n"[..]]),
        tail in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut head = magic.to_vec();
        head.extend(tail);
        prop_assert!(sniff::recognise(&head).is_ok());
    }
}

proptest! {
    // The picture decoder is FFmpeg: fewer cases, each a real decode attempt.
    #![proptest_config(cases(60))]

    #[test]
    fn any_bytes_posing_as_a_picture_fail_cleanly(
        prefix in prop::sample::select(vec![
            &b"\x89PNG\r\n\x1a\n"[..],
            &b"\xff\xd8\xff\xe0"[..],
            &b"GIF89a"[..],
            &b"RIFF\x00\x00\x00\x00WEBPVP8 "[..],
            &b""[..],
        ]),
        body in prop::collection::vec(any::<u8>(), 0..8192),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("upload");
        let mut bytes = prefix.to_vec();
        bytes.extend(body);
        std::fs::write(&path, &bytes).unwrap();
        let _ = picture::reencode(&path, Output::Png { max_width: 64, max_height: 64 });
    }
}

fn trusting(proxies: &str) -> Config {
    let mut vars = HashMap::new();
    vars.insert("REELHOUSE_TRUSTED_PROXIES".to_owned(), proxies.to_owned());
    Config::from_sources(None, &vars).unwrap()
}
