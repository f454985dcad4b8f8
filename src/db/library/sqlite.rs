//! Library search in SQLite: an FTS5 index (external content: the entries table's search
//! columns, prefix indexes of 2 and 3 characters) ranked by bm25.

use super::{CANDIDATES, FILTERS, HIT_COLUMNS, Search};

/// The statement and its FTS5 query (bound as $5; $4 limit, $6 offset).
pub(super) fn search_sql(search: &Search) -> (String, String) {
    // Each word as typed (a prefix) or by its stem (a whole indexed word); all words required. The tag's words must be
    // in the tags.
    let mut terms: Vec<String> = search
        .terms
        .iter()
        .map(|t| {
            if t.stem == t.word {
                format!("\"{}\"*", t.word)
            } else {
                format!("(\"{}\"* OR \"{}\")", t.word, t.stem)
            }
        })
        .collect();
    terms.extend(
        search
            .tag_words()
            .iter()
            .map(|w| format!("search_tags : \"{w}\"")),
    );
    let sql = if terms.is_empty() {
        format!(
            "select {HIT_COLUMNS} from library_entries e where {FILTERS} and $5 = $5 \
             order by e.created_at desc, e.item_id limit $4 offset $6"
        )
    } else if search.terms.is_empty() {
        format!(
            "select {HIT_COLUMNS} from library_fts f join library_entries e on e.id = f.rowid \
             where library_fts match $5 and {FILTERS} \
             order by e.created_at desc, e.item_id limit $4 offset $6"
        )
    } else {
        // Entries are numbered in the order items were added (edits keep the number), so the
        // candidates are the newest matches. bm25 is lower for better matches; its weights
        // follow the columns: title, tag-line, description, tags.
        format!(
            "select {HIT_COLUMNS} from ( \
               select e.id, bm25(library_fts, 10.0, 4.0, 1.0, 5.0) as score \
               from library_fts f join library_entries e on e.id = f.rowid \
               where library_fts match $5 and {FILTERS} \
               order by f.rowid desc limit {CANDIDATES} \
             ) c join library_entries e on e.id = c.id \
             order by c.score, e.created_at desc, e.item_id limit $4 offset $6"
        )
    };
    (sql, terms.join(" AND "))
}
