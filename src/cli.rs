//! The `reelhouse` command line (docs/contract.md): `serve`, `worker`, `migrate`, `admin …`,
//! `check`, `openapi`. Parsing and the small commands live here; what `serve` and `worker` build
//! and run is in [`crate::app`].

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::app::{self, open_db};
use crate::auth::password;
use crate::config::Config;
use crate::db;
use crate::db::users::Role;
use crate::{storage, telemetry, transcode};

#[derive(Parser)]
#[command(
    name = "reelhouse",
    version,
    about = "Self-hosted video-learning server"
)]
struct Cli {
    /// A TOML file of settings (same names as the environment, lower case, no REELHOUSE_ prefix).
    #[arg(long, global = true, env = "REELHOUSE_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API and web app, with embedded transcode workers.
    Serve {
        /// The address to listen on (overrides REELHOUSE_BIND).
        #[arg(long)]
        bind: Option<SocketAddr>,
        /// Embedded transcode workers; 0 for none (overrides REELHOUSE_WORKERS).
        #[arg(long)]
        workers: Option<usize>,
    },
    /// Run transcode workers only.
    Worker {
        /// How many jobs to run at once.
        #[arg(long)]
        concurrency: Option<usize>,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Move this installation (its database and store, as the settings name them) to another
    /// database and store: copies what the target lacks (so an interrupted move resumes), then
    /// compares row counts and every object's checksum. The source is only read.
    MigrateData {
        /// The target database: postgres://… (or sqlite://PATH).
        #[arg(long)]
        to_database: String,
        /// The target store: s3://BUCKET[/PREFIX] (with the AWS_* settings) or file://PATH.
        #[arg(long)]
        to_storage: String,
    },
    /// Manage users and tokens.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Verify FFmpeg, the database and the store; exit 1 with a reason if one is not right.
    Check,
    /// Print the OpenAPI document of the HTTP API (the one served at /api/v1/openapi.json).
    Openapi,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a user (and their organisation when it does not exist yet).
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = |s: &str| s.parse::<Role>())]
        role: Role,
        /// Read the password from the first line of standard input; otherwise a one-time password
        /// is generated and printed, which the person replaces at the first sign-in.
        #[arg(long)]
        password_stdin: bool,
        /// The organisation's slug (created when it does not exist); default: the default one.
        #[arg(long)]
        org: Option<String>,
    },
    /// Set an organisation's own storage quotas, in bytes (0 = unlimited); a quota left out
    /// returns to the server's default (REELHOUSE_ORG_QUOTA_BYTES, REELHOUSE_PERSON_QUOTA_BYTES).
    SetQuota {
        /// The organisation's slug.
        #[arg(long)]
        org: String,
        /// What the whole organisation may store.
        #[arg(long)]
        bytes: Option<i64>,
        /// What each person in it may store.
        #[arg(long)]
        person_bytes: Option<i64>,
    },
    /// Create an API token for a user and print it (alone) on standard output.
    CreateToken {
        #[arg(long)]
        email: String,
        /// A label to recognise the token by.
        #[arg(long)]
        name: Option<String>,
        /// Days until the token stops working (1 to 3650); left out, it never expires.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=3650))]
        expires_days: Option<u32>,
    },
    /// Set a user's password, read from the first line of standard input. Every session of the
    /// user and every reset link still open end.
    SetPassword {
        #[arg(long)]
        email: String,
        /// Read the password from the first line of standard input (the only way: a password
        /// never goes on a command line, where other users of the machine can see it).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

/// Parses the arguments, runs the command and turns failures into a message and exit code 1.
pub fn main() -> ExitCode {
    crate::transcode::memory::tune_allocator();
    let cli = Cli::parse();
    telemetry::init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = || Config::load(cli.config.as_deref());
    match cli.command {
        Command::Serve { bind, workers } => {
            let mut config = settings()?;
            config.bind = bind.unwrap_or(config.bind);
            config.workers = workers.unwrap_or(config.workers);
            app::serve(config).await?;
        }
        Command::Worker { concurrency } => {
            let mut config = settings()?;
            config.workers = concurrency.unwrap_or(config.workers).max(1);
            app::worker(config).await?;
        }
        Command::Migrate => {
            open_db(&settings()?).await?;
            println!("migrations applied");
        }
        Command::MigrateData {
            to_database,
            to_storage,
        } => {
            let source = settings()?;
            let mut target = source.clone();
            target.database_url = crate::config::DatabaseUrl::parse(&to_database)?;
            target.storage = crate::config::StorageUrl::parse(&to_storage)?;
            let moved = crate::transfer::migrate_data(&source, &target).await?;
            for (table, rows) in &moved.rows {
                println!("{table:<22} {rows:>9} rows");
            }
            println!(
                "objects: {} copied ({} bytes), {} already there; every row counted and every \
                 object's SHA-256 compared: the target matches",
                moved.objects_copied, moved.bytes_copied, moved.objects_present
            );
        }
        Command::Admin { command } => admin(&settings()?, command).await?,
        Command::Check => return Ok(check(&settings()?).await),
        // The same document whatever the settings.
        Command::Openapi => println!("{}", crate::http::openapi_json()?),
    }
    Ok(ExitCode::SUCCESS)
}

async fn admin(config: &Config, command: AdminCommand) -> anyhow::Result<()> {
    let db = open_db(config).await?;
    match command {
        AdminCommand::CreateUser {
            email,
            name,
            role,
            password_stdin,
            org,
        } => {
            let slug = org.as_deref().unwrap_or(db::orgs::DEFAULT_SLUG);
            if !db::orgs::is_valid_slug(slug) {
                bail!("--org {slug:?} is not a valid slug (lower-case letters, digits, dashes)");
            }
            let (password, generated) = if password_stdin {
                (read_password_line()?, false)
            } else {
                (crate::auth::secret::random_password(), true)
            };
            let hash = password::hash(password.clone()).await?;
            let org = db::orgs::get_or_create(db.pool(), slug, slug).await?;
            let user = db::users::create(db.pool(), &org.id, &email, &name, role, Some(&hash))
                .await
                .map_err(|err| match db::is_unique_violation(&err) {
                    true => anyhow::anyhow!("a user with the email {email} already exists"),
                    false => err.into(),
                })?;
            println!(
                "created {} {} in organisation {}",
                user.role, user.email, org.slug
            );
            if generated {
                // Seen by whoever ran the command: the person replaces it at the first sign-in.
                db::users::set_password(db.pool(), &user.id, &hash, true).await?;
                println!("one-time password (to replace at the first sign-in): {password}");
            }
        }
        AdminCommand::SetQuota {
            org,
            bytes,
            person_bytes,
        } => {
            if bytes.is_some_and(|b| b < 0) || person_bytes.is_some_and(|b| b < 0) {
                bail!("a quota is a number of bytes, 0 for unlimited");
            }
            if !db::usage::set_quotas(db.pool(), &org, bytes, person_bytes).await? {
                bail!("no organisation {org}");
            }
            let shown = |q: Option<i64>| match q {
                None => "the default".to_owned(),
                Some(0) => "unlimited".to_owned(),
                Some(b) => format!("{b} bytes"),
            };
            println!(
                "quotas of {org}: organisation {}, each person {}",
                shown(bytes),
                shown(person_bytes)
            );
        }
        AdminCommand::CreateToken {
            email,
            name,
            expires_days,
        } => {
            let user = db::users::by_email(db.pool(), &email)
                .await?
                .with_context(|| format!("no user with the email {email}"))?;
            if !user.active {
                bail!("the user {email} is deactivated");
            }
            let label = name.unwrap_or_else(|| "command line".to_owned());
            let expires_at = db::tokens::expiry_in_days(expires_days);
            let (_, token) =
                db::tokens::create(db.pool(), &user.org_id, &user.id, &label, expires_at).await?;
            println!("{token}");
        }
        AdminCommand::SetPassword {
            email,
            password_stdin: _,
        } => {
            let user = db::users::by_email(db.pool(), &email)
                .await?
                .with_context(|| format!("no user with the email {email}"))?;
            let hash = password::hash(read_password_line()?).await?;
            let mut tx = db.pool().begin().await?;
            db::users::set_password(&mut *tx, &user.id, &hash, false).await?;
            db::sessions::delete_for_user(&mut *tx, &user.id).await?;
            db::resets::end_for_user(&mut *tx, &user.id).await?;
            tx.commit().await?;
            println!("password of {} set; their sessions ended", user.email);
        }
    }
    db.close().await;
    Ok(())
}

/// The first line of standard input, without its line end.
fn read_password_line() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Reports FFmpeg's libraries, and whether the database and the store answer.
async fn check(config: &Config) -> ExitCode {
    let mut problems = Vec::new();
    for (library, version) in transcode::ffmpeg_versions() {
        println!("ffmpeg   {library} {version}");
    }
    let missing = transcode::missing_components();
    if !missing.is_empty() {
        problems.push(format!("FFmpeg lacks {}", missing.join(", ")));
    }
    match open_db(config).await {
        Ok(db) => match db.ping().await {
            Ok(()) => println!("database ok ({:?})", config.database_url),
            Err(err) => problems.push(format!("database does not answer: {err}")),
        },
        Err(err) => problems.push(format!("database: {err:#}")),
    }
    let store = storage::open(config).await;
    match store {
        Ok(store) => match store.ping().await {
            Ok(()) => println!("store    ok ({:?})", config.storage),
            Err(err) => problems.push(format!("store {:?} does not answer: {err}", config.storage)),
        },
        Err(err) => problems.push(format!("store: {err}")),
    }
    if problems.is_empty() {
        println!("all checks passed");
        ExitCode::SUCCESS
    } else {
        for problem in &problems {
            eprintln!("check failed: {problem}");
        }
        ExitCode::FAILURE
    }
}
