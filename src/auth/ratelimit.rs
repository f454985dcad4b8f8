//! Sign-in rate limiting: a sliding window of failed attempts per account and per client IP.
//!
//! Counts live in the process. With several replicas behind a load balancer each keeps its own
//! window, so the effective limit is at most the limit times the replicas; that still turns an
//! online guessing attack from millions of tries into dozens.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed sign-ins allowed per account within the window.
pub const ACCOUNT_LIMIT: usize = 10;
/// Failed sign-ins allowed per client IP within the window (an office shares one address).
pub const IP_LIMIT: usize = 50;
/// How long a failure counts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginLimiter {
    fn keys(email: &str, ip: IpAddr) -> [(String, usize); 2] {
        [
            (format!("account:{email}"), ACCOUNT_LIMIT),
            (format!("ip:{ip}"), IP_LIMIT),
        ]
    }

    /// `Err(seconds to wait)` when the account or the IP has used up its failures.
    pub fn check(&self, email: &str, ip: IpAddr) -> Result<(), u64> {
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for (key, limit) in Self::keys(email, ip) {
            let Some(times) = failures.get_mut(&key) else {
                continue;
            };
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) >= WINDOW)
            {
                times.pop_front();
            }
            if times.len() >= limit {
                let oldest = times.front().copied().unwrap_or(now);
                let wait = WINDOW.saturating_sub(now.duration_since(oldest));
                return Err(wait.as_secs().max(1));
            }
        }
        Ok(())
    }

    /// Records a failed attempt against both the account and the IP.
    pub fn record_failure(&self, email: &str, ip: IpAddr) {
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        // Drop windows that have emptied, so the map does not grow without bound.
        if failures.len() > 100_000 {
            failures.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < WINDOW)
            });
        }
        for (key, _) in Self::keys(email, ip) {
            failures.entry(key).or_default().push_back(now);
        }
    }

    /// Forgets an account's failures after a successful sign-in.
    pub fn record_success(&self, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.remove(&format!("account:{email}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleventh_failure_is_refused_and_others_are_not() {
        let limiter = LoginLimiter::default();
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        for _ in 0..ACCOUNT_LIMIT {
            assert!(limiter.check("a@x", ip).is_ok());
            limiter.record_failure("a@x", ip);
        }
        assert!(limiter.check("a@x", ip).is_err());
        assert!(
            limiter.check("b@x", ip).is_ok(),
            "another account from the same IP is limited"
        );
        limiter.record_success("a@x");
        assert!(limiter.check("a@x", ip).is_ok());
    }

    #[test]
    fn one_ip_guessing_many_accounts_is_limited() {
        let limiter = LoginLimiter::default();
        let ip: IpAddr = "10.0.0.2".parse().unwrap();
        for n in 0..IP_LIMIT {
            limiter.record_failure(&format!("user{n}@x"), ip);
        }
        assert!(limiter.check("fresh@x", ip).is_err());
        assert!(
            limiter
                .check("fresh@x", "10.0.0.3".parse().unwrap())
                .is_ok()
        );
    }
}
