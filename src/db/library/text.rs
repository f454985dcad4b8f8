//! Text as the search index sees it: lower-case words of letters and digits, each followed by
//! its stem (Snowball English) when that differs, so "forklifts" finds "Forklift walkthrough"
//! and "welding" finds "weld". Both databases index and query this same text with their
//! plainest configuration, so they find the same items.

use rust_stemmers::{Algorithm, Stemmer};

/// The words of `text`, lower-case, split at anything that is not a letter or a digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The stem of a lower-case word ("forklifts" → "forklift", "safety" → "safeti").
pub fn stem(word: &str) -> String {
    thread_local! {
        static ENGLISH: Stemmer = Stemmer::create(Algorithm::English);
    }
    ENGLISH.with(|stemmer| stemmer.stem(word).into_owned())
}

/// What the index holds for a field: each word, then its stem when that is another word.
pub fn indexed(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for word in words(text) {
        let stem = stem(&word);
        push_word(&mut out, &word);
        if stem != word {
            push_word(&mut out, &stem);
        }
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// One word of a query: matched as typed (a prefix, for search as you type) or by its stem (a
/// whole word of the index: the stem of a half-typed word means nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub word: String,
    pub stem: String,
}

/// The terms of a query: at most ten words; nothing of the query reaches a query language as
/// syntax, since only letters and digits survive.
pub fn terms(query: &str) -> Vec<Term> {
    words(query)
        .take(10)
        .map(|word| Term {
            stem: stem(&word),
            word,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_word_forms_share_a_stem() {
        assert_eq!(stem("forklifts"), stem("forklift"));
        assert_eq!(stem("welding"), stem("weld"));
        assert_eq!(stem("safety"), stem("safeties"));
        assert_eq!(indexed("Forklift walk-through"), "forklift walk through");
        assert_eq!(indexed("Forklifts"), "forklifts forklift");
    }

    #[test]
    fn queries_keep_letters_and_digits_only() {
        let t = terms("\"fork*\" OR lifts:* (x) ");
        let words: Vec<&str> = t.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, ["fork", "or", "lifts", "x"]);
        assert_eq!(t[2].stem, "lift");
        assert_eq!(terms(&"a ".repeat(50)).len(), 10);
    }
}
