//! Publishing a transcode to the store while it runs: finished segments first, then the
//! playlists that name them, so a player never sees a playlist entry whose segment is missing.
//! The master playlist is written by us, with the ladder's BANDWIDTH, AVERAGE-BANDWIDTH,
//! RESOLUTION, CODECS and FRAME-RATE.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use bytes::Bytes;

use super::plan::{AUDIO_BITRATE, Plan};
use crate::media::layout::{self, VideoObjects};
use crate::storage::{self, ObjectKey, Store, StoreError};

/// Keeps a video's store prefix in step with a transcode's output folder.
pub struct Publisher<'a> {
    store: &'a dyn Store,
    out: PathBuf,
    objects: VideoObjects,
    /// Relative path → size of what was uploaded (playlists: their last content).
    uploaded: HashMap<String, Vec<u8>>,
}

/// What a rendition's playlist says: its media files and their durations.
struct Playlist {
    init: Option<String>,
    segments: Vec<(String, f64)>,
    ended: bool,
}

fn parse_playlist(text: &str) -> Playlist {
    let mut init = None;
    let mut segments = Vec::new();
    let mut duration = 0.0;
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("#EXT-X-MAP:") {
            init = rest
                .split("URI=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(str::to_owned);
        } else if let Some(rest) = line.strip_prefix("#EXTINF:") {
            duration = rest
                .split(',')
                .next()
                .and_then(|d| d.parse().ok())
                .unwrap_or(0.0);
        } else if !line.is_empty() && !line.starts_with('#') {
            segments.push((line.to_owned(), duration));
        }
    }
    Playlist {
        init,
        segments,
        ended: text.contains("#EXT-X-ENDLIST"),
    }
}

/// A media file name the muxer may have written: a plain name in the rendition's folder.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && !name.contains('/') && !name.contains("..") && !name.contains(':')
}

impl<'a> Publisher<'a> {
    pub fn new(store: &'a dyn Store, out: &Path, video_id: &str) -> Publisher<'a> {
        Publisher {
            store,
            out: out.to_owned(),
            objects: VideoObjects::of(video_id),
            uploaded: HashMap::new(),
        }
    }

    fn key(&self, relative: &str) -> Result<ObjectKey, StoreError> {
        self.objects.key(relative)
    }

    async fn put_file_once(&mut self, relative: &str, path: &Path) -> Result<(), StoreError> {
        if self.uploaded.contains_key(relative) {
            return Ok(());
        }
        storage::put_file(self.store, &self.key(relative)?, path).await?;
        self.uploaded.insert(relative.to_owned(), Vec::new());
        Ok(())
    }

    async fn put_text(&mut self, relative: &str, text: Vec<u8>) -> Result<(), StoreError> {
        if self.uploaded.get(relative) == Some(&text) {
            return Ok(());
        }
        storage::put_bytes(self.store, &self.key(relative)?, Bytes::from(text.clone())).await?;
        self.uploaded.insert(relative.to_owned(), text);
        Ok(())
    }

    /// Uploads what the muxers finished since the last call. Returns whether every rendition has
    /// at least one segment in the store (the video is playable).
    pub async fn sync(&mut self, renditions: &[String]) -> Result<bool, StoreError> {
        let mut all_started = !renditions.is_empty();
        for name in renditions {
            let dir = self.out.join(name);
            let Ok(text) = tokio::fs::read(dir.join(layout::MEDIA_PLAYLIST)).await else {
                all_started = false;
                continue;
            };
            let playlist = parse_playlist(&String::from_utf8_lossy(&text));
            if playlist.segments.is_empty() {
                all_started = false;
                continue;
            }
            let files = playlist
                .init
                .iter()
                .cloned()
                .chain(playlist.segments.iter().map(|(s, _)| s.clone()));
            for file in files.collect::<Vec<_>>() {
                if !is_plain_name(&file) {
                    return Err(StoreError::Refused(format!(
                        "unexpected media name {file:?} in a playlist"
                    )));
                }
                self.put_file_once(&layout::rendition_file(name, &file), &dir.join(&file))
                    .await?;
            }
            self.put_text(&layout::rendition_file(name, layout::MEDIA_PLAYLIST), text)
                .await?;
        }
        Ok(all_started)
    }

    /// Writes the master playlist. With `measured`, bandwidths come from the segments written
    /// (peak and average); otherwise from the plan.
    pub async fn write_master(
        &mut self,
        plan: &Plan,
        renditions: &[String],
        measured: bool,
    ) -> Result<(), StoreError> {
        let mut master = String::from("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        let audio = if plan.has_audio { AUDIO_BITRATE } else { 0 };
        if plan.rungs.is_empty() {
            let (peak, average) = self
                .measure(layout::AUDIO)
                .await
                .filter(|_| measured)
                .unwrap_or((audio, audio));
            let _ = write!(
                master,
                "#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},CODECS=\"mp4a.40.2\"\naudio/index.m3u8\n"
            );
        }
        for (rung, name) in plan.rungs.iter().zip(renditions) {
            let nominal = (rung.maxrate + audio, rung.bitrate + audio);
            let (peak, average) = self
                .measure(name)
                .await
                .filter(|_| measured)
                .unwrap_or(nominal);
            let codecs = if plan.has_audio {
                rung.codecs()
            } else {
                rung.codecs().replace(",mp4a.40.2", "")
            };
            let _ = write!(
                master,
                "#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},RESOLUTION={}x{},\
                 CODECS=\"{codecs}\",FRAME-RATE={:.3}\n{name}/index.m3u8\n",
                rung.width,
                rung.height,
                f64::from(plan.fps),
            );
        }
        self.put_text(layout::MASTER, master.into_bytes()).await
    }

    /// Peak and average bits per second of a rendition's segments, from their sizes.
    async fn measure(&self, name: &str) -> Option<(u64, u64)> {
        let dir = self.out.join(name);
        let text = tokio::fs::read_to_string(dir.join(layout::MEDIA_PLAYLIST))
            .await
            .ok()?;
        let playlist = parse_playlist(&text);
        let (mut peak, mut bits, mut seconds) = (0f64, 0f64, 0f64);
        for (file, duration) in &playlist.segments {
            let size = tokio::fs::metadata(dir.join(file)).await.ok()?.len() as f64 * 8.0;
            if *duration > 0.5 {
                peak = peak.max(size / duration);
            }
            bits += size;
            seconds += duration;
        }
        (seconds > 0.0).then(|| ((peak.max(bits / seconds)) as u64, (bits / seconds) as u64))
    }

    /// Uploads a finished file (poster, storyboard sheet) under the video's prefix.
    pub async fn put_extra(&mut self, relative: &str, path: &Path) -> Result<(), StoreError> {
        self.put_file_once(relative, path).await
    }

    /// Deletes objects under the video's prefix that this run did not produce (left by an
    /// earlier, interrupted run), so nothing is orphaned.
    pub async fn remove_strays(&self) -> Result<usize, StoreError> {
        let produced: HashSet<String> = self
            .uploaded
            .keys()
            .map(|k| format!("{}{k}", self.objects.prefix()))
            .collect();
        let mut removed = 0;
        for object in self.store.list(self.objects.prefix()).await? {
            if !produced.contains(&object.key) {
                self.store.delete(&ObjectKey::new(object.key)?).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Whether every rendition's uploaded playlist is final.
    pub fn all_ended(&self, renditions: &[String]) -> bool {
        renditions.iter().all(|name| {
            self.uploaded
                .get(&layout::rendition_file(name, layout::MEDIA_PLAYLIST))
                .is_some_and(|text| parse_playlist(&String::from_utf8_lossy(text)).ended)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playlists_are_read_for_their_media() {
        let text = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-PLAYLIST-TYPE:EVENT\n\
                    #EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:4.000000,\nseg_00000.m4s\n#EXTINF:1.5,\nseg_00001.m4s\n";
        let playlist = parse_playlist(text);
        assert_eq!(playlist.init.as_deref(), Some("init.mp4"));
        assert_eq!(
            playlist.segments,
            [
                ("seg_00000.m4s".to_owned(), 4.0),
                ("seg_00001.m4s".to_owned(), 1.5)
            ]
        );
        assert!(!playlist.ended);
        assert!(parse_playlist("#EXT-X-ENDLIST\n").ended);
        assert!(
            !is_plain_name("../../etc/passwd")
                && !is_plain_name("http://x/y")
                && is_plain_name("seg_1.m4s")
        );
    }
}
