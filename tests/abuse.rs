//! What a stranger can throw at sign-in, against the real binary: floods of huge inputs leave
//! memory where it was, a burst of parallel sign-ins is bounded and leaves the server answering,
//! and the attempt limit holds across replicas sharing one database.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestEnv;
use serde_json::json;

/// A `reelhouse serve` process, killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    async fn start(env: &TestEnv, extra: &[(&str, &str)]) -> Server {
        let port = common::free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_reelhouse"))
            .envs(&env.vars)
            .envs(extra.iter().copied())
            .env("RUST_LOG", "warn")
            .env("REELHOUSE_BIND", format!("127.0.0.1:{port}"))
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while reqwest::get(format!("{}/healthz", server.url))
            .await
            .is_err()
        {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "serve did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        server
    }

    /// Resident memory, in MiB.
    fn rss_mib(&self) -> f64 {
        rss_mib(self.child.id()).unwrap()
    }
}

/// A process's resident memory in MiB; `None` once it is gone.
fn rss_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())?;
    Some(kib / 1024.0)
}

fn create_user(env: &TestEnv, email: &str, password: &str) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_reelhouse"))
        .envs(&env.vars)
        .env("RUST_LOG", "warn")
        .args(["admin", "create-user", "--email", email, "--name", "Member"])
        .args(["--role", "member", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    assert!(child.wait().unwrap().success());
}

async fn sign_in(
    client: &reqwest::Client,
    url: &str,
    email: &str,
    password: &str,
    from: Option<&str>,
) -> u16 {
    let mut request = client
        .post(format!("{url}/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": password }));
    if let Some(address) = from {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sign_in_floods_leave_memory_flat_and_the_server_answering() {
    let env = TestEnv::new().await;
    create_user(&env, "member@acme.test", "the right password");
    // The test client plays a trusted proxy, so each request can come from another address.
    let server = Server::start(&env, &[("REELHOUSE_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let client = reqwest::Client::new();
    for n in 0..20 {
        let from = format!("198.51.100.{n}");
        let status = sign_in(
            &client,
            &server.url,
            "member@acme.test",
            "the right password",
            Some(&from),
        )
        .await;
        assert_eq!(status, 200);
    }
    let before = server.rss_mib();

    // 1,000 attempts with 1 MiB "emails", refused before any other work: those whose body
    // still fits the JSON limit are read and refused for their length (422), whole ones for
    // their size (413).
    let fits = format!("{}@acme.test", "x".repeat((1 << 20) - 100));
    let whole = format!("{}@acme.test", "x".repeat(1 << 20));
    let mut refused = 0;
    for round in 0..125 {
        let (email, expected) = if round % 2 == 0 {
            (&fits, 422)
        } else {
            (&whole, 413)
        };
        let attempts = (0..8).map(|n| {
            let (client, url, email) = (client.clone(), server.url.clone(), email.clone());
            let from = format!("203.0.113.{}", (round * 8 + n) % 250);
            async move { sign_in(&client, &url, &email, "whatever it is", Some(&from)).await }
        });
        for status in futures_util::future::join_all(attempts).await {
            assert_eq!(status, expected);
            refused += 1;
        }
    }
    assert_eq!(refused, 1000);
    let after = server.rss_mib();
    assert!(
        after - before < 20.0,
        "1,000 huge sign-ins took the server from {before:.1} to {after:.1} MiB"
    );

    // 300 sign-ins at once, each from its own address: passwords are checked a few at a time,
    // the rest are told the server is busy, memory stays bounded and other routes answer.
    let peak = std::sync::Arc::new(std::sync::Mutex::new(0f64));
    let sampling = {
        let (peak, pid) = (peak.clone(), server.child.id());
        tokio::spawn(async move {
            loop {
                if let Some(now) = rss_mib(pid) {
                    let mut peak = peak.lock().unwrap();
                    *peak = peak.max(now);
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };
    let burst = (0..300).map(|n| {
        let (client, url) = (client.clone(), server.url.clone());
        async move {
            let from = format!("2001:db8:{n:x}::1");
            let email = format!("nobody{n}@acme.test");
            sign_in(&client, &url, &email, "a wrong password", Some(&from)).await
        }
    });
    let burst = tokio::spawn(futures_util::future::join_all(burst));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let health = client
        .get(format!("{}/readyz", server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200, "other routes answer during the burst");
    let statuses = burst.await.unwrap();
    sampling.abort();
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 503),
        "{statuses:?}"
    );
    assert!(statuses.contains(&401), "some passwords were checked");
    let peak = *peak.lock().unwrap();
    assert!(peak < 300.0, "300 parallel sign-ins took {peak:.1} MiB");
}

#[tokio::test]
async fn two_servers_share_the_sign_in_limit() {
    let env = TestEnv::new().await;
    create_user(&env, "member@acme.test", "the right password");
    let a = Server::start(&env, &[]).await;
    let b = Server::start(&env, &[]).await;
    let client = reqwest::Client::new();
    for n in 0..10 {
        let server = if n % 2 == 0 { &a } else { &b };
        let status = sign_in(
            &client,
            &server.url,
            "member@acme.test",
            "a wrong password",
            None,
        )
        .await;
        assert_eq!(status, 401, "attempt {}", n + 1);
    }
    for server in [&a, &b] {
        let status = sign_in(
            &client,
            &server.url,
            "member@acme.test",
            "a wrong password",
            None,
        )
        .await;
        assert_eq!(status, 429, "the 11th attempt is refused by either server");
    }
    let status = sign_in(
        &client,
        &b.url,
        "member@acme.test",
        "the right password",
        None,
    )
    .await;
    assert_eq!(status, 429, "even the right password waits for the window");
}
