//! Periodic housekeeping: unfinished uploads past their expiry lose their staged bytes (files
//! removed, S3 multipart uploads aborted), and expired sessions, sign-in attempts that no
//! longer count, and read notifications and unsubscribe links older than a year are deleted.

use std::time::Duration;

use std::sync::Arc;

use super::staging::Staging;
use crate::db::{Db, logins, sessions, uploads};

/// How often housekeeping runs in `serve`.
pub const PERIOD: Duration = Duration::from_secs(10 * 60);

/// Removes every expired unfinished upload; returns how many were removed.
pub async fn sweep_uploads(db: &Db, staging: &dyn Staging) -> anyhow::Result<usize> {
    let mut removed = 0;
    loop {
        let expired = uploads::expired(db.pool()).await?;
        if expired.is_empty() {
            return Ok(removed);
        }
        for upload in expired {
            staging.discard(&upload).await?;
            uploads::delete(db.pool(), &upload.id).await?;
            tracing::info!(upload = %upload.id, "expired upload removed");
            removed += 1;
        }
    }
}

/// Runs housekeeping every [`PERIOD`] until `stop` resolves.
pub async fn run(db: Db, staging: Arc<dyn Staging>, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(err) = sweep_uploads(&db, staging.as_ref()).await {
            tracing::warn!(error = ?err, "removing expired uploads failed; will retry");
        }
        if let Err(err) = sessions::delete_expired(db.pool()).await {
            tracing::warn!(error = ?err, "removing expired sessions failed; will retry");
        }
        if let Err(err) = crate::db::resets::delete_expired(db.pool()).await {
            tracing::warn!(error = ?err, "removing expired reset links failed; will retry");
        }
        if let Err(err) = crate::db::oidc::delete_expired_logins(db.pool()).await {
            tracing::warn!(error = ?err, "removing unfinished SSO sign-ins failed; will retry");
        }
        if let Err(err) = crate::db::notifications::prune(&db, crate::db::now_ms()).await {
            tracing::warn!(error = ?err, "removing old notifications failed; will retry");
        }
        let window_ms = crate::auth::ratelimit::WINDOW.as_millis() as i64;
        if let Err(err) = logins::prune(&db, crate::db::now_ms() - window_ms).await {
            tracing::warn!(error = ?err, "removing old sign-in attempts failed; will retry");
        }
        tokio::select! {
            () = tokio::time::sleep(PERIOD) => {}
            _ = stop.changed() => return,
        }
    }
}
