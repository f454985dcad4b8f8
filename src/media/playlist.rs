//! Per-request rewriting of HLS playlists: appending a playback token to every URI (so a
//! token-holder's player carries it on), or pointing media URIs at presigned store URLs.

/// Rewrites every URI of a playlist (URI lines and `URI="..."` attributes) with `map`.
pub fn rewrite_uris(playlist: &str, mut map: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(playlist.len() + 256);
    for line in playlist.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.push('\n');
            continue;
        }
        if !trimmed.starts_with('#') {
            out.push_str(&map(trimmed));
        } else if let Some(start) = trimmed.find("URI=\"") {
            let value_start = start + 5;
            let value_end = trimmed[value_start..]
                .find('"')
                .map_or(trimmed.len(), |e| value_start + e);
            out.push_str(&trimmed[..value_start]);
            out.push_str(&map(&trimmed[value_start..value_end]));
            out.push_str(&trimmed[value_end..]);
        } else {
            out.push_str(trimmed);
        }
        out.push('\n');
    }
    out
}

/// Every URI a playlist names (media playlists: the init segment and the segments), in order.
pub fn uris(playlist: &str) -> Vec<String> {
    let mut uris = Vec::new();
    rewrite_uris(playlist, |uri| {
        uris.push(uri.to_owned());
        uri.to_owned()
    });
    uris
}

/// Appends `token=…` to a relative URI.
pub fn with_token(uri: &str, token: &str) -> String {
    let separator = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{separator}token={token}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_uri_lines_and_map_attributes() {
        let media =
            "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:4.0,\nseg_00000.m4s\n#EXT-X-ENDLIST\n";
        let out = rewrite_uris(media, |u| with_token(u, "T"));
        assert_eq!(
            out,
            "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4?token=T\"\n#EXTINF:4.0,\nseg_00000.m4s?token=T\n#EXT-X-ENDLIST\n"
        );
        let master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1.64001e,mp4a.40.2\"\n180p/index.m3u8\n";
        assert!(
            rewrite_uris(master, |u| format!("https://cdn/{u}"))
                .ends_with("https://cdn/180p/index.m3u8\n")
        );
    }
}
