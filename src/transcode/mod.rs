//! Transcoding with FFmpeg, in-process through ffmpeg-next: [`probe`] the source, [`plan`] its
//! ladder, run the [`pipeline`] (decode once, [`graph`] filters, encode every rung, mux HLS),
//! take [`thumbs`], and publish the result ([`publish`]) as the [`job`] of a worker.

pub mod encode;
pub mod error;
pub mod graph;
pub mod job;
pub mod memory;
pub mod picture;
pub mod pipeline;
pub mod plan;
pub mod probe;
pub mod publish;
pub mod thumbs;

/// The FFmpeg libraries linked into this binary and their versions, as `(library, "x.y.z")`.
pub fn ffmpeg_versions() -> Vec<(&'static str, String)> {
    fn dotted(v: u32) -> String {
        format!("{}.{}.{}", v >> 16, (v >> 8) & 0xff, v & 0xff)
    }
    // SAFETY: the *_version functions only return a constant compiled into each library.
    unsafe {
        vec![
            ("libavformat", dotted(ffmpeg_next::ffi::avformat_version())),
            ("libavcodec", dotted(ffmpeg_next::ffi::avcodec_version())),
            ("libavfilter", dotted(ffmpeg_next::ffi::avfilter_version())),
            ("libavutil", dotted(ffmpeg_next::ffi::avutil_version())),
            ("libswscale", dotted(ffmpeg_next::ffi::swscale_version())),
            (
                "libswresample",
                dotted(ffmpeg_next::ffi::swresample_version()),
            ),
        ]
    }
}

/// Whether the encoders and filters the pipeline depends on are present in the linked FFmpeg.
pub fn missing_components() -> Vec<&'static str> {
    let _ = ffmpeg_next::init();
    let mut missing = Vec::new();
    for encoder in ["libx264", "aac", "mjpeg"] {
        if ffmpeg_next::encoder::find_by_name(encoder).is_none() {
            missing.push(encoder);
        }
    }
    for filter in [
        "scale",
        "transpose",
        "fps",
        "zscale",
        "tonemap",
        "tile",
        "aresample",
    ] {
        if ffmpeg_next::filter::find(filter).is_none() {
            missing.push(filter);
        }
    }
    missing
}
