//! Pictures taken from the one decode: a poster (the most detailed of a dozen candidate frames,
//! so never a black one) and a storyboard for scrub previews (sprite sheets of small frames at a
//! regular interval, indexed by a WebVTT file).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ffmpeg::{Packet, Rational, codec, encoder, format, frame};
use ffmpeg_next as ffmpeg;

use super::error::{Context, PipelineError};
use super::graph::Chain;

/// Storyboard thumbnails are this wide; sheets hold this many across and down.
pub const THUMB_WIDTH: u32 = 160;
pub const SHEET_COLUMNS: u32 = 10;
/// At most this many storyboard frames per video.
const MAX_THUMBS: f64 = 100.0;
/// Poster candidates spread over the video.
const POSTER_CANDIDATES: f64 = 12.0;

pub struct Thumbnails {
    out: PathBuf,
    display: (u32, u32),
    duration_s: f64,
    frames_seen: u64,
    best: Option<(f64, frame::Video)>,
    poster_step_s: f64,
    next_poster_s: f64,
    interval_s: f64,
    next_thumb_s: f64,
    thumbs: u32,
    thumb_height: u32,
    sheets: Option<Chain>,
    /// Sheets the tile filled, written by `finish`.
    full_sheets: Vec<frame::Video>,
    sheet_count: u32,
}

impl Thumbnails {
    pub fn new(out: &Path, display: (u32, u32), duration_s: f64) -> Thumbnails {
        let interval_s = (duration_s / MAX_THUMBS).ceil().max(1.0);
        let poster_step_s = (duration_s / POSTER_CANDIDATES).max(0.5);
        let thumb_height =
            (u64::from(THUMB_WIDTH) * u64::from(display.1) / u64::from(display.0.max(1))) as u32;
        Thumbnails {
            out: out.to_owned(),
            display,
            duration_s,
            frames_seen: 0,
            best: None,
            poster_step_s,
            next_poster_s: (duration_s * 0.1).min(1.0),
            interval_s,
            next_thumb_s: 0.0,
            thumbs: 0,
            thumb_height: (thumb_height / 2 * 2).max(2),
            sheets: None,
            full_sheets: Vec::new(),
            sheet_count: 0,
        }
    }

    /// Looks at one upright frame of the constant-rate stream.
    pub fn offer(&mut self, frame: &frame::Video, fps: u32) -> Result<(), PipelineError> {
        let t = self.frames_seen as f64 / f64::from(fps.max(1));
        self.frames_seen += 1;
        if t >= self.next_poster_s {
            self.next_poster_s += self.poster_step_s;
            let score = detail(frame);
            if self.best.as_ref().is_none_or(|(best, _)| score > *best) {
                self.best = Some((score, frame.clone()));
            }
        }
        if t >= self.next_thumb_s {
            self.next_thumb_s += self.interval_s;
            self.add_thumb(frame)?;
        }
        Ok(())
    }

    fn add_thumb(&mut self, frame: &frame::Video) -> Result<(), PipelineError> {
        let chain = match &mut self.sheets {
            Some(chain) => chain,
            None => {
                let spec = format!(
                    "scale={THUMB_WIDTH}:{}:flags=bicubic,setsar=1,tile={SHEET_COLUMNS}x{SHEET_COLUMNS},format=yuvj420p",
                    self.thumb_height
                );
                let chain = Chain::video(
                    frame.width(),
                    frame.height(),
                    frame.format(),
                    Rational::new(1, 1),
                    &spec,
                )
                .during("building the storyboard filters")?;
                self.sheets.insert(chain)
            }
        };
        let mut thumb = frame.clone();
        thumb.set_pts(Some(i64::from(self.thumbs)));
        self.thumbs += 1;
        chain.push(&thumb).during("tiling the storyboard")?;
        // Pulling runs the filters (the tile keeps one sheet, not a queue of frames); a full
        // sheet waits until `finish`, when the encoders are gone, so that its JPEG encoder does
        // not add to the transcode's peak.
        self.keep_full_sheets();
        Ok(())
    }

    /// Moves the sheets the tile filter has filled into `full_sheets`.
    fn keep_full_sheets(&mut self) {
        let Some(chain) = self.sheets.as_mut() else {
            return;
        };
        let mut sheet = frame::Video::empty();
        while chain.pull(&mut sheet) {
            self.full_sheets
                .push(std::mem::replace(&mut sheet, frame::Video::empty()));
        }
    }

    fn write_sheets(&mut self) -> Result<(), PipelineError> {
        if let Some(chain) = self.sheets.as_mut() {
            chain.finish().during("tiling the storyboard")?;
        }
        self.keep_full_sheets();
        for mut sheet in std::mem::take(&mut self.full_sheets) {
            let dir = self.out.join("storyboard");
            std::fs::create_dir_all(&dir)?;
            write_jpeg(
                &mut sheet,
                &dir.join(format!("sheet_{}.jpg", self.sheet_count)),
            )?;
            self.sheet_count += 1;
        }
        Ok(())
    }

    /// Writes the poster, the storyboard's sheets and its index. Called once the transcode's
    /// encoders are closed, so that these pictures do not add to its peak memory.
    pub fn finish(mut self) -> Result<(Option<PathBuf>, Option<PathBuf>), PipelineError> {
        let poster = match self.best.take() {
            Some((_, frame)) => {
                let path = self.out.join("poster.jpg");
                let (width, height) = poster_size(self.display);
                let spec = format!("scale={width}:{height}:flags=bicubic,setsar=1,format=yuvj420p");
                let mut chain = Chain::video(
                    frame.width(),
                    frame.height(),
                    frame.format(),
                    Rational::new(1, 1),
                    &spec,
                )
                .during("scaling the poster")?;
                let mut scaled = frame::Video::empty();
                chain.push(&frame).during("scaling the poster")?;
                chain.finish().during("scaling the poster")?;
                if chain.pull(&mut scaled) {
                    write_jpeg(&mut scaled, &path)?;
                    Some(path)
                } else {
                    None
                }
            }
            None => None,
        };
        self.write_sheets()?;
        let storyboard = if self.sheet_count > 0 {
            let dir = self.out.join("storyboard");
            std::fs::write(dir.join("storyboard.vtt"), self.vtt())?;
            Some(dir)
        } else {
            None
        };
        Ok((poster, storyboard))
    }

    /// The WebVTT index: each interval points at its tile of a sheet.
    fn vtt(&self) -> String {
        let mut vtt = String::from("WEBVTT\n\n");
        let per_sheet = SHEET_COLUMNS * SHEET_COLUMNS;
        for k in 0..self.thumbs {
            let start = f64::from(k) * self.interval_s;
            let end = (start + self.interval_s).min(self.duration_s.max(start + 0.001));
            let (sheet, at) = (k / per_sheet, k % per_sheet);
            let (x, y) = (
                (at % SHEET_COLUMNS) * THUMB_WIDTH,
                (at / SHEET_COLUMNS) * self.thumb_height,
            );
            let _ = write!(
                vtt,
                "{} --> {}\nsheet_{sheet}.jpg#xywh={x},{y},{THUMB_WIDTH},{}\n\n",
                timestamp(start),
                timestamp(end),
                self.thumb_height
            );
        }
        vtt
    }
}

/// `HH:MM:SS.mmm`
fn timestamp(seconds: f64) -> String {
    let ms = (seconds * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// The poster's size: the shown size, at most 1280 on the long side, even.
fn poster_size((width, height): (u32, u32)) -> (u32, u32) {
    let scale = (1280.0 / f64::from(width.max(height).max(1))).min(1.0);
    let even = |n: u32| ((f64::from(n) * scale / 2.0).round() as u32 * 2).max(2);
    (even(width), even(height))
}

/// How much detail a frame shows: the spread of its brightness (a black or flat frame scores
/// near zero).
fn detail(frame: &frame::Video) -> f64 {
    let (width, height, stride) = (
        frame.width() as usize,
        frame.height() as usize,
        frame.stride(0),
    );
    let luma = frame.data(0);
    let (mut sum, mut sum_sq, mut n) = (0f64, 0f64, 0f64);
    for y in (0..height).step_by(4) {
        for x in (0..width).step_by(4) {
            let v = f64::from(luma[y * stride + x]);
            sum += v;
            sum_sq += v * v;
            n += 1.0;
        }
    }
    if n == 0.0 {
        return 0.0;
    }
    let mean = sum / n;
    (sum_sq / n - mean * mean).max(0.0).sqrt()
}

/// Encodes one full-range 4:2:0 frame as a JPEG file.
fn write_jpeg(frame: &mut frame::Video, path: &Path) -> Result<(), PipelineError> {
    std::fs::write(path, jpeg(frame)?)?;
    Ok(())
}

/// Encodes one full-range 4:2:0 frame as JPEG (setting its timestamp and quality).
pub(crate) fn jpeg(frame: &mut frame::Video) -> Result<Vec<u8>, PipelineError> {
    let fail = |e| PipelineError::Ffmpeg("encoding a JPEG", e);
    let codec = encoder::find(codec::Id::MJPEG).ok_or(fail(ffmpeg::Error::EncoderNotFound))?;
    let mut enc = codec::context::Context::new_with_codec(codec)
        .encoder()
        .video()
        .map_err(fail)?;
    enc.set_width(frame.width());
    enc.set_height(frame.height());
    enc.set_format(format::Pixel::YUVJ420P);
    enc.set_time_base(Rational::new(1, 1));
    // SAFETY: a plain field of an encoder context not yet opened; qscale 3 is good quality.
    unsafe {
        (*enc.as_mut_ptr()).flags |= ffmpeg::ffi::AV_CODEC_FLAG_QSCALE as i32;
        (*enc.as_mut_ptr()).global_quality = 3 * ffmpeg::ffi::FF_QP2LAMBDA;
    }
    // The standard Huffman tables: optimal ones cost a buffer of 1.5 KiB per 16×16 block (8.8
    // MiB for a storyboard sheet) for a file a few percent smaller.
    let mut options = ffmpeg::Dictionary::new();
    options.set("huffman", "default");
    let mut enc = enc.open_as_with(codec, options).map_err(fail)?;
    frame.set_pts(Some(0));
    // SAFETY: the same quality on the frame, which MJPEG reads per picture.
    unsafe {
        (*frame.as_mut_ptr()).quality = 3 * ffmpeg::ffi::FF_QP2LAMBDA;
    }
    encode_still(&mut enc, frame).map_err(fail)
}

/// Sends one picture to an opened still-image encoder and returns all it writes.
pub(crate) fn encode_still(
    enc: &mut ffmpeg::encoder::Video,
    picture: &frame::Video,
) -> Result<Vec<u8>, ffmpeg::Error> {
    enc.send_frame(picture)?;
    enc.send_eof()?;
    let mut packet = Packet::empty();
    let mut bytes = Vec::new();
    while enc.receive_packet(&mut packet).is_ok() {
        bytes.extend_from_slice(packet.data().unwrap_or_default());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_poster_sizes() {
        assert_eq!(timestamp(3725.5), "01:02:05.500");
        assert_eq!(poster_size((1920, 1080)), (1280, 720));
        assert_eq!(poster_size((1080, 1920)), (720, 1280));
        assert_eq!(poster_size((320, 180)), (320, 180));
    }

    /// A long video fills its sheet before the end (kept until `finish`), a short one leaves it
    /// part empty: both are written, with an index naming every tile.
    #[test]
    fn full_and_partly_filled_sheets_are_written() {
        ffmpeg::init().unwrap();
        for (seconds, thumbs) in [(200u32, 100u32), (30, 30)] {
            let out = tempfile::tempdir().unwrap();
            let mut thumbnails = Thumbnails::new(out.path(), (64, 36), f64::from(seconds));
            for n in 0..seconds {
                let mut frame = frame::Video::new(format::Pixel::YUV420P, 64, 36);
                for plane in 0..3 {
                    frame.data_mut(plane).fill((n * 7 % 256) as u8);
                }
                thumbnails.offer(&frame, 1).unwrap();
            }
            let (poster, storyboard) = thumbnails.finish().unwrap();
            assert!(poster.is_some_and(|p| p.exists()));
            let dir = storyboard.expect("a storyboard");
            let sheet = std::fs::read(dir.join("sheet_0.jpg")).unwrap();
            assert!(sheet.starts_with(&[0xFF, 0xD8]), "the sheet is not a JPEG");
            let vtt = std::fs::read_to_string(dir.join("storyboard.vtt")).unwrap();
            assert_eq!(
                vtt.matches("sheet_0.jpg#xywh=").count(),
                thumbs as usize,
                "{vtt}"
            );
            assert!(!dir.join("sheet_1.jpg").exists());
        }
    }
}
