// Resumable uploads with tus-js-client (tus 1.0) to POST /api/v1/uploads, in 8 MiB chunks, with
// retries. The upload URL is remembered in localStorage under the file's fingerprint (name, type,
// size, modification time), so after a reload, or when the phone dropped the page, choosing the
// same file again resumes where it stopped instead of starting over.

import { ApiError, errorFromBody, UPLOADS_ENDPOINT } from './api';

export const CHUNK_SIZE = 8 * 1024 * 1024;
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];

export interface UploadEvents {
  onProgress(sent: number, total: number): void;
  /** the server is unreachable or busy; tus-js-client retries after a delay */
  onRetry(attempt: number): void;
  onSuccess(uploadId: string): void;
  /** retries are exhausted or the server refused; `resume()` may be tried again */
  onError(error: ApiError | Error): void;
}

export interface UploadHandle {
  /** true when an earlier, interrupted upload of this file is being continued */
  resumed: boolean;
  pause(): Promise<void>;
  resume(): void;
  /** stops and deletes the partial upload on the server (tus termination) */
  cancel(): Promise<void>;
}

/** An earlier upload that did not finish (from the fingerprints stored in this browser). */
export interface UnfinishedUpload {
  filename: string;
  title: string;
  size: number | null;
  started: Date;
}

const tus = () => import('tus-js-client');

/** `extra`: more Upload-Metadata, e.g. `practice_step` (the upload becomes an attempt at that
 *  step); such an upload is remembered apart from one of the same file to the library. */
export async function startUpload(file: File, title: string, events: UploadEvents, extra: Record<string, string> = {}): Promise<UploadHandle> {
  const { Upload, DetailedError, defaultOptions } = await tus();
  const tag = Object.entries(extra).map(([k, v]) => `${k}=${v}`).join('&');
  const upload = new Upload(file, {
    endpoint: UPLOADS_ENDPOINT,
    chunkSize: CHUNK_SIZE,
    retryDelays: RETRY_DELAYS,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    metadata: {
      filename: file.name || 'video',
      title: title || titleFromFilename(file.name),
      filetype: file.type || 'application/octet-stream',
      ...extra,
    },
    fingerprint: async (f, options) => {
      const base = await defaultOptions.fingerprint(f, options);
      return tag && base ? `${base}-${tag}` : base;
    },
    onProgress: (sent, total) => events.onProgress(sent, total),
    onShouldRetry: (err, attempt) => {
      const status = err.originalResponse?.getStatus() ?? 0;
      const retry = status === 0 || status >= 500 || status === 409 || status === 423 || status === 429;
      if (retry) events.onRetry(attempt + 1);
      return retry;
    },
    onSuccess: () => events.onSuccess(uploadIdFromUrl(upload.url ?? '')),
    onError: (err) => {
      const res = err instanceof DetailedError ? err.originalResponse : null;
      if (res && res.getStatus() >= 400) events.onError(errorFromBody(res.getStatus(), res.getBody() ?? ''));
      else events.onError(new ApiError(0, 'network', 'The upload lost its connection. It will continue from where it stopped when you tap Resume.'));
    },
  });

  const previous = await upload.findPreviousUploads();
  const resumed = previous.length > 0;
  if (resumed) upload.resumeFromPreviousUpload(previous[0]!);
  upload.start();

  return {
    resumed,
    pause: () => upload.abort(false),
    resume: () => upload.start(),
    cancel: () => upload.abort(true),
  };
}

/** Uploads this browser started and did not finish, newest first. */
export async function unfinishedUploads(): Promise<UnfinishedUpload[]> {
  try {
    const { defaultOptions } = await tus();
    const all = await defaultOptions.urlStorage.findAllUploads();
    return all
      .map((u) => ({
        filename: u.metadata.filename ?? 'video',
        title: u.metadata.title ?? '',
        size: u.size,
        started: new Date(u.creationTime),
      }))
      .sort((a, b) => b.started.getTime() - a.started.getTime());
  } catch {
    return [];
  }
}

/** "/api/v1/uploads/0193…" (or an absolute URL) → "0193…". */
export function uploadIdFromUrl(url: string): string {
  const path = new URL(url, location.href).pathname;
  return decodeURIComponent(path.split('/').filter(Boolean).pop() ?? '');
}

/** "Forklift safety check.mov" → "Forklift safety check". */
export function titleFromFilename(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim() || 'Untitled video';
}
