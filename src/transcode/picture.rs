//! Pictures people upload (an organisation's logo, a playlist's cover): decoded by FFmpeg from a
//! local file with image demuxers only, checked, scaled to fit a box, and encoded afresh, so
//! nothing of the uploaded file (metadata, trailing bytes, a polyglot payload) is ever served.

use std::path::Path;

use ffmpeg::{Rational, codec, encoder, format, frame, media};
use ffmpeg_next as ffmpeg;

use super::graph::Chain;

/// The demuxers a picture may be read with: PNG, JPEG, WebP, GIF (its first frame).
const DEMUXERS: &str = "png_pipe,jpeg_pipe,webp_pipe,gif";
/// Pictures larger than this on either side are refused before decoding.
const MAX_SIDE: u32 = 8192;
/// ... and so are pictures of more pixels than this (a 48-megapixel phone photo fits).
const MAX_PIXELS: u64 = 50_000_000;
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
    // FFmpeg allocates for the size a file declares as soon as it opens it, so the declared size
    // is read and checked first, from the file's own header.
    let head = read_head(path).map_err(|_| unreadable())?;
    let (declared_width, declared_height) = declared_size(&head).ok_or_else(unreadable)?;
    check_size(declared_width, declared_height)?;
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
        codec::Id::MJPEG => {
            crate::transcode::thumbs::jpeg(&mut scaled).map_err(|_| unreadable())?
        }
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
    check_size(decoder.width(), decoder.height())?;
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
    check_size(picture.width(), picture.height())?;
    Ok(picture)
}

fn check_size(width: u32, height: u32) -> Result<(), ImageError> {
    if width == 0 || height == 0 {
        return Err(unreadable());
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError(format!(
            "This picture is too large; use one at most {MAX_SIDE} pixels on each side and \
             {} megapixels in all.",
            MAX_PIXELS / 1_000_000
        )));
    }
    Ok(())
}

/// The start of the file, where the picture's size is declared (JPEG may put it after its
/// metadata, so a generous amount).
fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_IMAGE_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}

/// The width and height a PNG, GIF, WebP or JPEG file declares; `None` for anything else.
fn declared_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let be16 = |at: usize| {
        Some(u32::from(u16::from_be_bytes(
            bytes.get(at..at + 2)?.try_into().ok()?,
        )))
    };
    let le16 = |at: usize| {
        Some(u32::from(u16::from_le_bytes(
            bytes.get(at..at + 2)?.try_into().ok()?,
        )))
    };
    let be32 = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    let le24 = |at: usize| {
        let b = bytes.get(at..at + 3)?;
        Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
    };
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        return Some((be32(16)?, be32(20)?));
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some((le16(6)?, le16(8)?));
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return match bytes.get(12..16)? {
            b"VP8 " => Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff)),
            b"VP8L" => {
                let bits = u32::from_le_bytes(bytes.get(21..25)?.try_into().ok()?);
                Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
            }
            b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
            _ => None,
        };
    }
    if bytes.starts_with(&[0xff, 0xd8]) {
        // Walk the markers to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC).
        let mut at = 2;
        while at + 4 <= bytes.len() {
            if bytes[at] != 0xff {
                return None;
            }
            let marker = bytes[at + 1];
            if marker == 0xff {
                at += 1;
                continue;
            }
            let length = be16(at + 2)? as usize;
            if matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
                return Some((be16(at + 7)?, be16(at + 5)?));
            }
            at += 2 + length;
        }
    }
    None
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

    #[test]
    fn declared_sizes_are_read_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&16000u32.to_be_bytes());
        png.extend_from_slice(&9u32.to_be_bytes());
        assert_eq!(declared_size(&png), Some((16000, 9)));
        assert!(check_size(16000, 9).is_err());
        assert!(check_size(8000, 8000).is_err(), "64 megapixels");
        assert!(check_size(8064, 6048).is_ok());
        assert_eq!(declared_size(b"GIF89a\x40\x01\xf0\x00"), Some((320, 240)));
        let jpeg = [
            &[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00][..],
            &[0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0xd0, 0x05, 0x00],
        ]
        .concat();
        assert_eq!(declared_size(&jpeg), Some((1280, 720)));
        assert_eq!(declared_size(b"MZ\x90\0 a program"), None);
        assert_eq!(declared_size(b""), None);
    }
}
