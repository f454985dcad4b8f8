//! Users and their roles.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sqlx::AnyExecutor;

use super::{new_id, now_ms};

/// What a person may do in their organisation. Ordered: each role can do what the ones before it
/// can.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Uploads videos, follows playlists, sees their own progress.
    Member,
    /// Curates the library and playlists, attaches handouts, sees progress reports.
    Trainer,
    /// Manages people, branding, everything.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Trainer => "trainer",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Role, String> {
        match s {
            "member" => Ok(Role::Member),
            "trainer" => Ok(Role::Trainer),
            "admin" => Ok(Role::Admin),
            other => Err(format!(
                "unknown role {other:?} (expected admin, trainer or member)"
            )),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// Someone else chose the password (the first admin): the person must set their own before
    /// anything else.
    pub must_change_password: bool,
    /// Whether the person can sign in with a password (not when they came through SSO).
    pub has_password: bool,
}

/// The columns a [`User`] is read from, of the users table aliased `u`.
pub const USER_COLUMNS: &str = "u.id, u.org_id, u.email, u.name, u.role, u.active, \
     u.must_change_password, \
     cast(case when u.password_hash is null then 0 else 1 end as bigint) as has_password";

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for User {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<User> {
        use sqlx::Row;
        let role: String = row.try_get("role")?;
        Ok(User {
            id: row.try_get("id")?,
            org_id: row.try_get("org_id")?,
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role: role
                .parse()
                .map_err(|e: String| sqlx::Error::Decode(e.into()))?,
            active: row.try_get::<i64, _>("active")? != 0,
            must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
            has_password: row.try_get::<i64, _>("has_password")? != 0,
        })
    }
}

/// Email addresses are compared without regard to case or surrounding blanks.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Creates a user; `password_hash` is an argon2id PHC string, or `None` until one is set.
pub async fn create<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    email: &str,
    name: &str,
    role: Role,
    password_hash: Option<&str>,
) -> sqlx::Result<User> {
    let user = User {
        id: new_id(),
        org_id: org_id.to_owned(),
        email: normalize_email(email),
        name: name.trim().to_owned(),
        role,
        active: true,
        must_change_password: false,
        has_password: password_hash.is_some(),
    };
    sqlx::query(
        "insert into users (id, org_id, email, name, role, password_hash, active, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&user.id)
    .bind(&user.org_id)
    .bind(&user.email)
    .bind(&user.name)
    .bind(role.as_str())
    .bind(password_hash)
    .bind(super::flag(true))
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(user)
}

pub async fn by_email<'e>(db: impl AnyExecutor<'e>, email: &str) -> sqlx::Result<Option<User>> {
    sqlx::query_as(&format!(
        "select {USER_COLUMNS} from users u where u.email = $1"
    ))
    .bind(normalize_email(email))
    .fetch_optional(db)
    .await
}

/// How many users exist on the whole server (zero on first start).
pub async fn count_all<'e>(db: impl AnyExecutor<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from users")
        .fetch_one(db)
        .await
}

/// A user and their stored password hash, for sign-in.
pub async fn with_password_by_email<'e>(
    db: impl AnyExecutor<'e>,
    email: &str,
) -> sqlx::Result<Option<(User, Option<String>)>> {
    use sqlx::Row;
    let row = sqlx::query(&format!(
        "select {USER_COLUMNS}, u.password_hash from users u where u.email = $1"
    ))
    .bind(normalize_email(email))
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        let user = <User as sqlx::FromRow<_>>::from_row(&row)?;
        Ok((user, row.try_get("password_hash")?))
    })
    .transpose()
}

/// A user of an organisation, as people managing it see them.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Member {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// The person's manager, who sets their objectives and holds their development reviews.
    #[schema(required = true)]
    pub manager_id: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Member {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Member> {
        use sqlx::Row;
        let user = User::from_row(row)?;
        Ok(Member {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            active: user.active,
            manager_id: row.try_get("manager_id")?,
            created_at: row.try_get("created_at")?,
        })
    }
}

/// The users table is aliased `u` wherever these are read.
const MEMBER_COLUMNS: &str = "u.id, u.org_id, u.email, u.name, u.role, u.active, \
     u.must_change_password, \
     cast(case when u.password_hash is null then 0 else 1 end as bigint) as has_password, \
     u.manager_id, u.created_at";

/// Everyone in an organisation, by name.
pub async fn list_in_org<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Vec<Member>> {
    sqlx::query_as(&format!(
        "select {MEMBER_COLUMNS} from users u where u.org_id = $1 order by u.name, u.email"
    ))
    .bind(org_id)
    .fetch_all(db)
    .await
}

/// A colleague as anyone of the organisation may find them (to ask for a review, to mention):
/// a name, never an email.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Colleague {
    pub user_id: String,
    pub name: String,
}

/// Active people of an organisation whose name or email starts with `q` (any word of the name),
/// by name, at most `limit`.
pub async fn colleagues<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    q: &str,
    limit: i64,
) -> sqlx::Result<Vec<Colleague>> {
    let q = q.trim().to_lowercase().replace(['%', '_', '\\'], "");
    sqlx::query_as(
        "select id as user_id, name from users \
         where org_id = $1 and active = 1 \
           and ($2 = '' or lower(name) like $3 or lower(name) like $4 or email like $3) \
         order by lower(name), id limit $5",
    )
    .bind(org_id)
    .bind(&q)
    .bind(format!("{q}%"))
    .bind(format!("% {q}%"))
    .bind(limit)
    .fetch_all(db)
    .await
}

/// One user of an organisation; `None` for a user of another organisation.
pub async fn member_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
) -> sqlx::Result<Option<Member>> {
    sqlx::query_as(&format!(
        "select {MEMBER_COLUMNS} from users u where u.org_id = $1 and u.id = $2"
    ))
    .bind(org_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
}

/// How many active admins an organisation has (it must keep at least one).
pub async fn active_admins<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "select count(*) from users where org_id = $1 and role = 'admin' and active = 1",
    )
    .bind(org_id)
    .fetch_one(db)
    .await
}

/// Changes a user's role, name or active flag within an organisation.
pub async fn update<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    role: Role,
    name: &str,
    active: bool,
) -> sqlx::Result<()> {
    sqlx::query("update users set role = $1, name = $2, active = $3 where org_id = $4 and id = $5")
        .bind(role.as_str())
        .bind(name)
        .bind(super::flag(active))
        .bind(org_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Sets or clears (`None`) a person's manager.
pub async fn set_manager<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    manager_id: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("update users set manager_id = $1 where org_id = $2 and id = $3")
        .bind(manager_id)
        .bind(org_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Puts a person into a cohort (the group they were invited with).
pub async fn set_cohort<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    cohort: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("update users set cohort = $1 where id = $2")
        .bind(cohort)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// A user by id.
pub async fn by_id<'e>(db: impl AnyExecutor<'e>, user_id: &str) -> sqlx::Result<Option<User>> {
    sqlx::query_as(&format!(
        "select {USER_COLUMNS} from users u where u.id = $1"
    ))
    .bind(user_id)
    .fetch_optional(db)
    .await
}

/// A user's stored password hash (`None` when they have no password).
pub async fn password_hash<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select password_hash from users where id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await
        .map(Option::flatten)
}

/// Sets a user's password hash; `must_change` marks a password someone else chose.
pub async fn set_password<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    hash: &str,
    must_change: bool,
) -> sqlx::Result<()> {
    sqlx::query("update users set password_hash = $1, must_change_password = $2 where id = $3")
        .bind(hash)
        .bind(super::flag(must_change))
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}
