//! Library search in PostgreSQL: a weighted tsvector of the entries' search columns (title A,
//! tags and tag-line B, description C) with a GIN index, ranked by ts_rank.

use super::{CANDIDATES, FILTERS, HIT_COLUMNS, Search};

/// The statement and its tsquery (bound as $5; $4 limit, $6 offset).
pub(super) fn search_sql(search: &Search) -> (String, String) {
    let mut terms: Vec<String> = search
        .terms
        .iter()
        .map(|t| {
            if t.stem == t.word {
                format!("{}:*", t.word)
            } else {
                format!("({}:* | {})", t.word, t.stem)
            }
        })
        .collect();
    terms.extend(search.tag_words().iter().map(|w| format!("{w}:B")));
    let matches = if terms.is_empty() {
        "$5 = $5"
    } else {
        "e.document @@ to_tsquery('simple', $5)"
    };
    let sql = if search.terms.is_empty() {
        format!(
            "select {HIT_COLUMNS} from library_index e where {FILTERS} and {matches} \
             order by e.created_at desc, e.item_id limit $4 offset $6"
        )
    } else {
        // Ranked outside the candidates' query, so only they are ranked.
        format!(
            "select {HIT_COLUMNS} from ( \
               select * from library_index e where {FILTERS} and {matches} \
               order by e.created_at desc limit {CANDIDATES} \
             ) e \
             order by ts_rank(e.document, to_tsquery('simple', $5)) desc, \
               e.created_at desc, e.item_id limit $4 offset $6"
        )
    };
    (sql, terms.join(" & "))
}
