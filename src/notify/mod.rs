//! Notifications on their way out: the worker that emails them (one job per notification, and
//! one per daily digest, retried with backoff while the mail server is down), and the clock
//! that sends due-date reminders and queues digests. Notifications themselves are made where
//! things happen, through `db::notifications::notify`.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use tokio_util::sync::CancellationToken;

use crate::db::jobs::Job;
use crate::db::notifications::{self, Kind, Notice, Notification, Outgoing};
use crate::db::{Db, assignments, now_ms, quizzes};
use crate::jobs::{Handler, JobError, Worker};
use crate::mail::Mailer;

/// How often the clock looks for reminders and digests that are due.
pub const CLOCK_PERIOD: Duration = Duration::from_secs(20);

/// Emails notifications and digests; without SMTP settings it only records that nothing was
/// sent.
pub struct Emailer {
    pub db: Db,
    pub mailer: Option<Mailer>,
    /// The web app's address, for the links in emails.
    pub public_url: String,
}

impl Emailer {
    /// The workers of one `serve` process that send its emails.
    pub fn workers(self, lease: Duration) -> Arc<Worker> {
        let db = self.db.clone();
        let emailer = Arc::new(self);
        Arc::new(
            Worker::new(db, lease)
                .handle(notifications::EMAIL, emailer.clone())
                .handle(notifications::DIGEST, emailer),
        )
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    /// The end of every email: where to change what is sent, and the unsubscribe link.
    async fn footer(&self, user_id: &str, kind: Option<Kind>) -> sqlx::Result<String> {
        let token = notifications::unsubscribe_token(self.db.pool(), user_id, kind).await?;
        let what = match kind {
            Some(_) => "emails like this one",
            None => "these emails",
        };
        Ok(format!(
            "\n-- \nChoose what Reelhouse tells you: {}\nStop {what} (no sign-in needed): {}\n",
            self.url("/settings/notifications"),
            self.url(&format!("/unsubscribe?token={token}"))
        ))
    }

    fn entry(&self, n: &Notification) -> String {
        let mut text = n.title.clone();
        if !n.body.is_empty() {
            text.push_str("\n\n");
            text.push_str(&n.body);
        }
        text.push_str(&format!("\n\nOpen it: {}\n", self.url(&n.link)));
        text
    }

    async fn send(
        &self,
        mailer: &Mailer,
        to: &Outgoing,
        subject: &str,
        body: String,
    ) -> Result<(), JobError> {
        mailer
            .send(&to.email, subject, body)
            .await
            .map_err(|err| JobError::Transient(err.into()))
    }

    async fn email(&self, notification_id: &str) -> Result<(), JobError> {
        let Some(out) = notifications::outgoing(self.db.pool(), notification_id)
            .await
            .map_err(transient)?
        else {
            return Ok(());
        };
        let ids = [out.notification.id.clone()];
        let Some(mailer) = &self.mailer else {
            notifications::mark_email(self.db.pool(), &ids, "none")
                .await
                .map_err(transient)?;
            return Ok(());
        };
        let footer = self
            .footer(&out.user_id, Some(out.notification.kind))
            .await
            .map_err(transient)?;
        let body = format!(
            "Hello {},\n\n{}{footer}",
            out.name,
            self.entry(&out.notification)
        );
        self.send(mailer, &out, &out.notification.title, body)
            .await?;
        notifications::mark_email(self.db.pool(), &ids, "sent")
            .await
            .map_err(transient)?;
        Ok(())
    }

    async fn digest(&self, user_id: &str) -> Result<(), JobError> {
        let Some((out, waiting)) = notifications::digest_of(&self.db, user_id)
            .await
            .map_err(transient)?
        else {
            return Ok(());
        };
        let ids: Vec<String> = waiting.iter().map(|n| n.id.clone()).collect();
        let Some(mailer) = &self.mailer else {
            notifications::mark_email(self.db.pool(), &ids, "none")
                .await
                .map_err(transient)?;
            return Ok(());
        };
        let mut body = format!("Hello {},\n\nSince your last digest:\n", out.name);
        for notification in &waiting {
            body.push_str("\n* ");
            body.push_str(&self.entry(notification));
        }
        body.push_str(&self.footer(user_id, None).await.map_err(transient)?);
        let subject = match waiting.len() {
            1 => "Your Reelhouse digest: 1 thing".to_owned(),
            n => format!("Your Reelhouse digest: {n} things"),
        };
        self.send(mailer, &out, &subject, body).await?;
        notifications::mark_email(self.db.pool(), &ids, "sent")
            .await
            .map_err(transient)?;
        Ok(())
    }
}

fn transient(err: sqlx::Error) -> JobError {
    JobError::Transient(err.into())
}

#[async_trait]
impl Handler for Emailer {
    async fn run(&self, job: &Job, _cancel: CancellationToken) -> Result<(), JobError> {
        let Some(subject) = job.subject_id.as_deref() else {
            return Err(JobError::Permanent("the job names nothing to send".into()));
        };
        match job.kind.as_str() {
            notifications::EMAIL => self.email(subject).await,
            notifications::DIGEST => self.digest(subject).await,
            other => Err(JobError::Permanent(format!("no emails of kind {other}"))),
        }
    }

    async fn gave_up(&self, job: &Job, reason: &str) {
        tracing::error!(job = %job.id, reason, "an email could not be sent and will not be tried again");
    }
}

/// Sends the reminders due now (two days before a due date, and once overdue), queues the
/// digests due, and scores quiz attempts whose time ran out (so reports, playlists and
/// objectives count them without the learner coming back). Safe to run in several processes at
/// once: each reminder and digest is claimed by one of them, and an attempt is settled once.
pub async fn tick(db: &Db) -> sqlx::Result<()> {
    let now = now_ms();
    for kind in [Kind::DueSoon, Kind::Overdue] {
        for reminder in notifications::claim_reminders(db, kind, now).await? {
            let done = assignments::for_user(db.pool(), &reminder.org_id, &reminder.user_id)
                .await?
                .iter()
                .any(|a| a.playlist_id == reminder.playlist_id && a.completed);
            if done {
                continue;
            }
            let (title, body) = match kind {
                Kind::DueSoon => (
                    format!("“{}” is due soon", reminder.playlist_title),
                    "It is due within two days; pick up where you stopped.".to_owned(),
                ),
                _ => (
                    format!("“{}” is overdue", reminder.playlist_title),
                    "Its due date has passed; finish it as soon as you can.".to_owned(),
                ),
            };
            let notice = Notice {
                kind,
                title,
                body,
                link: format!("/playlists/{}", reminder.playlist_id),
            };
            notifications::notify(db, &reminder.org_id, &reminder.user_id, &notice).await?;
        }
    }
    notifications::queue_digests(db, now).await?;
    for attempt_id in quizzes::out_of_time(db.pool(), now).await? {
        quizzes::settle(db, &attempt_id).await?;
    }
    Ok(())
}

/// Runs [`tick`] every [`CLOCK_PERIOD`] until `stop` turns true.
pub async fn clock(db: Db, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(err) = tick(&db).await {
            tracing::warn!(error = %err, "sending reminders failed; will retry");
        }
        tokio::select! {
            () = tokio::time::sleep(CLOCK_PERIOD) => {}
            _ = stop.changed() => return,
        }
    }
}
