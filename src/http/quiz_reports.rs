//! Quiz reports for trainers: each person's attempts, best score and pass, and how each question
//! fared over every submitted attempt (which one most people miss), as JSON or CSV.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Trainer};
use super::error::ErrorBody;
use super::reports::{csv_field, csv_or_json, csv_table, iso8601};
use super::{ApiError, AppState};
use crate::db::quizzes::{self, Quiz};
use crate::learning::quiz::QuestionKind;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(quiz_scores))
        .routes(routes!(question_statistics))
}

#[derive(Serialize, ToSchema)]
pub struct QuizScores {
    pub quiz_id: String,
    pub title: String,
    pub pass_percent: i64,
    /// Everyone who submitted an attempt, by name.
    pub people: Vec<quizzes::Standing>,
}

/// Each person's attempts, best score and pass at a quiz: JSON, or CSV with `Accept: text/csv`.
/// Trainers and admins.
#[utoipa::path(get, path = "/api/v1/quizzes/{quiz_id}/scores", tag = "quizzes",
    params(("quiz_id" = String, Path)),
    responses((status = 200, body = QuizScores), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn quiz_scores(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(quiz_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let pool = state.db.pool();
    let quiz = quizzes::quiz_in_org(pool, &caller.org.id, &quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let people = quizzes::standings(pool, &caller.org.id, Some(&quiz.id), None).await?;
    let report = QuizScores {
        quiz_id: quiz.id,
        title: quiz.title,
        pass_percent: quiz.pass_percent,
        people,
    };
    Ok(csv_or_json(&headers, &report.title, &report, || {
        scores_csv(&report)
    }))
}

fn scores_csv(report: &QuizScores) -> String {
    let header = "quiz,name,email,attempts,best_score,max_score,percent,passed,passed_at";
    csv_table(
        header,
        report.people.iter().map(|p| {
            let percent = if p.max_score > 0 {
                (p.best_score * 100 / p.max_score).to_string()
            } else {
                String::new()
            };
            [
                csv_field(&report.title),
                csv_field(&p.name),
                csv_field(&p.email),
                p.attempts.to_string(),
                p.best_score.to_string(),
                p.max_score.to_string(),
                percent,
                p.passed_at.is_some().to_string(),
                p.passed_at.map(iso8601).unwrap_or_default(),
            ]
        }),
    )
}

/// How often one choice was picked.
#[derive(Serialize, ToSchema)]
pub struct ChoiceCount {
    pub choice_id: String,
    pub text: String,
    /// Whether it is one of the right choices.
    pub right: bool,
    pub picked: i64,
}

/// How a question fared over every submitted attempt.
#[derive(Serialize, ToSchema)]
pub struct QuestionStats {
    pub question_id: String,
    /// 1 for the first question.
    pub number: usize,
    pub kind: QuestionKind,
    pub prompt: String,
    pub answered: i64,
    pub right: i64,
    pub wrong: i64,
    /// Free-text answers waiting for a mark.
    pub waiting: i64,
    /// Right answers as a share of the marked ones, 0 to 100; null before any.
    #[schema(required = true)]
    pub percent_right: Option<f64>,
    /// Choice questions: how often each choice was picked.
    pub choices: Vec<ChoiceCount>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionReport {
    pub quiz_id: String,
    pub title: String,
    /// Attempts submitted.
    pub attempts: i64,
    /// In the quiz's order.
    pub questions: Vec<QuestionStats>,
    /// The question most people got wrong (the first of a tie); null when nobody did.
    #[schema(required = true)]
    pub most_missed: Option<String>,
}

fn question_report(quiz: &Quiz, given: &[quizzes::GivenAnswer], attempts: i64) -> QuestionReport {
    let questions: Vec<QuestionStats> = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mine: Vec<&quizzes::GivenAnswer> =
                given.iter().filter(|a| a.question_id == q.id).collect();
            let count = |f: &dyn Fn(&quizzes::GivenAnswer) -> bool| {
                mine.iter().filter(|a| f(a)).count() as i64
            };
            let right = count(&|a| a.correct == Some(true));
            let wrong = count(&|a| a.correct == Some(false));
            QuestionStats {
                question_id: q.id.clone(),
                number: i + 1,
                kind: q.kind,
                prompt: q.prompt.clone(),
                answered: mine.len() as i64,
                right,
                wrong,
                waiting: count(&|a| a.correct.is_none()),
                percent_right: (right + wrong > 0)
                    .then(|| (right * 1000 / (right + wrong)) as f64 / 10.0),
                choices: q
                    .choices
                    .iter()
                    .map(|c| ChoiceCount {
                        choice_id: c.id.clone(),
                        text: c.text.clone(),
                        right: q.key.correct_choices.contains(&c.id),
                        picked: count(&|a| a.response.choices.contains(&c.id)),
                    })
                    .collect(),
            }
        })
        .collect();
    let most_missed = questions
        .iter()
        .filter(|q| q.wrong > 0)
        .fold(None::<&QuestionStats>, |worst, q| match worst {
            Some(w) if w.wrong >= q.wrong => Some(w),
            _ => Some(q),
        })
        .map(|q| q.question_id.clone());
    QuestionReport {
        quiz_id: quiz.id.clone(),
        title: quiz.title.clone(),
        attempts,
        questions,
        most_missed,
    }
}

/// How each question of a quiz fared (answered, right, wrong, waiting, each choice's picks) and
/// which one most people miss: JSON, or CSV with `Accept: text/csv`. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/quizzes/{quiz_id}/questions/statistics", tag = "quizzes",
    params(("quiz_id" = String, Path)),
    responses((status = 200, body = QuestionReport), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn question_statistics(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(quiz_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let pool = state.db.pool();
    let quiz = quizzes::quiz_in_org(pool, &caller.org.id, &quiz_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let given = quizzes::given_answers(pool, &quiz.id).await?;
    let attempts = quizzes::submitted_attempts(pool, &quiz.id).await?;
    let report = question_report(&quiz, &given, attempts);
    Ok(csv_or_json(&headers, &report.title, &report, || {
        let header = "number,question,kind,answered,right,wrong,waiting,percent_right,most_missed";
        csv_table(
            header,
            report.questions.iter().map(|q| {
                [
                    q.number.to_string(),
                    csv_field(&q.prompt),
                    q.kind.as_str().to_owned(),
                    q.answered.to_string(),
                    q.right.to_string(),
                    q.wrong.to_string(),
                    q.waiting.to_string(),
                    q.percent_right.map(|p| p.to_string()).unwrap_or_default(),
                    (report.most_missed.as_ref() == Some(&q.question_id)).to_string(),
                ]
            }),
        )
    }))
}
