//! Pictures people upload (an organisation's logo, a playlist's cover): decoded by FFmpeg from a
//! local file with image demuxers only, checked, scaled to fit a box, and encoded afresh, so
//! nothing of the uploaded file (metadata, trailing bytes, a polyglot payload) is ever served.

use std::path::Path;

use ffmpeg::{Rational, codec, encoder, format, frame, media};
use ffmpeg_next as ffmpeg;

use crate::transcode::graph::Chain;

/// The demuxers a picture may be read with: PNG, JPEG, WebP, GIF (its first frame).
const DEMUXERS: &str = "png_pipe,jpeg_pipe,webp_pipe,gif";
/// Pictures larger than this on either side are refused before decoding.
const MAX_SIDE: u32 = 8192;
/// The largest picture file accepted.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;

/// What to make of a picture.
#[derive(Clone, Copy, Debug)]
pub enum Output {
    /// PNG with transparency, fitting the box (logos).
    Png { max_width: u32, max_height: u32 },
    /// JPEG, fitting the box (photos, covers).
    Jpeg { max_width: u32, max_height: u32 },
}

impl Output {
    pub fn content_type(self) -> &'static str {
        match self {
            Output::Png { .. } => "image/png",
            Output::Jpeg { .. } => "image/jpeg",
        }
    }
}

/// Why a picture was refused; the message is for people.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ImageError(pub String);

fn unreadable() -> ImageError {
    ImageError("This is not a picture we can read. Upload a PNG, JPEG, WebP or GIF image.".into())
}

/// Decodes the picture in `path` and encodes it again as `output`; returns the new bytes and
/// their width and height. Blocking: call it off the async runtime.
pub fn reencode(path: &Path, output: Output) -> Result<(Vec<u8>, u32, u32), ImageError> {
    let picture = decode(path)?;
    let (max_width, max_height, pixel, codec_id) = match output {
        Output::Png {
            max_width,
            max_height,
        } => (max_width, max_height, "rgba", codec::Id::PNG),
        Output::Jpeg {
            max_width,
            max_height,
        } => (max_width, max_height, "yuvj420p", codec::Id::MJPEG),
    };
    let (width, height) = fit((picture.width(), picture.height()), (max_width, max_height));
    let spec = format!("scale={width}:{height}:flags=lanczos,setsar=1,format={pixel}");
    let fail = |_| unreadable();
    let mut chain = Chain::video(
        picture.width(),
        picture.height(),
        picture.format(),
        Rational::new(1, 1),
        &spec,
    )
    .map_err(fail)?;
    let mut input = picture.clone();
    input.set_pts(Some(0));
    chain.push(&input).map_err(fail)?;
    chain.finish().map_err(fail)?;
    let mut scaled = frame::Video::empty();
    if !chain.pull(&mut scaled) {
        return Err(unreadable());
    }
    let bytes = match codec_id {
        codec::Id::MJPEG => crate::transcode::thumbs::jpeg(&scaled).map_err(|_| unreadable())?,
        _ => png(&scaled).map_err(|_| unreadable())?,
    };
    Ok((bytes, width, height))
}

/// The largest size with the picture's shape that fits the box (never enlarged), at least 1×1.
fn fit((width, height): (u32, u32), (max_width, max_height): (u32, u32)) -> (u32, u32) {
    let scale = (f64::from(max_width) / f64::from(width.max(1)))
        .min(f64::from(max_height) / f64::from(height.max(1)))
        .min(1.0);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).max(1);
    (side(width), side(height))
}

/// The first picture of the file, refused when it is not one of the allowed kinds or too big.
fn decode(path: &Path) -> Result<frame::Video, ImageError> {
    ffmpeg::init().map_err(|_| unreadable())?;
    ffmpeg::util::log::set_level(ffmpeg::util::log::Level::Fatal);
    let mut options = ffmpeg::Dictionary::new();
    options.set("format_whitelist", DEMUXERS);
    options.set("protocol_whitelist", "file");
    let url = format!("file:{}", path.display());
    let mut input =
        ffmpeg::format::input_with_dictionary(&url, options).map_err(|_| unreadable())?;
    let stream = input
        .streams()
        .best(media::Type::Video)
        .ok_or_else(unreadable)?;
    let index = stream.index();
    let context =
        codec::context::Context::from_parameters(stream.parameters()).map_err(|_| unreadable())?;
    let mut decoder = context.decoder().video().map_err(|_| unreadable())?;
    let too_big = || {
        ImageError(format!(
            "This picture is too large; use one at most {MAX_SIDE} pixels on each side."
        ))
    };
    if decoder.width() > MAX_SIDE || decoder.height() > MAX_SIDE {
        return Err(too_big());
    }
    let mut picture = frame::Video::empty();
    for (stream, packet) in input.packets() {
        if stream.index() != index {
            continue;
        }
        if decoder.send_packet(&packet).is_err() {
            break;
        }
        if decoder.receive_frame(&mut picture).is_ok() {
            break;
        }
    }
    if picture.width() == 0 {
        let _ = decoder.send_eof();
        if decoder.receive_frame(&mut picture).is_err() {
            return Err(unreadable());
        }
    }
    if picture.width() == 0 || picture.height() == 0 {
        return Err(unreadable());
    }
    if picture.width() > MAX_SIDE || picture.height() > MAX_SIDE {
        return Err(too_big());
    }
    Ok(picture)
}

/// Encodes an RGBA frame as PNG.
fn png(picture: &frame::Video) -> Result<Vec<u8>, ffmpeg::Error> {
    let codec = encoder::find(codec::Id::PNG).ok_or(ffmpeg::Error::EncoderNotFound)?;
    let mut enc = codec::context::Context::new_with_codec(codec)
        .encoder()
        .video()?;
    enc.set_width(picture.width());
    enc.set_height(picture.height());
    enc.set_format(format::Pixel::RGBA);
    enc.set_time_base(Rational::new(1, 1));
    let mut enc = enc.open_as(codec)?;
    let mut picture = picture.clone();
    picture.set_pts(Some(0));
    crate::transcode::thumbs::encode_still(&mut enc, &picture)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_the_box_keeping_the_shape() {
        assert_eq!(fit((2000, 1000), (512, 512)), (512, 256));
        assert_eq!(fit((100, 50), (512, 512)), (100, 50));
        assert_eq!(fit((1000, 4000), (1280, 720)), (180, 720));
        assert_eq!(fit((10000, 1), (512, 512)), (512, 1));
    }
}
