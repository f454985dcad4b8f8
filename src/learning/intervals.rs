//! Watched time as a set of disjoint intervals (milliseconds). Each second of a video counts
//! once, however often and in whatever order it was reported; seeking reports nothing, so
//! jumping to the end never counts as watching it.

/// At most this many disjoint pieces are kept for one person and video: beyond it, the pieces
/// nearest each other are joined across their gaps (crediting those gaps), so a client sending
/// thousands of tiny intervals cannot make the stored row, read and rewritten on every report,
/// grow without bound.
pub const MAX_PIECES: usize = 1000;

/// Merged, sorted, disjoint `[start, end)` intervals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Watched(Vec<(i64, i64)>);

impl Watched {
    pub fn from_pairs(mut pairs: Vec<(i64, i64)>) -> Watched {
        pairs.retain(|(start, end)| end > start);
        pairs.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(pairs.len());
        for (start, end) in pairs {
            match merged.last_mut() {
                // Touching or overlapping: one interval.
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        Watched(merged).bounded()
    }

    /// Joins the pieces across the smallest gaps until at most [`MAX_PIECES`] are left.
    fn bounded(self) -> Watched {
        let pieces = self.0;
        if pieces.len() <= MAX_PIECES {
            return Watched(pieces);
        }
        let mut gaps: Vec<i64> = pieces.windows(2).map(|w| w[1].0 - w[0].1).collect();
        gaps.sort_unstable();
        // Joining every gap up to this one leaves at most MAX_PIECES pieces.
        let widest_joined = gaps[pieces.len() - MAX_PIECES - 1];
        let mut joined: Vec<(i64, i64)> = Vec::with_capacity(MAX_PIECES);
        for (start, end) in pieces {
            match joined.last_mut() {
                Some(last) if start - last.1 <= widest_joined => last.1 = end,
                _ => joined.push((start, end)),
            }
        }
        Watched(joined)
    }

    /// Adds intervals, clipped to `[0, duration_ms]`.
    pub fn add(&self, new: &[(i64, i64)], duration_ms: i64) -> Watched {
        let clipped = new
            .iter()
            .map(|(s, e)| ((*s).clamp(0, duration_ms), (*e).clamp(0, duration_ms)));
        Watched::from_pairs(self.0.iter().copied().chain(clipped).collect())
    }

    /// Total watched milliseconds.
    pub fn total_ms(&self) -> i64 {
        self.0.iter().map(|(s, e)| e - s).sum()
    }

    pub fn pairs(&self) -> &[(i64, i64)] {
        &self.0
    }

    /// The stored form: a JSON array of `[start, end]` pairs.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    /// Reads the stored form; anything unreadable counts as nothing watched.
    pub fn from_json(text: &str) -> Watched {
        Watched::from_pairs(serde_json::from_str(text).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_and_repeats_count_once() {
        let w = Watched::default().add(&[(0, 5_000), (3_000, 8_000), (0, 5_000)], 60_000);
        assert_eq!(w.pairs(), &[(0, 8_000)]);
        let w = w.add(&[(20_000, 25_000), (8_000, 10_000)], 60_000);
        assert_eq!(w.pairs(), &[(0, 10_000), (20_000, 25_000)]);
        assert_eq!(w.total_ms(), 15_000);
    }

    #[test]
    fn clipped_to_the_video_and_reversed_pieces_ignored() {
        let w =
            Watched::default().add(&[(-5_000, 2_000), (58_000, 90_000), (9_000, 4_000)], 60_000);
        assert_eq!(w.pairs(), &[(0, 2_000), (58_000, 60_000)]);
        assert_eq!(Watched::from_json(&w.to_json()), w);
        assert_eq!(Watched::from_json("not json").total_ms(), 0);
    }

    #[test]
    fn thousands_of_tiny_pieces_stay_a_bounded_row() {
        let mut watched = Watched::default();
        for report in 0..100 {
            let pieces: Vec<(i64, i64)> = (0..200)
                .map(|n| {
                    let at = (report * 200 + n) * 10;
                    (at, at + 1)
                })
                .collect();
            let before = watched.total_ms();
            watched = watched.add(&pieces, 1_000_000);
            assert!(watched.total_ms() >= before, "joining never loses watching");
        }
        assert!(watched.pairs().len() <= MAX_PIECES);
        assert!(watched.to_json().len() < 40_000);
        // Fewer pieces than the bound are kept as they are.
        let few = Watched::from_pairs(vec![(0, 5), (10, 15)]);
        assert_eq!(few.pairs(), &[(0, 5), (10, 15)]);
    }
}
