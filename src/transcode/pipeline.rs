//! The transcode itself, on a blocking thread: decode the source once, make it upright, SDR and
//! constant-rate, scale it to every rung, encode each with H.264 (keyframes on every segment
//! boundary) and the audio once with AAC, and mux each rung into CMAF HLS (fMP4 segments, an
//! EVENT playlist until the end). Thumbnails for the poster and storyboard come from the same
//! decode.
//!
//! [`run`] goes in stages: open the input, open the outputs ([`super::encode`]), the decode
//! loop, then drain decoders, filters and encoders in order.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ffmpeg::{Rational, codec, decoder, encoder, frame, media};
use ffmpeg_next as ffmpeg;

use super::encode::{self, Rendition};
use super::error::{Context, PipelineError};
use super::graph::{self, Chain};
use super::plan::Plan;
use super::probe::Probe;
use super::thumbs::Thumbnails;

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

/// How many seconds the muxers may run ahead of what is published: well inside the muxers'
/// window of [`encode::MUXER_WINDOW`] segments, so the publisher sees every segment.
pub const MAX_AHEAD_S: f64 = 90.0;

/// What a job and its running pipeline share.
#[derive(Default)]
pub struct Control {
    /// Set to stop the pipeline between packets.
    pub stop: AtomicBool,
    /// Milliseconds of every rendition published so far.
    pub published_ms: AtomicU64,
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

/// Transcodes the source read by `demuxer` (opened by the probe) into `out` following `plan`.
/// `progress` receives the fraction done; `control` stops it between packets and holds it back
/// while publishing catches up.
pub fn run(
    demuxer: ffmpeg::format::context::Input,
    probe: &Probe,
    plan: &Plan,
    out: &Path,
    limits: &Limits,
    control: &Control,
    progress: &mut dyn FnMut(f64),
) -> Result<Produced, PipelineError> {
    let mut watch = Watch {
        started: Instant::now(),
        limits,
        control,
        progress,
        duration_s: probe.duration_s.max(0.001),
        packets: 0,
    };
    let mut input = open_decoders(demuxer, probe)?;
    let audio_encoder = match &input.audio {
        Some(_) => Some(encode::open_audio_encoder(true)?),
        None => None,
    };
    let renditions = encode::open_renditions(plan, out, audio_encoder.as_ref())?;
    let mut sinks = Sinks {
        video: VideoPath::new(probe, plan, out, input.video.as_ref()),
        audio: AudioPath::new(audio_encoder),
        renditions,
        plan,
        decoded: frame::Video::empty(),
        samples: frame::Audio::empty(),
    };
    decode_all(&mut input, &mut sinks, &mut watch)?;
    drain(&mut input, &mut sinks, &mut watch)?;
    // The decoder, filters, encoders and muxers are closed before the poster and storyboard
    // are encoded, so that those never add to the transcode's peak.
    let (renditions, thumbnails) = {
        let mut sinks = sinks;
        let names = sinks.renditions.drain(..).map(|r| r.name).collect();
        (names, sinks.video.thumbnails.take())
    };
    drop(input);
    let (poster, storyboard) = match thumbnails {
        Some(thumbs) => thumbs.finish()?,
        None => (None, None),
    };
    (watch.progress)(1.0);
    Ok(Produced {
        renditions,
        poster,
        storyboard,
    })
}

/// A decoder of one stream of the input.
struct Decoding<D> {
    index: usize,
    decoder: D,
    time_base: Rational,
}

/// The opened source: its demuxer, and decoders of the video and audio streams it has.
struct Input {
    demuxer: ffmpeg::format::context::Input,
    video: Option<Decoding<decoder::Video>>,
    audio: Option<Decoding<decoder::Audio>>,
}

/// Opens the decoders of the source's best video (when the probe found pictures) and audio
/// streams. Audio that cannot be decoded is left out rather than failing the video.
fn open_decoders(
    demuxer: ffmpeg::format::context::Input,
    probe: &Probe,
) -> Result<Input, PipelineError> {
    let video = match probe
        .video
        .as_ref()
        .and(demuxer.streams().best(media::Type::Video))
    {
        Some(stream) => {
            let mut ctx = codec::context::Context::from_parameters(stream.parameters())
                .during("reading video parameters")?;
            ctx.set_threading(codec::threading::Config::kind(
                codec::threading::Type::Frame,
            ));
            let decoder = ctx
                .decoder()
                .video()
                .map_err(|_| PipelineError::BadSource(bad_video()))?;
            Some(Decoding {
                index: stream.index(),
                decoder,
                time_base: stream.time_base(),
            })
        }
        None => None,
    };
    let audio = match demuxer.streams().best(media::Type::Audio) {
        Some(stream) => codec::context::Context::from_parameters(stream.parameters())
            .during("reading audio parameters")?
            .decoder()
            .audio()
            .ok()
            .map(|decoder| Decoding {
                index: stream.index(),
                decoder,
                time_base: stream.time_base(),
            }),
        None => None,
    };
    Ok(Input {
        demuxer,
        video,
        audio,
    })
}

/// What watches a transcode: cancellation, the time limit, publishing's pace, and progress.
struct Watch<'a> {
    started: Instant,
    limits: &'a Limits,
    control: &'a Control,
    progress: &'a mut dyn FnMut(f64),
    duration_s: f64,
    packets: u64,
}

impl Watch<'_> {
    /// Called for every packet, with the seconds written to every muxer: stops a cancelled job
    /// and a source that takes far too long, and waits while the muxers are more than
    /// [`MAX_AHEAD_S`] ahead of what is published.
    fn check(&mut self, written_s: f64) -> Result<(), PipelineError> {
        self.packets += 1;
        let mut waiting = false;
        loop {
            if self.control.stop.load(Ordering::Relaxed) {
                return Err(PipelineError::Cancelled);
            }
            if (waiting || self.packets.is_multiple_of(64))
                && self.started.elapsed() > self.limits.max_time
            {
                return Err(PipelineError::BadSource(
                    "Processing this file took far longer than its length; it may be damaged."
                        .into(),
                ));
            }
            let published_s = self.control.published_ms.load(Ordering::Relaxed) as f64 / 1000.0;
            if written_s - published_s <= MAX_AHEAD_S {
                return Ok(());
            }
            waiting = true;
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Decoding has reached `seconds` into the source.
    fn reached(&mut self, seconds: f64) {
        (self.progress)(seconds / self.duration_s);
    }
}

/// Where decoded frames go: the video path (every rung, the thumbnails) and the audio path,
/// into the renditions; and the frames reused for every packet.
struct Sinks<'p> {
    video: VideoPath,
    audio: AudioPath,
    renditions: Vec<Rendition>,
    plan: &'p Plan,
    decoded: frame::Video,
    samples: frame::Audio,
}

impl Sinks<'_> {
    /// Seconds handed to every muxer.
    fn written_seconds(&self) -> f64 {
        self.renditions
            .iter()
            .map(Rendition::written_seconds)
            .reduce(f64::min)
            .unwrap_or(0.0)
    }

    /// Passes on every frame the video decoder has ready.
    fn receive_video(
        &mut self,
        decoding: &mut Decoding<decoder::Video>,
        watch: &mut Watch,
    ) -> Result<(), PipelineError> {
        while decoding.decoder.receive_frame(&mut self.decoded).is_ok() {
            let pts = self.decoded.timestamp().or(self.decoded.pts());
            self.decoded.set_pts(pts);
            if let Some(pts) = pts {
                watch.reached(pts as f64 * f64::from(decoding.time_base));
            }
            self.video
                .push(&self.decoded, &mut self.renditions, self.plan)?;
        }
        Ok(())
    }

    /// Passes on every frame the audio decoder has ready; progress follows the audio only when
    /// there is no video.
    fn receive_audio(
        &mut self,
        decoding: &mut Decoding<decoder::Audio>,
        watch: Option<&mut Watch>,
    ) -> Result<(), PipelineError> {
        let mut watch = watch;
        while decoding.decoder.receive_frame(&mut self.samples).is_ok() {
            let pts = self.samples.timestamp().or(self.samples.pts());
            self.samples.set_pts(pts);
            if let (Some(watch), Some(pts)) = (watch.as_deref_mut(), pts) {
                watch.reached(pts as f64 / f64::from(self.samples.rate().max(1)));
            }
            self.audio.push(&self.samples, &mut self.renditions)?;
        }
        Ok(())
    }
}

/// The decode loop: every packet of the video and audio streams, through the decoders into the
/// sinks. A packet a decoder refuses (damaged) is skipped, as players do.
fn decode_all(
    input: &mut Input,
    sinks: &mut Sinks,
    watch: &mut Watch,
) -> Result<(), PipelineError> {
    let Input {
        demuxer,
        video,
        audio,
    } = input;
    let audio_only = video.is_none();
    for (stream, packet) in demuxer.packets() {
        watch.check(sinks.written_seconds())?;
        let index = stream.index();
        if let Some(video) = video.as_mut().filter(|v| v.index == index) {
            if video.decoder.send_packet(&packet).is_ok() {
                sinks.receive_video(video, watch)?;
            }
        } else if let Some(audio) = audio.as_mut().filter(|a| a.index == index)
            && audio.decoder.send_packet(&packet).is_ok()
        {
            sinks.receive_audio(audio, audio_only.then_some(&mut *watch))?;
        }
    }
    Ok(())
}

/// Drains, in order: the video decoder and shared filters, each rung's scaler and encoder, the
/// audio decoder, resampler and encoder; then ends every playlist.
fn drain(input: &mut Input, sinks: &mut Sinks, watch: &mut Watch) -> Result<(), PipelineError> {
    if let Some(video) = input.video.as_mut() {
        let _ = video.decoder.send_eof();
        sinks.receive_video(video, watch)?;
        if !sinks.video.finish(&mut sinks.renditions, sinks.plan)? {
            return Err(PipelineError::BadSource(bad_video()));
        }
    }
    let mut scaled = frame::Video::empty();
    for rendition in sinks.renditions.iter_mut() {
        rendition.finish_video(&mut scaled)?;
    }
    if let Some(audio) = input.audio.as_mut() {
        let _ = audio.decoder.send_eof();
        sinks.receive_audio(audio, None)?;
    }
    sinks.audio.finish(&mut sinks.renditions)?;
    for rendition in sinks.renditions.iter_mut() {
        rendition.finish()?;
    }
    Ok(())
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
    fn new(
        probe: &Probe,
        plan: &Plan,
        out: &Path,
        decoding: Option<&Decoding<decoder::Video>>,
    ) -> VideoPath {
        VideoPath {
            common: None,
            time_base: decoding.map_or(Rational::new(1, 1), |d| d.time_base),
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
        }
    }

    fn push(
        &mut self,
        frame: &frame::Video,
        renditions: &mut [Rendition],
        plan: &Plan,
    ) -> Result<(), PipelineError> {
        let chain = match &mut self.common {
            Some(chain) => chain,
            None => self.common.insert(
                Chain::video(
                    frame.width(),
                    frame.height(),
                    frame.format(),
                    self.time_base,
                    &self.spec,
                )
                .during("building the rotate/tone-map/frame-rate filters")?,
            ),
        };
        chain.push(frame).during("filtering video")?;
        self.forward(renditions, plan)
    }

    /// Ends the shared chain and forwards its last frames; false when no frame was ever decoded.
    fn finish(&mut self, renditions: &mut [Rendition], plan: &Plan) -> Result<bool, PipelineError> {
        let Some(chain) = self.common.as_mut() else {
            return Ok(false);
        };
        chain.finish().during("flushing video filters")?;
        self.forward(renditions, plan)?;
        Ok(true)
    }

    /// Sends what the shared chain has ready to the thumbnails and every rung.
    fn forward(&mut self, renditions: &mut [Rendition], plan: &Plan) -> Result<(), PipelineError> {
        let Some(chain) = self.common.as_mut() else {
            return Ok(());
        };
        while chain.pull(&mut self.upright) {
            if let Some(thumbs) = self.thumbnails.as_mut() {
                thumbs.offer(&self.upright, plan.fps)?;
            }
            for rendition in renditions.iter_mut() {
                rendition.encode(&self.upright, &mut self.scaled)?;
            }
        }
        Ok(())
    }
}

fn bad_video() -> String {
    "The video in this file is damaged or cut short; upload the original recording again.".into()
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
    fn new(encoder: Option<encoder::Audio>) -> AudioPath {
        AudioPath {
            chain: None,
            encoder,
            resampled: frame::Audio::empty(),
            next_pts: None,
        }
    }

    fn push(
        &mut self,
        samples: &frame::Audio,
        renditions: &mut [Rendition],
    ) -> Result<(), PipelineError> {
        if self.encoder.is_none() {
            return Ok(());
        }
        let chain = match &mut self.chain {
            Some(chain) => chain,
            None => self.chain.insert(
                Chain::audio(samples, graph::AUDIO_SPEC).during("building the audio resampler")?,
            ),
        };
        if let Err(err) = chain.push(samples) {
            // A frame whose format changed mid-stream: drop it rather than fail the video.
            tracing::debug!(error = %err, "audio frame dropped");
            return Ok(());
        }
        self.encode_ready(renditions)
    }

    fn encode_ready(&mut self, renditions: &mut [Rendition]) -> Result<(), PipelineError> {
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
            encode::write_audio(enc, renditions)?;
        }
        Ok(())
    }

    fn finish(&mut self, renditions: &mut [Rendition]) -> Result<(), PipelineError> {
        if let Some(chain) = self.chain.as_mut() {
            chain.finish().during("flushing audio filters")?;
        }
        self.encode_ready(renditions)?;
        if let Some(enc) = self.encoder.as_mut() {
            enc.send_eof().during("finishing AAC")?;
            encode::write_audio(enc, renditions)?;
        }
        Ok(())
    }
}
