//! Captions as trainers send them (WebVTT or SRT, UTF-8, UTF-16 or Latin-1) read into cues and
//! written back as one plain WebVTT file, the HLS subtitle playlist that names it, and the
//! master playlist's subtitle renditions. Pure text in, text out: the routes are in
//! `http::captions`.

use std::fmt::Write;

/// The largest caption file accepted: an hour of dense speech is about 100 KiB.
pub const MAX_CAPTION_BYTES: usize = 2 * 1024 * 1024;
/// The most cues one file may hold.
pub const MAX_CUES: usize = 20_000;
/// A cue's text is cut to this many characters.
const MAX_CUE_CHARS: usize = 1000;

pub use crate::db::captions::Cue;

/// Reads a WebVTT or SRT file into its cues, in time order. Cues without text or that end
/// before they start are left out; styling tags are dropped (the text is kept). The error is a
/// sentence for the person who sent the file.
pub fn parse(bytes: &[u8]) -> Result<Vec<Cue>, String> {
    if bytes.len() > MAX_CAPTION_BYTES {
        return Err(format!(
            "the caption file is larger than {} MiB",
            MAX_CAPTION_BYTES >> 20
        ));
    }
    let text = decode(bytes)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut cues = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((number, line)) = lines.next() {
        let line = line.trim();
        if !line.contains("-->") {
            // Headers, cue numbers and identifiers, NOTE, STYLE and REGION blocks.
            if ["NOTE", "STYLE", "REGION"]
                .iter()
                .any(|block| line.starts_with(block))
            {
                while lines.next_if(|(_, l)| !l.trim().is_empty()).is_some() {}
            }
            continue;
        }
        let (start_ms, end_ms) = timing(line).ok_or_else(|| {
            format!(
                "line {}: “{}” is not a cue timing such as “00:01:02.500 --> 00:01:05.000”",
                number + 1,
                shorten(line)
            )
        })?;
        let mut body = Vec::new();
        while let Some((_, l)) = lines.next_if(|(_, l)| !l.trim().is_empty()) {
            body.push(plain(l));
        }
        let text: String = body
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
            .chars()
            .take(MAX_CUE_CHARS)
            .collect();
        if text.is_empty() || end_ms <= start_ms {
            continue;
        }
        if cues.len() == MAX_CUES {
            return Err(format!("the caption file has more than {MAX_CUES} cues"));
        }
        cues.push(Cue {
            start_ms,
            end_ms,
            text,
        });
    }
    if cues.is_empty() {
        return Err(
            "the file holds no captions: expected WebVTT or SRT cues such as \
                    “00:00:01.000 --> 00:00:04.000” followed by their text"
                .into(),
        );
    }
    cues.sort_by_key(|c| (c.start_ms, c.end_ms));
    Ok(cues)
}

/// The file's text: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or else
/// Latin-1 (what older SRT files often are). Binary files are refused.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| from([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&units).map_err(|_| "the caption file is not valid UTF-16".to_owned())
    };
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
        },
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err("this is not a caption file: send WebVTT (.vtt) or SubRip (.srt) text".into());
    }
    Ok(text)
}

/// `00:01:02.500 --> 00:01:05.000 line:90%` (WebVTT) or `00:01:02,500 --> 00:01:05,000` (SRT).
fn timing(line: &str) -> Option<(i64, i64)> {
    let (start, rest) = line.split_once("-->")?;
    let end = rest.split_whitespace().next()?;
    Some((timestamp(start.trim())?, timestamp(end)?))
}

/// `hh:mm:ss.mmm` or `mm:ss.mmm` (SRT: a comma) in milliseconds; minutes and seconds two digits.
fn timestamp(text: &str) -> Option<i64> {
    let digits = |part: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i64>().ok())
            .flatten()
    };
    let (clock, fraction) = text.split_once(['.', ','])?;
    let millis = digits(fraction, 1..=3)? * 10_i64.pow(3 - fraction.len() as u32);
    let (hours, minutes, seconds) = match clock.split(':').collect::<Vec<_>>()[..] {
        [m, s] => (0, digits(m, 2..=2)?, digits(s, 2..=2)?),
        [h, m, s] => (digits(h, 1..=4)?, digits(m, 2..=2)?, digits(s, 2..=2)?),
        _ => return None,
    };
    if minutes > 59 || seconds > 59 {
        return None;
    }
    Some(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

/// A cue line without markup: WebVTT and HTML tags (`<i>`, `<font …>`), SubStation overrides
/// (`{\an8}`) and the entities players would show literally.
fn plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut skip_until = None;
    for c in line.chars() {
        match (skip_until, c) {
            (Some(end), c) if c == end => skip_until = None,
            (Some(_), _) => {}
            (None, '<') => skip_until = Some('>'),
            (None, '{') if line.contains("{\\") => skip_until = Some('}'),
            (None, c) => out.push(c),
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
}

fn shorten(line: &str) -> String {
    let mut short: String = line.chars().take(60).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    short
}

/// `hh:mm:ss.mmm`, as WebVTT writes times.
fn clock(ms: i64) -> String {
    let (hours, rest) = (ms / 3_600_000, ms % 3_600_000);
    format!(
        "{hours:02}:{:02}:{:02}.{:03}",
        rest / 60_000,
        rest % 60_000 / 1000,
        rest % 1000
    )
}

/// The cues as one WebVTT file, text escaped so nothing in it reads as markup.
pub fn to_webvtt(cues: &[Cue]) -> String {
    let mut out = String::from("WEBVTT\n\n");
    for cue in cues {
        let text = cue
            .text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let _ = write!(
            out,
            "{} --> {}\n{text}\n\n",
            clock(cue.start_ms),
            clock(cue.end_ms)
        );
    }
    out
}

/// A language tag as players expect it (`en`, `pt-BR`, `zh-Hant`), or `None` when it is not one.
pub fn language_tag(tag: &str) -> Option<String> {
    let mut parts = tag.trim().split(['-', '_']);
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    for (index, part) in parts.enumerate() {
        if index == 3
            || !(2..=8).contains(&part.len())
            || !part.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return None;
        }
        out.push('-');
        match part.len() {
            2 => out.push_str(&part.to_ascii_uppercase()),
            4 => {
                out.push_str(&part[..1].to_ascii_uppercase());
                out.push_str(&part[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// The HLS subtitle playlist of one caption file: a single WebVTT segment spanning the video.
pub fn subtitle_playlist(duration_ms: i64, file: &str) -> String {
    let seconds = duration_ms.max(1) as f64 / 1000.0;
    format!(
        "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:{}\n#EXT-X-MEDIA-SEQUENCE:0\n\
         #EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:{seconds:.3},\n{file}\n#EXT-X-ENDLIST\n",
        seconds.ceil() as i64
    )
}

/// The subtitle playlist of the captions in `language`, relative to the master playlist
/// (`/api/v1/videos/{id}/hls/master.m3u8` → `/api/v1/videos/{id}/captions/{language}/index.m3u8`).
pub fn subtitle_playlist_uri(language: &str) -> String {
    format!("../captions/{language}/index.m3u8")
}

/// A caption track as the master playlist names it.
pub struct SubtitleTrack<'a> {
    pub language: &'a str,
    pub label: &'a str,
    /// The subtitle playlist, relative to the master playlist.
    pub uri: String,
}

/// The group every variant's `SUBTITLES` attribute names.
const GROUP: &str = "subs";

/// The master playlist with the caption tracks as `#EXT-X-MEDIA:TYPE=SUBTITLES` renditions and
/// every variant pointing at them. None is the default: captions are off until the viewer turns
/// them on (players pick the viewer's language among them, `AUTOSELECT`).
pub fn with_subtitles(master: &str, tracks: &[SubtitleTrack<'_>]) -> String {
    if tracks.is_empty() {
        return master.to_owned();
    }
    let mut media = String::new();
    for track in tracks {
        let _ = writeln!(
            media,
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"{GROUP}\",NAME=\"{}\",LANGUAGE=\"{}\",\
             DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"{}\"",
            attribute(track.label),
            attribute(track.language),
            track.uri
        );
    }
    let mut out = String::with_capacity(master.len() + media.len() + 256);
    let mut placed = false;
    for line in master.lines() {
        if let Some(variant) = line.strip_prefix("#EXT-X-STREAM-INF:") {
            if !placed {
                out.push_str(&media);
                placed = true;
            }
            let _ = writeln!(out, "#EXT-X-STREAM-INF:{variant},SUBTITLES=\"{GROUP}\"");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A quoted attribute value of a playlist: no quotes, no line breaks.
fn attribute(value: &str) -> String {
    value
        .chars()
        .map(|c| if c == '"' || c.is_control() { '\'' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srt_becomes_plain_webvtt() {
        let srt = "1\r\n00:00:01,000 --> 00:00:03,500\r\n<i>Check the forks</i>\r\nfirst\r\n\r\n\
                   2\r\n00:00:04,000 --> 00:00:06,000\r\n{\\an8}Then the mast & chains\r\n";
        let cues = parse(srt.as_bytes()).unwrap();
        assert_eq!(
            cues,
            vec![
                Cue {
                    start_ms: 1000,
                    end_ms: 3500,
                    text: "Check the forks\nfirst".into()
                },
                Cue {
                    start_ms: 4000,
                    end_ms: 6000,
                    text: "Then the mast & chains".into()
                },
            ]
        );
        assert_eq!(
            to_webvtt(&cues),
            "WEBVTT\n\n00:00:01.000 --> 00:00:03.500\nCheck the forks\nfirst\n\n\
             00:00:04.000 --> 00:00:06.000\nThen the mast &amp; chains\n\n"
        );
    }

    #[test]
    fn webvtt_blocks_settings_and_short_times_are_read() {
        let vtt = "\u{feff}WEBVTT - training\n\nNOTE a note\nover two lines\n\nSTYLE\n::cue { color: red }\n\n\
                   intro\n00:05.250 --> 00:07.000 line:90% align:start\n<v Sam>Hello</v>\n\n\
                   01:00:00.000 --> 01:00:01.000\nLate\n\n00:00:02.000 --> 00:00:01.000\nBackwards\n\n\
                   00:00:03.000 --> 00:00:04.000\n\n";
        let cues = parse(vtt.as_bytes()).unwrap();
        assert_eq!(cues.len(), 2, "{cues:?}");
        assert_eq!((cues[0].start_ms, cues[0].text.as_str()), (5250, "Hello"));
        assert_eq!(cues[1].start_ms, 3_600_000);
    }

    #[test]
    fn latin1_and_utf16_files_are_read() {
        let latin1 = b"00:00:01,000 --> 00:00:02,000\nCaf\xe9\n";
        assert_eq!(parse(latin1).unwrap()[0].text, "Café");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "00:00:01.000 --> 00:00:02.000\nÜber\n".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(parse(&utf16).unwrap()[0].text, "Über");
    }

    #[test]
    fn what_is_not_captions_is_refused_with_a_reason() {
        let bad_timing =
            parse(b"WEBVTT\n\n00:00:01 -> 00:00:02\nHi\n\n1:2:3 --> 00:00:04.000\nHi\n");
        assert!(bad_timing.unwrap_err().starts_with("line 6:"));
        assert!(
            parse(b"WEBVTT\n\nno cues here\n")
                .unwrap_err()
                .contains("holds no captions")
        );
        assert!(
            parse(b"\x00\x00\x00\x18ftypmp42")
                .unwrap_err()
                .contains("not a caption file")
        );
        assert!(parse(b"00:00:01.000 --> 00:00:61.000\nHi\n").is_err());
        assert!(
            parse(&vec![b' '; MAX_CAPTION_BYTES + 1])
                .unwrap_err()
                .contains("larger")
        );
    }

    #[test]
    fn cue_text_cannot_break_out_of_its_cue() {
        let cues = parse(b"00:00:01.000 --> 00:00:02.000\na --&gt; b &lt;script&gt;\n").unwrap();
        let vtt = to_webvtt(&cues);
        assert_eq!(vtt.matches("-->").count(), 1, "{vtt}");
        assert!(vtt.contains("a --&gt; b &lt;script&gt;"), "{vtt}");
    }

    #[test]
    fn language_tags_are_normalised() {
        assert_eq!(language_tag("EN").as_deref(), Some("en"));
        assert_eq!(language_tag("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(language_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        for wrong in ["", "e", "english", "en-", "en-x", "en\"", "de-DE-1996-a-b"] {
            assert_eq!(language_tag(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn the_master_playlist_names_the_tracks_and_every_variant_uses_them() {
        let master = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\
                      #EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=320x180\n180p/index.m3u8\n\
                      #EXT-X-STREAM-INF:BANDWIDTH=2,RESOLUTION=640x360\n360p/index.m3u8\n";
        let tracks = [
            SubtitleTrack {
                language: "en",
                label: "English \"CC\"",
                uri: "../captions/en/index.m3u8".into(),
            },
            SubtitleTrack {
                language: "de",
                label: "Deutsch",
                uri: "../captions/de/index.m3u8".into(),
            },
        ];
        let out = with_subtitles(master, &tracks);
        assert_eq!(
            out.matches("#EXT-X-MEDIA:TYPE=SUBTITLES").count(),
            2,
            "{out}"
        );
        assert!(
            out.contains("NAME=\"English 'CC'\",LANGUAGE=\"en\",DEFAULT=NO"),
            "{out}"
        );
        assert!(out.contains("LANGUAGE=\"de\",DEFAULT=NO"), "{out}");
        assert_eq!(out.matches("SUBTITLES=\"subs\"").count(), 2, "{out}");
        assert!(out.find("TYPE=SUBTITLES").unwrap() < out.find("STREAM-INF").unwrap());
        assert_eq!(with_subtitles(master, &[]), master);
    }

    #[test]
    fn the_subtitle_playlist_spans_the_video() {
        let playlist = subtitle_playlist(12_345, "captions.vtt");
        assert!(
            playlist.contains("#EXT-X-TARGETDURATION:13\n"),
            "{playlist}"
        );
        assert!(
            playlist.contains("#EXTINF:12.345,\ncaptions.vtt\n#EXT-X-ENDLIST"),
            "{playlist}"
        );
    }
}
