//! The transcode itself, on a blocking thread: decode the source once, make it upright, SDR and
//! constant-rate, scale it to every rung, encode each with H.264 (keyframes on every segment
//! boundary) and the audio once with AAC, and mux each rung into CMAF HLS (fMP4 segments, an
//! EVENT playlist until the end). Thumbnails for the poster and storyboard come from the same
//! decode.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ffmpeg::{Dictionary, Packet, Rational, codec, encoder, format, frame, media};
use ffmpeg_next as ffmpeg;

use super::graph::{self, Chain};
use super::plan::{AUDIO_BITRATE, Plan, Rung, SEGMENT_SECONDS};
use super::probe::{self, Probe};
use super::thumbs::Thumbnails;

/// Why a transcode stopped.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The source is damaged or not what it claims; the sentence is for people.
    #[error("{0}")]
    BadSource(String),
    #[error("cancelled")]
    Cancelled,
    #[error("FFmpeg failed while {0}: {1}")]
    Ffmpeg(&'static str, ffmpeg::Error),
    #[error("writing output failed: {0}")]
    Io(#[from] std::io::Error),
}

trait Context<T> {
    fn during(self, what: &'static str) -> Result<T, PipelineError>;
}

impl<T> Context<T> for Result<T, ffmpeg::Error> {
    fn during(self, what: &'static str) -> Result<T, PipelineError> {
        self.map_err(|e| PipelineError::Ffmpeg(what, e))
    }
}

/// The folder a rendition is written to, under the output folder: `720p`, or `audio`.
pub fn rendition_dir(out: &Path, name: &str) -> PathBuf {
    out.join(name)
}

/// One rendition being written: its scaler, encoder and HLS muxer.
struct RungOutput {
    chain: Option<Chain>,
    encoder: Option<encoder::Video>,
    muxer: format::context::Output,
    video_stream: Option<usize>,
    audio_stream: Option<usize>,
    video_time_base: Rational,
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

fn open_audio_encoder(global_header: bool) -> Result<encoder::Audio, PipelineError> {
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
    enc.set_time_base(Rational::new(1, 48_000));
    if global_header {
        enc.set_flags(codec::Flags::GLOBAL_HEADER);
    }
    enc.open_as(codec).during("opening the AAC encoder")
}

/// Opens an HLS muxer writing `dir/index.m3u8`, `dir/init.mp4` and `dir/seg_NNNNN.m4s`.
fn open_muxer(dir: &Path) -> Result<format::context::Output, PipelineError> {
    std::fs::create_dir_all(dir)?;
    let playlist = dir.join("index.m3u8");
    format::output_as(&playlist, "hls").during("creating the HLS muxer")
}

fn hls_options(dir: &Path) -> Dictionary<'static> {
    let mut options = Dictionary::new();
    options.set("hls_time", &SEGMENT_SECONDS.to_string());
    options.set("hls_segment_type", "fmp4");
    options.set("hls_playlist_type", "event");
    options.set("hls_list_size", "0");
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

/// What a finished transcode produced, besides the files in the output folder.
#[derive(Debug)]
pub struct Produced {
    /// Names of the rendition folders, in ladder order.
    pub renditions: Vec<String>,
    /// A JPEG of a representative frame.
    pub poster: Option<PathBuf>,
    /// A folder of sprite sheets and their WebVTT index.
    pub storyboard: Option<PathBuf>,
}

/// Limits on one transcode.
pub struct Limits {
    /// Stop when decoding takes longer than this.
    pub max_time: Duration,
}

impl Limits {
    /// Generous for real work, short enough to stop a decompression bomb: four times the
    /// source's duration plus ten minutes.
    pub fn for_duration(duration_s: f64) -> Limits {
        Limits {
            max_time: Duration::from_secs_f64(600.0 + 4.0 * duration_s.max(0.0)),
        }
    }
}

/// Transcodes `source` into `out` following `plan`. `progress` receives the fraction done;
/// `cancel` stops it between packets.
pub fn run(
    source: &Path,
    probe: &Probe,
    plan: &Plan,
    out: &Path,
    limits: &Limits,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f64),
) -> Result<Produced, PipelineError> {
    let started = Instant::now();
    let mut input = probe::open(source).map_err(|e| PipelineError::BadSource(e.to_string()))?;
    // Strip every piece of container metadata: nothing of the source's tags reaches outputs.
    let video_index = probe
        .video
        .as_ref()
        .and_then(|_| input.streams().best(media::Type::Video).map(|s| s.index()));
    let audio_index = input.streams().best(media::Type::Audio).map(|s| s.index());

    let mut video_decoder = match video_index {
        Some(index) => {
            let stream = input.stream(index).expect("the stream exists");
            let mut ctx = codec::context::Context::from_parameters(stream.parameters())
                .during("reading video parameters")?;
            ctx.set_threading(codec::threading::Config::kind(
                codec::threading::Type::Frame,
            ));
            let decoder = ctx
                .decoder()
                .video()
                .map_err(|_| PipelineError::BadSource(bad_video()))?;
            Some((decoder, stream.time_base()))
        }
        None => None,
    };
    let mut audio_decoder = match audio_index {
        Some(index) => {
            let stream = input.stream(index).expect("the stream exists");
            let ctx = codec::context::Context::from_parameters(stream.parameters())
                .during("reading audio parameters")?;
            ctx.decoder().audio().ok()
        }
        None => None,
    };

    let global_header = true;
    let audio_encoder = if audio_decoder.is_some() {
        Some(open_audio_encoder(global_header)?)
    } else {
        None
    };

    // One output per rung (or a single audio rendition).
    let mut outputs = Vec::new();
    let mut names = Vec::new();
    if plan.rungs.is_empty() {
        let dir = rendition_dir(out, "audio");
        outputs.push(RungOutput {
            chain: None,
            encoder: None,
            muxer: open_muxer(&dir)?,
            video_stream: None,
            audio_stream: None,
            video_time_base: Rational::new(1, plan.fps as i32),
        });
        names.push("audio".to_owned());
    }
    for rung in &plan.rungs {
        let dir = rendition_dir(out, &rung.name());
        outputs.push(RungOutput {
            chain: None,
            encoder: Some(open_video_encoder(rung, plan.fps, global_header)?),
            muxer: open_muxer(&dir)?,
            video_stream: None,
            audio_stream: None,
            video_time_base: Rational::new(1, plan.fps as i32),
        });
        names.push(rung.name());
    }
    for (output, name) in outputs.iter_mut().zip(&names) {
        if let Some(enc) = &output.encoder {
            let mut stream = output
                .muxer
                .add_stream(encoder::find(codec::Id::H264))
                .during("adding a video stream")?;
            stream.set_parameters(enc);
            stream.set_time_base(output.video_time_base);
            output.video_stream = Some(stream.index());
        }
        if let Some(enc) = &audio_encoder {
            let mut stream = output
                .muxer
                .add_stream(encoder::find(codec::Id::AAC))
                .during("adding an audio stream")?;
            stream.set_parameters(enc);
            stream.set_time_base(Rational::new(1, 48_000));
            output.audio_stream = Some(stream.index());
        }
        output.muxer.set_metadata(Dictionary::new());
        let dir = rendition_dir(out, name);
        output
            .muxer
            .write_header_with(hls_options(&dir))
            .during("writing the HLS header")?;
    }

    let mut audio = AudioPath {
        chain: None,
        encoder: audio_encoder,
        resampled: frame::Audio::empty(),
        next_pts: None,
    };
    let mut video = VideoPath {
        common: None,
        time_base: video_decoder
            .as_ref()
            .map_or(Rational::new(1, 1), |(_, tb)| *tb),
        spec: probe
            .video
            .as_ref()
            .map(|v| graph::common_spec(v, plan.fps))
            .unwrap_or_default(),
        upright: frame::Video::empty(),
        scaled: frame::Video::empty(),
        thumbnails: probe
            .video
            .as_ref()
            .map(|v| Thumbnails::new(out, v.display_size(), probe.duration_s)),
    };
    let duration = probe.duration_s.max(0.001);
    let mut decoded = frame::Video::empty();
    let mut samples = frame::Audio::empty();
    let mut packets_seen = 0u64;

    for (stream, packet) in input.packets() {
        if cancel.load(Ordering::Relaxed) {
            return Err(PipelineError::Cancelled);
        }
        packets_seen += 1;
        if packets_seen.is_multiple_of(64) && started.elapsed() > limits.max_time {
            return Err(PipelineError::BadSource(
                "Processing this file took far longer than its length; it may be damaged.".into(),
            ));
        }
        if Some(stream.index()) == video_index {
            let (decoder, tb) = video_decoder.as_mut().expect("video decoder");
            if decoder.send_packet(&packet).is_err() {
                continue; // a damaged packet: skip it, as players do
            }
            let tb = *tb;
            while decoder.receive_frame(&mut decoded).is_ok() {
                let pts = decoded.timestamp().or(decoded.pts());
                decoded.set_pts(pts);
                if let Some(pts) = pts {
                    progress((pts as f64 * f64::from(tb)) / duration);
                }
                video.push(&decoded, &mut outputs, plan)?;
            }
        } else if Some(stream.index()) == audio_index {
            let decoder = audio_decoder.as_mut().expect("audio decoder");
            if decoder.send_packet(&packet).is_err() {
                continue;
            }
            while decoder.receive_frame(&mut samples).is_ok() {
                let pts = samples.timestamp().or(samples.pts());
                samples.set_pts(pts);
                if video_index.is_none()
                    && let Some(pts) = samples.pts()
                {
                    progress(pts as f64 / f64::from(samples.rate().max(1)) / duration);
                }
                audio.push(&samples, &mut outputs)?;
            }
        }
    }

    // Drain the decoders, the filters and the encoders.
    if let Some((decoder, _)) = video_decoder.as_mut() {
        let _ = decoder.send_eof();
        while decoder.receive_frame(&mut decoded).is_ok() {
            let pts = decoded.timestamp().or(decoded.pts());
            decoded.set_pts(pts);
            video.push(&decoded, &mut outputs, plan)?;
        }
        if !video.finish(&mut outputs, plan)? {
            return Err(PipelineError::BadSource(bad_video()));
        }
    }
    let mut scaled = frame::Video::empty();
    for output in outputs.iter_mut() {
        if let Some(chain) = output.chain.as_mut() {
            chain.finish().during("flushing the scaler")?;
            while output.chain.as_mut().is_some_and(|c| c.pull(&mut scaled)) {
                send_video(output, &scaled)?;
            }
        }
        if let Some(enc) = output.encoder.as_mut() {
            enc.send_eof().during("finishing H.264")?;
        }
        drain_video(output)?;
    }
    if let Some(decoder) = audio_decoder.as_mut() {
        let _ = decoder.send_eof();
        while decoder.receive_frame(&mut samples).is_ok() {
            let pts = samples.timestamp().or(samples.pts());
            samples.set_pts(pts);
            audio.push(&samples, &mut outputs)?;
        }
    }
    audio.finish(&mut outputs)?;
    for output in &mut outputs {
        output
            .muxer
            .write_trailer()
            .during("finishing the HLS playlist")?;
    }
    let (poster, storyboard) = match video.thumbnails {
        Some(thumbs) => thumbs.finish()?,
        None => (None, None),
    };
    progress(1.0);
    Ok(Produced {
        renditions: names,
        poster,
        storyboard,
    })
}

/// The video half of the pipeline: the shared upright/SDR/constant-rate chain, and what it
/// feeds (every rung, the thumbnails).
struct VideoPath {
    common: Option<Chain>,
    time_base: Rational,
    spec: String,
    upright: frame::Video,
    scaled: frame::Video,
    thumbnails: Option<Thumbnails>,
}

impl VideoPath {
    fn push(
        &mut self,
        frame: &frame::Video,
        outputs: &mut [RungOutput],
        plan: &Plan,
    ) -> Result<(), PipelineError> {
        if self.common.is_none() {
            self.common = Some(
                Chain::video(
                    frame.width(),
                    frame.height(),
                    frame.format(),
                    self.time_base,
                    &self.spec,
                )
                .during("building the rotate/tone-map/frame-rate filters")?,
            );
        }
        let chain = self.common.as_mut().expect("built above");
        chain.push(frame).during("filtering video")?;
        self.forward(outputs, plan)
    }

    /// Ends the shared chain and forwards its last frames; false when no frame was ever decoded.
    fn finish(&mut self, outputs: &mut [RungOutput], plan: &Plan) -> Result<bool, PipelineError> {
        let Some(chain) = self.common.as_mut() else {
            return Ok(false);
        };
        chain.finish().during("flushing video filters")?;
        self.forward(outputs, plan)?;
        Ok(true)
    }

    fn forward(&mut self, outputs: &mut [RungOutput], plan: &Plan) -> Result<(), PipelineError> {
        let chain = self.common.as_mut().expect("the chain exists");
        while chain.pull(&mut self.upright) {
            if let Some(thumbs) = self.thumbnails.as_mut() {
                thumbs.offer(&self.upright, plan.fps)?;
            }
            for (output, rung) in outputs.iter_mut().zip(&plan.rungs) {
                encode_rung(output, rung, &self.upright, &mut self.scaled)?;
            }
        }
        Ok(())
    }
}

fn bad_video() -> String {
    "The video in this file is damaged or cut short; upload the original recording again.".into()
}

fn encode_rung(
    output: &mut RungOutput,
    rung: &Rung,
    upright: &frame::Video,
    scaled: &mut frame::Video,
) -> Result<(), PipelineError> {
    if output.chain.is_none() {
        output.chain = Some(
            Chain::video(
                upright.width(),
                upright.height(),
                upright.format(),
                output.video_time_base,
                &graph::rung_spec(rung.width, rung.height),
            )
            .during("building a scaler")?,
        );
    }
    output
        .chain
        .as_mut()
        .expect("built above")
        .push(upright)
        .during("scaling")?;
    while output.chain.as_mut().expect("built above").pull(scaled) {
        send_video(output, scaled)?;
    }
    Ok(())
}

fn send_video(output: &mut RungOutput, frame: &frame::Video) -> Result<(), PipelineError> {
    let enc = output
        .encoder
        .as_mut()
        .expect("video rungs have an encoder");
    enc.send_frame(frame).during("encoding H.264")?;
    drain_video(output)
}

fn drain_video(output: &mut RungOutput) -> Result<(), PipelineError> {
    let (Some(enc), Some(index)) = (output.encoder.as_mut(), output.video_stream) else {
        return Ok(());
    };
    let mut packet = Packet::empty();
    while enc.receive_packet(&mut packet).is_ok() {
        let stream_tb = output.muxer.stream(index).expect("stream").time_base();
        packet.set_stream(index);
        packet.rescale_ts(output.video_time_base, stream_tb);
        packet
            .write_interleaved(&mut output.muxer)
            .during("writing a video segment")?;
    }
    Ok(())
}

/// The audio half of the pipeline: resample to 48 kHz stereo in AAC-sized frames, encode once.
/// Output timestamps run on without gaps from the first sample's time (never negative), so
/// decoders' priming and odd source timestamps (Opus pre-skip, missing values) cannot upset
/// the muxers.
struct AudioPath {
    chain: Option<Chain>,
    encoder: Option<encoder::Audio>,
    resampled: frame::Audio,
    next_pts: Option<i64>,
}

impl AudioPath {
    fn push(
        &mut self,
        samples: &frame::Audio,
        outputs: &mut [RungOutput],
    ) -> Result<(), PipelineError> {
        if self.encoder.is_none() {
            return Ok(());
        }
        if self.chain.is_none() {
            self.chain = Some(
                Chain::audio(samples, graph::AUDIO_SPEC).during("building the audio resampler")?,
            );
        }
        let chain = self.chain.as_mut().expect("built above");
        if let Err(err) = chain.push(samples) {
            // A frame whose format changed mid-stream: drop it rather than fail the video.
            tracing::debug!(error = %err, "audio frame dropped");
            return Ok(());
        }
        self.encode_ready(outputs)
    }

    fn encode_ready(&mut self, outputs: &mut [RungOutput]) -> Result<(), PipelineError> {
        let (Some(chain), Some(enc)) = (self.chain.as_mut(), self.encoder.as_mut()) else {
            return Ok(());
        };
        while chain.pull(&mut self.resampled) {
            let pts = self
                .next_pts
                .unwrap_or_else(|| self.resampled.pts().unwrap_or(0).max(0));
            self.resampled.set_pts(Some(pts));
            self.next_pts = Some(pts + self.resampled.samples() as i64);
            enc.send_frame(&self.resampled).during("encoding AAC")?;
            drain_audio(enc, outputs)?;
        }
        Ok(())
    }

    fn finish(&mut self, outputs: &mut [RungOutput]) -> Result<(), PipelineError> {
        if let Some(chain) = self.chain.as_mut() {
            chain.finish().during("flushing audio filters")?;
        }
        self.encode_ready(outputs)?;
        if let Some(enc) = self.encoder.as_mut() {
            enc.send_eof().during("finishing AAC")?;
            drain_audio(enc, outputs)?;
        }
        Ok(())
    }
}

/// Writes the encoded audio into every rendition: one encode, shared by all rungs.
fn drain_audio(enc: &mut encoder::Audio, outputs: &mut [RungOutput]) -> Result<(), PipelineError> {
    let mut packet = Packet::empty();
    while enc.receive_packet(&mut packet).is_ok() {
        for output in outputs.iter_mut() {
            let Some(index) = output.audio_stream else {
                continue;
            };
            let mut copy = packet.clone();
            let stream_tb = output.muxer.stream(index).expect("stream").time_base();
            copy.set_stream(index);
            copy.rescale_ts(Rational::new(1, 48_000), stream_tb);
            copy.write_interleaved(&mut output.muxer)
                .during("writing an audio segment")?;
        }
    }
    Ok(())
}
