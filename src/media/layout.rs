//! Where a video's files live in the store and what its renditions are called. The one place
//! that spells the layout: the transcoder writes by it, delivery reads by it, deletion clears it.
//!
//! ```text
//! videos/{id}/hls/master.m3u8
//! videos/{id}/hls/{rendition}/index.m3u8, init.mp4, seg_00000.m4s …   rendition: 720p, audio
//! videos/{id}/poster.jpg
//! videos/{id}/storyboard/storyboard.vtt, sheet_000.jpg …
//! videos/{id}/captions/{language}.vtt
//! ```

use crate::storage::{ObjectKey, Store, StoreError};

/// The rendition of an audio-only source.
pub const AUDIO: &str = "audio";
/// A rendition's media playlist, in its folder.
pub const MEDIA_PLAYLIST: &str = "index.m3u8";
/// The master playlist, relative to the video's folder.
pub const MASTER: &str = "hls/master.m3u8";
/// The poster, relative to the video's folder.
pub const POSTER: &str = "poster.jpg";

/// A video rendition's name: its short side in lines, `720p` (portrait or landscape alike).
pub fn rendition_name(width: u32, height: u32) -> String {
    format!("{}p", width.min(height))
}

/// Whether `name` is a rendition name this layout can hold: `720p` or `audio`.
pub fn is_rendition_name(name: &str) -> bool {
    name == AUDIO
        || name
            .strip_suffix('p')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A file of a rendition, relative to the video's folder: `hls/720p/seg_00001.m4s`.
pub fn rendition_file(rendition: &str, file: &str) -> String {
    format!("hls/{rendition}/{file}")
}

/// A storyboard file, relative to the video's folder: `storyboard/sheet_000.jpg`.
pub fn storyboard_file(file: &str) -> String {
    format!("storyboard/{file}")
}

/// The store keys of one video's derived files.
#[derive(Clone, Debug)]
pub struct VideoObjects {
    /// `videos/{id}/`
    prefix: String,
}

impl VideoObjects {
    pub fn of(video_id: &str) -> VideoObjects {
        VideoObjects {
            prefix: format!("videos/{video_id}/"),
        }
    }

    /// The folder every derived file of the video is under.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The key of a file given relative to the video's folder (see the functions above).
    pub fn key(&self, relative: &str) -> Result<ObjectKey, StoreError> {
        ObjectKey::new(format!("{}{relative}", self.prefix))
    }

    pub fn master(&self) -> Result<ObjectKey, StoreError> {
        self.key(MASTER)
    }

    pub fn rendition(&self, rendition: &str, file: &str) -> Result<ObjectKey, StoreError> {
        self.key(&rendition_file(rendition, file))
    }

    pub fn poster(&self) -> Result<ObjectKey, StoreError> {
        self.key(POSTER)
    }

    /// Whether `key` is one of the transcoder's files (the HLS renditions, the poster, the
    /// storyboard), which each transcode run makes afresh; not the captions people send.
    pub fn is_transcoded(&self, key: &str) -> bool {
        key.strip_prefix(&self.prefix).is_some_and(|relative| {
            relative.starts_with("hls/")
                || relative.starts_with("storyboard/")
                || relative == POSTER
        })
    }

    /// The WebVTT file of the captions in `language` (a tag such as `pt-BR`).
    pub fn captions(&self, language: &str) -> Result<ObjectKey, StoreError> {
        self.key(&format!("captions/{language}.vtt"))
    }

    pub fn storyboard(&self, file: &str) -> Result<ObjectKey, StoreError> {
        self.key(&storyboard_file(file))
    }

    /// Deletes every derived file of the video, then the given other objects of it (its
    /// source, its handouts).
    pub async fn delete_all(&self, store: &dyn Store, others: &[String]) -> Result<(), StoreError> {
        for object in store.list(&self.prefix).await? {
            store.delete(&ObjectKey::new(object.key)?).await?;
        }
        for key in others {
            store.delete(&ObjectKey::new(key.clone())?).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_are_not_the_transcoders_files() {
        let objects = VideoObjects::of("v1");
        for key in [
            "videos/v1/hls/master.m3u8",
            "videos/v1/poster.jpg",
            "videos/v1/storyboard/sheet_0.jpg",
        ] {
            assert!(objects.is_transcoded(key), "{key}");
        }
        for key in [
            "videos/v1/captions/en.vtt",
            "videos/v12/poster.jpg",
            "uploads/v1/source",
        ] {
            assert!(!objects.is_transcoded(key), "{key}");
        }
    }

    #[test]
    fn keys_follow_the_layout() {
        let objects = VideoObjects::of("v1");
        assert_eq!(
            objects.master().unwrap().as_str(),
            "videos/v1/hls/master.m3u8"
        );
        assert_eq!(
            objects.rendition("720p", MEDIA_PLAYLIST).unwrap().as_str(),
            "videos/v1/hls/720p/index.m3u8"
        );
        assert_eq!(objects.poster().unwrap().as_str(), "videos/v1/poster.jpg");
        assert_eq!(
            objects.storyboard("sheet_000.jpg").unwrap().as_str(),
            "videos/v1/storyboard/sheet_000.jpg"
        );
        assert!(objects.rendition("..", "x").is_err());
    }

    #[test]
    fn renditions_are_named_by_their_short_side() {
        assert_eq!(rendition_name(1280, 720), "720p");
        assert_eq!(rendition_name(1080, 1920), "1080p");
        assert!(is_rendition_name("720p") && is_rendition_name(AUDIO));
        assert!(!is_rendition_name("p") && !is_rendition_name("..") && !is_rendition_name("720"));
    }
}
