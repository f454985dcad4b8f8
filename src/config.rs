//! Every setting of Reelhouse, in one struct.
//!
//! Settings come from the environment (`REELHOUSE_*` and the AWS SDK's own `AWS_*` names) and,
//! optionally, from a TOML file given with `--config FILE` that uses the same names in lower case
//! without the `REELHOUSE_` prefix (`bind = "0.0.0.0:8080"`, `aws_region = "eu-west-1"`). The
//! environment wins over the file. A value that does not parse stops start-up with a message that
//! names the setting.

use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use url::Url;

/// The whole configuration of a Reelhouse process.
#[derive(Clone, Debug)]
pub struct Config {
    /// `REELHOUSE_BIND`: the address `serve` listens on. Default `127.0.0.1:8080`.
    pub bind: SocketAddr,
    /// `REELHOUSE_PUBLIC_URL`: the URL people reach the server at; used in links (invitations)
    /// and to decide whether cookies are `Secure`. Default `http://127.0.0.1:8080`.
    pub public_url: Url,
    /// `REELHOUSE_DATA_DIR`: the folder for the SQLite database, local objects and scratch
    /// space. Default `./data`.
    pub data_dir: PathBuf,
    /// `REELHOUSE_DATABASE_URL`: `sqlite://PATH` or `postgres://…`.
    /// Default `sqlite://$REELHOUSE_DATA_DIR/reelhouse.db`.
    pub database_url: DatabaseUrl,
    /// `REELHOUSE_STORAGE`: `file://PATH` or `s3://BUCKET[/PREFIX]`.
    /// Default `file://$REELHOUSE_DATA_DIR/objects`.
    pub storage: StorageUrl,
    /// `AWS_ENDPOINT_URL`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
    /// `REELHOUSE_S3_PATH_STYLE`: how to reach S3 when `storage` is `s3://`.
    pub s3: S3Settings,
    /// `REELHOUSE_MEDIA_DELIVERY`: `proxy` (default) streams media through the server;
    /// `presigned` hands out short-lived store URLs for segments.
    pub media_delivery: MediaDelivery,
    /// `REELHOUSE_MAX_UPLOAD_BYTES`: the largest upload accepted. Default 20 GiB.
    pub max_upload_bytes: u64,
    /// `REELHOUSE_WORKERS`: transcode workers embedded in `serve` (0 = none).
    /// Default: half the CPU count, at least 1.
    pub workers: usize,
    /// `REELHOUSE_WEB_DIR`: the built web app served at `/`. Default `web/dist`.
    pub web_dir: PathBuf,
    /// `REELHOUSE_JOB_LEASE_SECONDS`: how long a worker's claim on a job lasts without a
    /// heartbeat; a crashed worker's job is taken over after this. Default 30.
    pub job_lease: std::time::Duration,
    /// `REELHOUSE_MAX_RUNG`: the highest rendition, in lines on the short side. Default 1080.
    pub max_rung: u32,
    /// `REELHOUSE_TRANSCODE_MEMORY_MIB`: the memory the transcodes of one process may use
    /// together. Default: 80% of the memory limit (the container's, else the machine's) less
    /// 256 MiB. A job that would not fit waits.
    pub transcode_memory_mib: Option<u64>,
    /// `REELHOUSE_MEDIA_CACHE_MIB`: memory for the media segments being fetched right now,
    /// each kept a few seconds so that many players at once read it from the store once.
    /// Default 64; 0 turns it off.
    pub media_cache_mib: u64,
    /// `REELHOUSE_SMTP_URL` and `REELHOUSE_SMTP_FROM`: where invitation emails go out. Unset:
    /// no email is sent, and inviters copy the link.
    pub smtp: Option<SmtpSettings>,
    /// `REELHOUSE_TRUSTED_PROXIES`: comma-separated CIDRs (or addresses) of the proxies in front
    /// of the server; a request from one of them is taken to come from the address it names in
    /// `X-Forwarded-For` or `Forwarded`. Default: none (the peer address is the client).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// `REELHOUSE_ORG_QUOTA_BYTES` and `REELHOUSE_PERSON_QUOTA_BYTES`: what an organisation, and
    /// each person in it, may store (uploads and handouts), unless the operator set the
    /// organisation's own (`reelhouse admin set-quota`). 0, the default, is unlimited.
    pub org_quota_bytes: u64,
    pub person_quota_bytes: u64,
    /// `REELHOUSE_METRICS_TOKEN`: when set, `/metrics` answers only requests bearing it
    /// (`Authorization: Bearer …`); unset, it is open to whoever reaches the server.
    pub metrics_token: Option<String>,
}

/// An SMTP relay: `smtp://[user:pass@]host[:port][?tls=required]` or `smtps://…`, and the
/// sender address (default `Reelhouse <noreply@HOST-OF-PUBLIC-URL>`).
#[derive(Clone)]
pub struct SmtpSettings {
    pub url: String,
    pub from: String,
}

impl fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = Url::parse(&self.url).map_err(|_| fmt::Error)?;
        if shown.password().is_some() {
            let _ = shown.set_password(Some("***"));
        }
        f.debug_struct("SmtpSettings")
            .field("url", &shown.as_str())
            .field("from", &self.from)
            .finish()
    }
}

/// Where the database lives.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// An SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL (may hold a password, hidden in `Debug`).
    Postgres(Url),
}

/// Where objects (sources, segments, handouts) live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageUrl {
    /// A folder on the local disk.
    File(PathBuf),
    /// An S3 bucket and an optional key prefix (without slashes at either end).
    S3 { bucket: String, prefix: String },
}

/// How media segments reach the player.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaDelivery {
    Proxy,
    Presigned,
}

/// S3 connection settings; unset fields fall back to the AWS SDK's own defaults.
#[derive(Clone, Default)]
pub struct S3Settings {
    pub endpoint_url: Option<Url>,
    pub region: Option<String>,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    /// Address buckets as `endpoint/bucket/key` (MinIO, Garage, s3s) instead of virtual hosts.
    pub path_style: bool,
}

/// A setting that could not be used, named so the operator knows what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the config file {path} is not valid TOML: {source}")]
    Toml {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("the config file {path} has an unknown setting `{name}`")]
    UnknownSetting { path: PathBuf, name: String },
    #[error("{setting} is invalid: {reason} (got {value:?})")]
    Invalid {
        setting: &'static str,
        value: String,
        reason: String,
    },
}

/// The names a setting can be given under, the environment name first.
const SETTINGS: &[&str] = &[
    "REELHOUSE_BIND",
    "REELHOUSE_PUBLIC_URL",
    "REELHOUSE_DATA_DIR",
    "REELHOUSE_DATABASE_URL",
    "REELHOUSE_STORAGE",
    "REELHOUSE_MEDIA_DELIVERY",
    "REELHOUSE_MAX_UPLOAD_BYTES",
    "REELHOUSE_WORKERS",
    "REELHOUSE_WEB_DIR",
    "REELHOUSE_MAX_RUNG",
    "REELHOUSE_JOB_LEASE_SECONDS",
    "REELHOUSE_TRANSCODE_MEMORY_MIB",
    "REELHOUSE_MEDIA_CACHE_MIB",
    "REELHOUSE_S3_PATH_STYLE",
    "REELHOUSE_SMTP_URL",
    "REELHOUSE_SMTP_FROM",
    "REELHOUSE_TRUSTED_PROXIES",
    "REELHOUSE_ORG_QUOTA_BYTES",
    "REELHOUSE_PERSON_QUOTA_BYTES",
    "REELHOUSE_METRICS_TOKEN",
    "AWS_ENDPOINT_URL",
    "AWS_REGION",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
];

/// The TOML name of an environment setting: lower case, without the `REELHOUSE_` prefix.
fn file_name(env_name: &str) -> String {
    env_name
        .trim_start_matches("REELHOUSE_")
        .to_ascii_lowercase()
}

impl Config {
    /// Loads the configuration from the process environment and an optional TOML file.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = std::env::vars().collect();
        Config::from_sources(file, &env)
    }

    /// Loads the configuration from the given environment map (tests pass their own).
    pub fn from_sources(
        file: Option<&Path>,
        env: &HashMap<String, String>,
    ) -> Result<Config, ConfigError> {
        let mut values: HashMap<&'static str, String> = HashMap::new();
        if let Some(path) = file {
            values.extend(read_file(path)?);
        }
        for name in SETTINGS {
            if let Some(value) = env.get(*name).filter(|v| !v.is_empty()) {
                values.insert(name, value.clone());
            }
        }
        Config::from_values(&values)
    }

    fn from_values(values: &HashMap<&'static str, String>) -> Result<Config, ConfigError> {
        let get = |name: &str| values.get(name).map(String::as_str);
        let data_dir = PathBuf::from(get("REELHOUSE_DATA_DIR").unwrap_or("./data"));
        let default_db = format!("sqlite://{}", data_dir.join("reelhouse.db").display());
        let default_store = format!("file://{}", data_dir.join("objects").display());
        let public_url = parse_url(
            "REELHOUSE_PUBLIC_URL",
            get("REELHOUSE_PUBLIC_URL").unwrap_or("http://127.0.0.1:8080"),
        )?;
        Ok(Config {
            bind: parse(
                "REELHOUSE_BIND",
                get("REELHOUSE_BIND").unwrap_or("127.0.0.1:8080"),
            )?,
            database_url: DatabaseUrl::parse(get("REELHOUSE_DATABASE_URL").unwrap_or(&default_db))?,
            storage: StorageUrl::parse(get("REELHOUSE_STORAGE").unwrap_or(&default_store))?,
            s3: S3Settings {
                endpoint_url: get("AWS_ENDPOINT_URL")
                    .map(|v| parse_url("AWS_ENDPOINT_URL", v))
                    .transpose()?,
                region: get("AWS_REGION").map(str::to_owned),
                access_key_id: get("AWS_ACCESS_KEY_ID").map(str::to_owned),
                secret_access_key: get("AWS_SECRET_ACCESS_KEY").map(str::to_owned),
                path_style: parse_bool(
                    "REELHOUSE_S3_PATH_STYLE",
                    get("REELHOUSE_S3_PATH_STYLE").unwrap_or("false"),
                )?,
            },
            media_delivery: MediaDelivery::parse(
                get("REELHOUSE_MEDIA_DELIVERY").unwrap_or("proxy"),
            )?,
            max_upload_bytes: parse(
                "REELHOUSE_MAX_UPLOAD_BYTES",
                get("REELHOUSE_MAX_UPLOAD_BYTES").unwrap_or("21474836480"),
            )?,
            workers: match get("REELHOUSE_WORKERS") {
                Some(v) => parse("REELHOUSE_WORKERS", v)?,
                None => default_workers(),
            },
            web_dir: PathBuf::from(get("REELHOUSE_WEB_DIR").unwrap_or("web/dist")),
            job_lease: std::time::Duration::from_secs(
                match parse(
                    "REELHOUSE_JOB_LEASE_SECONDS",
                    get("REELHOUSE_JOB_LEASE_SECONDS").unwrap_or("30"),
                )? {
                    0 => {
                        return Err(invalid(
                            "REELHOUSE_JOB_LEASE_SECONDS",
                            "0",
                            "must be at least 1",
                        ));
                    }
                    seconds => seconds,
                },
            ),
            max_rung: match parse(
                "REELHOUSE_MAX_RUNG",
                get("REELHOUSE_MAX_RUNG").unwrap_or("1080"),
            )? {
                rung @ 144..=2160 => rung,
                _ => {
                    return Err(invalid(
                        "REELHOUSE_MAX_RUNG",
                        get("REELHOUSE_MAX_RUNG").unwrap_or(""),
                        "expected 144 to 2160",
                    ));
                }
            },
            media_cache_mib: parse(
                "REELHOUSE_MEDIA_CACHE_MIB",
                get("REELHOUSE_MEDIA_CACHE_MIB").unwrap_or("64"),
            )?,
            transcode_memory_mib: match get("REELHOUSE_TRANSCODE_MEMORY_MIB") {
                Some(v) => Some(parse("REELHOUSE_TRANSCODE_MEMORY_MIB", v)?),
                None => None,
            },
            trusted_proxies: trusted_proxies(get("REELHOUSE_TRUSTED_PROXIES").unwrap_or(""))?,
            org_quota_bytes: parse(
                "REELHOUSE_ORG_QUOTA_BYTES",
                get("REELHOUSE_ORG_QUOTA_BYTES").unwrap_or("0"),
            )?,
            metrics_token: get("REELHOUSE_METRICS_TOKEN")
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
            person_quota_bytes: parse(
                "REELHOUSE_PERSON_QUOTA_BYTES",
                get("REELHOUSE_PERSON_QUOTA_BYTES").unwrap_or("0"),
            )?,
            smtp: smtp_settings(
                get("REELHOUSE_SMTP_URL"),
                get("REELHOUSE_SMTP_FROM"),
                &public_url,
            )?,
            public_url,
            data_dir,
        })
    }

    /// Whether people reach the server over HTTPS (cookies are then `Secure`).
    pub fn is_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

/// Parses `REELHOUSE_TRUSTED_PROXIES`: CIDRs or single addresses, comma-separated.
fn trusted_proxies(value: &str) -> Result<Vec<ipnet::IpNet>, ConfigError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<ipnet::IpNet>()
                .or_else(|_| part.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    invalid(
                        "REELHOUSE_TRUSTED_PROXIES",
                        part,
                        "expected CIDRs such as 10.0.0.0/8, comma-separated",
                    )
                })
        })
        .collect()
}

/// Half the CPUs, at least one: transcoding is CPU-bound and the API must stay responsive.
pub fn default_workers() -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cpus / 2).max(1)
}

fn smtp_settings(
    url: Option<&str>,
    from: Option<&str>,
    public_url: &Url,
) -> Result<Option<SmtpSettings>, ConfigError> {
    let Some(url) = url else { return Ok(None) };
    // The URL may hold a password: errors never repeat it.
    let parsed = Url::parse(url).map_err(|e| invalid("REELHOUSE_SMTP_URL", "(hidden)", e))?;
    if !matches!(parsed.scheme(), "smtp" | "smtps") || parsed.host().is_none() {
        return Err(invalid(
            "REELHOUSE_SMTP_URL",
            "(hidden)",
            "expected smtp://host or smtps://host",
        ));
    }
    let host = public_url.host_str().unwrap_or("localhost");
    let from = from.map_or_else(|| format!("Reelhouse <noreply@{host}>"), str::to_owned);
    Ok(Some(SmtpSettings {
        url: url.to_owned(),
        from,
    }))
}

fn read_file(path: &Path) -> Result<HashMap<&'static str, String>, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::File {
        path: path.to_owned(),
        source,
    })?;
    let table: toml::Table = text.parse().map_err(|source| ConfigError::Toml {
        path: path.to_owned(),
        source: Box::new(source),
    })?;
    let mut values = HashMap::new();
    for (key, value) in table {
        let Some(name) = SETTINGS.iter().find(|name| file_name(name) == key) else {
            return Err(ConfigError::UnknownSetting {
                path: path.to_owned(),
                name: key,
            });
        };
        let text = match value {
            toml::Value::String(s) => s,
            other => other.to_string(),
        };
        values.insert(*name, text);
    }
    Ok(values)
}

fn invalid(setting: &'static str, value: &str, reason: impl fmt::Display) -> ConfigError {
    ConfigError::Invalid {
        setting,
        value: value.to_owned(),
        reason: reason.to_string(),
    }
}

fn parse<T>(setting: &'static str, value: &str) -> Result<T, ConfigError>
where
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    value.trim().parse().map_err(|e| invalid(setting, value, e))
}

fn parse_url(setting: &'static str, value: &str) -> Result<Url, ConfigError> {
    let url: Url = parse(setting, value)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid(
            setting,
            value,
            "expected an http:// or https:// URL",
        ));
    }
    Ok(url)
}

fn parse_bool(setting: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" | "" => Ok(false),
        _ => Err(invalid(setting, value, "expected true or false")),
    }
}

impl DatabaseUrl {
    pub fn parse(value: &str) -> Result<DatabaseUrl, ConfigError> {
        const SETTING: &str = "REELHOUSE_DATABASE_URL";
        if let Some(path) = value
            .strip_prefix("sqlite://")
            .or(value.strip_prefix("sqlite:"))
        {
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(invalid(SETTING, value, "sqlite:// needs a file path"));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        let url: Url = parse(SETTING, value)?;
        match url.scheme() {
            "postgres" | "postgresql" if url.host().is_some() => Ok(DatabaseUrl::Postgres(url)),
            "postgres" | "postgresql" => Err(invalid(SETTING, value, "the URL has no host")),
            _ => Err(invalid(
                SETTING,
                value,
                "expected sqlite://PATH or postgres://…",
            )),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => {
                let mut shown = url.clone();
                if shown.password().is_some() {
                    let _ = shown.set_password(Some("***"));
                }
                write!(f, "{shown}")
            }
        }
    }
}

impl StorageUrl {
    pub fn parse(value: &str) -> Result<StorageUrl, ConfigError> {
        const SETTING: &str = "REELHOUSE_STORAGE";
        if let Some(path) = value.strip_prefix("file://") {
            if path.is_empty() {
                return Err(invalid(SETTING, value, "file:// needs a folder path"));
            }
            return Ok(StorageUrl::File(PathBuf::from(path)));
        }
        if let Some(rest) = value.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let bucket_ok = (3..=63).contains(&bucket.len())
                && bucket.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'
                });
            if !bucket_ok {
                return Err(invalid(SETTING, value, "not a valid S3 bucket name"));
            }
            let prefix = prefix.trim_matches('/').to_owned();
            return Ok(StorageUrl::S3 {
                bucket: bucket.to_owned(),
                prefix,
            });
        }
        Err(invalid(
            SETTING,
            value,
            "expected file://PATH or s3://BUCKET[/PREFIX]",
        ))
    }
}

impl MediaDelivery {
    fn parse(value: &str) -> Result<MediaDelivery, ConfigError> {
        match value.trim() {
            "proxy" => Ok(MediaDelivery::Proxy),
            "presigned" => Ok(MediaDelivery::Presigned),
            _ => Err(invalid(
                "REELHOUSE_MEDIA_DELIVERY",
                value,
                "expected proxy or presigned",
            )),
        }
    }
}

impl fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Settings")
            .field("endpoint_url", &self.endpoint_url.as_ref().map(Url::as_str))
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field(
                "secret_access_key",
                &self.secret_access_key.as_ref().map(|_| "***"),
            )
            .field("path_style", &self.path_style)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_sources(None, &env)
    }

    #[test]
    fn defaults_follow_the_data_dir() {
        let config = load(&[("REELHOUSE_DATA_DIR", "/srv/rh")]).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            config.database_url,
            DatabaseUrl::Sqlite("/srv/rh/reelhouse.db".into())
        );
        assert_eq!(config.storage, StorageUrl::File("/srv/rh/objects".into()));
        assert_eq!(config.media_delivery, MediaDelivery::Proxy);
        assert_eq!(config.max_upload_bytes, 20 * 1024 * 1024 * 1024);
        assert!(config.workers >= 1);
    }

    #[test]
    fn bad_values_name_their_setting() {
        let err = load(&[("REELHOUSE_MEDIA_DELIVERY", "carrier-pigeon")]).unwrap_err();
        assert!(
            err.to_string().contains("REELHOUSE_MEDIA_DELIVERY"),
            "{err}"
        );
        let err = load(&[("REELHOUSE_PUBLIC_URL", "not a url")]).unwrap_err();
        assert!(err.to_string().contains("REELHOUSE_PUBLIC_URL"), "{err}");
        let err = load(&[("REELHOUSE_DATABASE_URL", "mysql://x/y")]).unwrap_err();
        assert!(err.to_string().contains("REELHOUSE_DATABASE_URL"), "{err}");
        let err = load(&[("REELHOUSE_STORAGE", "s3://A")]).unwrap_err();
        assert!(err.to_string().contains("REELHOUSE_STORAGE"), "{err}");
        let err = load(&[("AWS_ENDPOINT_URL", "::")]).unwrap_err();
        assert!(err.to_string().contains("AWS_ENDPOINT_URL"), "{err}");
    }

    #[test]
    fn s3_storage_and_secrets_hidden() {
        let config = load(&[
            ("REELHOUSE_STORAGE", "s3://media-bucket/prod/"),
            ("REELHOUSE_DATABASE_URL", "postgres://rh:hunter2@db:5432/rh"),
            ("AWS_SECRET_ACCESS_KEY", "very-secret"),
            ("REELHOUSE_S3_PATH_STYLE", "true"),
        ])
        .unwrap();
        assert_eq!(
            config.storage,
            StorageUrl::S3 {
                bucket: "media-bucket".into(),
                prefix: "prod".into()
            }
        );
        assert!(config.s3.path_style);
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("very-secret") && !shown.contains("hunter2"),
            "{shown}"
        );
    }

    #[test]
    fn file_settings_are_overridden_by_env() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reelhouse.toml");
        std::fs::write(
            &path,
            "bind = \"0.0.0.0:9000\"\nworkers = 3\nmedia_delivery = \"presigned\"\n",
        )
        .unwrap();
        let env = HashMap::from([("REELHOUSE_WORKERS".to_owned(), "0".to_owned())]);
        let config = Config::from_sources(Some(&path), &env).unwrap();
        assert_eq!(config.bind.port(), 9000);
        assert_eq!(config.workers, 0);
        assert_eq!(config.media_delivery, MediaDelivery::Presigned);

        std::fs::write(&path, "colour = \"red\"\n").unwrap();
        let err = Config::from_sources(Some(&path), &HashMap::new()).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
