//! Storage quotas: what an organisation, and each person in it, may store (uploads and
//! handouts). Checked before bytes are accepted, so a person over quota is told before sending.

use crate::config::Config;
use crate::db::{Db, usage};

/// The quotas that apply to an organisation, in bytes; `None` is unlimited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Quotas {
    pub org_bytes: Option<i64>,
    pub person_bytes: Option<i64>,
}

/// Why more cannot be stored, in a sentence for the person.
#[derive(Debug, thiserror::Error)]
pub enum QuotaError {
    #[error("{0}")]
    Exceeded(String),
    #[error("checking the quota failed: {0}")]
    Database(#[from] sqlx::Error),
}

/// The organisation's own quotas, or else the server's defaults (0 there is unlimited).
pub async fn quotas(db: &Db, config: &Config, org_id: &str) -> sqlx::Result<Quotas> {
    let (own_org, own_person) = usage::own_quotas(db.pool(), org_id).await?;
    // The organisation's own wins (0 there is unlimited); else the server's (0: unlimited).
    let pick = |own: Option<i64>, default: u64| match own {
        Some(bytes) => (bytes > 0).then_some(bytes),
        None => (default > 0).then(|| i64::try_from(default).unwrap_or(i64::MAX)),
    };
    Ok(Quotas {
        org_bytes: pick(own_org, config.org_quota_bytes),
        person_bytes: pick(own_person, config.person_quota_bytes),
    })
}

/// Whether `owner_id` of `org_id` may store `adding` more bytes.
pub async fn check(
    db: &Db,
    config: &Config,
    org_id: &str,
    owner_id: &str,
    adding: i64,
) -> Result<(), QuotaError> {
    let quotas = quotas(db, config, org_id).await?;
    if let Some(limit) = quotas.person_bytes {
        let used = usage::stored_bytes(db, org_id, Some(owner_id)).await?;
        if used + adding > limit {
            return Err(QuotaError::Exceeded(format!(
                "This needs {} but you have {} left of your {} quota. Delete videos or handouts \
                 you no longer need, or ask an admin.",
                size(adding),
                size((limit - used).max(0)),
                size(limit)
            )));
        }
    }
    if let Some(limit) = quotas.org_bytes {
        let used = usage::stored_bytes(db, org_id, None).await?;
        if used + adding > limit {
            return Err(QuotaError::Exceeded(format!(
                "This needs {} but your organisation has {} left of its {} quota. Ask an admin \
                 to make room.",
                size(adding),
                size((limit - used).max(0)),
                size(limit)
            )));
        }
    }
    Ok(())
}

/// A size for people: `1.5 GB`, `320 MB`, `2.5 MB`, `12 kB`.
pub fn size(bytes: i64) -> String {
    let bytes = bytes.max(0) as f64;
    if bytes >= 1e9 {
        format!("{:.1} GB", bytes / 1e9)
    } else if bytes >= 1e7 {
        format!("{:.0} MB", bytes / 1e6)
    } else if bytes >= 1e6 {
        format!("{:.1} MB", bytes / 1e6)
    } else {
        format!("{:.0} kB", (bytes / 1e3).ceil())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(super::size(1_500_000_000), "1.5 GB");
        assert_eq!(super::size(320_000_000), "320 MB");
        assert_eq!(super::size(2_500_000), "2.5 MB");
        assert_eq!(super::size(12_000), "12 kB");
        assert_eq!(super::size(1), "1 kB");
    }
}
