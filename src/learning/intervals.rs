//! Watched time as a set of disjoint intervals (milliseconds). Each second of a video counts
//! once, however often and in whatever order it was reported; seeking reports nothing, so
//! jumping to the end never counts as watching it.

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
        Watched(merged)
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
}
