// Tracks which parts of a video the person actually watched, and reports them to the server
// (POST /api/v1/videos/{id}/progress) every few seconds, on pause/end, and when the page is hidden
// or left.
//
// A watched interval grows with each `timeupdate` while playback moves forward in small steps. A
// `seeking` event closes the interval, so a jump is never counted as watching: seeking to the end
// does not complete a video. The server merges overlapping intervals, so re-sending a span is
// harmless, and a failed report is kept and sent with the next one.

import type { ProgressReport } from './api';

export type Interval = [number, number];

/** The interval bookkeeping alone, without a video element. */
export class WatchedIntervals {
  private open: Interval | null = null;
  private closed: Interval[] = [];

  /**
   * Playback reached time `t` (seconds). Extends the open interval when `t` follows it within
   * `maxStep` seconds; otherwise (a jump the seeking event did not announce) starts a new one.
   */
  tick(t: number, maxStep: number): void {
    if (this.open && t >= this.open[1] && t - this.open[1] <= maxStep) {
      this.open[1] = t;
      return;
    }
    this.cut();
    this.open = [t, t];
  }

  /** Closes the open interval (on seeking, pause, end). */
  cut(): void {
    if (this.open && this.open[1] > this.open[0]) this.closed.push(this.open);
    this.open = null;
  }

  /** Removes and returns every watched span so far; the open interval goes on from its end. */
  take(): Interval[] {
    const out = this.closed;
    this.closed = [];
    if (this.open && this.open[1] > this.open[0]) {
      out.push([this.open[0], this.open[1]]);
      this.open = [this.open[1], this.open[1]];
    }
    return out;
  }

  /** Puts spans back after a failed report, so the next report carries them. */
  restore(spans: Interval[]): void {
    this.closed = spans.concat(this.closed);
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

export class WatchTracker {
  private readonly intervals = new WatchedIntervals();
  private readonly timer: number;
  private sending = false;
  private lastPosition = -1;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly send: (report: ProgressReport, keepalive: boolean) => Promise<void>,
    periodMs = 5000,
  ) {
    const on = (target: EventTarget, type: string, fn: () => void) => {
      target.addEventListener(type, fn);
      this.off.push(() => target.removeEventListener(type, fn));
    };
    on(video, 'timeupdate', () => {
      if (video.seeking) return;
      // timeupdate fires every 15–250 ms while playing; allow for slow devices and fast playback
      const maxStep = 1.5 + 1.5 * Math.max(1, video.playbackRate);
      this.intervals.tick(video.currentTime, maxStep);
    });
    on(video, 'seeking', () => this.intervals.cut());
    on(video, 'pause', () => {
      this.intervals.cut();
      this.flush();
    });
    on(video, 'ended', () => {
      this.intervals.cut();
      this.flush();
    });
    on(window, 'pagehide', () => this.flush(true));
    on(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush(true);
    });
    this.timer = window.setInterval(() => this.flush(), periodMs);
  }

  /**
   * Sends what was watched since the last report. `keepalive` lets the request finish after the
   * page is gone (pagehide, leaving the video page).
   */
  flush(keepalive = false): void {
    if (this.sending && !keepalive) return;
    const spans = this.intervals.take().map(([a, b]): Interval => [round(a), round(b)]);
    const position = round(this.video.currentTime || 0);
    // nothing watched yet, or nothing new: no report (a seek alone is reported once watching began)
    if (spans.length === 0 && (this.lastPosition < 0 || position === this.lastPosition)) return;
    this.sending = true;
    this.send({ intervals: spans, position_s: position }, keepalive)
      .then(() => {
        this.lastPosition = position;
      })
      .catch(() => this.intervals.restore(spans))
      .finally(() => {
        this.sending = false;
      });
  }

  /** Sends the last report and stops listening. */
  destroy(): void {
    this.intervals.cut();
    this.flush(true);
    window.clearInterval(this.timer);
    for (const off of this.off) off();
  }
}
