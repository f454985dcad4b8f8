//! Assignments: playlists given to people, how far each person is, and the standing rules that
//! give a playlist to everyone of a role or cohort, including people who join later.

use sqlx::{AnyExecutor, AnyPool};

use super::users::Role;
use super::{new_id, now_ms};

/// When a person completed a playlist item `i`: a video `g` watched far enough, a handout or
/// resource `o` opened, a practice step `pd` found to meet the standard, a quiz `qp` passed, an
/// exercise `ed` accepted. Needs [`completion_joins`].
pub(crate) const DONE_AT: &str =
    "coalesce(g.completed_at, o.opened_at, pd.done_at, qp.passed_at, ed.done_at)";

/// How far a person is with a playlist item `i`, 0 to 1: a completed item counts whole, a video
/// by the share of it watched, anything else not at all. Needs [`completion_joins`].
pub(crate) const ITEM_PROGRESS: &str = "cast(case \
       when coalesce(g.completed_at, o.opened_at, pd.done_at, qp.passed_at, ed.done_at) \
         is not null then 1 \
       when g.watched_ms is not null and gv.duration_ms > 0 then \
         case when g.watched_ms >= gv.duration_ms then 1 \
         else cast(g.watched_ms as double precision) / gv.duration_ms end \
       else 0 end as double precision)";

/// The joins [`DONE_AT`] and [`ITEM_PROGRESS`] read, for the person whose id is the SQL
/// expression `user`.
pub(crate) fn completion_joins(user: &str) -> String {
    format!(
        "left join progress g on i.kind = 'video' and g.video_id = i.item_id and g.user_id = {user} \
         left join item_opens o on o.kind = i.kind and o.item_id = i.item_id and o.user_id = {user} \
         left join videos gv on i.kind = 'video' and gv.id = i.item_id \
         left join practice_done pd on i.kind = 'practice' and pd.step_id = i.item_id \
           and pd.user_id = {user} \
         left join quiz_passed qp on i.kind = 'quiz' and qp.quiz_id = i.item_id \
           and qp.user_id = {user} \
         left join exercise_done ed on i.kind = 'exercise' and ed.exercise_id = i.item_id \
           and ed.user_id = {user}"
    )
}

/// One assignment with the assignee's progress through its playlist.
struct Line {
    id: String,
    playlist_id: String,
    playlist_title: String,
    description: String,
    cover_key: Option<String>,
    user_id: String,
    name: String,
    email: String,
    due_at: Option<i64>,
    items_total: i64,
    items_completed: i64,
    /// The sum of [`ITEM_PROGRESS`] over the items.
    progress_sum: f64,
    last_completed: Option<i64>,
    last_activity: Option<i64>,
}

impl Line {
    fn completed(&self) -> bool {
        self.items_total > 0 && self.items_completed >= self.items_total
    }

    fn fraction(&self) -> f64 {
        if self.items_total > 0 {
            self.items_completed as f64 / self.items_total as f64
        } else {
            0.0
        }
    }

    /// Progress through the playlist, 0 to 1, partly watched videos counting in part.
    fn progress(&self) -> f64 {
        if self.items_total > 0 {
            (self.progress_sum / self.items_total as f64).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    fn overdue(&self, now: i64) -> bool {
        !self.completed() && self.due_at.is_some_and(|d| d < now)
    }
}

/// Which assignments to read.
pub enum Scope<'a> {
    /// Everyone's assignment of one playlist.
    Playlist(&'a str),
    /// Every assignment of one person.
    Person(&'a str),
    /// One person's assignments of published playlists (what they see themselves).
    Own(&'a str),
}

impl<'a> Scope<'a> {
    /// The condition on assignments `a` (joined to playlists `p`, users `u`) with its one
    /// parameter ($2), and the order of the lines.
    fn filter(&self) -> (&'static str, &'a str, &'static str) {
        match *self {
            Scope::Playlist(id) => ("a.playlist_id = $2", id, "u.name, u.email"),
            Scope::Person(id) => ("a.user_id = $2", id, "a.created_at, a.id"),
            Scope::Own(id) => (
                "a.user_id = $2 and p.published = 1",
                id,
                "a.created_at, a.id",
            ),
        }
    }
}

async fn lines(pool: &AnyPool, org_id: &str, scope: &Scope<'_>) -> sqlx::Result<Vec<Line>> {
    use sqlx::Row;
    let (filter, key, order) = scope.filter();
    let joins = completion_joins("a.user_id");
    let rows = sqlx::query(&format!(
        "select a.id, a.playlist_id, p.title, p.description, p.cover_key, a.user_id, u.name, \
           u.email, a.due_at, a.created_at, \
           count(i.id) as items_total, \
           count({DONE_AT}) as items_completed, \
           cast(coalesce(sum({ITEM_PROGRESS}), 0) as double precision) as progress_sum, \
           max({DONE_AT}) as last_completed, \
           max(coalesce(g.updated_at, o.opened_at, pd.done_at, qp.passed_at, ed.done_at)) \
             as last_activity \
         from assignments a \
         join playlists p on p.id = a.playlist_id \
         join users u on u.id = a.user_id \
         left join playlist_items i on i.playlist_id = a.playlist_id \
         {joins} \
         where a.org_id = $1 and {filter} \
         group by a.id, a.playlist_id, p.title, p.description, p.cover_key, a.user_id, u.name, \
           u.email, a.due_at, a.created_at \
         order by {order}"
    ))
    .bind(org_id)
    .bind(key)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Line {
                id: row.try_get("id")?,
                playlist_id: row.try_get("playlist_id")?,
                playlist_title: row.try_get("title")?,
                description: row.try_get("description")?,
                cover_key: row.try_get("cover_key")?,
                user_id: row.try_get("user_id")?,
                name: row.try_get("name")?,
                email: row.try_get("email")?,
                due_at: row.try_get("due_at")?,
                items_total: row.try_get("items_total")?,
                items_completed: row.try_get("items_completed")?,
                progress_sum: row.try_get("progress_sum")?,
                last_completed: row.try_get("last_completed")?,
                last_activity: row.try_get("last_activity")?,
            })
        })
        .collect()
}

/// One of a person's assignments, with their progress through the playlist.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct MyAssignment {
    pub id: String,
    pub playlist_id: String,
    pub title: String,
    pub description: String,
    #[schema(required = true)]
    pub cover_url: Option<String>,
    /// Unix milliseconds, when there is a due date.
    #[schema(required = true)]
    pub due_at: Option<i64>,
    pub overdue: bool,
    pub completed: bool,
    /// Unix milliseconds when the last item was completed, once all are.
    #[schema(required = true)]
    pub completed_at: Option<i64>,
    pub items_total: i64,
    pub items_completed: i64,
    /// `items_completed / items_total`, 0 to 1.
    pub fraction: f64,
    /// How far through, 0 to 1, counting a partly watched video by the share of it watched.
    pub progress: f64,
}

/// The published playlists assigned to a person, with the items they completed: videos watched
/// far enough, handouts and resources opened.
pub async fn for_user(
    pool: &AnyPool,
    org_id: &str,
    user_id: &str,
) -> sqlx::Result<Vec<MyAssignment>> {
    let now = now_ms();
    Ok(lines(pool, org_id, &Scope::Own(user_id))
        .await?
        .into_iter()
        .map(|line| MyAssignment {
            completed: line.completed(),
            completed_at: line.last_completed.filter(|_| line.completed()),
            fraction: line.fraction(),
            progress: line.progress(),
            overdue: line.overdue(now),
            cover_url: line
                .cover_key
                .as_ref()
                .map(|_| format!("/api/v1/playlists/{}/cover", line.playlist_id)),
            id: line.id,
            playlist_id: line.playlist_id,
            title: line.playlist_title,
            description: line.description,
            due_at: line.due_at,
            items_total: line.items_total,
            items_completed: line.items_completed,
        })
        .collect())
}

/// One line of a trainer's report: one person's progress through one playlist.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ReportLine {
    pub playlist_id: String,
    pub playlist_title: String,
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub items_total: i64,
    pub items_completed: i64,
    /// `items_completed / items_total`, 0 to 1.
    pub fraction: f64,
    /// How far through, 0 to 1, counting a partly watched video by the share of it watched.
    pub progress: f64,
    pub completed: bool,
    /// Unix milliseconds when the last item was completed, once all are.
    #[schema(required = true)]
    pub completed_at: Option<i64>,
    /// Unix milliseconds of the person's latest progress on the playlist's items.
    #[schema(required = true)]
    pub last_activity: Option<i64>,
    #[schema(required = true)]
    pub due_at: Option<i64>,
    pub overdue: bool,
    /// Every item of the playlist with this person's state of it, in playlist order.
    pub items: Vec<ReportItem>,
}

impl ReportLine {
    fn from(line: Line, now: i64) -> ReportLine {
        ReportLine {
            completed: line.completed(),
            completed_at: line.last_completed.filter(|_| line.completed()),
            fraction: line.fraction(),
            progress: line.progress(),
            overdue: line.overdue(now),
            playlist_id: line.playlist_id,
            playlist_title: line.playlist_title,
            user_id: line.user_id,
            name: line.name,
            email: line.email,
            items_total: line.items_total,
            items_completed: line.items_completed,
            last_activity: line.last_activity,
            due_at: line.due_at,
            items: Vec::new(),
        }
    }
}

/// A trainer's report: for a playlist, every assignee by name; for a person, every assignment
/// (drafts included), oldest first; each line with the person's state of every item.
pub async fn report(
    pool: &AnyPool,
    org_id: &str,
    scope: Scope<'_>,
) -> sqlx::Result<Vec<ReportLine>> {
    let now = now_ms();
    let mut items = item_lines(pool, org_id, &scope).await?;
    let (playlist, person) = match scope {
        Scope::Playlist(id) => (Some(id), None),
        Scope::Person(id) | Scope::Own(id) => (None, Some(id)),
    };
    let standings = super::practice::standings(pool, org_id, playlist, person).await?;
    let steps: std::collections::HashMap<String, super::practice::Step> = if standings.is_empty() {
        Default::default()
    } else {
        super::practice::steps(pool, org_id)
            .await?
            .into_iter()
            .map(|step| (step.id.clone(), step))
            .collect()
    };
    let quizzes: std::collections::HashMap<(String, String), super::quizzes::Standing> =
        super::quizzes::standings(pool, org_id, None, person)
            .await?
            .into_iter()
            .map(|s| ((s.quiz_id.clone(), s.user_id.clone()), s))
            .collect();
    Ok(lines(pool, org_id, &scope)
        .await?
        .into_iter()
        .map(|line| {
            let mut mine = items.remove(&line.id).unwrap_or_default();
            for item in mine.iter_mut().filter(|i| i.kind == "quiz") {
                let standing = quizzes.get(&(item.item_id.clone(), line.user_id.clone()));
                item.quiz = Some(QuizState {
                    attempts: standing.map_or(0, |s| s.attempts),
                    best_score: standing.map_or(0, |s| s.best_score),
                    max_score: standing.map_or(0, |s| s.max_score),
                    passed: standing.is_some_and(|s| s.passed_at.is_some()),
                });
            }
            for item in mine.iter_mut().filter(|i| i.kind == "practice") {
                let standing = standings
                    .get(&(item.item_id.clone(), line.user_id.clone()))
                    .cloned()
                    .unwrap_or_default();
                item.practice = Some(PracticeState::new(standing, steps.get(&item.item_id)));
            }
            let mut report = ReportLine::from(line, now);
            report.items = mine;
            report
        })
        .collect())
}

/// Where a person stands on a practice step, as reports show it.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PracticeState {
    /// null before the first attempt.
    #[schema(required = true)]
    pub status: Option<super::practice::AttemptStatus>,
    pub attempts: i64,
    /// The latest scored review's scores, in the rubric's order.
    pub scores: Vec<Score>,
}

/// Where a person stands on a quiz, as reports show it.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct QuizState {
    /// Submitted attempts.
    pub attempts: i64,
    /// The best submitted attempt's points.
    pub best_score: i64,
    pub max_score: i64,
    pub passed: bool,
}

impl QuizState {
    /// One line for a spreadsheet's cell: "passed, 5/6, 2 attempts".
    pub fn summary(&self) -> String {
        let attempts = match self.attempts {
            0 => return "not started".to_owned(),
            1 => "1 attempt".to_owned(),
            n => format!("{n} attempts"),
        };
        let state = if self.passed { "passed" } else { "not passed" };
        format!(
            "{state}, {}/{}, {attempts}",
            self.best_score, self.max_score
        )
    }
}

/// One criterion of a rubric as a review scored it.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Score {
    pub criterion: String,
    /// The level's name.
    pub level: String,
    /// 1 for the lowest level, up to `out_of`.
    pub points: usize,
    pub out_of: usize,
}

impl PracticeState {
    fn new(standing: super::practice::Standing, step: Option<&super::practice::Step>) -> Self {
        let scores = step
            .map(|step| {
                step.rubric
                    .iter()
                    .filter_map(|criterion| {
                        let level = *standing.scores.get(&criterion.id)?;
                        Some(Score {
                            criterion: criterion.name.clone(),
                            level: criterion.levels.get(level)?.name.clone(),
                            points: level + 1,
                            out_of: criterion.levels.len(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        PracticeState {
            status: standing.status,
            attempts: standing.attempts,
            scores,
        }
    }

    /// One line for a spreadsheet's cell: "needs_work, 2 attempts (Greeting 2/3; Tone 3/3)".
    pub fn summary(&self) -> String {
        let status = self.status.map_or("not started", |s| s.as_str());
        let mut text = match self.attempts {
            0 => status.to_owned(),
            1 => format!("{status}, 1 attempt"),
            n => format!("{status}, {n} attempts"),
        };
        if !self.scores.is_empty() {
            let scores: Vec<String> = self
                .scores
                .iter()
                .map(|s| format!("{} {}/{}", s.criterion, s.points, s.out_of))
                .collect();
            text.push_str(&format!(" ({})", scores.join("; ")));
        }
        text
    }
}

/// One item of a playlist as a report shows it for one person.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ReportItem {
    /// The entry in the playlist.
    pub entry_id: String,
    /// video | handout | resource | practice | quiz | exercise
    pub kind: String,
    pub item_id: String,
    pub title: String,
    pub completed: bool,
    /// Unix milliseconds when the person completed it.
    #[schema(required = true)]
    pub completed_at: Option<i64>,
    /// 0 to 1: a video by the share of it watched; anything else 0 or 1.
    pub progress: f64,
    /// Practice steps: where the person stands and their latest scores.
    #[schema(required = true)]
    pub practice: Option<PracticeState>,
    /// Quizzes: the person's attempts, best score and pass.
    #[schema(required = true)]
    pub quiz: Option<QuizState>,
}

/// The items of the assignments in `scope`, by assignment id, in playlist order.
async fn item_lines(
    pool: &AnyPool,
    org_id: &str,
    scope: &Scope<'_>,
) -> sqlx::Result<std::collections::HashMap<String, Vec<ReportItem>>> {
    use sqlx::Row;
    let (filter, key, _) = scope.filter();
    let joins = completion_joins("a.user_id");
    let rows = sqlx::query(&format!(
        "select a.id as assignment_id, i.id, i.kind, i.item_id, \
           coalesce(gv.title, h.title, r.title, ps.title, qz.title, ex.title, '') as title, \
           {DONE_AT} as done_at, {ITEM_PROGRESS} as progress \
         from assignments a \
         join playlists p on p.id = a.playlist_id \
         join users u on u.id = a.user_id \
         join playlist_items i on i.playlist_id = a.playlist_id \
         {joins} \
         left join handouts h on i.kind = 'handout' and h.id = i.item_id \
         left join resources r on i.kind = 'resource' and r.id = i.item_id \
         left join practice_steps ps on i.kind = 'practice' and ps.id = i.item_id \
         left join quizzes qz on i.kind = 'quiz' and qz.id = i.item_id \
         left join exercises ex on i.kind = 'exercise' and ex.id = i.item_id \
         where a.org_id = $1 and {filter} \
         order by a.id, i.position, i.id"
    ))
    .bind(org_id)
    .bind(key)
    .fetch_all(pool)
    .await?;
    let mut by_assignment: std::collections::HashMap<String, Vec<ReportItem>> =
        std::collections::HashMap::new();
    for row in &rows {
        let completed_at: Option<i64> = row.try_get("done_at")?;
        by_assignment
            .entry(row.try_get("assignment_id")?)
            .or_default()
            .push(ReportItem {
                entry_id: row.try_get("id")?,
                kind: row.try_get("kind")?,
                item_id: row.try_get("item_id")?,
                title: row.try_get("title")?,
                completed: completed_at.is_some(),
                completed_at,
                progress: row.try_get("progress")?,
                practice: None,
                quiz: None,
            });
    }
    Ok(by_assignment)
}

/// Whether a person has a playlist already.
pub async fn has<'e>(
    db: impl AnyExecutor<'e>,
    playlist_id: &str,
    user_id: &str,
) -> sqlx::Result<bool> {
    let found: i64 = sqlx::query_scalar(
        "select count(*) from assignments where playlist_id = $1 and user_id = $2",
    )
    .bind(playlist_id)
    .bind(user_id)
    .fetch_one(db)
    .await?;
    Ok(found > 0)
}

/// Assigns a playlist to a person (again: a new due date replaces the old one; none keeps it).
pub async fn assign<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    playlist_id: &str,
    user_id: &str,
    assigned_by: Option<&str>,
    due_at: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into assignments (id, org_id, playlist_id, user_id, assigned_by, due_at, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7) \
         on conflict (playlist_id, user_id) do update \
           set due_at = coalesce(excluded.due_at, assignments.due_at), \
               due_soon_sent_at = case when excluded.due_at is null then assignments.due_soon_sent_at end, \
               overdue_sent_at = case when excluded.due_at is null then assignments.overdue_sent_at end",
    )
    .bind(new_id())
    .bind(org_id)
    .bind(playlist_id)
    .bind(user_id)
    .bind(assigned_by)
    .bind(due_at)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}

/// Sets when a person's assignment of a playlist is due (its reminders go out again for the
/// new date); false when there is no such assignment in the organisation.
pub async fn set_due<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    playlist_id: &str,
    user_id: &str,
    due_at: Option<i64>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update assignments set due_at = $1, due_soon_sent_at = null, overdue_sent_at = null \
         where org_id = $2 and playlist_id = $3 and user_id = $4",
    )
    .bind(due_at)
    .bind(org_id)
    .bind(playlist_id)
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes a playlist back from a person; false when they did not have it.
pub async fn unassign<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    playlist_id: &str,
    user_id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "delete from assignments where org_id = $1 and playlist_id = $2 and user_id = $3",
    )
    .bind(org_id)
    .bind(playlist_id)
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Who a standing assignment reaches: everyone with the role, or in the cohort (or both).
#[derive(Clone, Debug, Default)]
pub struct Audience {
    pub role: Option<Role>,
    pub cohort: Option<String>,
}

/// The active people of an organisation in an audience.
pub async fn people_in<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    audience: &Audience,
) -> sqlx::Result<Vec<String>> {
    use sqlx::Row;
    let rows = sqlx::query(
        "select id from users where org_id = $1 and active = 1 \
         and ($2 = '' or role = $2) and ($3 = '' or cohort = $3)",
    )
    .bind(org_id)
    .bind(audience.role.map(Role::as_str).unwrap_or_default())
    .bind(audience.cohort.as_deref().unwrap_or_default())
    .fetch_all(db)
    .await?;
    rows.iter().map(|row| row.try_get("id")).collect()
}

/// Records a standing assignment, so people who join the audience later get the playlist too.
pub async fn add_rule<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    playlist_id: &str,
    audience: &Audience,
    due_at: Option<i64>,
    created_by: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into assignment_rules (id, org_id, playlist_id, role, cohort, due_at, created_by, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(org_id)
    .bind(playlist_id)
    .bind(audience.role.map(Role::as_str))
    .bind(audience.cohort.as_deref())
    .bind(due_at)
    .bind(created_by)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}

/// Gives a person who just joined everything meant for them: the standing assignments of their
/// role and cohort, and the playlists their invitation carries (due `due_days` after today).
pub async fn welcome(
    tx: &mut sqlx::AnyConnection,
    org_id: &str,
    user_id: &str,
    role: Role,
    cohort: Option<&str>,
    invitation_id: &str,
) -> sqlx::Result<()> {
    use sqlx::Row;
    let now = now_ms();
    let rules = sqlx::query(
        "select playlist_id, due_at, created_by from assignment_rules \
         where org_id = $1 and (role is null or role = $2) and (cohort is null or cohort = $3)",
    )
    .bind(org_id)
    .bind(role.as_str())
    .bind(cohort.unwrap_or_default())
    .fetch_all(&mut *tx)
    .await?;
    for rule in &rules {
        let playlist_id: String = rule.try_get("playlist_id")?;
        let due_at: Option<i64> = rule.try_get("due_at")?;
        let by: Option<String> = rule.try_get("created_by")?;
        assign(
            &mut *tx,
            org_id,
            &playlist_id,
            user_id,
            by.as_deref(),
            due_at,
        )
        .await?;
    }
    let carried = sqlx::query(
        "select c.playlist_id, c.due_days, i.invited_by from invitation_playlists c \
         join invitations i on i.id = c.invitation_id where c.invitation_id = $1",
    )
    .bind(invitation_id)
    .fetch_all(&mut *tx)
    .await?;
    for row in &carried {
        let playlist_id: String = row.try_get("playlist_id")?;
        let due_days: Option<i64> = row.try_get("due_days")?;
        let by: Option<String> = row.try_get("invited_by")?;
        let due_at = due_days.map(|days| now + days * 24 * 3600 * 1000);
        assign(
            &mut *tx,
            org_id,
            &playlist_id,
            user_id,
            by.as_deref(),
            due_at,
        )
        .await?;
    }
    Ok(())
}
