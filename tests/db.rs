//! The schema on the database `make test` selects: migrations apply (twice, harmlessly), every
//! table round-trips a row through the portable query layer, and constraints hold.

mod common;

use reelhouse::db::{self, Db, users::Role};
use sqlx::Row;

async fn fresh_db() -> (common::TestEnv, Db) {
    let env = common::TestEnv::new().await;
    let db = reelhouse::app::open_db(&env.config())
        .await
        .expect("open database");
    (env, db)
}

#[tokio::test]
async fn migrations_are_idempotent_and_create_the_default_org() {
    let (_env, db) = fresh_db().await;
    db.migrate().await.expect("a second migrate is a no-op");
    let org = db::orgs::by_slug(db.pool(), db::orgs::DEFAULT_SLUG)
        .await
        .unwrap();
    assert!(org.is_some(), "no default organisation");
    let expected = match db.backend() {
        db::Backend::Sqlite => "sqlite",
        db::Backend::Postgres => "postgres",
    };
    let chosen = if common::testing_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(expected, chosen);
}

/// Inserts one row in every table with the columns' natural Rust types and reads it back.
#[tokio::test]
async fn every_table_round_trips() {
    let (_env, db) = fresh_db().await;
    let pool = db.pool();
    let now = db::now_ms();
    let org = db::orgs::create(pool, "acme", "Acme Ltd").await.unwrap();
    let user = db::users::create(
        pool,
        &org.id,
        " Ana@Example.COM ",
        "Ana",
        Role::Trainer,
        Some("$argon2id$x"),
    )
    .await
    .unwrap();
    assert_eq!(user.email, "ana@example.com");
    assert_eq!(
        db::users::by_email(pool, "ANA@example.com").await.unwrap(),
        Some(user.clone())
    );
    assert_eq!(
        db::orgs::by_id(pool, &org.id).await.unwrap(),
        Some(org.clone())
    );

    let (_, token) = db::tokens::create(pool, &org.id, &user.id, "laptop", None)
        .await
        .unwrap();
    let stored: String = sqlx::query_scalar("select token_hash from api_tokens where user_id = $1")
        .bind(&user.id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(stored, reelhouse::auth::secret::hash_token(&token));
    assert_ne!(stored, token);

    let rows: &[(&str, &str, Vec<Value>)] = &[
        (
            "sessions",
            "id, org_id, user_id, token_hash, created_at, expires_at",
            vec![
                t("s1"),
                t(&org.id),
                t(&user.id),
                t("hash-s1"),
                i(now),
                i(now + 1000),
            ],
        ),
        (
            "videos",
            "id, org_id, owner_id, title, status, source_key, duration_ms, width, height, playable, created_at, updated_at",
            vec![
                t("v1"),
                t(&org.id),
                t(&user.id),
                t("Welding 101"),
                t("ready"),
                t("videos/v1/source"),
                i(61_500),
                i(1080),
                i(1920),
                b(true),
                i(now),
                i(now),
            ],
        ),
        (
            "uploads",
            "id, org_id, owner_id, length, upload_offset, filename, title, staging_key, multipart_id, expires_at, video_id, created_at",
            vec![
                t("u1"),
                t(&org.id),
                t(&user.id),
                i(21_474_836_480),
                i(8_388_608),
                t("clip.mov"),
                t("Clip"),
                t("uploads/u1"),
                t("mp-1"),
                i(now),
                t("v1"),
                i(now),
            ],
        ),
        (
            "upload_parts",
            "upload_id, part_number, etag, size",
            vec![t("u1"), i(1), t("\"etag\""), i(8_388_608)],
        ),
        (
            "jobs",
            "id, org_id, kind, video_id, status, attempts, run_at, lease_owner, lease_expires_at, created_at, updated_at",
            vec![
                t("j1"),
                t(&org.id),
                t("transcode"),
                t("v1"),
                t("running"),
                i(1),
                i(now),
                t("worker-1"),
                i(now + 30_000),
                i(now),
                i(now),
            ],
        ),
        (
            "renditions",
            "id, org_id, video_id, width, height, bandwidth, average_bandwidth, codecs, frame_rate",
            vec![
                t("r1"),
                t(&org.id),
                t("v1"),
                i(720),
                i(1280),
                i(2_500_000),
                i(2_000_000),
                t("avc1.64001f,mp4a.40.2"),
                f(29.97),
            ],
        ),
        (
            "handouts",
            "id, org_id, video_id, owner_id, title, filename, content_type, size, store_key, created_at",
            vec![
                t("h1"),
                t(&org.id),
                t("v1"),
                t(&user.id),
                t("Checklist"),
                t("checklist.pdf"),
                t("application/pdf"),
                i(12_345),
                t("handouts/h1"),
                i(now),
            ],
        ),
        (
            "playlists",
            "id, org_id, title, onboarding, sequential, published, created_by, created_at, updated_at",
            vec![
                t("p1"),
                t(&org.id),
                t("First week"),
                b(true),
                b(true),
                b(false),
                t(&user.id),
                i(now),
                i(now),
            ],
        ),
        (
            "playlist_items",
            "id, org_id, playlist_id, position, kind, item_id",
            vec![t("pi1"), t(&org.id), t("p1"), i(0), t("video"), t("v1")],
        ),
        (
            "assignments",
            "id, org_id, playlist_id, user_id, assigned_by, due_at, created_at",
            vec![
                t("a1"),
                t(&org.id),
                t("p1"),
                t(&user.id),
                t(&user.id),
                i(now + 86_400_000),
                i(now),
            ],
        ),
        (
            "progress",
            "org_id, user_id, video_id, intervals, watched_ms, position_ms, updated_at",
            vec![
                t(&org.id),
                t(&user.id),
                t("v1"),
                t("[[0,5000],[7000,9000]]"),
                i(7000),
                i(9000),
                i(now),
            ],
        ),
        (
            "resources",
            "id, org_id, owner_id, title, url, tagline, description, tags, created_at, updated_at",
            vec![
                t("r1"),
                t(&org.id),
                t(&user.id),
                t("Safety basics"),
                t("https://example.com/safety"),
                t("A short read"),
                t("Why we lift with our legs"),
                t("safety lifting"),
                i(now),
                i(now),
            ],
        ),
        (
            "item_opens",
            "org_id, user_id, kind, item_id, opened_at",
            vec![t(&org.id), t(&user.id), t("resource"), t("r1"), i(now)],
        ),
        (
            "expertise",
            "org_id, user_id, tag, set_by, created_at",
            vec![t(&org.id), t(&user.id), t("forklifts"), t(&user.id), i(now)],
        ),
        (
            "assignment_rules",
            "id, org_id, playlist_id, role, cohort, due_at, created_by, created_at",
            vec![
                t("ar1"),
                t(&org.id),
                t("p1"),
                t("member"),
                t("2026-12"),
                i(now + 86_400_000),
                t(&user.id),
                i(now),
            ],
        ),
        (
            "invitations",
            "id, org_id, email, role, cohort, token_hash, invited_by, created_at, expires_at",
            vec![
                t("i1"),
                t(&org.id),
                t("new@b.co"),
                t("member"),
                t("2026-12"),
                t("hash-i1"),
                t(&user.id),
                i(now),
                i(now + 1000),
            ],
        ),
        (
            "invitation_playlists",
            "invitation_id, playlist_id, due_days",
            vec![t("i1"), t("p1"), i(7)],
        ),
    ];
    for (table, columns, values) in rows {
        let placeholders: Vec<String> = (1..=values.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "insert into {table} ({columns}) values ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for value in values {
            query = match value {
                Value::Text(s) => query.bind(s.clone()),
                Value::Int(n) => query.bind(*n),
                Value::Float(x) => query.bind(*x),
                Value::Bool(v) => query.bind(db::flag(*v)),
            };
        }
        query
            .execute(pool)
            .await
            .unwrap_or_else(|e| panic!("insert into {table}: {e}"));

        let row = sqlx::query(&format!("select {columns} from {table}"))
            .fetch_one(pool)
            .await
            .unwrap_or_else(|e| panic!("select from {table}: {e}"));
        for (index, value) in values.iter().enumerate() {
            let read = match value {
                Value::Text(_) => Value::Text(row.try_get(index).unwrap()),
                Value::Int(_) => Value::Int(row.try_get(index).unwrap()),
                Value::Float(_) => Value::Float(row.try_get(index).unwrap()),
                Value::Bool(_) => Value::Bool(row.try_get::<i64, _>(index).unwrap() != 0),
            };
            assert_eq!(&read, value, "{table} column {index}");
        }
    }

    // Defaults fill in what the insert left out.
    let row = sqlx::query("select progress_pct, playable, error from videos where id = 'v1'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(row.try_get::<i64, _>(0).unwrap(), 0);
    assert_eq!(row.try_get::<i64, _>(1).unwrap(), 1);
    assert_eq!(row.try_get::<Option<String>, _>(2).unwrap(), None);

    // Deleting the organisation removes everything that belongs to it.
    sqlx::query("delete from organisations where id = $1")
        .bind(&org.id)
        .execute(pool)
        .await
        .unwrap();
    for table in [
        "users",
        "videos",
        "jobs",
        "progress",
        "playlist_items",
        "upload_parts",
        "resources",
        "item_opens",
        "expertise",
        "assignment_rules",
        "invitation_playlists",
    ] {
        let left: i64 = sqlx::query_scalar(&format!("select count(*) from {table}"))
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(left, 0, "{table} kept rows of a deleted organisation");
    }
}

#[tokio::test]
async fn constraints_hold() {
    let (_env, db) = fresh_db().await;
    let pool = db.pool();
    let org = db::orgs::ensure_default(pool).await.unwrap();
    db::users::create(pool, &org.id, "a@b.co", "A", Role::Member, None)
        .await
        .unwrap();
    let duplicate = db::users::create(pool, &org.id, "A@B.CO", "A again", Role::Member, None).await;
    assert!(db::is_unique_violation(&duplicate.unwrap_err()));
    assert!(
        db::orgs::create(pool, db::orgs::DEFAULT_SLUG, "x")
            .await
            .is_err()
    );

    // A foreign key to nowhere is refused (SQLite enforces them only when told to).
    let orphan = sqlx::query(
        "insert into sessions (id, org_id, user_id, token_hash, created_at, expires_at) \
         values ('s', $1, 'no-such-user', 'h', 0, 0)",
    )
    .bind(&org.id)
    .execute(pool)
    .await;
    assert!(orphan.is_err(), "a session of a missing user was stored");

    // A status outside the state machine is refused.
    let bad = sqlx::query(
        "insert into videos (id, org_id, owner_id, title, status, created_at, updated_at) \
         select 'v', org_id, id, 't', 'exploded', 0, 0 from users limit 1",
    )
    .execute(pool)
    .await;
    assert!(bad.is_err(), "an unknown video status was stored");
}

#[derive(Debug, PartialEq)]
enum Value {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

fn t(s: &str) -> Value {
    Value::Text(s.to_owned())
}
fn i(n: i64) -> Value {
    Value::Int(n)
}
fn f(x: f64) -> Value {
    Value::Float(x)
}
fn b(v: bool) -> Value {
    Value::Bool(v)
}
