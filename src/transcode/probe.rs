//! Probing a source with ffmpeg-next: container, duration, streams, display rotation, colour
//! transfer, frame rate. Untrusted files are opened only as local files, with an allow-list of
//! demuxers and the `file` protocol alone.

use std::path::Path;

use ffmpeg::{Dictionary, media};
use ffmpeg_next as ffmpeg;

/// Demuxers a source may be read with: phone and camera containers, MPEG-TS, and audio formats.
/// Playlist (`hls`), `concat`, `image2` and network demuxers are deliberately absent.
pub const DEMUXERS: &str = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mp3,wav,flac,ogg,aac";

/// The most a source may be, beyond which it is refused before decoding.
pub const MAX_DURATION_S: f64 = 6.0 * 3600.0;
pub const MAX_PIXELS: u64 = 8192 * 8192;

/// What a source holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Probe {
    /// The demuxer's name, such as `mov,mp4,m4a,3gp,3g2,mj2` or `matroska,webm`.
    pub container: String,
    pub duration_s: f64,
    pub video: Option<VideoInfo>,
    pub audio: Option<AudioInfo>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VideoInfo {
    pub codec: String,
    /// Stored size, before rotation.
    pub width: u32,
    pub height: u32,
    /// Clockwise degrees to turn the stored picture to show it upright: 0, 90, 180 or 270.
    pub rotation: i32,
    /// Average frames per second.
    pub frame_rate: f64,
    /// Whether frame timing varies (phones do this in low light).
    pub variable_frame_rate: bool,
    /// The HDR transfer, when the picture is HDR.
    pub hdr: Option<Hdr>,
    /// Bits per second, when the container says.
    pub bitrate: Option<u64>,
}

impl VideoInfo {
    /// The size as shown, after rotation.
    pub fn display_size(&self) -> (u32, u32) {
        if self.rotation % 180 == 0 {
            (self.width, self.height)
        } else {
            (self.height, self.width)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hdr {
    /// Hybrid log-gamma (recent iPhones).
    Hlg,
    /// Perceptual quantiser (HDR10, Dolby Vision base layers).
    Pq,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AudioInfo {
    pub codec: String,
    pub channels: u16,
    pub sample_rate: u32,
}

/// Why a source cannot be used; the message is for people.
#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("{0}")]
    Refused(String),
}

/// Options that confine FFmpeg to the local file and the allowed demuxers.
pub fn safe_input_options() -> Dictionary<'static> {
    let mut options = Dictionary::new();
    options.set("format_whitelist", DEMUXERS);
    options.set("protocol_whitelist", "file");
    options
}

/// Opens a local source file with the safe options.
fn open(path: &Path) -> Result<ffmpeg::format::context::Input, ProbeError> {
    ffmpeg::init().map_err(|e| ProbeError::Refused(format!("FFmpeg failed to start: {e}")))?;
    // FFmpeg's own chatter goes to stderr; our logs say what matters.
    ffmpeg::util::log::set_level(ffmpeg::util::log::Level::Fatal);
    let url = format!("file:{}", path.display());
    ffmpeg::format::input_with_dictionary(&url, safe_input_options()).map_err(|_| {
        ProbeError::Refused(
            "This file is not a video or audio recording we can read. Upload the original file \
             from the phone or camera (MP4, MOV, WebM, MKV, AVI, or an audio file)."
                .into(),
        )
    })
}

/// The clockwise rotation stored in a stream's display matrix (as FFmpeg's own autorotate reads
/// it), snapped to a quarter turn.
fn rotation_of(stream: &ffmpeg::format::stream::Stream) -> i32 {
    for side_data in stream.side_data() {
        if side_data.kind() == ffmpeg::packet::side_data::Type::DisplayMatrix
            && side_data.data().len() >= 36
        {
            // SAFETY: a display matrix is nine i32s; the length was checked.
            let counter_clockwise =
                unsafe { ffmpeg::ffi::av_display_rotation_get(side_data.data().as_ptr().cast()) };
            if counter_clockwise.is_nan() {
                return 0;
            }
            let clockwise = (-counter_clockwise).rem_euclid(360.0);
            return (((clockwise / 90.0).round() as i32) * 90).rem_euclid(360);
        }
    }
    0
}

fn rate(r: ffmpeg::Rational) -> f64 {
    if r.denominator() == 0 {
        0.0
    } else {
        f64::from(r.numerator()) / f64::from(r.denominator())
    }
}

/// A source opened and probed: what it holds, and the demuxer that read it, kept open so that
/// the transcode decodes from it rather than opening the file (and building its index) again.
pub struct Probed {
    pub probe: Probe,
    pub demuxer: ffmpeg::format::context::Input,
}

/// Opens and probes a local file.
pub fn probe(path: &Path) -> Result<Probed, ProbeError> {
    let input = open(path)?;
    let container = input.format().name().to_owned();
    let duration_s = if input.duration() > 0 {
        input.duration() as f64 / f64::from(ffmpeg::ffi::AV_TIME_BASE)
    } else {
        0.0
    };

    let video = input.streams().best(media::Type::Video).and_then(|stream| {
        let params = stream.parameters();
        // SAFETY: reading plain fields of the stream's codec parameters.
        let (width, height, trc, bitrate, attached_pic) = unsafe {
            let p = &*params.as_ptr();
            let attached =
                (*stream.as_ptr()).disposition & ffmpeg::ffi::AV_DISPOSITION_ATTACHED_PIC != 0;
            (
                p.width.max(0) as u32,
                p.height.max(0) as u32,
                p.color_trc,
                p.bit_rate,
                attached,
            )
        };
        if attached_pic {
            return None; // cover art of an audio file
        }
        let codec = ffmpeg::codec::decoder::find(params.id())
            .map_or_else(|| "unknown".to_owned(), |c| c.name().to_owned());
        let avg = rate(stream.avg_frame_rate());
        let real = rate(stream.rate());
        let hdr = match trc {
            ffmpeg::ffi::AVColorTransferCharacteristic::AVCOL_TRC_ARIB_STD_B67 => Some(Hdr::Hlg),
            ffmpeg::ffi::AVColorTransferCharacteristic::AVCOL_TRC_SMPTE2084 => Some(Hdr::Pq),
            _ => None,
        };
        Some(VideoInfo {
            codec,
            width,
            height,
            rotation: rotation_of(&stream),
            frame_rate: if avg > 0.0 { avg } else { real },
            variable_frame_rate: avg > 0.0 && real > 0.0 && (avg - real).abs() > 0.01 * real,
            hdr,
            bitrate: u64::try_from(bitrate).ok().filter(|b| *b > 0),
        })
    });
    let audio = input.streams().best(media::Type::Audio).map(|stream| {
        let params = stream.parameters();
        // SAFETY: reading plain fields of the stream's codec parameters.
        let (channels, sample_rate) = unsafe {
            let p = &*params.as_ptr();
            (
                p.ch_layout.nb_channels.max(0) as u16,
                p.sample_rate.max(0) as u32,
            )
        };
        let codec = ffmpeg::codec::decoder::find(params.id())
            .map_or_else(|| "unknown".to_owned(), |c| c.name().to_owned());
        AudioInfo {
            codec,
            channels,
            sample_rate,
        }
    });

    let probe = Probe {
        container,
        duration_s,
        video,
        audio,
    };
    check(&probe)?;
    Ok(Probed {
        probe,
        demuxer: input,
    })
}

/// Refuses what cannot or should not be transcoded, with a sentence for people.
fn check(probe: &Probe) -> Result<(), ProbeError> {
    let refuse = |s: &str| Err(ProbeError::Refused(s.to_owned()));
    if probe.video.is_none() && probe.audio.is_none() {
        return refuse("This file holds no video or sound we can play.");
    }
    if let Some(video) = &probe.video {
        if video.width == 0 || video.height == 0 || video.codec == "unknown" {
            return refuse("The video in this file is damaged or in a format we cannot decode.");
        }
        if u64::from(video.width) * u64::from(video.height) > MAX_PIXELS {
            return refuse("The video's picture is larger than 8K; export it at a smaller size.");
        }
    }
    if probe.duration_s > MAX_DURATION_S {
        return refuse("The recording is longer than 6 hours; split it into parts.");
    }
    Ok(())
}
