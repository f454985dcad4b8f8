//! The outputs of a transcode: one HLS muxer per rendition, each video rung with its own scaler
//! and H.264 encoder, and the one AAC encoder whose packets every rendition shares.

use std::path::Path;

use ffmpeg::{Dictionary, Packet, Rational, codec, encoder, format, frame};
use ffmpeg_next as ffmpeg;

use super::error::{Context, PipelineError};
use super::graph::{self, Chain};
use super::plan::{AUDIO_BITRATE, Plan, Rung, SEGMENT_SECONDS};
use crate::media::layout;

/// How many segments each muxer lists in its own playlist.
pub const MUXER_WINDOW: u32 = 30;

/// The time base of the audio everywhere: one tick per sample at 48 kHz.
pub const AUDIO_TIME_BASE: Rational = Rational(1, 48_000);

/// A stream of a muxer: its index and the time base the muxer chose for it.
#[derive(Clone, Copy)]
struct MuxedStream {
    index: usize,
    time_base: Rational,
}

/// One rendition being written: its HLS muxer, and for a video rung its scaler and encoder.
pub struct Rendition {
    pub name: String,
    muxer: format::context::Output,
    video: Option<VideoOutput>,
    audio: Option<MuxedStream>,
    /// How far the packets that cut its segments (video, or audio when there is no video) have
    /// been written.
    written: Span,
}

/// The seconds from the first packet written to the end of the latest.
#[derive(Default, Clone, Copy)]
struct Span {
    first: Option<f64>,
    end: f64,
}

impl Span {
    fn add(&mut self, packet: &Packet, time_base: Rational) {
        if let Some(pts) = packet.pts() {
            let start = pts as f64 * f64::from(time_base);
            let first = *self.first.get_or_insert(start);
            let end = (pts + packet.duration()) as f64 * f64::from(time_base);
            self.end = self.end.max(end - first);
        }
    }
}

/// A video rung's scaler (built from the first upright frame) and encoder.
struct VideoOutput {
    rung: Rung,
    scaler: Option<Chain>,
    encoder: encoder::Video,
    time_base: Rational,
    stream: MuxedStream,
}

/// Opens every rendition of `plan` under `out` (one folder each, named by the layout), with an
/// audio stream in each when there is an audio encoder, and writes their headers.
pub fn open_renditions(
    plan: &Plan,
    out: &Path,
    audio: Option<&encoder::Audio>,
) -> Result<Vec<Rendition>, PipelineError> {
    let global_header = true;
    let mut wanted: Vec<(String, Option<&Rung>)> = plan
        .rungs
        .iter()
        .map(|rung| (rung.name(), Some(rung)))
        .collect();
    if wanted.is_empty() {
        wanted.push((layout::AUDIO.to_owned(), None));
    }
    let time_base = Rational::new(1, plan.fps as i32);
    let mut renditions = Vec::with_capacity(wanted.len());
    for (name, rung) in wanted {
        let dir = out.join(&name);
        let mut muxer = open_muxer(&dir)?;
        let encoder = rung
            .map(|rung| open_video_encoder(rung, plan.fps, global_header))
            .transpose()?;
        let video_index = match &encoder {
            Some(enc) => Some(add_stream(&mut muxer, codec::Id::H264, enc, time_base)?),
            None => None,
        };
        let audio_index = match audio {
            Some(enc) => Some(add_stream(
                &mut muxer,
                codec::Id::AAC,
                enc,
                AUDIO_TIME_BASE,
            )?),
            None => None,
        };
        // No metadata (GPS location, device names) is carried into the outputs.
        muxer.set_metadata(Dictionary::new());
        muxer
            .write_header_with(hls_options(&dir))
            .during("writing the HLS header")?;
        // The muxer may have chosen other time bases while writing its header.
        let muxed = |index: usize, asked: Rational| MuxedStream {
            index,
            time_base: muxer
                .stream(index)
                .map_or(asked, |stream| stream.time_base()),
        };
        let video = match (encoder, rung, video_index) {
            (Some(encoder), Some(rung), Some(index)) => Some(VideoOutput {
                rung: rung.clone(),
                scaler: None,
                encoder,
                time_base,
                stream: muxed(index, time_base),
            }),
            _ => None,
        };
        let audio = audio_index.map(|index| muxed(index, AUDIO_TIME_BASE));
        renditions.push(Rendition {
            name,
            muxer,
            video,
            audio,
            written: Span::default(),
        });
    }
    Ok(renditions)
}

/// Adds to `muxer` a stream of `codec` with `encoder`'s parameters, asking for `time_base`;
/// returns its index.
fn add_stream(
    muxer: &mut format::context::Output,
    codec: codec::Id,
    encoder: impl Into<codec::Parameters>,
    time_base: Rational,
) -> Result<usize, PipelineError> {
    let mut stream = muxer
        .add_stream(encoder::find(codec))
        .during("adding a stream to the HLS muxer")?;
    stream.set_parameters(encoder);
    stream.set_time_base(time_base);
    Ok(stream.index())
}

impl Rendition {
    /// Seconds of this rendition handed to its muxer.
    pub fn written_seconds(&self) -> f64 {
        self.written.end
    }

    /// Scales an upright frame to this rung and encodes it (nothing for the audio rendition).
    pub fn encode(
        &mut self,
        upright: &frame::Video,
        scaled: &mut frame::Video,
    ) -> Result<(), PipelineError> {
        let Some(video) = self.video.as_mut() else {
            return Ok(());
        };
        let scaler = match &mut video.scaler {
            Some(scaler) => scaler,
            None => video.scaler.insert(
                Chain::video(
                    upright.width(),
                    upright.height(),
                    upright.format(),
                    video.time_base,
                    &graph::rung_spec(video.rung.width, video.rung.height),
                )
                .during("building a scaler")?,
            ),
        };
        scaler.push(upright).during("scaling")?;
        while scaler.pull(scaled) {
            video.encoder.send_frame(scaled).during("encoding H.264")?;
            write_video(
                &mut video.encoder,
                video.time_base,
                video.stream,
                &mut self.muxer,
                &mut self.written,
            )?;
        }
        Ok(())
    }

    /// Flushes the scaler and the encoder into the muxer.
    pub fn finish_video(&mut self, scaled: &mut frame::Video) -> Result<(), PipelineError> {
        let Some(video) = self.video.as_mut() else {
            return Ok(());
        };
        if let Some(scaler) = video.scaler.as_mut() {
            scaler.finish().during("flushing the scaler")?;
            while scaler.pull(scaled) {
                video.encoder.send_frame(scaled).during("encoding H.264")?;
                write_video(
                    &mut video.encoder,
                    video.time_base,
                    video.stream,
                    &mut self.muxer,
                    &mut self.written,
                )?;
            }
        }
        video.encoder.send_eof().during("finishing H.264")?;
        write_video(
            &mut video.encoder,
            video.time_base,
            video.stream,
            &mut self.muxer,
            &mut self.written,
        )
    }

    /// Ends the HLS playlist.
    pub fn finish(&mut self) -> Result<(), PipelineError> {
        self.muxer
            .write_trailer()
            .during("finishing the HLS playlist")
    }
}

/// Writes the packets the encoder has ready (in `time_base`) to the muxer's `stream`.
fn write_video(
    encoder: &mut encoder::Video,
    time_base: Rational,
    stream: MuxedStream,
    muxer: &mut format::context::Output,
    written: &mut Span,
) -> Result<(), PipelineError> {
    let mut packet = Packet::empty();
    while encoder.receive_packet(&mut packet).is_ok() {
        written.add(&packet, time_base);
        packet.set_stream(stream.index);
        packet.rescale_ts(time_base, stream.time_base);
        packet
            .write_interleaved(muxer)
            .during("writing a video segment")?;
    }
    Ok(())
}

/// Writes the encoded audio into every rendition: one encode, shared by all rungs.
pub fn write_audio(
    enc: &mut encoder::Audio,
    renditions: &mut [Rendition],
) -> Result<(), PipelineError> {
    let mut packet = Packet::empty();
    while enc.receive_packet(&mut packet).is_ok() {
        for rendition in renditions.iter_mut() {
            let Some(stream) = rendition.audio else {
                continue;
            };
            if rendition.video.is_none() {
                rendition.written.add(&packet, AUDIO_TIME_BASE);
            }
            let mut copy = packet.clone();
            copy.set_stream(stream.index);
            copy.rescale_ts(AUDIO_TIME_BASE, stream.time_base);
            copy.write_interleaved(&mut rendition.muxer)
                .during("writing an audio segment")?;
        }
    }
    Ok(())
}

fn open_video_encoder(
    rung: &Rung,
    fps: u32,
    global_header: bool,
) -> Result<encoder::Video, PipelineError> {
    let codec = encoder::find_by_name("libx264").ok_or(PipelineError::Ffmpeg(
        "finding libx264",
        ffmpeg::Error::EncoderNotFound,
    ))?;
    let mut enc = codec::context::Context::new_with_codec(codec)
        .encoder()
        .video()
        .during("creating the H.264 encoder")?;
    enc.set_width(rung.width);
    enc.set_height(rung.height);
    enc.set_format(format::Pixel::YUV420P);
    enc.set_time_base(Rational::new(1, fps as i32));
    enc.set_frame_rate(Some(Rational::new(fps as i32, 1)));
    enc.set_bit_rate(rung.bitrate as usize);
    enc.set_max_bit_rate(rung.maxrate as usize);
    let gop = fps * SEGMENT_SECONDS;
    enc.set_gop(gop);
    if global_header {
        enc.set_flags(codec::Flags::GLOBAL_HEADER);
    }
    // SAFETY: plain fields of an encoder context not yet opened.
    unsafe {
        let ctx = enc.as_mut_ptr();
        (*ctx).rc_buffer_size = (rung.maxrate * 2) as i32;
        (*ctx).keyint_min = gop as i32;
        (*ctx).color_primaries = ffmpeg::ffi::AVColorPrimaries::AVCOL_PRI_BT709;
        (*ctx).color_trc = ffmpeg::ffi::AVColorTransferCharacteristic::AVCOL_TRC_BT709;
        (*ctx).colorspace = ffmpeg::ffi::AVColorSpace::AVCOL_SPC_BT709;
    }
    let mut options = Dictionary::new();
    options.set("preset", "veryfast");
    options.set("profile", "high");
    options.set("level", &format!("{}.{}", rung.level / 10, rung.level % 10));
    // A keyframe exactly every segment, in every rung, whatever the scene does.
    options.set(
        "x264-params",
        &format!("keyint={gop}:min-keyint={gop}:scenecut=0:open-gop=0"),
    );
    enc.open_with(options).during("opening the H.264 encoder")
}

pub fn open_audio_encoder(global_header: bool) -> Result<encoder::Audio, PipelineError> {
    let codec = encoder::find(codec::Id::AAC).ok_or(PipelineError::Ffmpeg(
        "finding the AAC encoder",
        ffmpeg::Error::EncoderNotFound,
    ))?;
    let mut enc = codec::context::Context::new_with_codec(codec)
        .encoder()
        .audio()
        .during("creating the AAC encoder")?;
    enc.set_rate(48_000);
    enc.set_channel_layout(ffmpeg::ChannelLayout::STEREO);
    enc.set_format(format::Sample::F32(format::sample::Type::Planar));
    enc.set_bit_rate(AUDIO_BITRATE as usize);
    enc.set_time_base(AUDIO_TIME_BASE);
    if global_header {
        enc.set_flags(codec::Flags::GLOBAL_HEADER);
    }
    enc.open_as(codec).during("opening the AAC encoder")
}

/// Opens an HLS muxer writing `dir/index.m3u8`, `dir/init.mp4` and `dir/seg_NNNNN.m4s`.
fn open_muxer(dir: &Path) -> Result<format::context::Output, PipelineError> {
    std::fs::create_dir_all(dir)?;
    let playlist = dir.join(layout::MEDIA_PLAYLIST);
    format::output_as(&playlist, "hls").during("creating the HLS muxer")
}

fn hls_options(dir: &Path) -> Dictionary<'static> {
    let mut options = Dictionary::new();
    options.set("hls_time", &SEGMENT_SECONDS.to_string());
    options.set("hls_segment_type", "fmp4");
    // A short window: the publisher keeps the full list (see super::publish).
    options.set("hls_list_size", &MUXER_WINDOW.to_string());
    options.set("hls_fmp4_init_filename", "init.mp4");
    options.set(
        "hls_segment_filename",
        &dir.join("seg_%05d.m4s").display().to_string(),
    );
    options.set("hls_flags", "independent_segments+temp_file");
    // No metadata (GPS location, device names) is carried into the outputs.
    options.set("movflags", "+frag_keyframe");
    options
}
