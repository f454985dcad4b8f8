//! Transcoding within the machine's memory: how much a job needs (estimated from its source and
//! ladder, calibrated by `make bench`), a budget shared by the jobs of one process so that those
//! running together never need more than the machine (or its container) has, and giving memory
//! back after each job.
//!
//! The rule: the budget is 80% of the memory limit (the cgroup's inside a container, else the
//! machine's) less 256 MiB for the rest of the process, or `REELHOUSE_TRANSCODE_MEMORY_MIB`. A
//! job reserves its estimate before it decodes a frame and waits, its video still `queued`,
//! while the others hold too much; a job larger than the whole budget runs alone.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::plan::Plan;
use super::probe::Probe;

/// MiB a job needs besides its pictures: codecs, muxers, buffers, the thread stacks it touches.
const BASE_MIB: f64 = 200.0;
/// MiB per megapixel of the source's frame: decoded frames in flight and the shared filters.
const SOURCE_MIB_PER_MP: f64 = 70.0;
/// More per source megapixel when tone-mapping HDR (frames in 32-bit float planes).
const HDR_MIB_PER_MP: f64 = 40.0;
/// MiB per megapixel of each rung: its scaler and x264 (look-ahead and reference frames).
const RUNG_MIB_PER_MP: f64 = 80.0;
/// What the rest of a process (HTTP, database pool, buffers) is left outside the budget.
const RESERVE_MIB: u64 = 256;

/// The memory a transcode of `probe`'s source by `plan` is expected to peak at, in MiB. Measured
/// by `make bench` (tests/bench/transcode.sh) against this estimate: a 1080p30 H.264 source
/// peaked at 527 MiB (estimate 644), a 2160p HEVC 10-bit HLG one at 1103 MiB (estimate 1411).
pub fn estimate_mib(probe: &Probe, plan: &Plan) -> u64 {
    let Some(video) = &probe.video else {
        return BASE_MIB as u64; // audio only
    };
    let megapixels = |w: u32, h: u32| f64::from(w) * f64::from(h) / 1e6;
    let source = megapixels(video.width, video.height);
    let hdr = if video.hdr.is_some() {
        source * HDR_MIB_PER_MP
    } else {
        0.0
    };
    let rungs: f64 = plan
        .rungs
        .iter()
        .map(|r| megapixels(r.width, r.height))
        .sum();
    (BASE_MIB + source * SOURCE_MIB_PER_MP + hdr + rungs * RUNG_MIB_PER_MP).ceil() as u64
}

/// The memory this process may give to transcodes, in MiB: `configured` when set, else 80% of
/// the memory limit less a reserve for the rest of the process.
pub fn budget_mib(configured: Option<u64>) -> u64 {
    configured.unwrap_or_else(|| {
        let limit_mib = memory_limit_bytes().map_or(4096, |b| b / (1024 * 1024));
        (limit_mib * 4 / 5).saturating_sub(RESERVE_MIB).max(256)
    })
}

/// The memory this process may use: its cgroup's limit when it has one (a container), the
/// machine's memory otherwise, whichever is lower.
pub fn memory_limit_bytes() -> Option<u64> {
    let machine = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| meminfo_total(&text));
    let cgroup = [
        "/sys/fs/cgroup/memory.max",
        "/sys/fs/cgroup/memory/memory.limit_in_bytes",
    ]
    .iter()
    .find_map(|path| std::fs::read_to_string(path).ok())
    .and_then(|text| cgroup_limit(&text));
    match (machine, cgroup) {
        (Some(m), Some(c)) => Some(m.min(c)),
        (m, c) => m.or(c),
    }
}

/// `MemTotal` of /proc/meminfo, in bytes.
fn meminfo_total(text: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A cgroup memory limit file's value in bytes; `None` for no limit ("max", or cgroup v1's
/// huge number).
fn cgroup_limit(text: &str) -> Option<u64> {
    let bytes: u64 = text.trim().parse().ok()?;
    (bytes < 1 << 60).then_some(bytes)
}

/// The transcode memory of one process, shared by its jobs.
#[derive(Debug)]
pub struct Budget {
    total_mib: u64,
    free: Arc<Semaphore>,
}

/// A job's share of the budget, given back when dropped.
#[derive(Debug)]
pub struct Reservation {
    _permit: OwnedSemaphorePermit,
    pub mib: u64,
}

impl Budget {
    pub fn new(total_mib: u64) -> Budget {
        let total_mib = total_mib.clamp(1, u64::from(u32::MAX));
        Budget {
            total_mib,
            free: Arc::new(Semaphore::new(total_mib as usize)),
        }
    }

    pub fn total_mib(&self) -> u64 {
        self.total_mib
    }

    /// Waits until `mib` fit beside the jobs already running (first come, first served), and
    /// reserves them. A job needing more than the whole budget waits until it runs alone.
    pub async fn reserve(&self, mib: u64) -> Reservation {
        let mib = mib.clamp(1, self.total_mib);
        let permit = self
            .free
            .clone()
            .acquire_many_owned(mib as u32)
            .await
            .expect("the budget's semaphore is never closed");
        Reservation {
            _permit: permit,
            mib,
        }
    }
}

/// Sets the C allocator's policy, once, before the process starts its threads: blocks under
/// 32 MiB come from its arenas rather than mappings of their own. That is where glibc settles
/// anyway once a large block is freed (it starts at 128 KiB and raises the bar then); fixed from
/// the start, a job's memory no longer depends on what was freed before it. The header of a long
/// MP4, whose sample tables are freed once its index is built, otherwise sent the transcode's
/// buffers down another path than a short one's: in `tests/bench/playable.sh` the 60-minute
/// source peaked 1.09–1.11x the 20-second one in four runs, and 1.08–1.09x in three with this.
/// Against the FFmpeg command line the transcode stayed well inside its targets
/// (`tests/bench/transcode.sh`: 0.93x and 0.97x the memory, 0.96x and 0.95x the time). Keeping
/// glibc's trimming threshold matters: raising it too gave 1.10–1.11x in three. [`give_back`] returns the
/// free pages after each job.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes thresholds of the allocator; it is called before other threads.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
    }
}

/// Returns the C allocator's free pages to the system. FFmpeg allocates its frames with
/// `malloc`, whose per-thread arenas keep freed pages resident: without this a worker would sit
/// on the peak of its last job while it waits for the next. Cheap next to a transcode; safe
/// while other jobs run (only free memory is released).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory the allocator holds free.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcode::plan::plan;
    use crate::transcode::probe::{Hdr, VideoInfo};

    fn source(width: u32, height: u32, hdr: Option<Hdr>) -> Probe {
        Probe {
            container: "mov,mp4".into(),
            duration_s: 20.0,
            video: Some(VideoInfo {
                codec: "h264".into(),
                width,
                height,
                rotation: 0,
                frame_rate: 30.0,
                variable_frame_rate: false,
                hdr,
                bitrate: None,
            }),
            audio: None,
        }
    }

    #[test]
    fn estimates_cover_what_the_benchmark_measured() {
        let hd = source(1920, 1080, None);
        let hd = estimate_mib(&hd, &plan(&hd, 1080));
        assert!((527..800).contains(&hd), "{hd}");
        let uhd = source(3840, 2160, Some(Hdr::Hlg));
        let uhd = estimate_mib(&uhd, &plan(&uhd, 1080));
        assert!((1103..1700).contains(&uhd), "{uhd}");
        let small = source(320, 180, None);
        assert!(estimate_mib(&small, &plan(&small, 1080)) < 300);
    }

    #[test]
    fn limits_are_read_from_meminfo_and_cgroups() {
        assert_eq!(
            meminfo_total("MemTotal:       4030216 kB\nMemFree: 1 kB\n"),
            Some(4_030_216 * 1024)
        );
        assert_eq!(cgroup_limit("max\n"), None);
        assert_eq!(cgroup_limit("9223372036854771712\n"), None);
        assert_eq!(cgroup_limit("2147483648\n"), Some(2 << 30));
        assert_eq!(budget_mib(Some(700)), 700);
    }

    #[tokio::test]
    async fn jobs_wait_until_they_fit() {
        let budget = Arc::new(Budget::new(1000));
        let first = budget.reserve(600).await;
        // A second job of 600 does not fit beside the first: it waits.
        let waiting = {
            let budget = budget.clone();
            tokio::spawn(async move { budget.reserve(600).await })
        };
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        drop(first);
        let second = waiting.await.unwrap();
        assert_eq!(second.mib, 600);
        // A job larger than the whole budget runs alone.
        drop(second);
        assert_eq!(budget.reserve(5000).await.mib, 1000);
    }
}
