//! Trainers' reports: each assignee's progress through a playlist, and each person's progress
//! through all their assignments, as JSON or CSV.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::assignments::{self, ReportLine, Scope};
use crate::db::{playlists, users};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(playlist_report))
        .routes(routes!(person_report))
}

/// `YYYY-MM-DDTHH:MM:SSZ` for unix milliseconds (proleptic Gregorian, UTC).
pub fn iso8601(unix_ms: i64) -> String {
    let secs = unix_ms.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// A CSV field: quoted when needed, and never read as a formula by a spreadsheet.
pub(crate) fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Every practice step of a line: "Greeting a customer: done, 2 attempts (Tone 3/3) | …".
fn practice_summary(line: &ReportLine) -> String {
    line.items
        .iter()
        .filter_map(|item| {
            let state = item.practice.as_ref()?;
            Some(format!("{}: {}", item.title, state.summary()))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every quiz of a line: "Forklift safety: passed, 5/6, 1 attempt | …".
fn quiz_summary(line: &ReportLine) -> String {
    line.items
        .iter()
        .filter_map(|item| {
            let state = item.quiz.as_ref()?;
            Some(format!("{}: {}", item.title, state.summary()))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A CSV text: the `header` line, then a line of each row's fields (each already a CSV field:
/// text through [`csv_field`]).
pub(crate) fn csv_table<R: IntoIterator<Item = String>>(
    header: &str,
    rows: impl IntoIterator<Item = R>,
) -> String {
    let mut csv = format!("{header}\r\n");
    for row in rows {
        csv.push_str(&row.into_iter().collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    }
    csv
}

fn to_csv(lines: &[ReportLine]) -> String {
    let time = |t: Option<i64>| t.map(iso8601).unwrap_or_default();
    let header = "playlist,name,email,items_completed,items_total,percent,completed,completed_at,\
                  last_activity,due_at,overdue,practice,quizzes";
    csv_table(
        header,
        lines.iter().map(|line| {
            [
                csv_field(&line.playlist_title),
                csv_field(&line.name),
                csv_field(&line.email),
                line.items_completed.to_string(),
                line.items_total.to_string(),
                format!("{:.0}", line.fraction * 100.0),
                line.completed.to_string(),
                time(line.completed_at),
                time(line.last_activity),
                time(line.due_at),
                line.overdue.to_string(),
                csv_field(&practice_summary(line)),
                csv_field(&quiz_summary(line)),
            ]
        }),
    )
}

/// Each assignee's progress through a playlist: JSON, or CSV with `Accept: text/csv`. Trainers
/// and admins.
#[utoipa::path(get, path = "/api/v1/playlists/{playlist_id}/report", tag = "playlists",
    params(("playlist_id" = String, Path)),
    responses((status = 200, body = [ReportLine]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn playlist_report(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let playlist = playlists::in_org(state.db.pool(), &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let lines = assignments::report(
        state.db.pool(),
        &caller.org.id,
        Scope::Playlist(&playlist.id),
    )
    .await?;
    Ok(respond(&headers, &playlist.title, &lines))
}

/// Every assignment of one person with their progress: JSON, or CSV with `Accept: text/csv`.
/// Trainers and admins.
#[utoipa::path(get, path = "/api/v1/users/{user_id}/report", tag = "people",
    params(("user_id" = String, Path)),
    responses((status = 200, body = [ReportLine]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn person_report(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let person = users::member_in_org(state.db.pool(), &caller.org.id, &user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let lines =
        assignments::report(state.db.pool(), &caller.org.id, Scope::Person(&person.id)).await?;
    Ok(respond(&headers, &person.name, &lines))
}

/// The report as CSV when the client accepts it (named after `subject`), JSON otherwise.
fn respond(headers: &HeaderMap, subject: &str, lines: &[ReportLine]) -> Response {
    csv_or_json(headers, subject, &lines, || to_csv(lines))
}

/// A report as CSV (`csv`, named after `subject`) when the client accepts it, else `json`.
pub(crate) fn csv_or_json<T: serde::Serialize>(
    headers: &HeaderMap,
    subject: &str,
    json: &T,
    csv: impl FnOnce() -> String,
) -> Response {
    let wants_csv = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/csv"));
    if !wants_csv {
        return Json(json).into_response();
    }
    let name = crate::upload::metadata::safe_filename(subject, "report");
    (
        [
            (
                header::CONTENT_TYPE,
                "text/csv; charset=utf-8".parse().expect("static"),
            ),
            (
                header::CONTENT_DISPOSITION,
                super::handouts::content_disposition(&format!("{name} report.csv")),
            ),
        ],
        csv(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_fields() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_795_960_769_819), "2026-11-29T13:59:29Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(csv_field("Smith, Ann"), "\"Smith, Ann\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
