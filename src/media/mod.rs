//! A video's media once transcoded: where its files live in the store ([`layout`]), who may
//! fetch them ([`access`], [`token`]), the small ones kept hot in memory ([`hot`]), and HLS
//! playlists rewritten for a viewer ([`playlist`]); captions read from WebVTT or SRT and served
//! as HLS subtitle renditions ([`captions`]). The HTTP routes that deliver them are in
//! `http::playback`.

pub mod access;
pub mod captions;
pub mod hot;
pub mod layout;
pub mod playlist;
pub mod token;
