//! Signed playback tokens: an expiring HMAC-SHA256 signature over a video id, keyed by the
//! organisation's signing key. Whoever holds the link may watch that one video until it expires;
//! rotating the organisation's key revokes every link at once.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

fn signature(key: &str, video_id: &str, expires_ms: i64) -> Vec<u8> {
    let mut mac = HmacSha256::new_from_slice(key.as_bytes()).expect("HMAC takes any key length");
    mac.update(format!("playback:{video_id}:{expires_ms}").as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// A token for `video_id`, valid until `expires_ms` (unix milliseconds).
pub fn sign(key: &str, video_id: &str, expires_ms: i64) -> String {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{expires_ms}.{}",
        b64.encode(signature(key, video_id, expires_ms))
    )
}

/// Whether `token` is a valid, unexpired token for `video_id` under `key`.
pub fn verify(key: &str, video_id: &str, token: &str, now_ms: i64) -> bool {
    let Some((expires, sig)) = token.split_once('.') else {
        return false;
    };
    let Ok(expires_ms) = expires.parse::<i64>() else {
        return false;
    };
    let Ok(sig) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(sig) else {
        return false;
    };
    if expires_ms <= now_ms {
        return false;
    }
    let mut mac = HmacSha256::new_from_slice(key.as_bytes()).expect("HMAC takes any key length");
    mac.update(format!("playback:{video_id}:{expires_ms}").as_bytes());
    // Constant-time comparison.
    mac.verify_slice(&sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_for_their_video_key_and_time() {
        let token = sign("key-1", "video-a", 2_000);
        assert!(verify("key-1", "video-a", &token, 1_000));
        assert!(!verify("key-1", "video-a", &token, 2_000), "expired");
        assert!(!verify("key-2", "video-a", &token, 1_000), "rotated key");
        assert!(!verify("key-1", "video-b", &token, 1_000), "another video");
        let tampered = token.replacen("2000", "9000", 1);
        assert!(
            !verify("key-1", "video-a", &tampered, 1_000),
            "extended expiry"
        );
        assert!(!verify("key-1", "video-a", "garbage", 1_000));
    }
}
