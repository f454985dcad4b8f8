//! Recognising a handout's type from its first bytes, never from its name.

/// A document type Reelhouse accepts as a handout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    pub content_type: &'static str,
    /// The extensions a file of this type may carry; the first is added when the name has none
    /// of them.
    pub extensions: &'static [&'static str],
}

const PDF: Kind = Kind {
    content_type: "application/pdf",
    extensions: &["pdf"],
};
const DOCX: Kind = Kind {
    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: &["docx"],
};
const PPTX: Kind = Kind {
    content_type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: &["pptx"],
};
const XLSX: Kind = Kind {
    content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: &["xlsx"],
};
const ODF: Kind = Kind {
    content_type: "application/vnd.oasis.opendocument",
    extensions: &["odt", "odp", "ods"],
};
const PNG: Kind = Kind {
    content_type: "image/png",
    extensions: &["png"],
};
const JPEG: Kind = Kind {
    content_type: "image/jpeg",
    extensions: &["jpg", "jpeg"],
};
const GIF: Kind = Kind {
    content_type: "image/gif",
    extensions: &["gif"],
};
const WEBP: Kind = Kind {
    content_type: "image/webp",
    extensions: &["webp"],
};
const TEXT: Kind = Kind {
    content_type: "text/plain; charset=utf-8",
    extensions: &["txt", "md", "csv"],
};

/// How many leading bytes [`recognise`] wants to see.
pub const SNIFF_LEN: usize = 8 * 1024;

/// The type of a document from its first bytes (up to [`SNIFF_LEN`]), or a sentence saying why
/// it is refused.
pub fn recognise(head: &[u8]) -> Result<Kind, String> {
    const REFUSED: &str = "this file type is not accepted as a handout; use PDF, Word, \
                           PowerPoint (or slides exported as PDF/PPTX), an image, or plain text";
    if head.is_empty() {
        return Err("the file is empty".into());
    }
    if head.starts_with(b"MZ")
        || head.starts_with(b"\x7fELF")
        || head.starts_with(b"#!")
        || head.starts_with(&[0xCF, 0xFA, 0xED, 0xFE])
        || head.starts_with(&[0xCA, 0xFE, 0xBA, 0xBE])
    {
        return Err("programs are not accepted as handouts".into());
    }
    if head.starts_with(b"%PDF-") {
        return Ok(PDF);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(PNG);
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(JPEG);
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Ok(GIF);
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Ok(WEBP);
    }
    if head.starts_with(b"PK\x03\x04") {
        return office_zip(head).ok_or_else(|| REFUSED.to_owned());
    }
    if looks_like_text(head) {
        return Ok(TEXT);
    }
    Err(REFUSED.into())
}

/// Office Open XML and OpenDocument files are zip archives; their first entries say which.
fn office_zip(head: &[u8]) -> Option<Kind> {
    // OpenDocument: the first entry is `mimetype`, stored, holding the type.
    if head.get(30..38) == Some(b"mimetype") {
        let rest = head.get(38..)?;
        return rest
            .starts_with(b"application/vnd.oasis.opendocument")
            .then_some(ODF);
    }
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if !has(b"[Content_Types].xml") && !has(b"_rels/.rels") && !has(b"docProps/") {
        return None;
    }
    if has(b"word/") {
        Some(DOCX)
    } else if has(b"ppt/") {
        Some(PPTX)
    } else if has(b"xl/") {
        Some(XLSX)
    } else {
        None
    }
}

/// UTF-8 without NUL or other binary control bytes (a multi-byte character cut at the end of
/// the sample is fine).
fn looks_like_text(head: &[u8]) -> bool {
    let valid = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(err) if err.error_len().is_none() => {
            std::str::from_utf8(&head[..err.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !valid.is_empty()
        && !valid
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
}

/// `name`, with the type's first extension added when it carries none of the type's own, so a
/// PDF called `notes.exe` downloads as `notes.exe.pdf`.
pub fn with_fitting_extension(name: &str, kind: Kind) -> String {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match extension {
        Some(ext) if kind.extensions.contains(&ext.as_str()) => name.to_owned(),
        _ => format!("{name}.{}", kind.extensions[0]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_documents_by_content() {
        assert_eq!(recognise(b"%PDF-1.7\n...").unwrap(), PDF);
        assert_eq!(recognise(b"\x89PNG\r\n\x1a\n....").unwrap(), PNG);
        assert_eq!(
            recognise("Checklist:\n- gloves\n- goggles ✓\n".as_bytes()).unwrap(),
            TEXT
        );
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend_from_slice(&[0; 26]);
        docx.extend_from_slice(b"[Content_Types].xml....word/document.xml");
        assert_eq!(recognise(&docx).unwrap(), DOCX);
    }

    #[test]
    fn refuses_programs_and_unknown_binaries() {
        assert!(
            recognise(b"MZ\x90\x00\x03")
                .unwrap_err()
                .contains("programs")
        );
        assert!(
            recognise(b"\x7fELF\x02\x01\x01")
                .unwrap_err()
                .contains("programs")
        );
        assert!(recognise(b"#!/bin/sh\nrm -rf /\n").is_err());
        assert!(recognise(&[0, 1, 2, 3, 200, 201]).is_err());
        let mut plain_zip = b"PK\x03\x04".to_vec();
        plain_zip.extend_from_slice(&[0; 26]);
        plain_zip.extend_from_slice(b"payload.exe");
        assert!(recognise(&plain_zip).is_err());
        assert!(recognise(b"").is_err());
    }

    #[test]
    fn names_get_a_fitting_extension() {
        assert_eq!(with_fitting_extension("notes.exe", PDF), "notes.exe.pdf");
        assert_eq!(with_fitting_extension("Notes.PDF", PDF), "Notes.PDF");
        assert_eq!(with_fitting_extension("photo.jpeg", JPEG), "photo.jpeg");
    }
}
