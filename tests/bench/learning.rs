//! Learning benchmarks against the real `reelhouse serve` (release build), on SQLite and on
//! PostgreSQL, in one run (`make bench`, via tests/bench/learning.sh):
//!
//! 1. progress: 1,000 simulated viewers, each reporting what it watched every 5 s for 2 minutes
//!    (`POST /api/v1/videos/{id}/progress`). Target: p99 latency under 50 ms, and no lost report:
//!    every report answered 200 and every viewer's stored watched time is exactly what it reported.
//! 2. search: `GET /api/v1/library` over an organisation of 100,000 items (words drawn with a
//!    Zipf distribution, so common words match tens of thousands of items), with queries of one or
//!    two words, prefixes, tag and kind filters and plain browsing. Target: p99 under 50 ms.
//!
//! Environment: REELHOUSE_BIN (the server binary), REELHOUSE_TEST_POSTGRES (an admin URL of a
//! throwaway PostgreSQL); BENCH_VIEWERS, BENCH_SECONDS, BENCH_ITEMS, BENCH_SEARCHES override the
//! sizes. Prints one table per benchmark and exits 1 when a target is missed.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reelhouse::config::DatabaseUrl;
use reelhouse::db::{self, Db, users::Role};
use serde_json::json;

const TARGET_P99_MS: f64 = 50.0;
const REPORT_EVERY: Duration = Duration::from_secs(5);

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A `reelhouse serve` process, stopped on drop.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    async fn start(data_dir: &std::path::Path, database_url: &str) -> Server {
        let bin = std::env::var("REELHOUSE_BIN").expect("REELHOUSE_BIN: the server binary");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new(bin)
            .arg("serve")
            .env("REELHOUSE_DATA_DIR", data_dir)
            .env("REELHOUSE_DATABASE_URL", database_url)
            .env("REELHOUSE_BIND", format!("127.0.0.1:{port}"))
            .env("REELHOUSE_WORKERS", "0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("start reelhouse serve");
        let url = format!("http://127.0.0.1:{port}");
        for _ in 0..400 {
            if reqwest::get(format!("{url}/healthz"))
                .await
                .is_ok_and(|r| r.status() == 200)
            {
                return Server { child, url };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("reelhouse serve did not start");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Latencies in microseconds, summarised.
struct Summary {
    count: usize,
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

fn summarise(mut micros: Vec<u64>) -> Summary {
    micros.sort_unstable();
    let at = |q: f64| {
        let index = ((micros.len() as f64 * q).ceil() as usize).clamp(1, micros.len()) - 1;
        micros[index] as f64 / 1000.0
    };
    Summary {
        count: micros.len(),
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max: at(1.0),
    }
}

/// A database for one run: a SQLite file in the run's folder, or a fresh PostgreSQL database.
async fn database(kind: &str, dir: &std::path::Path) -> String {
    match kind {
        "sqlite" => format!("sqlite://{}", dir.join("reelhouse.db").display()),
        _ => {
            let admin = std::env::var("REELHOUSE_TEST_POSTGRES")
                .expect("REELHOUSE_TEST_POSTGRES: an admin URL of a throwaway PostgreSQL");
            sqlx::any::install_default_drivers();
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin)
                .await
                .unwrap();
            let name = format!("bench_{}", std::process::id());
            sqlx::query(&format!("drop database if exists {name}"))
                .execute(&mut conn)
                .await
                .unwrap();
            sqlx::query(&format!("create database {name}"))
                .execute(&mut conn)
                .await
                .unwrap();
            let mut url = url::Url::parse(&admin).unwrap();
            url.set_path(&name);
            url.to_string()
        }
    }
}

async fn connect(database_url: &str) -> Db {
    Db::connect(&DatabaseUrl::parse(database_url).unwrap())
        .await
        .unwrap()
}

/// What the progress benchmark saw.
struct ProgressResult {
    latency: Summary,
    failed: usize,
    lost: usize,
    reports: usize,
}

/// `viewers` people of one organisation, each with a token and one of 50 ten-minute videos,
/// reporting the next 5 s watched every 5 s for `seconds`.
async fn progress_load(server: &Server, db: &Db, viewers: usize, seconds: u64) -> ProgressResult {
    let pool = db.pool();
    let org = db::orgs::get_or_create(pool, "viewers", "Viewers")
        .await
        .unwrap();
    let trainer = db::users::create(
        pool,
        &org.id,
        "trainer@bench.test",
        "Trainer",
        Role::Trainer,
        None,
    )
    .await
    .unwrap();
    let mut videos = Vec::new();
    for n in 0..50 {
        let id = db::videos::create_queued(
            pool,
            &org.id,
            &trainer.id,
            &format!("Video {n}"),
            "uploads/b/source",
        )
        .await
        .unwrap();
        db::videos::set_ready(pool, &id, 600_000, 320, 180)
            .await
            .unwrap();
        videos.push(id);
    }
    let mut people = Vec::new();
    for n in 0..viewers {
        let user = db::users::create(
            pool,
            &org.id,
            &format!("viewer{n}@bench.test"),
            "Viewer",
            Role::Member,
            None,
        )
        .await
        .unwrap();
        let (_, token) = db::tokens::create(pool, &org.id, &user.id, "bench", None)
            .await
            .unwrap();
        people.push((user.id, token, videos[n % videos.len()].clone()));
    }

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(viewers)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let rounds = (seconds / REPORT_EVERY.as_secs()) as usize;
    let started = tokio::time::Instant::now();
    let mut tasks = Vec::new();
    for (n, (_, token, video)) in people.iter().cloned().enumerate() {
        let client = client.clone();
        let url = format!("{}/api/v1/videos/{video}/progress", server.url);
        // Viewers start spread over the first interval, as real ones do.
        let offset = REPORT_EVERY.mul_f64(n as f64 / viewers as f64);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(rounds);
            let mut failed = 0;
            for round in 0..rounds {
                tokio::time::sleep_until(started + offset + REPORT_EVERY * round as u32).await;
                let from = round as f64 * 5.0;
                let body = json!({ "intervals": [[from, from + 5.0]], "position_s": from + 5.0 });
                let sent = Instant::now();
                let response = client
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
                    .await;
                let ok = match response {
                    Ok(r) => r.status() == 200 && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                latencies.push(sent.elapsed().as_micros() as u64);
                if !ok {
                    failed += 1;
                }
            }
            (latencies, failed)
        }));
    }
    let mut latencies = Vec::new();
    let mut failed = 0;
    for task in tasks {
        let (l, f) = task.await.unwrap();
        latencies.extend(l);
        failed += f;
    }
    // No lost report: each viewer's stored watched time is exactly what it reported.
    let expected_ms = rounds as i64 * 5000;
    let mut lost = 0;
    for (user_id, _, video) in &people {
        let watched = db::progress::get(pool, user_id, video)
            .await
            .unwrap()
            .map(|p| p.watched.total_ms())
            .unwrap_or(0);
        if watched != expected_ms {
            lost += 1;
        }
    }
    ProgressResult {
        reports: latencies.len(),
        latency: summarise(latencies),
        failed,
        lost,
    }
}

/// Made-up words: "ba", "bo", ... joined in twos and threes, 4,000 of them.
fn vocabulary() -> Vec<String> {
    let syllables = [
        "ba", "ko", "ri", "tu", "me", "sa", "lo", "ni", "ve", "da", "gu", "pe", "zo", "fi", "ha",
        "ju", "ky", "wa", "xe", "qo",
    ];
    let mut words = Vec::new();
    'outer: for a in syllables {
        for b in syllables {
            for c in syllables {
                words.push(format!("{a}{b}{c}"));
                if words.len() == 4000 {
                    break 'outer;
                }
            }
        }
    }
    words
}

/// Picks word ranks with probability proportional to 1 / rank (Zipf).
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn pick(&self, rng: &mut StdRng) -> usize {
        let x = rng.r#gen::<f64>() * self.cumulative.last().unwrap();
        self.cumulative.partition_point(|c| *c < x)
    }
}

/// Fills one organisation with `items` resources (their text drawn from the vocabulary) and
/// builds its index as the server would.
async fn fill_library(db: &Db, items: usize) -> (String, String) {
    let pool = db.pool();
    let org = db::orgs::get_or_create(pool, "library", "Library")
        .await
        .unwrap();
    let owner = db::users::create(
        pool,
        &org.id,
        "librarian@bench.test",
        "Librarian",
        Role::Trainer,
        None,
    )
    .await
    .unwrap();
    let (_, token) = db::tokens::create(pool, &org.id, &owner.id, "bench", None)
        .await
        .unwrap();
    let words = vocabulary();
    let zipf = Zipf::new(words.len());
    let mut rng = StdRng::seed_from_u64(7);
    let text = |n: usize, rng: &mut StdRng| {
        (0..n)
            .map(|_| words[zipf.pick(rng)].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let started = db::now_ms() - items as i64 * 1000;
    let mut tx = pool.begin().await.unwrap();
    for n in 0..items {
        let resource = db::resources::Resource {
            id: db::new_id(),
            org_id: org.id.clone(),
            owner_id: owner.id.clone(),
            title: text(4, &mut rng),
            url: format!("https://example.com/{n}"),
            tagline: text(8, &mut rng),
            description: text(40, &mut rng),
            tags: format!("tag{} tag{}", rng.gen_range(0..200), rng.gen_range(0..200)),
            created_at: started + n as i64 * 1000,
            updated_at: started + n as i64 * 1000,
        };
        db::resources::create(&mut *tx, &resource).await.unwrap();
    }
    tx.commit().await.unwrap();
    db::library::rebuild(db, &org.id).await.unwrap();
    (token, words.join(" "))
}

/// Runs `searches` library queries, four at a time, and summarises their latencies.
async fn search_load(
    server: &Server,
    token: &str,
    words: &str,
    searches: usize,
) -> (Summary, usize) {
    let words: Vec<&str> = words.split(' ').collect();
    let zipf = Zipf::new(words.len());
    let mut rng = StdRng::seed_from_u64(11);
    let mut queries = Vec::new();
    for n in 0..searches {
        let word = |rng: &mut StdRng| words[zipf.pick(rng)].to_owned();
        let (label, query) = match n % 10 {
            0..=3 => ("one word", format!("q={}", word(&mut rng))),
            4 | 5 => (
                "two words",
                format!("q={}+{}", word(&mut rng), word(&mut rng)),
            ),
            6 => ("prefix", format!("q={}", &word(&mut rng)[..3])),
            7 => ("tag", format!("tag=tag{}", rng.gen_range(0..200))),
            8 => (
                "word+kind+tag",
                format!(
                    "q={}&kind=resource&tag=tag{}",
                    word(&mut rng),
                    rng.gen_range(0..200)
                ),
            ),
            _ => ("browse", String::new()),
        };
        queries.push((label, format!("{}/api/v1/library?{query}", server.url)));
    }
    let queries = Arc::new(tokio::sync::Mutex::new(queries));
    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let (queries, client, token) = (queries.clone(), client.clone(), token.to_owned());
        tasks.push(tokio::spawn(async move {
            let (mut latencies, mut failed) = (Vec::new(), 0);
            while let Some((label, url)) = queries.lock().await.pop() {
                let sent = Instant::now();
                let ok = match client.get(&url).bearer_auth(&token).send().await {
                    Ok(r) => r.status() == 200 && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                latencies.push((label, sent.elapsed().as_micros() as u64));
                failed += usize::from(!ok);
            }
            (latencies, failed)
        }));
    }
    let (mut latencies, mut failed) = (Vec::new(), 0);
    for task in tasks {
        let (l, f) = task.await.unwrap();
        latencies.extend(l);
        failed += f;
    }
    let mut labels: Vec<&str> = latencies.iter().map(|(l, _)| *l).collect();
    labels.sort_unstable();
    labels.dedup();
    for label in labels {
        let of_kind = latencies
            .iter()
            .filter(|(l, _)| *l == label)
            .map(|(_, t)| *t)
            .collect();
        let s = summarise(of_kind);
        eprintln!(
            "  {label:<14} n={:<5} p50 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms",
            s.count, s.p50, s.p99, s.max
        );
    }
    (
        summarise(latencies.into_iter().map(|(_, t)| t).collect()),
        failed,
    )
}

#[tokio::main]
async fn main() {
    let viewers = setting("BENCH_VIEWERS", 1000) as usize;
    let seconds = setting("BENCH_SECONDS", 120);
    let items = setting("BENCH_ITEMS", 100_000) as usize;
    let searches = setting("BENCH_SEARCHES", 2000) as usize;
    let mut missed = false;
    let mut progress_rows = Vec::new();
    let mut search_rows = Vec::new();
    let databases = std::env::var("BENCH_DATABASES").unwrap_or_else(|_| "sqlite postgres".into());
    for kind in databases.split_whitespace() {
        let dir = tempfile::tempdir_in("/var/tmp").unwrap();
        let url = database(kind, dir.path()).await;
        let server = Server::start(dir.path(), &url).await;
        let db = connect(&url).await;

        eprintln!("{kind}: {viewers} viewers reporting every 5 s for {seconds} s ...");
        let result = progress_load(&server, &db, viewers, seconds).await;
        let ok = result.latency.p99 < TARGET_P99_MS && result.failed == 0 && result.lost == 0;
        missed |= !ok;
        progress_rows.push(format!(
            "| {kind:<8} | {:>7} | {:>6.1} | {:>6.1} | {:>6.1} | {:>7.1} | {:>6} | {:>4} | {} |",
            result.reports,
            result.latency.p50,
            result.latency.p95,
            result.latency.p99,
            result.latency.max,
            result.failed,
            result.lost,
            if ok { "PASS" } else { "FAIL" }
        ));
        assert_eq!(result.latency.count, result.reports);

        eprintln!("{kind}: filling the library with {items} items ...");
        let filled = Instant::now();
        let (token, words) = fill_library(&db, items).await;
        eprintln!(
            "{kind}: filled in {:.1} s; searching ...",
            filled.elapsed().as_secs_f64()
        );
        let (latency, failed) = search_load(&server, &token, &words, searches).await;
        let ok = latency.p99 < TARGET_P99_MS && failed == 0;
        missed |= !ok;
        search_rows.push(format!(
            "| {kind:<8} | {items:>7} | {:>6} | {:>6.1} | {:>6.1} | {:>6.1} | {:>7.1} | {:>6} | {} |",
            latency.count,
            latency.p50,
            latency.p95,
            latency.p99,
            latency.max,
            failed,
            if ok { "PASS" } else { "FAIL" }
        ));
        db.close().await;
        drop(server);
    }
    println!(
        "progress: {viewers} viewers, a report every 5 s each for {seconds} s (target: p99 < {TARGET_P99_MS} ms, none failed or lost)"
    );
    println!(
        "| database | reports | p50 ms | p95 ms | p99 ms |  max ms | failed | lost | result |"
    );
    println!(
        "|----------|---------|--------|--------|--------|---------|--------|------|--------|"
    );
    for row in &progress_rows {
        println!("{row}");
    }
    println!();
    println!("library search, 4 concurrent clients (target: p99 < {TARGET_P99_MS} ms)");
    println!(
        "| database |   items | search | p50 ms | p95 ms | p99 ms |  max ms | failed | result |"
    );
    println!(
        "|----------|---------|--------|--------|--------|--------|---------|--------|--------|"
    );
    for row in &search_rows {
        println!("{row}");
    }
    if missed {
        std::process::exit(1);
    }
}
