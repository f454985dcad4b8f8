//! Quiz questions and how an answer is checked: the rules alone, free of storage and HTTP.
//!
//! A question's [`AnswerKey`] is the part a learner never sees before submitting; a learner's
//! [`Response`] is checked against it on the server. Free-text answers are left to a trainer.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One of the choices.
    Single,
    /// Every right choice and none of the others.
    Multiple,
    TrueFalse,
    /// A number, within a tolerance.
    Number,
    /// A few words, matched against the accepted answers (ignoring case, spacing and punctuation).
    ShortText,
    /// Marked by a trainer.
    FreeText,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Number,
        QuestionKind::ShortText,
        QuestionKind::FreeText,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Number => "number",
            QuestionKind::ShortText => "short_text",
            QuestionKind::FreeText => "free_text",
        }
    }

    fn has_choices(self) -> bool {
        matches!(self, QuestionKind::Single | QuestionKind::Multiple)
    }
}

/// One choice of a single- or multiple-choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Choice {
    /// Kept when the question is edited, so answers given before still name it.
    #[serde(default)]
    pub id: String,
    #[schema(min_length = 1, max_length = 500)]
    pub text: String,
}

/// The right answer of a question, by its kind; the fields of other kinds stay empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AnswerKey {
    /// single, multiple: the ids (or, when writing a new question, the 0-based positions as
    /// text) of the right choices.
    #[serde(default)]
    pub correct_choices: Vec<String>,
    /// true_false: whether the statement is true.
    #[serde(default)]
    pub truth: Option<bool>,
    /// number: the right value.
    #[serde(default)]
    pub number: Option<f64>,
    /// number: how far from it an answer may be and still be right.
    #[serde(default)]
    pub tolerance: f64,
    /// short_text: the answers accepted.
    #[serde(default)]
    pub accepted: Vec<String>,
}

/// What a learner answered, by the question's kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Response {
    /// single (exactly one), multiple: the ids of the choices picked.
    #[serde(default)]
    pub choices: Vec<String>,
    /// true_false.
    #[serde(default)]
    pub truth: Option<bool>,
    /// number.
    #[serde(default)]
    pub number: Option<f64>,
    /// short_text, free_text.
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub text: Option<String>,
}

/// The longest answer a learner may write.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Why a question cannot be saved as written, or `Ok` with its key tidied (choice positions
/// turned into the choices' ids, accepted answers trimmed and without repeats).
pub fn checked_key(
    kind: QuestionKind,
    choices: &[Choice],
    key: &AnswerKey,
) -> Result<AnswerKey, String> {
    let mut tidy = AnswerKey::default();
    match kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            if choices.len() < 2 {
                return Err("a choice question needs at least 2 choices".into());
            }
            for named in &key.correct_choices {
                let id = match choices.iter().find(|c| &c.id == named) {
                    Some(choice) => choice.id.clone(),
                    None => match named.parse::<usize>().ok().and_then(|i| choices.get(i)) {
                        Some(choice) => choice.id.clone(),
                        None => return Err(format!("{named:?} is not one of the choices")),
                    },
                };
                if !tidy.correct_choices.contains(&id) {
                    tidy.correct_choices.push(id);
                }
            }
            if kind == QuestionKind::Single && tidy.correct_choices.len() != 1 {
                return Err("a single-choice question has exactly one right choice".into());
            }
            if tidy.correct_choices.is_empty() {
                return Err("mark at least one choice as right".into());
            }
        }
        QuestionKind::TrueFalse => {
            tidy.truth = Some(key.truth.ok_or("say whether the statement is true")?);
        }
        QuestionKind::Number => {
            let number = key.number.filter(|n| n.is_finite());
            tidy.number = Some(number.ok_or("give the right number")?);
            if !key.tolerance.is_finite() || key.tolerance < 0.0 {
                return Err("the tolerance is a number of 0 or more".into());
            }
            tidy.tolerance = key.tolerance;
        }
        QuestionKind::ShortText => {
            for answer in &key.accepted {
                let answer = answer.trim();
                if answer.chars().count() > 200 {
                    return Err("an accepted answer is at most 200 characters".into());
                }
                if !normalise(answer).is_empty()
                    && !tidy
                        .accepted
                        .iter()
                        .any(|a| normalise(a) == normalise(answer))
                {
                    tidy.accepted.push(answer.to_owned());
                }
            }
            if tidy.accepted.is_empty() {
                return Err("give at least one accepted answer".into());
            }
        }
        QuestionKind::FreeText => {}
    }
    if !kind.has_choices() && !choices.is_empty() {
        return Err(format!("a {} question has no choices", kind.as_str()));
    }
    Ok(tidy)
}

/// Why a response does not fit its question, if it does not: a learner's client sent nonsense.
pub fn fits(kind: QuestionKind, choices: &[Choice], response: &Response) -> Result<(), String> {
    let known = |id: &String| choices.iter().any(|c| &c.id == id);
    match kind {
        QuestionKind::Single if response.choices.len() != 1 => Err("pick one choice".into()),
        QuestionKind::Single | QuestionKind::Multiple if !response.choices.iter().all(known) => {
            Err("a choice picked is not one of the question's".into())
        }
        QuestionKind::TrueFalse if response.truth.is_none() => Err("answer true or false".into()),
        QuestionKind::Number if !response.number.is_some_and(f64::is_finite) => {
            Err("answer with a number".into())
        }
        QuestionKind::ShortText | QuestionKind::FreeText => match &response.text {
            Some(text) if text.chars().count() > MAX_TEXT_CHARS => {
                Err(format!("an answer is at most {MAX_TEXT_CHARS} characters"))
            }
            Some(text) if !text.trim().is_empty() => Ok(()),
            _ => Err("write an answer".into()),
        },
        _ => Ok(()),
    }
}

/// Of a response, only what its question's kind reads (a choice question's picks, a number, a
/// text), so nothing else a client sent is stored.
pub fn kept(kind: QuestionKind, response: Response) -> Response {
    match kind {
        QuestionKind::Single | QuestionKind::Multiple => Response {
            choices: response.choices,
            ..Response::default()
        },
        QuestionKind::TrueFalse => Response {
            truth: response.truth,
            ..Response::default()
        },
        QuestionKind::Number => Response {
            number: response.number,
            ..Response::default()
        },
        QuestionKind::ShortText | QuestionKind::FreeText => Response {
            text: response.text,
            ..Response::default()
        },
    }
}

/// Whether a response (one that [`fits`]) is right; `None` for free text, which a trainer marks.
pub fn is_right(kind: QuestionKind, key: &AnswerKey, response: &Response) -> Option<bool> {
    Some(match kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            let mut picked: Vec<&String> = response.choices.iter().collect();
            picked.sort();
            picked.dedup();
            let mut right: Vec<&String> = key.correct_choices.iter().collect();
            right.sort();
            picked == right
        }
        QuestionKind::TrueFalse => response.truth.is_some() && response.truth == key.truth,
        QuestionKind::Number => match (response.number, key.number) {
            // A hair of slack, so 0.1 + 0.2 typed as 0.3 is right.
            (Some(given), Some(right)) => (given - right).abs() <= key.tolerance + 1e-9,
            _ => false,
        },
        QuestionKind::ShortText => {
            let given = normalise(response.text.as_deref().unwrap_or_default());
            !given.is_empty() && key.accepted.iter().any(|a| normalise(a) == given)
        }
        QuestionKind::FreeText => return None,
    })
}

/// Text as short answers compare it: lower case, letters and digits only, single spaces.
pub fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `score` of `max_score` points reaches `pass_percent`. A quiz of no points passes.
pub fn passes(score: i64, max_score: i64, pass_percent: i64) -> bool {
    max_score <= 0 || score * 100 >= pass_percent * max_score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Choice> {
        ["red", "green", "blue"]
            .iter()
            .enumerate()
            .map(|(i, text)| Choice {
                id: format!("c{i}"),
                text: (*text).into(),
            })
            .collect()
    }

    fn picked(ids: &[&str]) -> Response {
        Response {
            choices: ids.iter().map(|id| (*id).into()).collect(),
            ..Response::default()
        }
    }

    #[test]
    fn choice_keys_name_choices_by_id_or_position() {
        let key = AnswerKey {
            correct_choices: vec!["2".into(), "c0".into(), "c0".into()],
            ..AnswerKey::default()
        };
        let tidy = checked_key(QuestionKind::Multiple, &choices(), &key).unwrap();
        assert_eq!(tidy.correct_choices, ["c2", "c0"]);
        assert!(checked_key(QuestionKind::Single, &choices(), &key).is_err());
        let unknown = AnswerKey {
            correct_choices: vec!["c9".into()],
            ..AnswerKey::default()
        };
        assert!(checked_key(QuestionKind::Single, &choices(), &unknown).is_err());
    }

    #[test]
    fn multiple_choice_needs_exactly_the_right_set() {
        let key = AnswerKey {
            correct_choices: vec!["c0".into(), "c2".into()],
            ..AnswerKey::default()
        };
        let kind = QuestionKind::Multiple;
        assert_eq!(is_right(kind, &key, &picked(&["c2", "c0"])), Some(true));
        assert_eq!(is_right(kind, &key, &picked(&["c0"])), Some(false));
        assert_eq!(
            is_right(kind, &key, &picked(&["c0", "c1", "c2"])),
            Some(false)
        );
        assert!(fits(kind, &choices(), &picked(&["c7"])).is_err());
        assert!(fits(QuestionKind::Single, &choices(), &picked(&["c0", "c1"])).is_err());
    }

    #[test]
    fn numbers_within_the_tolerance_are_right() {
        let key = AnswerKey {
            number: Some(0.3),
            tolerance: 0.0,
            ..AnswerKey::default()
        };
        let answer = |n: f64| Response {
            number: Some(n),
            ..Response::default()
        };
        assert_eq!(
            is_right(QuestionKind::Number, &key, &answer(0.1 + 0.2)),
            Some(true)
        );
        assert_eq!(
            is_right(QuestionKind::Number, &key, &answer(0.31)),
            Some(false)
        );
        let loose = AnswerKey {
            tolerance: 0.05,
            ..key
        };
        assert_eq!(
            is_right(QuestionKind::Number, &loose, &answer(0.34)),
            Some(true)
        );
        assert!(fits(QuestionKind::Number, &[], &answer(f64::NAN)).is_err());
    }

    #[test]
    fn short_answers_ignore_case_spacing_and_punctuation() {
        let key = checked_key(
            QuestionKind::ShortText,
            &[],
            &AnswerKey {
                accepted: vec!["Lock out, tag out".into(), " lock-out tag-out ".into()],
                ..AnswerKey::default()
            },
        )
        .unwrap();
        assert_eq!(key.accepted, ["Lock out, tag out"]);
        let said = |text: &str| Response {
            text: Some(text.into()),
            ..Response::default()
        };
        assert_eq!(
            is_right(QuestionKind::ShortText, &key, &said("LOCK OUT tag out!")),
            Some(true)
        );
        assert_eq!(
            is_right(QuestionKind::ShortText, &key, &said("lock out")),
            Some(false)
        );
        assert_eq!(
            is_right(QuestionKind::FreeText, &key, &said("anything")),
            None
        );
        assert!(fits(QuestionKind::FreeText, &[], &said("   ")).is_err());
    }

    #[test]
    fn the_pass_mark_is_a_share_of_the_points() {
        assert!(passes(3, 4, 75));
        assert!(!passes(2, 4, 75));
        assert!(passes(0, 0, 80));
        assert!(passes(0, 4, 0));
    }
}
