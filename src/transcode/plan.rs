//! The ladder: which renditions a source becomes, at what size and bitrate. Pure arithmetic on
//! the probe's findings, so it is tested without FFmpeg.

use super::probe::Probe;

/// The rungs, by their short side in lines.
pub const LADDER: [u32; 5] = [240, 360, 480, 720, 1080];
/// Every segment is this long (the keyframe interval of every rung).
pub const SEGMENT_SECONDS: u32 = 4;
/// The audio of every rendition: AAC-LC stereo.
pub const AUDIO_BITRATE: u64 = 128_000;
/// The highest output frame rate; faster sources are halved in rate, not in smoothness.
pub const MAX_FPS: u32 = 30;

/// One rendition to encode.
#[derive(Clone, Debug, PartialEq)]
pub struct Rung {
    pub width: u32,
    pub height: u32,
    /// Average video bits per second.
    pub bitrate: u64,
    /// Peak video bits per second (VBV maximum).
    pub maxrate: u64,
    /// The H.264 level, times ten (31 = 3.1).
    pub level: u32,
}

impl Rung {
    /// The name of its folder and playlist: the short side, `720p`.
    pub fn name(&self) -> String {
        crate::media::layout::rendition_name(self.width, self.height)
    }

    /// The RFC 6381 codec string of this rung with its audio.
    pub fn codecs(&self) -> String {
        format!("avc1.6400{:02x},mp4a.40.2", self.level)
    }
}

/// What to make of a source.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Empty for audio-only sources.
    pub rungs: Vec<Rung>,
    /// The constant output frame rate.
    pub fps: u32,
    pub has_audio: bool,
}

/// Bits per pixel: about 0.17 at 240 lines, falling linearly to 0.10 at 1080.
fn bits_per_pixel(lines: u32) -> f64 {
    let t = (f64::from(lines.clamp(240, 1080)) - 240.0) / (1080.0 - 240.0);
    0.17 + t * (0.10 - 0.17)
}

fn even(n: f64) -> u32 {
    ((n / 2.0).round() as u32 * 2).max(2)
}

fn h264_level(width: u32, height: u32, fps: u32) -> u32 {
    let macroblocks_per_s = width.div_ceil(16) * height.div_ceil(16) * fps;
    match macroblocks_per_s {
        0..=40_500 => 30,
        40_501..=108_000 => 31,
        108_001..=245_760 => 40,
        _ => 42,
    }
}

/// Plans the renditions of `probe`'s source, up to `max_lines` on the short side.
pub fn plan(probe: &Probe, max_lines: u32) -> Plan {
    let Some(video) = &probe.video else {
        return Plan {
            rungs: Vec::new(),
            fps: MAX_FPS,
            has_audio: probe.audio.is_some(),
        };
    };
    let fps = (video.frame_rate.round() as u32).clamp(1, 120);
    let fps = if fps > MAX_FPS {
        fps.div_ceil(2).min(MAX_FPS)
    } else {
        fps
    };
    let (width, height) = video.display_size();
    let short = width.min(height);
    let top = short.min(max_lines);
    let mut lines: Vec<u32> = LADDER.iter().copied().filter(|l| *l < top).collect();
    // The source's own size (made even) when it is not a ladder step, so nothing is lost.
    lines.push(top - top % 2);
    lines.dedup();

    let rungs = lines
        .into_iter()
        .map(|l| {
            let scale = f64::from(l) / f64::from(short);
            let (w, h) = (
                even(f64::from(width) * scale),
                even(f64::from(height) * scale),
            );
            let mut bitrate =
                (f64::from(w) * f64::from(h) * f64::from(fps) * bits_per_pixel(l)) as u64;
            if let Some(source) = video.bitrate.filter(|b| *b > 0) {
                bitrate = bitrate.min(source * 13 / 10);
            }
            let bitrate = bitrate.max(100_000);
            Rung {
                width: w,
                height: h,
                bitrate,
                maxrate: bitrate * 3 / 2,
                level: h264_level(w, h, fps),
            }
        })
        .collect();
    Plan {
        rungs,
        fps,
        has_audio: probe.audio.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcode::probe::{Probe, VideoInfo};

    fn source(width: u32, height: u32, rotation: i32, fps: f64, bitrate: Option<u64>) -> Probe {
        Probe {
            container: "mov,mp4".into(),
            duration_s: 60.0,
            video: Some(VideoInfo {
                codec: "h264".into(),
                width,
                height,
                rotation,
                frame_rate: fps,
                variable_frame_rate: false,
                hdr: None,
                bitrate,
            }),
            audio: None,
        }
    }

    #[test]
    fn landscape_1080p_gets_the_whole_ladder() {
        let plan = plan(&source(1920, 1080, 0, 29.97, None), 1080);
        let sizes: Vec<(u32, u32)> = plan.rungs.iter().map(|r| (r.width, r.height)).collect();
        assert_eq!(
            sizes,
            [
                (426, 240),
                (640, 360),
                (854, 480),
                (1280, 720),
                (1920, 1080)
            ]
        );
        assert_eq!(plan.fps, 30);
        // 0.17 bpp at 240p, 0.10 at 1080p.
        assert_eq!(plan.rungs[0].bitrate, (426.0 * 240.0 * 30.0 * 0.17) as u64);
        assert_eq!(
            plan.rungs[4].bitrate,
            (1920.0 * 1080.0 * 30.0 * 0.10) as u64
        );
        assert_eq!(plan.rungs[4].codecs(), "avc1.640028,mp4a.40.2");
    }

    #[test]
    fn rotated_portrait_keeps_its_orientation_and_odd_sizes_become_even() {
        // Stored 1920x1080 with a 90 degree display rotation: shown 1080x1920.
        let plan = plan(&source(1920, 1080, 90, 30.0, None), 720);
        let last = plan.rungs.last().unwrap();
        assert_eq!((last.width, last.height), (720, 1280));
        let odd = super::plan(&source(1079, 1919, 0, 30.0, None), 1080);
        assert!(
            odd.rungs
                .iter()
                .all(|r| r.width % 2 == 0 && r.height % 2 == 0)
        );
        let top = odd.rungs.last().unwrap();
        assert_eq!((top.width, top.height), (1078, 1918));
        assert!(odd.rungs.iter().all(|r| r.width <= 1079));
    }

    #[test]
    fn never_above_the_source_and_capped_by_its_bitrate() {
        let plan = plan(&source(320, 180, 0, 60.0, Some(200_000)), 1080);
        assert_eq!(plan.rungs.len(), 1);
        assert_eq!((plan.rungs[0].width, plan.rungs[0].height), (320, 180));
        assert_eq!(plan.fps, 30);
        assert_eq!(plan.rungs[0].bitrate, 260_000);
    }

    #[test]
    fn audio_only_has_no_rungs() {
        let probe = Probe {
            video: None,
            ..source(1, 1, 0, 1.0, None)
        };
        assert!(plan(&probe, 1080).rungs.is_empty());
    }
}
