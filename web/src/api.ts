// The one module that talks to the Reelhouse server. Every fetch of the app lives here, with the
// JSON shapes it sends and receives as TypeScript types (see shared/CONTRACT.md and the server's
// /api/v1/openapi.json). Uploads are the one exception on the wire: tus-js-client sends them to
// UPLOADS_ENDPOINT itself, but the endpoint and the upload status call are defined here.
//
// The server answers errors as {"error": {"code", "message"}}; every function here throws an
// ApiError carrying that message, which pages show to the person as it is.

/** A time as the server sends it: unix milliseconds or an ISO 8601 string. */
export type Timestamp = number | string;

export type Role = 'admin' | 'trainer' | 'member';

export interface Branding {
  name: string;
  logo_url: string | null;
  primary_color: string | null;
  accent_color: string | null;
  welcome_message: string | null;
}

/** A change to the branding (PUT /api/v1/branding); the logo has its own call. Colours are
 *  `#rrggbb` or null (the Reelhouse default). */
export interface BrandingChange {
  name: string;
  primary_color: string | null;
  accent_color: string | null;
  welcome_message: string | null;
}

/** The organisation's settings (GET / PUT /api/v1/org/settings). Admins. */
export interface OrgSettings {
  /** trainers may make playback links that work without signing in */
  allow_public_links: boolean;
  /** people may download videos for offline viewing */
  allow_downloads: boolean;
  /** members' uploads wait for a trainer's approval before they appear in the library */
  review_uploads: boolean;
  /** 0.5..1: the share of a video that must really be watched for it to count as done */
  completion_threshold: number;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  org: { id: string; slug: string; name: string };
}

/** One on-boarding playlist assigned to the signed-in person (GET /api/v1/me/assignments). */
export interface Assignment {
  id: string;
  playlist_id: string;
  title: string;
  description?: string | null;
  cover_url?: string | null;
  due_at: Timestamp | null;
  overdue: boolean;
  completed: boolean;
  /** when the last item was completed, once all are */
  completed_at?: Timestamp | null;
  items_total: number;
  items_completed: number;
  /** 0..1: items completed / total */
  fraction: number;
  /** 0..1: like fraction, but a partly watched video counts by the share watched */
  progress?: number;
}

export type LibraryKind = 'video' | 'handout' | 'resource';

export interface LibraryItem {
  id: string;
  kind: LibraryKind;
  title: string;
  tagline: string | null;
  tags: string[];
  owner_id?: string;
  created_at?: Timestamp;
  updated_at?: Timestamp;
  /** videos: poster image and length, when known */
  poster_url?: string | null;
  duration_s?: number | null;
}

/** A person marked as an expert on a tag, to ask about it. */
export interface Expert {
  user_id: string;
  name: string;
  email: string;
  tag: string;
}

export interface LibraryPage {
  items: LibraryItem[];
  /** the experts on the tag filter, or on the words of a typed search */
  experts?: Expert[];
  next_cursor: string | null;
}

export interface LibraryQuery {
  q?: string;
  tag?: string;
  kind?: LibraryKind | '';
  cursor?: string | null;
}

export interface UploadStatus {
  upload_id: string;
  offset: number;
  length: number;
  video_id: string | null;
}

export type VideoStatus = 'uploading' | 'queued' | 'processing' | 'ready' | 'failed';

export interface Handout {
  id: string;
  /** the video it is attached to; null for a handout on its own in the library */
  video_id?: string | null;
  filename: string;
  title?: string | null;
  tagline?: string;
  description?: string;
  tags?: string[];
  /** bytes */
  size?: number | null;
  /** recognised from the content by the server */
  content_type?: string | null;
  created_at?: Timestamp;
}

/** A change to a handout's editable fields (PATCH /api/v1/handouts/{id}). */
export interface HandoutChange {
  title?: string;
  tagline?: string;
  description?: string;
  tags?: string[];
}

/** An external link in the library (GET /api/v1/resources/{id}). */
export interface Resource {
  id: string;
  owner_id?: string;
  title: string;
  /** http(s) */
  url: string;
  tagline: string;
  description: string;
  tags: string[];
  created_at?: Timestamp;
  updated_at?: Timestamp;
}

/** A new link, or a change to one (what is left out of a change stays). */
export interface ResourceFields {
  title?: string;
  url?: string;
  tagline?: string;
  description?: string;
  tags?: string[];
}

/** One rung of a video's ladder; a portrait video's 720p rung is 720 wide and 1280 high. */
export interface Rendition {
  width?: number | null;
  height: number;
  bandwidth: number;
}

export interface ProgressResult {
  watched_s: number;
  /** 0..1, each second of the video counted once */
  fraction: number;
  completed: boolean;
  position_s: number;
}

export interface Video {
  id: string;
  title: string;
  tagline?: string;
  description?: string;
  tags?: string[];
  /** waiting for a trainer's review: only its owner and trainers see it until approved */
  held?: boolean;
  owner_id?: string;
  created_at?: Timestamp;
  status: VideoStatus;
  /** a sentence for a person, set when status is "failed" */
  error: string | null;
  duration_s: number | null;
  width: number | null;
  height: number | null;
  renditions: Rendition[];
  hls_url: string | null;
  poster_url: string | null;
  handouts: Handout[];
  /** optional: 0..1 while queued/processing */
  transcode_progress?: number | null;
  /** transcoding progress, 0..100 */
  progress_pct?: number | null;
  /** the caller's saved progress on this video (any device); null before any; absent from
   *  servers that do not send it (then ask GET …/progress) */
  my_progress?: ProgressResult | null;
}

/** A change to a video's editable fields (PATCH /api/v1/videos/{id}); what is left out stays. */
export interface VideoChange {
  title?: string;
  tagline?: string;
  description?: string;
  tags?: string[];
}

export interface ProgressReport {
  /** watched [start_s, end_s] spans, in seconds of the video */
  intervals: [number, number][];
  position_s: number;
}

export interface PlaylistItem {
  /** the entry in the playlist (one video may be in it twice) */
  id: string;
  kind: LibraryKind;
  /** the video, handout or resource */
  item_id: string;
  title: string;
  /** videos watched far enough, handouts downloaded, resources opened */
  completed: boolean;
  /** sequential playlists: not open until the item before is completed */
  locked: boolean;
  /** resources: the external link (open it with openResource, which records the opening) */
  url: string | null;
  /** 0..1 for the caller: a partly watched video by the share watched */
  progress?: number;
  /** videos */
  duration_s?: number | null;
  poster_url?: string | null;
  /** handouts, when the server says: opened in the phone's viewer when it can show it */
  content_type?: string | null;
}

export interface Playlist {
  id: string;
  title: string;
  description: string | null;
  /** plain text, paragraphs separated by blank lines */
  intro: string | null;
  onboarding?: boolean;
  sequential: boolean;
  published?: boolean;
  /** same-origin and behind the session, like the rest of the API */
  cover_url: string | null;
  updated_at?: Timestamp;
  items: PlaylistItem[];
}

/** A playlist without its items, as listed, created and changed (trainers also see drafts). */
export type PlaylistSummary = Omit<Playlist, 'items'>;

/** The editable fields of a playlist (POST / PATCH /api/v1/playlists); what is left out stays. */
export interface PlaylistFields {
  title?: string;
  description?: string;
  intro?: string;
  onboarding?: boolean;
  sequential?: boolean;
  published?: boolean;
}

/** One assignee's progress on a playlist (GET /api/v1/playlists/{id}/report). */
export interface ReportRow {
  playlist_id: string;
  playlist_title: string;
  user_id: string;
  name: string;
  email: string;
  items_total: number;
  items_completed: number;
  /** 0..1 */
  fraction: number;
  completed: boolean;
  completed_at: Timestamp | null;
  last_activity: Timestamp | null;
  due_at: Timestamp | null;
  overdue: boolean;
  /** 0..1, a partly watched video counted by the share watched */
  progress?: number;
  /** each item of the playlist for this person */
  items?: ReportItem[];
}

/** One item of a playlist for one person in the report. */
export interface ReportItem {
  entry_id: string;
  item_id: string;
  kind: LibraryKind;
  title: string;
  completed: boolean;
  /** 0..1 */
  progress: number;
  completed_at: Timestamp | null;
}

/** Who gets a playlist: named people and/or everyone with a role / in a cohort (standing). */
export interface NewAssignments {
  user_ids?: string[];
  role?: Role;
  cohort?: string;
  /** unix milliseconds */
  due_at?: number;
}

/** A person of the organisation (GET /api/v1/users). */
export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface NewInvitation {
  email: string;
  role: Role;
  cohort?: string;
  playlist_ids?: string[];
  due_in_days?: number;
}

export interface CreatedInvitation {
  id: string;
  email: string;
  role: Role;
  cohort: string | null;
  playlist_ids: string[];
  expires_at: Timestamp;
  /** the link to hand to the person when email is not configured */
  accept_url: string;
  token: string;
  /** whether the server sent the invitation by email */
  emailed: boolean;
}

/** What an invitation link is for (POST /api/v1/invitations/lookup, no session needed). */
export interface InvitationPreview {
  email: string;
  role: Role;
  /** the organisation's name */
  organisation: string | { name: string };
  state: 'open' | 'accepted' | 'expired' | 'withdrawn';
}

/** An error answered by the server (or the network), with a message fit to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The tus endpoint that tus-js-client creates uploads at. */
export const UPLOADS_ENDPOINT = '/api/v1/uploads';

let onUnauthorized: (() => void) | null = null;

/** Called when any call (other than sign-in itself) answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  body?: unknown;
  /** sent as it is (a file), with its own Content-Type, instead of JSON */
  raw?: Blob;
  /** 401 is an answer to show, not a reason to go to the sign-in page */
  expect401?: boolean;
  keepalive?: boolean;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.raw) headers['Content-Type'] = opts.raw.type || 'application/octet-stream';
  else if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      keepalive: opts.keepalive,
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  if (!res.ok) {
    const err = errorFromBody(res.status, text);
    if (res.status === 401 && !opts.expect401) onUnauthorized?.();
    throw err;
  }
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'bad_response', 'The server sent an answer the app cannot read.');
  }
}

/** Turns an error response body into an ApiError; also used for tus upload errors. */
export function errorFromBody(status: number, body: string): ApiError {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: string; message?: string } };
    if (parsed.error?.message) {
      return new ApiError(status, parsed.error.code ?? 'error', parsed.error.message);
    }
  } catch {
    // not JSON: a proxy or the network answered; fall through to a generic sentence
  }
  const message =
    status >= 500
      ? `The server had a problem (${status}). Please try again in a moment.`
      : `The request failed (${status}).`;
  return new ApiError(status, 'http_' + status, message);
}

/** `/a/b` + {x: '1', y: ''} → `/a/b?x=1` (empty values are left out). */
function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const enc = encodeURIComponent;

/** Lists may come bare or wrapped as {"items": [...]}; accept both. */
function itemsOf<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

// --- public -------------------------------------------------------------------------------

export function getBranding(signal?: AbortSignal): Promise<Branding> {
  return request('GET', '/api/v1/branding', { signal, expect401: true });
}

export async function login(email: string, password: string): Promise<void> {
  await request('POST', '/api/v1/auth/login', { body: { email, password }, expect401: true });
}

export async function acceptInvitation(token: string, name: string, password: string): Promise<void> {
  await request('POST', '/api/v1/invitations/accept', {
    body: { token, name, password },
    expect401: true,
  });
}

/** What an invitation link is for, and whether it can still be used; 404 for an unknown one. */
export function lookupInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return request('POST', '/api/v1/invitations/lookup', { body: { token }, expect401: true, signal });
}

// --- identity -----------------------------------------------------------------------------

/** The signed-in person; throws ApiError 401 when there is no session (without redirecting). */
export function getMe(): Promise<Me> {
  return request('GET', '/api/v1/auth/me', { expect401: true });
}

export async function logout(): Promise<void> {
  await request('POST', '/api/v1/auth/logout', { expect401: true });
}

// --- learning -----------------------------------------------------------------------------

export async function myAssignments(signal?: AbortSignal): Promise<Assignment[]> {
  const body = await request<Assignment[] | { items: Assignment[] }>('GET', '/api/v1/me/assignments', {
    signal,
  });
  return itemsOf(body);
}

export function searchLibrary(query: LibraryQuery, signal?: AbortSignal): Promise<LibraryPage> {
  const path = withQuery('/api/v1/library', {
    q: query.q,
    tag: query.tag,
    kind: query.kind,
    cursor: query.cursor,
  });
  return request('GET', path, { signal });
}

export function getPlaylist(id: string, signal?: AbortSignal): Promise<Playlist> {
  return request('GET', `/api/v1/playlists/${enc(id)}`, { signal });
}

/** Records that the person opened an external resource (completing it in their playlists) and
 *  answers its link. */
export function openResource(resourceId: string, signal?: AbortSignal): Promise<{ url: string }> {
  return request('POST', `/api/v1/resources/${enc(resourceId)}/open`, { signal });
}

// --- videos -------------------------------------------------------------------------------

export function getVideo(id: string, signal?: AbortSignal): Promise<Video> {
  return request('GET', `/api/v1/videos/${enc(id)}`, { signal });
}

/** Changes title, tag-line, description or tags. Trainers, admins and the video's owner. */
export function updateVideo(id: string, change: VideoChange): Promise<Video> {
  return request('PATCH', `/api/v1/videos/${enc(id)}`, { body: change });
}

/** Releases a video held for review into the library. Trainers and admins. */
export function approveVideo(id: string): Promise<Video> {
  return request('POST', `/api/v1/videos/${enc(id)}/approve`);
}

/** The organisation's videos waiting for review, oldest first. Trainers and admins. */
export async function reviewQueue(signal?: AbortSignal): Promise<Video[]> {
  return itemsOf(await request<Video[] | { items: Video[] }>('GET', '/api/v1/reviews', { signal }));
}

/** Reports watched spans. `keepalive` lets the request outlive the page (pagehide). */
export function reportProgress(
  videoId: string,
  report: ProgressReport,
  keepalive = false,
): Promise<ProgressResult> {
  return request('POST', `/api/v1/videos/${enc(videoId)}/progress`, { body: report, keepalive });
}

/** Deletes a video with its handouts and progress; it leaves every playlist. Trainers, admins
 *  and the video's owner. */
export async function deleteVideo(id: string): Promise<void> {
  await request('DELETE', `/api/v1/videos/${enc(id)}`);
}

/** The caller's own uploads, newest first, whatever their status (at most 50). */
export async function myVideos(signal?: AbortSignal): Promise<Video[]> {
  return itemsOf(await request<Video[] | { items: Video[] }>('GET', '/api/v1/me/videos', { signal }));
}

/** The organisation's videos that failed to process, for trainers to find and delete. */
export async function failedVideos(signal?: AbortSignal): Promise<Video[]> {
  return itemsOf(await request<Video[] | { items: Video[] }>('GET', '/api/v1/videos?status=failed', { signal }));
}

/** The caller's saved progress on a video (for servers whose video view lacks my_progress). */
export function getProgress(videoId: string, signal?: AbortSignal): Promise<ProgressResult> {
  return request('GET', `/api/v1/videos/${enc(videoId)}/progress`, { signal });
}

/** Where a handout is fetched; `inline` asks for PDFs and pictures to open in the browser's
 *  viewer instead of downloading (other types still download). Both count as opened. */
export function handoutDownloadUrl(handoutId: string, inline = false): string {
  return `/api/v1/handouts/${enc(handoutId)}/download${inline ? '?inline=true' : ''}`;
}

// --- handouts -----------------------------------------------------------------------------

/** An upload running in the background: `done` settles with the server's answer. */
export interface UploadTask<T> {
  done: Promise<T>;
  /** stops it; `done` then rejects with an AbortError */
  abort(): void;
}

/**
 * Sends a handout file (multipart `file`, optional `title`) with upload progress: attached to a
 * video (POST /api/v1/videos/{id}/handouts; trainers and the video's owner) or, with no video,
 * on its own into the library (POST /api/v1/handouts; trainers). XMLHttpRequest, because fetch
 * cannot report upload progress.
 */
export function uploadHandout(
  videoId: string | null,
  file: File,
  title: string,
  onProgress: (sent: number, total: number) => void,
): UploadTask<Handout> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Handout>((resolve, reject) => {
    const form = new FormData();
    if (title) form.append('title', title);
    form.append('file', file, file.name);
    xhr.open('POST', videoId ? `/api/v1/videos/${enc(videoId)}/handouts` : '/api/v1/handouts');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (ev) => {
      if (ev.lengthComputable) onProgress(ev.loaded, ev.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as Handout);
        } catch {
          reject(new ApiError(xhr.status, 'bad_response', 'The server sent an answer the app cannot read.'));
        }
        return;
      }
      if (xhr.status === 401) onUnauthorized?.();
      reject(errorFromBody(xhr.status, xhr.responseText));
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.')));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was stopped.', 'AbortError')));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** Renames a handout (or changes its other fields). Trainers and its owner. */
export function updateHandout(id: string, change: HandoutChange): Promise<Handout> {
  return request('PATCH', `/api/v1/handouts/${enc(id)}`, { body: change });
}

/** Puts a video's handouts in this order (`order` names each of them once). */
export async function reorderHandouts(videoId: string, order: string[]): Promise<Handout[]> {
  return itemsOf(await request<Handout[] | { items: Handout[] }>('PUT', `/api/v1/videos/${enc(videoId)}/handouts`, { body: { order } }));
}

/** Deletes a handout; it leaves every playlist. */
export async function deleteHandout(id: string): Promise<void> {
  await request('DELETE', `/api/v1/handouts/${enc(id)}`);
}

// --- external links (resources) -------------------------------------------------------------

/** Adds a link to the library. Trainers and admins. */
export function createResource(fields: ResourceFields): Promise<Resource> {
  return request('POST', '/api/v1/resources', { body: fields });
}

export function getResource(id: string, signal?: AbortSignal): Promise<Resource> {
  return request('GET', `/api/v1/resources/${enc(id)}`, { signal });
}

export function updateResource(id: string, change: ResourceFields): Promise<Resource> {
  return request('PATCH', `/api/v1/resources/${enc(id)}`, { body: change });
}

/** Deletes a link; it leaves every playlist. */
export async function deleteResource(id: string): Promise<void> {
  await request('DELETE', `/api/v1/resources/${enc(id)}`);
}

// --- uploads ------------------------------------------------------------------------------

export function getUpload(uploadId: string, signal?: AbortSignal): Promise<UploadStatus> {
  return request('GET', `${UPLOADS_ENDPOINT}/${enc(uploadId)}`, { signal });
}

// --- managing playlists (trainers and admins) ----------------------------------------------

/** The playlists the caller may see (trainers: drafts too); with `contains`, only those holding
 *  that video, handout or link (to say before deleting it which playlists lose it). */
export async function listPlaylists(signal?: AbortSignal, contains?: string): Promise<PlaylistSummary[]> {
  const path = withQuery('/api/v1/playlists', { contains });
  return itemsOf(await request<PlaylistSummary[] | { items: PlaylistSummary[] }>('GET', path, { signal }));
}

export function createPlaylist(fields: PlaylistFields): Promise<PlaylistSummary> {
  return request('POST', '/api/v1/playlists', { body: fields });
}

export function updatePlaylist(id: string, change: PlaylistFields): Promise<PlaylistSummary> {
  return request('PATCH', `/api/v1/playlists/${enc(id)}`, { body: change });
}

export async function deletePlaylist(id: string): Promise<void> {
  await request('DELETE', `/api/v1/playlists/${enc(id)}`);
}

/** Adds a video, handout or resource at the end (or at `position`). */
export function addPlaylistItem(id: string, kind: LibraryKind, itemId: string, position?: number): Promise<PlaylistItem> {
  return request('POST', `/api/v1/playlists/${enc(id)}/items`, { body: { kind, item_id: itemId, position } });
}

/** Puts the items in this order; `order` names every entry id of the playlist. */
export function reorderPlaylist(id: string, order: string[]): Promise<Playlist> {
  return request('PUT', `/api/v1/playlists/${enc(id)}/items`, { body: { order } });
}

export async function removePlaylistItem(id: string, entryId: string): Promise<void> {
  await request('DELETE', `/api/v1/playlists/${enc(id)}/items/${enc(entryId)}`);
}

/** Sends a picture file (PNG, JPEG, WebP or GIF, at most 10 MiB) as the cover. */
export function uploadPlaylistCover(id: string, file: Blob): Promise<PlaylistSummary> {
  return request('PUT', `/api/v1/playlists/${enc(id)}/cover`, { raw: file });
}

export async function playlistReport(id: string, signal?: AbortSignal): Promise<ReportRow[]> {
  return itemsOf(await request<ReportRow[] | { items: ReportRow[] }>('GET', `/api/v1/playlists/${enc(id)}/report`, { signal }));
}

/** The same report as CSV (asked for with Accept: text/csv), to save as a file. */
export async function playlistReportCsv(id: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/playlists/${enc(id)}/report`, {
      headers: { Accept: 'text/csv' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!res.ok) {
    const err = errorFromBody(res.status, await res.text());
    if (res.status === 401) onUnauthorized?.();
    throw err;
  }
  return res.blob();
}

export function assignPlaylist(id: string, who: NewAssignments): Promise<{ assigned: number }> {
  return request('POST', `/api/v1/playlists/${enc(id)}/assignments`, { body: who });
}

/** Everyone in the organisation. Trainers and admins. */
export async function listPeople(signal?: AbortSignal): Promise<Person[]> {
  return itemsOf(await request<Person[] | { items: Person[] }>('GET', '/api/v1/users', { signal }));
}

/** Invites someone (trainers may invite members only); answers the link to accept it. */
export function createInvitation(invitation: NewInvitation): Promise<CreatedInvitation> {
  return request('POST', '/api/v1/invitations', { body: invitation });
}

// --- the organisation (admins) ---------------------------------------------------------------

/** Changes name, colours and welcome message; 422 with a sentence when a colour is too light. */
export function updateBranding(change: BrandingChange): Promise<Branding> {
  return request('PUT', '/api/v1/branding', { body: change });
}

/** Sends a picture file (PNG, JPEG, WebP or GIF, at most 10 MiB) as the logo. */
export function uploadLogo(file: Blob): Promise<Branding> {
  return request('PUT', '/api/v1/branding/logo', { raw: file });
}

export function getOrgSettings(signal?: AbortSignal): Promise<OrgSettings> {
  return request('GET', '/api/v1/org/settings', { signal });
}

/** Changes the settings given; the others stay. Answers all of them. */
export function updateOrgSettings(change: Partial<OrgSettings>): Promise<OrgSettings> {
  return request('PUT', '/api/v1/org/settings', { body: change });
}

// --- expertise ------------------------------------------------------------------------------

/** The organisation's experts, one row per person and tag (optionally only on `tag`). */
export async function listExperts(tag?: string, signal?: AbortSignal): Promise<Expert[]> {
  return itemsOf(await request<Expert[] | { items: Expert[] }>('GET', withQuery('/api/v1/experts', { tag }), { signal }));
}

/** Replaces the tags the signed-in person is an expert on; answers them as the server keeps
 *  them (lower case, spaces as hyphens). */
export function setMyExpertise(tags: string[]): Promise<{ tags: string[] }> {
  return request('PUT', '/api/v1/me/expertise', { body: { tags } });
}
