//! The application's wiring: what `reelhouse serve` and `reelhouse worker` each build from the
//! settings, and how they start and stop. Each builds only what it uses: a worker has no HTTP
//! state, no mailer and no sign-in limiter, so an SMTP setting cannot stop it from starting.

use std::sync::Arc;

use anyhow::Context;

use crate::config::Config;
use crate::db::{self, Db};
use crate::http::{self, AppState};
use crate::jobs::Worker;
use crate::mail::Mailer;
use crate::storage::{self, Store};
use crate::transcode::{job::TranscodeHandler, memory};

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

/// Everything the HTTP application needs: database, store, upload staging, mailer.
pub async fn http_state(config: Config) -> anyhow::Result<AppState> {
    let db = open_db(&config).await?;
    let (store, s3) = storage::open_with_s3(&config)
        .await
        .context("cannot open the store")?;
    let staging = crate::upload::staging::for_store(store.clone(), s3, &config.data_dir);
    let mailer = match &config.smtp {
        Some(smtp) => Some(Mailer::new(&smtp.url, &smtp.from).context("REELHOUSE_SMTP_URL")?),
        None => None,
    };
    Ok(AppState::new(config, db, store, staging, mailer))
}

/// The transcode workers of one process, sharing its memory budget.
pub fn transcode_workers(config: &Config, db: Db, store: Arc<dyn Store>) -> Arc<Worker> {
    let budget = memory::Budget::new(memory::budget_mib(config.transcode_memory_mib));
    tracing::info!(
        transcode_memory_mib = budget.total_mib(),
        "transcodes share this much memory; a job that would not fit waits"
    );
    let transcode = Arc::new(TranscodeHandler {
        db: db.clone(),
        store,
        scratch_dir: config.data_dir.join("scratch"),
        max_rung: config.max_rung,
        memory: Arc::new(budget),
    });
    let worker = Worker::new(db, config.job_lease);
    Arc::new(worker.handle(db::jobs::TRANSCODE, transcode))
}

/// The reminder clock and the email worker of a `serve` process, until `stop` turns true.
pub fn spawn_notifications(
    state: &AppState,
    stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    let clock = crate::notify::clock(state.db.clone(), stop.clone());
    let emailer = crate::notify::Emailer {
        db: state.db.clone(),
        mailer: state.mailer.clone(),
        public_url: state.config.public_url.to_string(),
    }
    .workers(state.config.job_lease);
    tokio::spawn(async move {
        tokio::join!(clock, emailer.run(1, stop));
    })
}

/// `reelhouse serve`: the HTTP API and web app, housekeeping, reminders and the sending of
/// emails, and embedded transcode workers.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let state = http_state(config).await?;
    let config = state.config.clone();
    let interactive = {
        use std::io::IsTerminal;
        std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
    };
    let first_login = create_first_admin(&state.db, interactive).await?;
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
        FirstLogin::Created { email, password } => println!(
            "First start: sign in at {} as {email} with the one-time password {password}\n\
             (shown only this once; you will choose your own password at the first sign-in)",
            config.public_url
        ),
        FirstLogin::NoAccounts => println!(
            "No accounts yet. Create the first admin with:\n  \
             reelhouse admin create-user --email you@example.com --name 'Your Name' --role admin --password-stdin"
        ),
        FirstLogin::Exists => println!("Sign in at {} with your account.", config.public_url),
    }
    let db = state.db.clone();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let housekeeping = tokio::spawn(crate::upload::cleanup::run(
        db.clone(),
        state.staging.clone(),
        stopped.clone(),
    ));
    let notifications = spawn_notifications(&state, stopped.clone());
    let workers = (config.workers > 0).then(|| {
        tracing::info!(workers = config.workers, "embedded transcode workers");
        let pool = transcode_workers(&config, db.clone(), state.store.clone());
        tokio::spawn(pool.run(config.workers, stopped))
    });
    http::serve(listener, http::app(state), shutdown_signal()).await?;
    let _ = stop.send(true);
    let _ = housekeeping.await;
    let _ = notifications.await;
    if let Some(workers) = workers {
        let _ = workers.await;
    }
    db.close().await;
    Ok(())
}

/// `reelhouse worker`: transcode workers only, until Ctrl-C or SIGTERM.
pub async fn worker(config: Config) -> anyhow::Result<()> {
    let db = open_db(&config).await?;
    let store = storage::open(&config)
        .await
        .context("cannot open the store")?;
    let concurrency = config.workers;
    tracing::info!(concurrency, "worker ready");
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let pool = transcode_workers(&config, db.clone(), store);
    let pool = tokio::spawn(pool.run(concurrency, stopped));
    shutdown_signal().await;
    // Jobs in hand are cancelled and handed back for another worker.
    let _ = stop.send(true);
    let _ = pool.await;
    db.close().await;
    Ok(())
}

/// Whether `serve` made the first admin.
enum FirstLogin {
    /// Made now, with a one-time password to show (on a terminal only).
    Created {
        email: String,
        password: String,
    },
    /// No accounts, and nobody at a terminal to hand a password to.
    NoAccounts,
    Exists,
}

/// On a server with no users at all, started by someone at a terminal: creates an admin in the
/// default organisation with a one-time password, which they must replace at the first sign-in.
/// Started without a terminal (a container, a service), it creates nobody, so no password ever
/// lands in a log: the first admin is made with `reelhouse admin create-user`.
async fn create_first_admin(db: &Db, interactive: bool) -> anyhow::Result<FirstLogin> {
    use crate::auth::password;
    use crate::db::users::Role;
    if db::users::count_all(db.pool()).await? > 0 {
        return Ok(FirstLogin::Exists);
    }
    if !interactive {
        return Ok(FirstLogin::NoAccounts);
    }
    let org = db::orgs::ensure_default(db.pool()).await?;
    let email = "admin@reelhouse.local";
    let password = crate::auth::secret::random_password();
    let hash = password::hash(password.clone()).await?;
    let user = db::users::create(
        db.pool(),
        &org.id,
        email,
        "Administrator",
        Role::Admin,
        None,
    )
    .await?;
    db::users::set_password(db.pool(), &user.id, &hash, true).await?;
    Ok(FirstLogin::Created {
        email: email.to_owned(),
        password,
    })
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
