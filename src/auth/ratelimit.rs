//! Sign-in rate limiting: what is counted and how much is allowed. Attempts are counted per
//! account and per client (an IPv4 address, or an IPv6 /64, which one subscriber holds whole),
//! over a sliding window, in the database (`db::logins`) so every replica sees the same counts.
//! Keys are hashes: the table never holds an email, and a key's size never depends on input.

use std::net::IpAddr;
use std::time::Duration;

use sha2::{Digest, Sha256};

/// Attempts allowed per account within the window.
pub const ACCOUNT_LIMIT: i64 = 10;
/// Attempts allowed per client within the window (an office shares one address).
pub const CLIENT_LIMIT: i64 = 50;
/// How long an attempt counts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// One thing attempts are counted against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitKey {
    /// A hash naming the account or client.
    pub key: String,
    /// Attempts allowed within the window.
    pub limit: i64,
    /// Whether it names an account (cleared when its owner signs in).
    pub account: bool,
}

/// The keys a sign-in for `email` (normalised) from `client` counts against: the client first.
pub fn keys(email: &str, client: IpAddr) -> [LimitKey; 2] {
    [
        LimitKey {
            key: hashed("client", &client_group(client)),
            limit: CLIENT_LIMIT,
            account: false,
        },
        LimitKey {
            key: hashed("account", email),
            limit: ACCOUNT_LIMIT,
            account: true,
        },
    ]
}

/// The group a client address is counted in: IPv4 addresses alone, IPv6 by their /64.
pub fn client_group(client: IpAddr) -> String {
    match client {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

fn hashed(kind: &str, value: &str) -> String {
    let digest = Sha256::new()
        .chain_update(kind.as_bytes())
        .chain_update([0])
        .chain_update(value.as_bytes())
        .finalize();
    hex::encode(&digest[..16])
}

/// Seconds until the oldest attempt counted at `now` (unix ms) leaves the window.
pub fn retry_after_s(oldest_ms: Option<i64>, now_ms: i64) -> u64 {
    let window_ms = WINDOW.as_millis() as i64;
    let left_ms = oldest_ms.map_or(window_ms, |oldest| oldest + window_ms - now_ms);
    (left_ms.max(1000) as u64).div_ceil(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_subscriber_counts_once_for_its_whole_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_group(a), client_group(b));
        assert_ne!(client_group(a), client_group(other));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(client_group(mapped), "10.0.0.1");
    }

    #[test]
    fn keys_are_short_hashes_whatever_the_email() {
        let long = "x".repeat(1 << 20);
        let [client, account] = keys(&long, "10.0.0.1".parse().unwrap());
        assert_eq!(account.key.len(), 32);
        assert!(!account.key.contains('x'));
        assert_ne!(client.key, account.key);
        assert_eq!(
            keys("a@x", "10.0.0.1".parse().unwrap())[1].key,
            keys("a@x", "10.0.0.2".parse().unwrap())[1].key
        );
    }

    #[test]
    fn the_wait_is_until_the_oldest_attempt_leaves_the_window() {
        let now = 1_000_000_000;
        assert_eq!(retry_after_s(Some(now - 60_000), now), 14 * 60);
        assert_eq!(retry_after_s(Some(now - 20 * 60_000), now), 1);
    }
}
