//! Small FFmpeg filter graphs with one input and one output, and the filter chains the pipeline
//! builds them from. Each rung has its own graph fed from one shared, upright, SDR, constant-rate
//! stream, so the source is decoded once.

use ffmpeg::{Rational, filter, frame};
use ffmpeg_next as ffmpeg;

use super::probe::{Hdr, VideoInfo};

/// A filter graph from one buffer source to one buffer sink.
pub struct Chain {
    graph: filter::Graph,
}

impl Chain {
    /// A video chain: `spec` applied to frames of `width`×`height` in `format` at `time_base`.
    pub fn video(
        width: u32,
        height: u32,
        format: ffmpeg::format::Pixel,
        time_base: Rational,
        spec: &str,
    ) -> Result<Chain, ffmpeg::Error> {
        let pix_fmt: ffmpeg::ffi::AVPixelFormat = format.into();
        let args = format!(
            "video_size={width}x{height}:pix_fmt={}:time_base={}/{}:pixel_aspect=1/1",
            pix_fmt as i32,
            time_base.numerator(),
            time_base.denominator().max(1),
        );
        Chain::build("buffer", "buffersink", &args, spec)
    }

    /// An audio chain for decoded frames like `first` (rate, sample format, channel layout).
    pub fn audio(first: &frame::Audio, spec: &str) -> Result<Chain, ffmpeg::Error> {
        let rate = first.rate();
        // The source must declare the frames' exact layout, or every frame is refused as a
        // format change; an unknown layout is declared by its channel count.
        let mut described = [0u8; 64];
        // SAFETY: the frame's layout is valid; the buffer's length is passed.
        let written = unsafe {
            ffmpeg::ffi::av_channel_layout_describe(
                &(*first.as_ptr()).ch_layout,
                described.as_mut_ptr().cast(),
                described.len(),
            )
        };
        let layout = match std::ffi::CStr::from_bytes_until_nul(&described) {
            Ok(name) if written > 0 && !name.to_bytes().is_empty() => {
                format!("channel_layout={}", name.to_string_lossy())
            }
            _ => format!("channels={}", first.channels()),
        };
        let args = format!(
            "time_base=1/{rate}:sample_rate={rate}:sample_fmt={}:{layout}",
            first.format().name()
        );
        Chain::build("abuffer", "abuffersink", &args, spec)
    }

    fn build(source: &str, sink: &str, args: &str, spec: &str) -> Result<Chain, ffmpeg::Error> {
        let mut graph = filter::Graph::new();
        let find = |name: &str| filter::find(name).ok_or(ffmpeg::Error::FilterNotFound);
        graph.add(&find(source)?, "in", args)?;
        graph.add(&find(sink)?, "out", "")?;
        graph
            .output("in", 0)?
            .input("out", 0)?
            .parse(if spec.is_empty() { "null" } else { spec })?;
        graph.validate()?;
        Ok(Chain { graph })
    }

    /// Feeds a frame in. The caller keeps its frame (one frame feeds several chains).
    pub fn push(&mut self, frame: &frame::Frame) -> Result<(), ffmpeg::Error> {
        let mut source = self.graph.get("in").expect("the chain has a source");
        // SAFETY: both pointers are valid; write_frame takes a new reference and leaves the
        // caller's frame untouched (add_frame would move it out).
        match unsafe { ffmpeg::ffi::av_buffersrc_write_frame(source.as_mut_ptr(), frame.as_ptr()) }
        {
            0 => Ok(()),
            e => Err(ffmpeg::Error::from(e)),
        }
    }

    /// Signals the end of input.
    pub fn finish(&mut self) -> Result<(), ffmpeg::Error> {
        let mut source = self.graph.get("in").expect("the chain has a source");
        source.source().flush()
    }

    /// The next output frame, if one is ready. `frame` may be reused from call to call: what it
    /// held is released first.
    pub fn pull(&mut self, frame: &mut frame::Frame) -> bool {
        // The sink moves its frame into `frame` without releasing what was there
        // (av_frame_move_ref), so without this every picture ever pulled would stay allocated:
        // the whole video, decoded, in memory.
        // SAFETY: the frame is valid; unref leaves it empty and reusable.
        unsafe { ffmpeg::ffi::av_frame_unref(frame.as_mut_ptr()) };
        let mut out = self.graph.get("out").expect("the chain has a sink");
        out.sink().frame(frame).is_ok()
    }

    /// The time base of output frames.
    pub fn time_base(&mut self) -> Rational {
        let mut out = self.graph.get("out").expect("the chain has a sink");
        out.sink().time_base()
    }
}

/// Turns the stored picture upright (the display matrix's rotation, clockwise degrees).
fn rotation_filter(rotation: i32) -> Option<&'static str> {
    match rotation {
        90 => Some("transpose=clock"),
        180 => Some("hflip,vflip"),
        270 => Some("transpose=cclock"),
        _ => None,
    }
}

/// HLG and PQ to SDR BT.709 (tone-mapped in linear light). zimg makes the 4:2:0 BT.709 picture
/// itself: left in float RGB, a filter after it (transpose takes RGB) would have the conversion
/// done by swscale, which does not know the matrix and uses BT.601's.
fn tonemap_filter(hdr: Hdr) -> String {
    let transfer = match hdr {
        Hdr::Hlg => "arib-std-b67",
        Hdr::Pq => "smpte2084",
    };
    format!(
        "zscale=tin={transfer}:min=bt2020nc:pin=bt2020:rin=tv:t=linear:npl=100,format=gbrpf32le,\
         zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p"
    )
}

/// The shared chain: rotate, tone-map, constant frame rate, 8-bit 4:2:0.
pub fn common_spec(video: &VideoInfo, fps: u32) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(hdr) = video.hdr {
        parts.push(tonemap_filter(hdr));
    }
    if let Some(rotate) = rotation_filter(video.rotation) {
        parts.push(rotate.to_owned());
    }
    parts.push(format!("fps={fps}"));
    parts.push("format=yuv420p".to_owned());
    parts.join(",")
}

/// One rung's chain: scale to its size with square pixels.
pub fn rung_spec(width: u32, height: u32) -> String {
    format!("scale={width}:{height}:flags=bicubic,setsar=1,format=yuv420p")
}

/// Audio for every rendition: 48 kHz stereo float planar, in 1024-sample frames for AAC.
pub const AUDIO_SPEC: &str =
    "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,asetnsamples=n=1024:p=0";

#[cfg(test)]
mod tests {
    use super::*;

    fn video(rotation: i32, hdr: Option<Hdr>) -> VideoInfo {
        VideoInfo {
            codec: "hevc".into(),
            width: 1920,
            height: 1080,
            rotation,
            frame_rate: 30.0,
            variable_frame_rate: false,
            hdr,
            bitrate: None,
        }
    }

    #[test]
    fn chains_rotate_and_tone_map_before_everything() {
        assert_eq!(common_spec(&video(0, None), 30), "fps=30,format=yuv420p");
        assert_eq!(
            common_spec(&video(90, None), 25),
            "transpose=clock,fps=25,format=yuv420p"
        );
        let hdr = common_spec(&video(270, Some(Hdr::Hlg)), 30);
        assert!(hdr.starts_with("zscale=tin=arib-std-b67"), "{hdr}");
        assert!(
            hdr.contains("tonemap=hable")
                && hdr.ends_with("transpose=cclock,fps=30,format=yuv420p")
        );
    }
}
