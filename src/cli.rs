//! The `reelhouse` command line (CONTRACT.md): `serve`, `worker`, `migrate`, `admin …`, `check`.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::auth::password;
use crate::config::Config;
use crate::db::users::Role;
use crate::db::{self, Db};
use crate::http::{self, AppState};
use crate::jobs::Worker;
use crate::{storage, telemetry, transcode};
use std::sync::Arc;

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
    /// Manage users and tokens.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Verify FFmpeg, the database and the store; exit 1 with a reason if one is not right.
    Check,
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
        /// Read the password from the first line of standard input; otherwise one is generated
        /// and printed.
        #[arg(long)]
        password_stdin: bool,
        /// The organisation's slug (created when it does not exist); default: the default one.
        #[arg(long)]
        org: Option<String>,
    },
    /// Create an API token for a user and print it (alone) on standard output.
    CreateToken {
        #[arg(long)]
        email: String,
        /// A label to recognise the token by.
        #[arg(long)]
        name: Option<String>,
    },
}

/// Parses the arguments, runs the command and turns failures into a message and exit code 1.
pub fn main() -> ExitCode {
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
    let mut config = Config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve { bind, workers } => {
            config.bind = bind.unwrap_or(config.bind);
            config.workers = workers.unwrap_or(config.workers);
            serve(config).await?;
        }
        Command::Worker { concurrency } => {
            config.workers = concurrency.unwrap_or(config.workers).max(1);
            worker(config).await?;
        }
        Command::Migrate => {
            open_db(&config).await?;
            println!("migrations applied");
        }
        Command::Admin { command } => admin(&config, command).await?,
        Command::Check => return Ok(check(&config).await),
    }
    Ok(ExitCode::SUCCESS)
}

/// Connects to the database, applies migrations and makes sure the default organisation exists.
pub async fn open_db(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url)
        .await
        .with_context(|| format!("cannot connect to the database {:?}", config.database_url))?;
    db.migrate()
        .await
        .context("cannot apply database migrations")?;
    db::library::fill_search_text(&db)
        .await
        .context("cannot index the library")?;
    db::orgs::ensure_default(db.pool())
        .await
        .context("cannot create the default organisation")?;
    Ok(db)
}

/// Builds everything the HTTP app and the workers share.
pub async fn app_state(config: Config) -> anyhow::Result<AppState> {
    let db = open_db(&config).await?;
    let (store, s3) = storage::open_with_s3(&config)
        .await
        .context("cannot open the store")?;
    let staging = crate::upload::staging::for_store(store.clone(), s3, &config.data_dir);
    Ok(AppState::new(config, db, store, staging)?)
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let state = app_state(config).await?;
    let config = state.config.clone();
    let first_login = create_first_admin(&state.db).await?;
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .with_context(|| format!("cannot listen on {} (REELHOUSE_BIND)", config.bind))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, "listening");
    println!(
        "Reelhouse is serving on http://{addr} (public URL {})",
        config.public_url
    );
    match first_login {
        Some((email, password)) => println!(
            "First start: sign in at {} as {email} with password {password}\n\
             (shown only this once; change it after signing in)",
            config.public_url
        ),
        None => println!("Sign in at {} with your account.", config.public_url),
    }
    let db = state.db.clone();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let housekeeping = tokio::spawn(crate::upload::cleanup::run(state.clone(), stopped.clone()));
    let workers = (config.workers > 0).then(|| {
        tracing::info!(workers = config.workers, "embedded transcode workers");
        tokio::spawn(worker_pool(state.clone()).run(config.workers, stopped))
    });
    http::serve(listener, http::app(state), http::shutdown_signal()).await?;
    let _ = stop.send(true);
    let _ = housekeeping.await;
    if let Some(workers) = workers {
        let _ = workers.await;
    }
    db.close().await;
    Ok(())
}

/// The job handlers a worker runs.
pub fn worker_pool(state: AppState) -> Arc<Worker> {
    use crate::transcode::memory;
    let budget = memory::Budget::new(memory::budget_mib(state.config.transcode_memory_mib));
    tracing::info!(
        transcode_memory_mib = budget.total_mib(),
        "transcodes share this much memory; a job that would not fit waits"
    );
    let transcode = Arc::new(crate::transcode::job::TranscodeHandler {
        state: state.clone(),
        memory: Arc::new(budget),
    });
    let worker = Worker::new(state.db.clone(), state.config.job_lease);
    Arc::new(worker.handle(crate::db::jobs::TRANSCODE, transcode))
}

async fn worker(config: Config) -> anyhow::Result<()> {
    let state = app_state(config).await?;
    let concurrency = state.config.workers;
    tracing::info!(concurrency, "worker ready");
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let pool = tokio::spawn(worker_pool(state.clone()).run(concurrency, stopped));
    http::shutdown_signal().await;
    // Jobs in hand are cancelled and handed back for another worker.
    let _ = stop.send(true);
    let _ = pool.await;
    state.db.close().await;
    Ok(())
}

/// On a server with no users at all, creates an admin in the default organisation with a
/// generated password, and returns the login to print.
async fn create_first_admin(db: &Db) -> anyhow::Result<Option<(String, String)>> {
    if db::users::count_all(db.pool()).await? > 0 {
        return Ok(None);
    }
    let org = db::orgs::ensure_default(db.pool()).await?;
    let email = "admin@reelhouse.local";
    let password = crate::auth::secret::random_password();
    let hash = password::hash(password.clone()).await?;
    db::users::create(
        db.pool(),
        &org.id,
        email,
        "Administrator",
        Role::Admin,
        Some(&hash),
    )
    .await?;
    Ok(Some((email.to_owned(), password)))
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
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                (line.trim_end_matches(['\r', '\n']).to_owned(), false)
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
                println!("password: {password}");
            }
        }
        AdminCommand::CreateToken { email, name } => {
            let user = db::users::by_email(db.pool(), &email)
                .await?
                .with_context(|| format!("no user with the email {email}"))?;
            if !user.active {
                bail!("the user {email} is deactivated");
            }
            let label = name.unwrap_or_else(|| "command line".to_owned());
            let (_, token) = db::tokens::create(db.pool(), &user.org_id, &user.id, &label).await?;
            println!("{token}");
        }
    }
    db.close().await;
    Ok(())
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
