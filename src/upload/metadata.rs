//! The tus `Upload-Metadata` header: comma-separated `key base64(value)` pairs.

use std::collections::HashMap;

use base64::Engine;

/// Parses `Upload-Metadata`; a key may come without a value. Keys are unique; values must be
/// base64 of UTF-8 text.
pub fn parse(header: &str) -> Result<HashMap<String, String>, String> {
    let mut pairs = HashMap::new();
    for item in header.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let mut parts = item.splitn(2, ' ');
        let key = parts.next().unwrap_or_default();
        if key.is_empty() || key.chars().any(|c| c.is_whitespace() || c == ',') {
            return Err(format!("invalid Upload-Metadata key {key:?}"));
        }
        let value = match parts.next().map(str::trim) {
            None | Some("") => String::new(),
            Some(encoded) => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .map_err(|_| format!("Upload-Metadata {key} is not base64"))?;
                String::from_utf8(bytes)
                    .map_err(|_| format!("Upload-Metadata {key} is not UTF-8"))?
            }
        };
        if pairs.insert(key.to_owned(), value).is_some() {
            return Err(format!("Upload-Metadata repeats {key}"));
        }
    }
    Ok(pairs)
}

/// A file name safe to show and to offer on download: the last path segment, without control
/// characters or quotes, at most 200 characters; `fallback` when nothing is left.
pub fn safe_filename(name: &str, fallback: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '"' | '\'' | ';' | '<' | '>' | '|' | '*' | '?' | ':')
        })
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() {
        fallback.to_owned()
    } else {
        cleaned
    }
}

/// A title from a file name: the name without its extension, separators turned to spaces.
pub fn title_from_filename(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = stem.replace(['_', '-'], " ").trim().to_owned();
    if title.is_empty() {
        "Untitled video".to_owned()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tus_js_client_metadata() {
        // filename "clip 1.mp4", title "Déjà vu", filetype "video/mp4", a bare key
        let header = "filename Y2xpcCAxLm1wNA==,title RMOpasOgIHZ1,filetype dmlkZW8vbXA0,flag";
        let pairs = parse(header).unwrap();
        assert_eq!(pairs["filename"], "clip 1.mp4");
        assert_eq!(pairs["title"], "Déjà vu");
        assert_eq!(pairs["filetype"], "video/mp4");
        assert_eq!(pairs["flag"], "");
        assert!(parse("filename !!!").is_err());
        assert!(parse("a YQ==,a Yg==").is_err());
    }

    #[test]
    fn file_names_are_made_safe() {
        assert_eq!(safe_filename("../../x.pdf", "f"), "x.pdf");
        assert_eq!(safe_filename("C:\\Users\\me\\notes.pdf", "f"), "notes.pdf");
        assert_eq!(safe_filename("a\"b;\r\nc.pdf", "f"), "abc.pdf");
        assert_eq!(safe_filename("..", "f"), "f");
        assert_eq!(safe_filename(".htaccess", "f"), "htaccess");
        assert_eq!(title_from_filename("how_to-weld.mp4"), "how to weld");
    }
}
