//! Publishing a transcode to the store while it runs: finished segments first, then the
//! playlists that name them, so a player never sees a playlist entry whose segment is missing.
//!
//! Each muxer keeps only a short window of its latest segments in its own playlist (FFmpeg's HLS
//! muxer holds about 9 KiB for every segment it lists, so a full list grows with the source's
//! length); the publisher reads the window, remembers every segment in a few bytes, and writes
//! each rendition's full EVENT playlist itself. The pipeline never runs further ahead of what is
//! published than [`super::pipeline::MAX_AHEAD_S`], so no segment leaves the window unseen.
//! The master playlist is written by us too, with the ladder's BANDWIDTH, AVERAGE-BANDWIDTH,
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
    /// Rendition name → every segment published so far.
    tracks: HashMap<String, Playlist>,
}

/// What a rendition's playlist says: its media files and their durations, the first being the
/// `sequence`th of the rendition.
#[derive(Default)]
struct Playlist {
    init: Option<String>,
    sequence: usize,
    segments: Vec<(String, f64)>,
    ended: bool,
}

impl Playlist {
    /// The playlist as players read it: every segment, ended or still growing.
    fn text(&self) -> String {
        let target = self
            .segments
            .iter()
            .map(|(_, d)| d.round() as u64)
            .max()
            .unwrap_or(0)
            .max(1);
        let mut text = format!(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:{target}\n#EXT-X-MEDIA-SEQUENCE:0\n\
             #EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-INDEPENDENT-SEGMENTS\n"
        );
        if let Some(init) = &self.init {
            let _ = writeln!(text, "#EXT-X-MAP:URI=\"{init}\"");
        }
        for (name, duration) in &self.segments {
            let _ = write!(text, "#EXTINF:{duration:.6},\n{name}\n");
        }
        if self.ended {
            text.push_str("#EXT-X-ENDLIST\n");
        }
        text
    }

    fn seconds(&self) -> f64 {
        self.segments.iter().map(|(_, d)| d).sum()
    }
}

fn parse_playlist(text: &str) -> Playlist {
    let mut init = None;
    let mut sequence = 0;
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
        } else if let Some(rest) = line.strip_prefix("#EXT-X-MEDIA-SEQUENCE:") {
            sequence = rest.parse().unwrap_or(0);
        }
    }
    Playlist {
        init,
        sequence,
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
            tracks: HashMap::new(),
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
            let window = parse_playlist(&String::from_utf8_lossy(&text));
            let mut track = self.tracks.remove(name).unwrap_or_default();
            let result = self.follow(name, &dir, &window, &mut track).await;
            all_started &= !track.segments.is_empty();
            self.tracks.insert(name.clone(), track);
            result?;
        }
        Ok(all_started)
    }

    /// Uploads the media of a muxer's `window` that `track` has not seen, then the rendition's
    /// playlist naming them.
    async fn follow(
        &mut self,
        name: &str,
        dir: &Path,
        window: &Playlist,
        track: &mut Playlist,
    ) -> Result<(), StoreError> {
        if window.sequence > track.segments.len() {
            return Err(StoreError::Io(std::io::Error::other(format!(
                "segments of {name} left the muxer's playlist before they were published"
            ))));
        }
        let new = window
            .segments
            .iter()
            .skip(track.segments.len() - window.sequence);
        let files: Vec<&String> = window
            .init
            .iter()
            .chain(new.clone().map(|(s, _)| s))
            .collect();
        for file in files {
            if !is_plain_name(file) {
                return Err(StoreError::Refused(format!(
                    "unexpected media name {file:?} in a playlist"
                )));
            }
            self.put_file_once(&layout::rendition_file(name, file), &dir.join(file))
                .await?;
        }
        track.init.clone_from(&window.init);
        track.segments.extend(new.cloned());
        track.ended = window.ended;
        if !track.segments.is_empty() {
            let text = track.text().into_bytes();
            self.put_text(&layout::rendition_file(name, layout::MEDIA_PLAYLIST), text)
                .await?;
        }
        Ok(())
    }

    /// How many seconds of every rendition are published.
    pub fn published_seconds(&self, renditions: &[String]) -> f64 {
        renditions
            .iter()
            .map(|name| self.tracks.get(name).map_or(0.0, Playlist::seconds))
            .reduce(f64::min)
            .unwrap_or(0.0)
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
        let track = self.tracks.get(name)?;
        let (mut peak, mut bits, mut seconds) = (0f64, 0f64, 0f64);
        for (file, duration) in &track.segments {
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

    /// Deletes the transcoder's files under the video's prefix that this run did not produce
    /// (left by an earlier, interrupted run), so nothing is orphaned. Captions sent meanwhile
    /// stay.
    pub async fn remove_strays(&self) -> Result<usize, StoreError> {
        let produced: HashSet<String> = self
            .uploaded
            .keys()
            .map(|k| format!("{}{k}", self.objects.prefix()))
            .collect();
        let mut removed = 0;
        for object in self.store.list(self.objects.prefix()).await? {
            if self.objects.is_transcoded(&object.key) && !produced.contains(&object.key) {
                self.store.delete(&ObjectKey::new(object.key)?).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Whether every rendition's uploaded playlist is final.
    pub fn all_ended(&self, renditions: &[String]) -> bool {
        renditions.iter().all(|name| {
            self.tracks
                .get(name)
                .is_some_and(|track| track.ended && !track.segments.is_empty())
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

    /// A muxer's window of `size` segments ending with segment `last` (4 s each), and the files.
    fn window(dir: &Path, last: usize, size: usize, ended: bool) -> String {
        let first = (last + 1).saturating_sub(size);
        let mut text = format!(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:{first}\n\
             #EXT-X-MAP:URI=\"init.mp4\"\n"
        );
        std::fs::write(dir.join("init.mp4"), b"init").unwrap();
        for n in first..=last {
            let name = format!("seg_{n:05}.m4s");
            std::fs::write(dir.join(&name), format!("segment {n}")).unwrap();
            text.push_str(&format!("#EXTINF:4.000000,\n{name}\n"));
        }
        if ended {
            text.push_str("#EXT-X-ENDLIST\n");
        }
        std::fs::write(dir.join(layout::MEDIA_PLAYLIST), &text).unwrap();
        text
    }

    #[tokio::test]
    async fn every_segment_is_published_though_the_muxer_lists_only_its_latest() {
        let root = tempfile::tempdir().unwrap();
        let store = crate::storage::fs::FsStore::new(root.path().join("store")).unwrap();
        let out = root.path().join("out");
        let dir = out.join("360p");
        std::fs::create_dir_all(&dir).unwrap();
        let names = vec!["360p".to_owned()];
        let mut publisher = Publisher::new(&store, &out, "v1");

        // The window moves by up to its size between two looks.
        for (last, ended) in [(2, false), (7, false), (11, false), (16, true)] {
            window(&dir, last, 5, ended);
            assert!(publisher.sync(&names).await.unwrap());
        }
        assert!(publisher.all_ended(&names));
        assert_eq!(publisher.published_seconds(&names), 68.0);
        let key = publisher
            .key(&layout::rendition_file("360p", layout::MEDIA_PLAYLIST))
            .unwrap();
        let text = crate::storage::read_small(&store, &key, 1 << 20)
            .await
            .unwrap();
        let text = String::from_utf8(text).unwrap();
        let playlist = parse_playlist(&text);
        assert_eq!(playlist.sequence, 0);
        assert_eq!(playlist.segments.len(), 17);
        assert!(playlist.ended && text.contains("#EXT-X-PLAYLIST-TYPE:EVENT"));
        for (n, (name, duration)) in playlist.segments.iter().enumerate() {
            assert_eq!(name, &format!("seg_{n:05}.m4s"));
            assert_eq!(*duration, 4.0);
            let key = publisher
                .key(&layout::rendition_file("360p", name))
                .unwrap();
            assert!(store.head(&key).await.is_ok(), "{name} is in the store");
        }

        // A window that moved past segments never seen is an error, not a hole in the playlist.
        let mut late = Publisher::new(&store, &out, "v2");
        window(&dir, 2, 5, false);
        late.sync(&names).await.unwrap();
        window(&dir, 9, 5, false);
        assert!(late.sync(&names).await.is_err());
    }
}
