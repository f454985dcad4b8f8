// The one module that talks to the Reelhouse server. Every fetch of the app lives here.
//
// The JSON shapes are not written by hand: they come from src/api.schema.ts, which openapi-
// typescript generates from the server's OpenAPI document (GET /api/v1/openapi.json, or
// `reelhouse openapi`; the copy the types were made from is web/openapi.json). The HTTP contract
// itself is described in docs/contract.md. Each call below also names its route, method, path
// parameters, query and body as the document spells them (`call`), so a route or a field that
// the server changes and the app does not follow fails `npm run build` and `make test` instead
// of a person's screen. Regenerate after a server change (web/README.md, "API types"):
//   reelhouse openapi > /tmp/openapi.json && OPENAPI=/tmp/openapi.json npm run api:generate
//
// Uploads are the one exception on the wire: tus-js-client sends them to UPLOADS_ENDPOINT
// itself, but the endpoint and the upload status call are defined here.
//
// The server answers errors as {"error": {"code", "message"}} (or, shorter, {"error": "<sentence>"});
// every function here throws an ApiError carrying that message, which pages show to the person
// as it is.

import type { components, paths } from './api.schema';

type Schemas = components['schemas'];

// --- the JSON shapes, from the server's schema ------------------------------------------------

// Where the document says less than the app relies on, a type below narrows it, and only there:
// the schema types `kind` and `status` as any string, while the app switches over their values.
// `Narrow` only accepts a narrowing of what the schema says (U extends T[K]), so should the
// server declare these as enums that disagree, this stops compiling. (Listed in web/README.md,
// "API types", as gaps of the server's annotations.)
type Narrow<T, K extends keyof T, U extends T[K]> = Omit<T, K> & { [P in K]: U };

/** What the library and playlists hold (the schema: `kind: string`, "video | handout | resource"). */
export type LibraryKind = 'video' | 'handout' | 'resource';

/** Where a video is (the schema: `status: string`, "uploading | queued | processing | ready | failed"). */
export type VideoStatus = 'uploading' | 'queued' | 'processing' | 'ready' | 'failed';

/** A time as the server sends it: unix milliseconds (every time in the schema is an int64). */
export type Timestamp = number;

export type Role = Schemas['Role'];
export type Branding = Schemas['Branding'];
/** A change to the branding (PUT /api/v1/branding); the logo has its own call. */
export type BrandingChange = Schemas['BrandingChange'];
/** The organisation's settings (GET / PUT /api/v1/org/settings). Admins. */
export type OrgSettings = Schemas['Settings'];
/** A change to the settings; what is left out stays. */
export type OrgSettingsChange = Schemas['SettingsChange'];
/** What the organisation and each of its people store, against the quotas (GET
 *  /api/v1/org/usage). Admins. A quota of null is unlimited; `people` lists those storing
 *  anything, most first. */
export type Usage = Schemas['Usage'];
/** One person's share of the organisation's storage. */
export type PersonUsage = Schemas['PersonUsage'];
/** The signed-in person: `must_change_password` when someone else chose the password (the
 *  first admin), who may do nothing else until they set their own; `has_password` false for
 *  people who only sign in through their organisation's identity provider. */
export type Me = Schemas['Me'];
/** One on-boarding playlist assigned to the signed-in person (GET /api/v1/me/assignments). */
export type Assignment = Schemas['MyAssignment'];
/** One search result of the library. */
export type LibraryItem = Narrow<Schemas['Hit'], 'kind', LibraryKind>;
/** A person marked as an expert on a tag, to ask about it. */
export type Expert = Schemas['Expert'];
/** A colleague anyone may find by name (never an email): to ask for a review, to mention. */
export type Colleague = Schemas['Colleague'];
/** An entry of the expert log: someone outside the organisation (`user_id` null), or a note on a
 *  colleague. */
export type ExpertLogEntry = Schemas['LogEntry'];
export type ExpertLogInput = Schemas['ExpertLogInput'];
export type ExpertChannel = Schemas['ExpertChannel'];
/** A person's development page (GET /api/v1/people/{id}/development). */
export type DevelopmentPage = Schemas['DevelopmentPage'];
export type Objective = Schemas['Objective'];
export type ObjectiveInput = Schemas['ObjectiveInput'];
export type ObjectiveLinkKind = Schemas['LinkKind'];
/** A development review (not a practice attempt's review). */
export type DevReview = Schemas['Review'];
export type DevReviewInput = Schemas['ReviewInput'];
export type ObjectivesReport = Schemas['ObjectivesReport'];
export type LibraryPage = Omit<Schemas['LibraryPage'], 'items'> & { items: LibraryItem[] };
/** The library search as the app's pages hold it (sent as the query of GET /api/v1/library). */
export interface LibraryQuery {
  q?: string;
  tag?: string;
  kind?: LibraryKind | '';
  cursor?: string | null;
}
export type UploadStatus = Schemas['UploadStatus'];
export type Handout = Schemas['Handout'];
/** A change to a handout's editable fields (PATCH /api/v1/handouts/{id}). */
export type HandoutChange = Schemas['ItemChange'];
/** An external link in the library (GET /api/v1/resources/{id}). */
export type Resource = Schemas['ResourceView'];
/** A new link (POST /api/v1/resources). */
export type NewResource = Schemas['NewResource'];
/** A change to a link; what is left out stays. */
export type ResourceChange = Schemas['ResourceChange'];
/** One rung of a video's ladder; a portrait video's 720p rung is 720 wide and 1280 high. */
export type Rendition = Schemas['Rendition'];
export type ProgressResult = Schemas['ProgressView'];
export type Video = Narrow<Schemas['VideoView'], 'status', VideoStatus>;
/** A change to a video's editable fields (PATCH /api/v1/videos/{id}); what is left out stays. */
export type VideoChange = Schemas['ItemChange'];
export type ProgressReport = Schemas['ProgressReport'];
/** A video's captions in one language; `url` is the WebVTT file (for the transcript and the
 *  player's <track>). */
export type Caption = Schemas['CaptionView'];
/** A moment of a video: a chapter mark, and for handout / resource moments a card at its time. */
export type Moment = Schemas['MomentView'];
/** A moment as the editor sends it (PUT /api/v1/videos/{id}/moments, the whole list). */
export type MomentChange = Schemas['MomentChange'];
/** What a playlist entry is: a library item, a practice step, a quiz or a workbook exercise (the
 *  schema: `kind: string`). */
export type EntryKind = LibraryKind | 'practice' | 'quiz' | 'exercise';
/** One entry of a playlist as the caller sees it (one video may be in a playlist twice). */
export type PlaylistItem = Narrow<Schemas['Item'], 'kind', EntryKind>;
export type Playlist = Omit<Schemas['PlaylistView'], 'items'> & { items: PlaylistItem[] };
/** A playlist without its items, as listed, created and changed (trainers also see drafts). */
export type PlaylistSummary = Schemas['Playlist'];
/** The editable fields of a playlist (POST / PATCH /api/v1/playlists); what is left out stays. */
export type PlaylistFields = Schemas['PlaylistFields'];
/** A new playlist: a title, and optionally the other fields. */
export type NewPlaylist = Schemas['NewPlaylist'];
/** One item of a playlist for one person in the report. */
export type ReportItem = Narrow<Schemas['ReportItem'], 'kind', EntryKind>;
/** Where a person stands on a practice step in a report: status, attempts, the latest scores. */
export type PracticeState = Schemas['PracticeState'];
/** One assignee's progress on a playlist (GET /api/v1/playlists/{id}/report). */
export type ReportRow = Omit<Schemas['ReportLine'], 'items'> & { items: ReportItem[] };
/** Who gets a playlist: named people and/or everyone with a role / in a cohort (standing). */
export type NewAssignments = Schemas['NewAssignments'];
/** A person of the organisation (GET /api/v1/users). */
export type Person = Schemas['Member'];
export type NewInvitation = Schemas['NewInvitation'];
export type CreatedInvitation = Schemas['CreatedInvitation'];
/** What an invitation link is for (POST /api/v1/invitations/lookup, no session needed). */
export type InvitationPreview = Schemas['InvitationPreview'];
/** An open invitation (GET /api/v1/invitations): who, which role, sent and expiring when. */
export type Invitation = Schemas['Invitation'];
/** A change to a person (PATCH /api/v1/users/{id}): role, name, active; what is left out stays. */
export type PersonChange = Schemas['UserChange'];

export type ChangePassword = Schemas['ChangePassword'];
export type ForgotPassword = Schemas['ForgotPassword'];
export type ResetPassword = Schemas['ResetPassword'];
export type ResetLink = Schemas['ResetLink'];
/** An API token as its owner sees it (never the token itself); times in unix ms. */
export type TokenInfo = Schemas['TokenInfo'];
export type NewToken = Schemas['NewToken'];
/** A just-made API token: the only answer that holds the token itself. */
export type CreatedToken = Schemas['CreatedToken'];
export type SsoProviders = Schemas['SignInOptions'];
export type SsoProvider = SsoProviders['providers'][number];
export type SsoSettings = Schemas['SsoSettings'];
export type SsoUpdate = Schemas['SsoUpdate'];

/** A practice step: instructions, an optional model video and a rubric. */
export type Step = Schemas['Step'];
/** A step as its learner sees it: with their attempts, reviewers and where they stand. */
export type StepView = Schemas['StepView'];
/** A step as the trainers' editor sends it (POST / PUT /api/v1/practice-steps). */
export type StepFields = Schemas['StepFields'];
export type Criterion = Schemas['Criterion'];
export type CriterionFields = Schemas['CriterionFields'];
export type RubricLevel = Schemas['Level'];
export type AttemptStatus = Schemas['AttemptStatus'];
export type AttemptSummary = Schemas['AttemptSummary'];
/** An attempt with its reviews, feedback comments and the learner's other attempts. */
export type AttemptView = Schemas['AttemptView'];
export type Review = Schemas['ReviewView'];
export type NewReview = Schemas['NewReview'];
export type MomentComment = Schemas['MomentComment'];
export type Verdict = Schemas['Verdict'];
export type Reviewer = Schemas['Reviewer'];
/** What a comment is on: a video, handout, resource or practice attempt. */
export type CommentTarget = Schemas['Target'];
export type Comment = Schemas['CommentView'];
export type NewComment = Schemas['NewCommentRequest'];
export type CommentStatus = Schemas['Status'];
export type Notification = Schemas['Notification'];
export type Inbox = Schemas['Inbox'];
export type NotificationKind = Schemas['Kind'];
export type Channel = Schemas['Channel'];
export type NotificationSetting = Schemas['NotificationSetting'];
/** How the caller gets each kind; `email_available` false when the server sends no email. */
export type NotificationSettings = Schemas['NotificationSettings'];
/** What a trainer makes of a comment: let through / shown again, or hidden. */
export type Moderation = Schemas['Moderation'];

/** A quiz whole, with its answer keys, as trainers write and read it (GET …/quizzes/{id}/edit). */
export type Quiz = Schemas['Quiz'];
/** One question of a quiz as trainers see it (with its key). */
export type QuizQuestion = Schemas['Question'];
/** What the quiz editor sends (POST / PUT /api/v1/quizzes). */
export type QuizFields = Schemas['QuizFields'];
export type QuestionFields = Schemas['QuestionFields'];
export type QuestionKind = Schemas['QuestionKind'];
/** A quiz in the trainers' list. */
export type QuizSummary = Schemas['QuizSummary'];
/** Each person's attempts, best score and pass at a quiz. */
export type QuizScores = Schemas['QuizScores'];
/** How each question of a quiz fared, and the most missed one. */
export type QuestionReport = Schemas['QuestionReport'];
export type QuestionStats = Schemas['QuestionStats'];
/** A free-text answer waiting for a trainer's mark. */
export type UnmarkedAnswer = Schemas['Unmarked'];
export type AnswerMark = Schemas['Mark'];
/** A workbook exercise: instructions and maybe a handout to fill in. */
export type Exercise = Schemas['Exercise'];
export type ExerciseFields = Schemas['ExerciseFields'];
/** An exercise with what the caller handed in and where they stand. */
export type ExerciseView = Schemas['ExerciseView'];
/** What a learner handed in for an exercise, and how it was marked. */
export type Submission = Schemas['Submission'];
export type SubmissionStatus = Schemas['SubmissionStatus'];
export type SubmissionMark = Schemas['SubmissionMark'];

// --- the routes, from the server's schema ---------------------------------------------------

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Route = keyof paths;
type Operation<P extends Route, M extends Method> = NonNullable<paths[P][M]>;
/** The methods the document declares on a route. */
type MethodOf<P extends Route> = { [M in Method]-?: [Operation<P, M>] extends [never] ? never : M }[Method];
type Defined<X> = [Exclude<X, undefined>] extends [never] ? never : Exclude<X, undefined>;
type PathParams<O> = O extends { parameters: { path?: infer X } } ? Defined<X> : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? Defined<X> : never;
type JsonBody<O> = O extends { requestBody?: infer R }
  ? [Defined<R>] extends [never]
    ? never
    : Defined<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;
/** The JSON of the route's success answer (200, 201, 202), or void for one without a body (204). */
type Answer<O> = O extends { responses: infer R }
  ? R[Extract<keyof R, 200 | 201 | 202 | 204>] extends { content: { 'application/json': infer T } }
    ? T
    : void
  : never;

/** Where the route's path parameters and query go; both exactly as the document names them. */
type Target<O> = ([PathParams<O>] extends [never] ? { params?: never } : { params: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: QueryParams<O> });

interface RequestOptions {
  body?: unknown;
  /** sent as it is (a file), with its own Content-Type, instead of JSON */
  raw?: Blob;
  /** sent as multipart/form-data (the browser writes the Content-Type and its boundary) */
  form?: FormData;
  /** 401 is an answer to show, not a reason to go to the sign-in page */
  expect401?: boolean;
  keepalive?: boolean;
  signal?: AbortSignal;
}

type CallOptions<O> = Omit<RequestOptions, 'body'> &
  Target<O> &
  ([JsonBody<O>] extends [never] ? { body?: never } : { body: JsonBody<O> });

/** The URL of a route of the document, its `{name}` parameters filled in (encoded) and its query
 *  added (empty values left out). */
function href<P extends Route, M extends MethodOf<P> & Method>(
  _method: M,
  route: P,
  target: Target<Operation<P, M>>,
): string {
  const params = (target.params ?? {}) as Record<string, string>;
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries((target.query ?? {}) as Record<string, unknown>)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

/** One call of a route of the document: its answer is typed by the document too. */
function call<P extends Route, M extends MethodOf<P> & Method>(
  method: M,
  route: P,
  options: CallOptions<Operation<P, M>>,
): Promise<Answer<Operation<P, M>>> {
  return request(method.toUpperCase(), href(method, route, options), options);
}

// --- errors and the wire -------------------------------------------------------------------------

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
export const UPLOADS_ENDPOINT = '/api/v1/uploads' satisfies Route;

let onUnauthorized: (() => void) | null = null;

/** Called when any call (other than sign-in itself) answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
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
      body: opts.form ?? opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
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
    const parsed = JSON.parse(body) as Partial<Schemas['ErrorBody']> | { error?: string };
    if (typeof parsed.error === 'string' && parsed.error) {
      // the shorter form, {"error": "<sentence>"}
      return new ApiError(status, 'error', parsed.error);
    }
    if (typeof parsed.error === 'object' && parsed.error?.message) {
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

// --- public -------------------------------------------------------------------------------

export function getBranding(signal?: AbortSignal): Promise<Branding> {
  return call('get', '/api/v1/branding', { signal, expect401: true });
}

/** Signs in (sets the session cookie) and answers who: see `must_change_password`. */
export function login(email: string, password: string): Promise<Me> {
  return call('post', '/api/v1/auth/login', { body: { email, password }, expect401: true });
}

/** Which identity provider covers the domain of `email` (none: an empty list), and whether its
 *  organisation still allows passwords. Public. */
export function ssoProviders(email: string, signal?: AbortSignal): Promise<SsoProviders> {
  return call('get', '/api/v1/auth/oidc/providers', { query: { email }, expect401: true, signal });
}

/** Asks for a reset link by email. The answer's sentence is the same whether or not the address
 *  has an account. Public. */
export function forgotPassword(email: string): Promise<{ message: string }> {
  const body: ForgotPassword = { email };
  return call('post', '/api/v1/auth/password/forgot', { body, expect401: true });
}

/** Sets a new password with the token of a reset link, and signs in (every other session of the
 *  person ends). 400 with a sentence for a used, expired or unknown link. Public. */
export function resetPassword(token: string, newPassword: string): Promise<Me> {
  const body: ResetPassword = { token, new_password: newPassword };
  return call('post', '/api/v1/auth/password/reset', { body, expect401: true });
}

export async function acceptInvitation(token: string, name: string, password: string): Promise<void> {
  await call('post', '/api/v1/invitations/accept', { body: { token, name, password }, expect401: true });
}

/** What an invitation link is for, and whether it can still be used; 404 for an unknown one. */
export function lookupInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return call('post', '/api/v1/invitations/lookup', { body: { token }, expect401: true, signal });
}

// --- identity -----------------------------------------------------------------------------

/** The signed-in person; throws ApiError 401 when there is no session (without redirecting). */
export function getMe(): Promise<Me> {
  return call('get', '/api/v1/auth/me', { expect401: true });
}

export async function logout(): Promise<void> {
  await call('post', '/api/v1/auth/logout', { expect401: true });
}

/** Changes the signed-in person's password; every other session of theirs ends (this one stays).
 *  403 with a sentence when the current password is wrong, 422 when the new one is too short. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const body: ChangePassword = { current_password: currentPassword, new_password: newPassword };
  await call('post', '/api/v1/auth/password', { body });
}

/** The signed-in person's API tokens (never the tokens themselves). */
export function listTokens(signal?: AbortSignal): Promise<TokenInfo[]> {
  return call('get', '/api/v1/auth/tokens', { signal });
}

/** Makes an API token, valid for `expiresInDays` (1 to 3650) or, left out, until revoked. The
 *  answer is the only time the token itself is shown. */
export function createToken(name: string, expiresInDays?: number): Promise<CreatedToken> {
  const body: NewToken = expiresInDays === undefined ? { name } : { name, expires_in_days: expiresInDays };
  return call('post', '/api/v1/auth/tokens', { body });
}

/** Revokes one of the signed-in person's API tokens; it stops working at once. */
export async function revokeToken(id: string): Promise<void> {
  await call('delete', '/api/v1/auth/tokens/{token_id}', { params: { token_id: id } });
}

// --- learning -----------------------------------------------------------------------------

export async function myAssignments(signal?: AbortSignal): Promise<Assignment[]> {
  return (await call('get', '/api/v1/me/assignments', { signal })).items;
}

export async function searchLibrary(query: LibraryQuery, signal?: AbortSignal): Promise<LibraryPage> {
  const { q, tag, cursor } = query;
  // "" is "every kind": the server takes no `kind` for that.
  const kind = query.kind || undefined;
  const page = await call('get', '/api/v1/library', { query: { q, tag, kind, cursor }, signal });
  return page as LibraryPage; // narrows `kind` (see Narrow)
}

export async function getPlaylist(id: string, signal?: AbortSignal): Promise<Playlist> {
  const playlist = await call('get', '/api/v1/playlists/{playlist_id}', { params: { playlist_id: id }, signal });
  return playlist as Playlist; // narrows `kind` (see Narrow)
}

/** Records that the person opened an external resource (completing it in their playlists) and
 *  answers its link. */
export function openResource(resourceId: string, signal?: AbortSignal): Promise<{ url: string }> {
  return call('post', '/api/v1/resources/{resource_id}/open', { params: { resource_id: resourceId }, signal });
}

// --- videos -------------------------------------------------------------------------------

export async function getVideo(id: string, signal?: AbortSignal): Promise<Video> {
  const video = await call('get', '/api/v1/videos/{video_id}', { params: { video_id: id }, signal });
  return video as Video; // narrows `status` (see Narrow)
}

/** Changes title, tag-line, description or tags. Trainers, admins and the video's owner. */
export async function updateVideo(id: string, change: VideoChange): Promise<Video> {
  const video = await call('patch', '/api/v1/videos/{video_id}', { params: { video_id: id }, body: change });
  return video as Video;
}

/** Releases a video held for review into the library. Trainers and admins. */
export async function approveVideo(id: string): Promise<Video> {
  const video = await call('post', '/api/v1/videos/{video_id}/approve', { params: { video_id: id } });
  return video as Video;
}

/** The organisation's videos waiting for review, oldest first. Trainers and admins. */
export async function reviewQueue(signal?: AbortSignal): Promise<Video[]> {
  return (await call('get', '/api/v1/reviews', { signal })).items as Video[];
}

/** Reports watched spans. `keepalive` lets the request outlive the page (pagehide). */
export function reportProgress(
  videoId: string,
  report: ProgressReport,
  keepalive = false,
): Promise<ProgressResult> {
  return call('post', '/api/v1/videos/{video_id}/progress', { params: { video_id: videoId }, body: report, keepalive });
}

/** Deletes a video with its handouts and progress; it leaves every playlist. Trainers, admins
 *  and the video's owner. */
export async function deleteVideo(id: string): Promise<void> {
  await call('delete', '/api/v1/videos/{video_id}', { params: { video_id: id } });
}

/** The caller's own uploads, newest first, whatever their status (at most 50). */
export async function myVideos(signal?: AbortSignal): Promise<Video[]> {
  return (await call('get', '/api/v1/me/videos', { signal })).items as Video[];
}

/** The organisation's videos that failed to process, for trainers to find and delete. */
export async function failedVideos(signal?: AbortSignal): Promise<Video[]> {
  const status: VideoStatus = 'failed';
  return (await call('get', '/api/v1/videos', { query: { status }, signal })).items as Video[];
}

/** The caller's saved progress on a video (for when the video view lacks my_progress). */
export function getProgress(videoId: string, signal?: AbortSignal): Promise<ProgressResult> {
  return call('get', '/api/v1/videos/{video_id}/progress', { params: { video_id: videoId }, signal });
}

/** Where a handout is fetched; `inline` asks for PDFs and pictures to open in the browser's
 *  viewer instead of downloading (other types still download). Both count as opened. */
export function handoutDownloadUrl(handoutId: string, inline = false): string {
  return href('get', '/api/v1/handouts/{handout_id}/download', {
    params: { handout_id: handoutId },
    query: inline ? { inline: true } : {},
  });
}

// --- captions and moments --------------------------------------------------------------------

/** A video's captions, by language. Anyone who may see the video. */
export async function listCaptions(videoId: string, signal?: AbortSignal): Promise<Caption[]> {
  return (await call('get', '/api/v1/videos/{video_id}/captions', { params: { video_id: videoId }, signal })).items;
}

/**
 * Adds captions (a .vtt or .srt file, multipart `file`, `language`, optional `label`) to a video,
 * replacing those of the same language. Trainers and the video's owner; 422 with the server's
 * sentence when the file is not captions. (The multipart body is built here by hand, as the
 * document describes it in `CaptionForm`.)
 */
export function uploadCaptions(videoId: string, file: File, language: string, label: string): Promise<Caption> {
  const form = new FormData();
  form.append('language', language);
  if (label) form.append('label', label);
  form.append('file', file, file.name);
  const url = href('post', '/api/v1/videos/{video_id}/captions', { params: { video_id: videoId } });
  return request<Caption>('POST', url, { form });
}

/** Removes a video's captions in one language. Trainers and the video's owner. */
export async function deleteCaptions(videoId: string, language: string): Promise<void> {
  await call('delete', '/api/v1/videos/{video_id}/captions/{language}', { params: { video_id: videoId, language } });
}

/** The WebVTT text of a caption (its `url`, `…/captions/{language}/captions.vtt`). */
export async function getCaptionText(url: string, signal?: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/vtt' }, signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  if (!res.ok) {
    if (res.status === 401) onUnauthorized?.();
    throw errorFromBody(res.status, text);
  }
  return text;
}

/** Replaces a video's moments with `moments` (at most 200); answers them sorted by time.
 *  Trainers and the video's owner. */
export async function saveMoments(videoId: string, moments: MomentChange[]): Promise<Moment[]> {
  return (await call('put', '/api/v1/videos/{video_id}/moments', { params: { video_id: videoId }, body: { moments } })).items;
}

// --- handouts -----------------------------------------------------------------------------

/** An upload running in the background: `done` settles with the server's answer. */
export interface UploadTask<T> {
  done: Promise<T>;
  /** stops it; `done` then rejects with an AbortError */
  abort(): void;
}

/** The answer of both handout uploads, as the document declares it. */
type HandoutUploaded =
  | Answer<Operation<'/api/v1/videos/{video_id}/handouts', 'post'>>
  | Answer<Operation<'/api/v1/handouts', 'post'>>;

/**
 * Sends a handout file (multipart `file`, optional `title`) with upload progress: attached to a
 * video (POST /api/v1/videos/{id}/handouts; trainers and the video's owner) or, with no video,
 * on its own into the library (POST /api/v1/handouts; trainers). XMLHttpRequest, because fetch
 * cannot report upload progress. (The document does not declare these multipart bodies; see
 * web/README.md, "API types".)
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
    xhr.open(
      'POST',
      videoId
        ? href('post', '/api/v1/videos/{video_id}/handouts', { params: { video_id: videoId } })
        : href('post', '/api/v1/handouts', {}),
    );
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (ev) => {
      if (ev.lengthComputable) onProgress(ev.loaded, ev.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as HandoutUploaded);
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
  return call('patch', '/api/v1/handouts/{handout_id}', { params: { handout_id: id }, body: change });
}

/** Puts a video's handouts in this order (`order` names each of them once). */
export function reorderHandouts(videoId: string, order: string[]): Promise<Handout[]> {
  return call('put', '/api/v1/videos/{video_id}/handouts', { params: { video_id: videoId }, body: { order } });
}

/** Deletes a handout; it leaves every playlist. */
export async function deleteHandout(id: string): Promise<void> {
  await call('delete', '/api/v1/handouts/{handout_id}', { params: { handout_id: id } });
}

// --- external links (resources) -------------------------------------------------------------

/** Adds a link to the library. Trainers and admins. */
export function createResource(fields: NewResource): Promise<Resource> {
  return call('post', '/api/v1/resources', { body: fields });
}

export function getResource(id: string, signal?: AbortSignal): Promise<Resource> {
  return call('get', '/api/v1/resources/{resource_id}', { params: { resource_id: id }, signal });
}

export function updateResource(id: string, change: ResourceChange): Promise<Resource> {
  return call('patch', '/api/v1/resources/{resource_id}', { params: { resource_id: id }, body: change });
}

/** Deletes a link; it leaves every playlist. */
export async function deleteResource(id: string): Promise<void> {
  await call('delete', '/api/v1/resources/{resource_id}', { params: { resource_id: id } });
}

// --- uploads ------------------------------------------------------------------------------

export function getUpload(uploadId: string, signal?: AbortSignal): Promise<UploadStatus> {
  return call('get', '/api/v1/uploads/{upload_id}', { params: { upload_id: uploadId }, signal });
}

// --- managing playlists (trainers and admins) ----------------------------------------------

/** The playlists the caller may see (trainers: drafts too); with `contains`, only those holding
 *  that video, handout or link (to say before deleting it which playlists lose it). */
export function listPlaylists(signal?: AbortSignal, contains?: string): Promise<PlaylistSummary[]> {
  return call('get', '/api/v1/playlists', { query: { contains }, signal });
}

export function createPlaylist(fields: NewPlaylist): Promise<PlaylistSummary> {
  return call('post', '/api/v1/playlists', { body: fields });
}

export function updatePlaylist(id: string, change: PlaylistFields): Promise<PlaylistSummary> {
  return call('patch', '/api/v1/playlists/{playlist_id}', { params: { playlist_id: id }, body: change });
}

export async function deletePlaylist(id: string): Promise<void> {
  await call('delete', '/api/v1/playlists/{playlist_id}', { params: { playlist_id: id } });
}

/** Adds a video, handout, resource or practice step at the end (or at `position`). */
export async function addPlaylistItem(id: string, kind: EntryKind, itemId: string, position?: number): Promise<PlaylistItem> {
  const item = await call('post', '/api/v1/playlists/{playlist_id}/items', {
    params: { playlist_id: id },
    body: { kind, item_id: itemId, position },
  });
  return item as PlaylistItem; // narrows `kind` (see Narrow)
}

/** Puts the items in this order; `order` names every entry id of the playlist. */
export async function reorderPlaylist(id: string, order: string[]): Promise<Playlist> {
  const playlist = await call('put', '/api/v1/playlists/{playlist_id}/items', { params: { playlist_id: id }, body: { order } });
  return playlist as Playlist;
}

export async function removePlaylistItem(id: string, entryId: string): Promise<void> {
  await call('delete', '/api/v1/playlists/{playlist_id}/items/{entry_id}', { params: { playlist_id: id, entry_id: entryId } });
}

/** Sends a picture file (PNG, JPEG, WebP or GIF, at most 10 MiB) as the cover. */
export function uploadPlaylistCover(id: string, file: Blob): Promise<PlaylistSummary> {
  return call('put', '/api/v1/playlists/{playlist_id}/cover', { params: { playlist_id: id }, raw: file });
}

export async function playlistReport(id: string, signal?: AbortSignal): Promise<ReportRow[]> {
  const rows = await call('get', '/api/v1/playlists/{playlist_id}/report', { params: { playlist_id: id }, signal });
  return rows as ReportRow[]; // narrows `kind` (see Narrow)
}

/** The same report as CSV (asked for with Accept: text/csv), to save as a file. (The document
 *  declares only the JSON answer of this route; see web/README.md, "API types".) */
export function playlistReportCsv(id: string): Promise<Blob> {
  return csv(href('get', '/api/v1/playlists/{playlist_id}/report', { params: { playlist_id: id } }));
}

/** Every assignment of one person across playlists, with their progress. Trainers and admins. */
export async function personReport(userId: string, signal?: AbortSignal): Promise<ReportRow[]> {
  const rows = await call('get', '/api/v1/users/{user_id}/report', { params: { user_id: userId }, signal });
  return rows as ReportRow[]; // narrows `kind` (see Narrow)
}

/** One person's report as CSV (Accept: text/csv; undeclared like the playlist's, see above). */
export function personReportCsv(userId: string): Promise<Blob> {
  return csv(href('get', '/api/v1/users/{user_id}/report', { params: { user_id: userId } }));
}

/** A report route's `text/csv` answer as a Blob. */
async function csv(url: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url, {
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
  return call('post', '/api/v1/playlists/{playlist_id}/assignments', { params: { playlist_id: id }, body: who });
}

/** Changes the due date of one person's assignment (null: none). Trainers and admins. */
export function changeAssignmentDue(playlistId: string, userId: string, dueAt: Timestamp | null): Promise<{ due_at?: Timestamp | null }> {
  return call('patch', '/api/v1/playlists/{playlist_id}/assignments/{user_id}', {
    params: { playlist_id: playlistId, user_id: userId },
    body: { due_at: dueAt },
  });
}

/** Takes a playlist back from one person: it leaves their home page. Trainers and admins. */
export async function removeAssignment(playlistId: string, userId: string): Promise<void> {
  await call('delete', '/api/v1/playlists/{playlist_id}/assignments/{user_id}', { params: { playlist_id: playlistId, user_id: userId } });
}

/** Everyone in the organisation. Trainers and admins. */
export function listPeople(signal?: AbortSignal): Promise<Person[]> {
  return call('get', '/api/v1/users', { signal });
}

/** A password reset link for a person of the organisation, to hand over (single use, valid for
 *  an hour). Admins. */
export function createResetLink(userId: string): Promise<ResetLink> {
  return call('post', '/api/v1/users/{user_id}/password-reset', { params: { user_id: userId } });
}

/** Invites someone (trainers may invite members only); answers the link to accept it. */
export function createInvitation(invitation: NewInvitation): Promise<CreatedInvitation> {
  return call('post', '/api/v1/invitations', { body: invitation });
}

/** The organisation's open invitations. Trainers and admins. */
export function listInvitations(signal?: AbortSignal): Promise<Invitation[]> {
  return call('get', '/api/v1/invitations', { signal });
}

/** Withdraws an open invitation: its link stops working. Trainers (members' invitations) and
 *  admins (any); 403 with the server's sentence otherwise. */
export async function withdrawInvitation(id: string): Promise<void> {
  await call('delete', '/api/v1/invitations/{invitation_id}', { params: { invitation_id: id } });
}

/** Sends an invitation again: a new link (the old one stops working), its expiry renewed, emailed
 *  when the server can send email. Trainers (members' invitations) and admins (any). */
export function resendInvitation(id: string): Promise<CreatedInvitation> {
  return call('post', '/api/v1/invitations/{invitation_id}/resend', { params: { invitation_id: id } });
}

/** Changes a person's role, name or activation (false: their sessions and tokens stop at once).
 *  Admins. */
export function updatePerson(userId: string, change: PersonChange): Promise<Person> {
  return call('patch', '/api/v1/users/{user_id}', { params: { user_id: userId }, body: change });
}

// --- the organisation (admins) ---------------------------------------------------------------

/** Changes name, colours and welcome message; 422 with a sentence when a colour is too light. */
export function updateBranding(change: BrandingChange): Promise<Branding> {
  return call('put', '/api/v1/branding', { body: change });
}

/** Sends a picture file (PNG, JPEG, WebP or GIF, at most 10 MiB) as the logo. */
export function uploadLogo(file: Blob): Promise<Branding> {
  return call('put', '/api/v1/branding/logo', { raw: file });
}

export function getOrgSettings(signal?: AbortSignal): Promise<OrgSettings> {
  return call('get', '/api/v1/org/settings', { signal });
}

/** Changes the settings given; the others stay. Answers all of them. */
export function updateOrgSettings(change: OrgSettingsChange): Promise<OrgSettings> {
  return call('put', '/api/v1/org/settings', { body: change });
}

/** What the organisation stores against its quotas, and who stores the most. Admins. */
export function getOrgUsage(signal?: AbortSignal): Promise<Usage> {
  return call('get', '/api/v1/org/usage', { signal });
}

/** The organisation's single sign-on (OpenID Connect); `configured` false when there is none. */
export function getSso(signal?: AbortSignal): Promise<SsoSettings> {
  return call('get', '/api/v1/org/sso', { signal });
}

/** Sets up or changes single sign-on. 422 with a sentence when the issuer's discovery document
 *  cannot be read; 409 when a domain belongs to another organisation's single sign-on. */
export function putSso(update: SsoUpdate): Promise<SsoSettings> {
  return call('put', '/api/v1/org/sso', { body: update });
}

/** Replaces the key that signs playback links: every link handed out stops working. Admins. */
export async function rotateSigningKey(): Promise<void> {
  await call('post', '/api/v1/org/signing-key/rotate', {});
}

/** Removes single sign-on; passwords work again. */
export async function deleteSso(): Promise<void> {
  await call('delete', '/api/v1/org/sso', {});
}

// --- expertise ------------------------------------------------------------------------------

/** Active colleagues whose name (any word) or email starts with `q`, by name, at most 20. Anyone. */
export async function findColleagues(q: string, signal?: AbortSignal): Promise<Colleague[]> {
  return (await call('get', '/api/v1/people', { query: { q }, signal })).items;
}

/** The organisation's experts, one row per person and tag (optionally only on `tag`). */
export async function listExperts(tag?: string, signal?: AbortSignal): Promise<Expert[]> {
  return (await call('get', '/api/v1/experts', { query: { tag }, signal })).items;
}

/** Replaces the tags the signed-in person is an expert on; answers them as the server keeps
 *  them (lower case, spaces as hyphens). */
export function setMyExpertise(tags: string[]): Promise<{ tags: string[] }> {
  return call('put', '/api/v1/me/expertise', { body: { tags } });
}

/** A tag's experts: colleagues (with endorsements) and people outside from the expert log. */
export function expertTopic(tag: string, signal?: AbortSignal): Promise<Schemas['ExpertTopic']> {
  return call('get', '/api/v1/experts/topics/{tag}', { params: { tag }, signal });
}

/** Vouches for a colleague on a tag (`on` false takes it back). Anyone, not for oneself. */
export async function endorseExpert(userId: string, tag: string, on: boolean): Promise<void> {
  await call(on ? 'put' : 'delete', '/api/v1/experts/{user_id}/endorsements/{tag}', { params: { user_id: userId, tag } });
}

/** The expert log (people outside the organisation, notes on colleagues), by name. Anyone. */
export async function expertLog(signal?: AbortSignal): Promise<ExpertLogEntry[]> {
  return (await call('get', '/api/v1/expert-log', { signal })).items;
}

/** Adds an entry (no id) or replaces one. Trainers and admins. */
export function saveExpertLogEntry(id: string | null, entry: Schemas['ExpertLogInput']): Promise<ExpertLogEntry> {
  return id
    ? call('put', '/api/v1/expert-log/{log_entry_id}', { params: { log_entry_id: id }, body: entry })
    : call('post', '/api/v1/expert-log', { body: entry });
}

export async function deleteExpertLogEntry(id: string): Promise<void> {
  await call('delete', '/api/v1/expert-log/{log_entry_id}', { params: { log_entry_id: id } });
}

// --- development: objectives and reviews ------------------------------------------------------

/** A person's objectives, reviews, learning and quiz scores; 404 for people the caller may not
 *  see (only the person, their manager, trainers and admins may). */
export function getDevelopment(userId: string, signal?: AbortSignal): Promise<DevelopmentPage> {
  return call('get', '/api/v1/people/{user_id}/development', { params: { user_id: userId }, signal });
}

/** Sets an objective for `userId` (no id) or replaces one. Their manager, trainers and admins. */
export function saveObjective(userId: string, id: string | null, input: Schemas['ObjectiveInput']): Promise<Objective> {
  return id
    ? call('put', '/api/v1/objectives/{objective_id}', { params: { objective_id: id }, body: input })
    : call('post', '/api/v1/people/{user_id}/objectives', { params: { user_id: userId }, body: input });
}

export async function deleteObjective(id: string): Promise<void> {
  await call('delete', '/api/v1/objectives/{objective_id}', { params: { objective_id: id } });
}

/** Records a development review of `userId` (no id) or rewrites one. */
export function saveDevReview(userId: string, id: string | null, input: Schemas['ReviewInput']): Promise<DevReview> {
  return id
    ? call('put', '/api/v1/development-reviews/{review_id}', { params: { review_id: id }, body: input })
    : call('post', '/api/v1/people/{user_id}/reviews', { params: { user_id: userId }, body: input });
}

export async function deleteDevReview(id: string): Promise<void> {
  await call('delete', '/api/v1/development-reviews/{review_id}', { params: { review_id: id } });
}

/** Objectives per person and per team: trainers everyone (or `managerId`'s team), anyone else
 *  their own team. */
export function objectivesReport(managerId?: string, signal?: AbortSignal): Promise<Schemas['ObjectivesReport']> {
  return call('get', '/api/v1/reports/objectives', { query: { manager_id: managerId }, signal });
}

/** The same people as CSV (Accept: text/csv; the document declares only the JSON answer). */
export function objectivesReportCsv(managerId?: string): Promise<Blob> {
  return csv(href('get', '/api/v1/reports/objectives', { query: { manager_id: managerId } }));
}

/** The organisation's quizzes (to link an objective to). Trainers and admins; 403 otherwise. */
export async function quizChoices(signal?: AbortSignal): Promise<{ id: string; title: string }[]> {
  return (await call('get', '/api/v1/quizzes', { signal })).items;
}

// --- practice -------------------------------------------------------------------------------

/** The organisation's practice steps, newest first. Trainers and admins. */
export async function listSteps(signal?: AbortSignal): Promise<Step[]> {
  return (await call('get', '/api/v1/practice-steps', { signal })).items;
}

export function createStep(fields: StepFields): Promise<Step> {
  return call('post', '/api/v1/practice-steps', { body: fields });
}

/** Changes a step (the whole of it; criteria keep their ids). Trainers and admins. */
export function updateStep(id: string, fields: StepFields): Promise<Step> {
  return call('put', '/api/v1/practice-steps/{step_id}', { params: { step_id: id }, body: fields });
}

/** A step with the caller's own attempts, reviewers and status. Anyone of the organisation. */
export function getStep(id: string, signal?: AbortSignal): Promise<StepView> {
  return call('get', '/api/v1/practice-steps/{step_id}', { params: { step_id: id }, signal });
}

/** Asks someone to review the caller's attempts at a step (or, for trainers, `learnerId`'s). */
export async function addReviewer(stepId: string, userId: string, learnerId?: string): Promise<Reviewer[]> {
  return (await call('post', '/api/v1/practice-steps/{step_id}/reviewers', {
    params: { step_id: stepId },
    body: { user_id: userId, learner_id: learnerId },
  })).items;
}

export async function removeReviewer(stepId: string, userId: string): Promise<void> {
  await call('delete', '/api/v1/practice-steps/{step_id}/reviewers/{user_id}', { params: { step_id: stepId, user_id: userId } });
}

/** Attempts waiting for a review, oldest first: trainers all, anyone else those they were asked to review. */
export async function attemptQueue(signal?: AbortSignal): Promise<AttemptSummary[]> {
  return (await call('get', '/api/v1/attempts', { signal })).items;
}

export function getAttempt(id: string, signal?: AbortSignal): Promise<AttemptView> {
  return call('get', '/api/v1/attempts/{attempt_id}', { params: { attempt_id: id }, signal });
}

/** Reviews an attempt (never its learner); answers the attempt as it is now. */
export function reviewAttempt(id: string, review: NewReview): Promise<AttemptView> {
  return call('post', '/api/v1/attempts/{attempt_id}/reviews', { params: { attempt_id: id }, body: review });
}

// --- quizzes: taking them ----------------------------------------------------------------------

/** Where a quiz attempt stands: being answered, waiting for a trainer's mark, passed, failed. */
export type QuizAttemptStatus = Schemas['QuizAttemptStatus'];
/** One of the caller's attempts at a quiz, in a list. */
export type QuizAttemptSummary = Schemas['QuizAttemptSummary'];
/** A question as an attempt asks it: the caller's answer and its feedback once given, the right
 *  answer (`key`) only once the attempt is submitted. */
export type AskedQuestion = Schemas['AskedQuestion'];
/** What a learner answers: `{choices}`, `{truth}`, `{number}` or `{text}`, by the question's kind. */
export type QuizResponse = Schemas['Response'];
/** One attempt with its questions in the order it asks them (`deadline_at`: the time limit's end). */
export type QuizAttempt = Schemas['QuizAttemptView'];
/** A quiz as a learner sees it before starting: never its questions or answers. */
export type QuizView = Schemas['QuizView'];
/** The verdict on one answer, right after it is given (`correct` null: a trainer marks it). */
export type AnswerResult = Schemas['AnswerResult'];
/** A video's questions, by moment (`at_ms`), with the caller's latest attempt at them. */
export type VideoQuestions = Schemas['VideoQuestions'];

export function getQuiz(id: string, signal?: AbortSignal): Promise<QuizView> {
  return call('get', '/api/v1/quizzes/{quiz_id}', { params: { quiz_id: id }, signal });
}

/** Starts an attempt, or goes on with the open one; 409 when no attempts are left. */
export function startQuizAttempt(id: string): Promise<QuizAttempt> {
  return call('post', '/api/v1/quizzes/{quiz_id}/attempts', { params: { quiz_id: id } });
}

export function getQuizAttempt(id: string, signal?: AbortSignal): Promise<QuizAttempt> {
  return call('get', '/api/v1/quiz-attempts/{quiz_attempt_id}', { params: { quiz_attempt_id: id }, signal });
}

/** Answers one question; the answer stands (409 on a second try, or once the time is up). */
export function answerQuizQuestion(attemptId: string, questionId: string, response: QuizResponse): Promise<AnswerResult> {
  return call('put', '/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}', {
    params: { quiz_attempt_id: attemptId, question_id: questionId },
    body: response,
  });
}

/** Submits: the score, pass or fail (or waiting for a trainer) and the right answers come back. */
export function submitQuizAttempt(attemptId: string): Promise<QuizAttempt> {
  return call('post', '/api/v1/quiz-attempts/{quiz_attempt_id}/submit', { params: { quiz_attempt_id: attemptId } });
}

/** The questions a video asks at its moments (`quiz_id` null: none). */
export function getVideoQuestions(videoId: string, signal?: AbortSignal): Promise<VideoQuestions> {
  return call('get', '/api/v1/videos/{video_id}/questions', { params: { video_id: videoId }, signal });
}

/** Answers a question the video asked; the attempt closes itself once all are answered. */
export function answerVideoQuestion(videoId: string, questionId: string, response: QuizResponse): Promise<AnswerResult> {
  return call('put', '/api/v1/videos/{video_id}/questions/{question_id}/answer', {
    params: { video_id: videoId, question_id: questionId },
    body: response,
  });
}

// --- discussion ------------------------------------------------------------------------------

/** The discussion on an item, oldest first (replies carry their parent_id). */
export async function listComments(target: CommentTarget, targetId: string, signal?: AbortSignal): Promise<Comment[]> {
  return (await call('get', '/api/v1/comments', { query: { target, target_id: targetId }, signal })).items;
}

/** Comments or replies; a member's comment may come back `held` (it waits for a trainer). */
export function addComment(comment: NewComment): Promise<Comment> {
  return call('post', '/api/v1/comments', { body: comment });
}

export function editComment(id: string, body: string): Promise<Comment> {
  return call('patch', '/api/v1/comments/{comment_id}', { params: { comment_id: id }, body: { body } });
}

/** Deletes a comment with its replies. Its author. */
export async function deleteComment(id: string): Promise<void> {
  await call('delete', '/api/v1/comments/{comment_id}', { params: { comment_id: id } });
}

/** Lets a held comment through, hides a comment or shows it again. Trainers and admins. */
export function setCommentStatus(id: string, status: Moderation): Promise<Comment> {
  return call('put', '/api/v1/comments/{comment_id}/status', { params: { comment_id: id }, body: { status } });
}

/** Members' comments waiting for a trainer, oldest first. Trainers and admins. */
export async function heldComments(signal?: AbortSignal): Promise<Comment[]> {
  return (await call('get', '/api/v1/comments/held', { signal })).items;
}

/** A handout's details (title, description, file). */
export function getHandout(id: string, signal?: AbortSignal): Promise<Handout> {
  return call('get', '/api/v1/handouts/{handout_id}', { params: { handout_id: id }, signal });
}

// --- notifications ----------------------------------------------------------------------------

export function getInbox(signal?: AbortSignal): Promise<Inbox> {
  return call('get', '/api/v1/me/notifications', { signal });
}

/** Marks one notification read, or all of them without an id. */
export async function markRead(id?: string): Promise<void> {
  await call('post', '/api/v1/me/notifications/read', { body: id ? { id } : {} });
}

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return call('get', '/api/v1/me/notification-settings', { signal });
}

/** Changes the kinds given (the others stay); answers every kind. */
export function setNotificationSettings(items: NotificationSetting[]): Promise<NotificationSettings> {
  return call('put', '/api/v1/me/notification-settings', { body: { items } });
}

/** Stops the emails an unsubscribe link is for. Public; 404 for a link that is not valid. */
export async function unsubscribe(token: string): Promise<NotificationKind[]> {
  return (await call('post', '/api/v1/unsubscribe', { body: { token }, expect401: true })).kinds;
}

// --- quizzes and workbook exercises: writing, marking, reports (trainers); handing in --------

/** The organisation's quizzes, newest first. Trainers and admins. */
export async function listQuizzes(signal?: AbortSignal): Promise<QuizSummary[]> {
  return (await call('get', '/api/v1/quizzes', { signal })).items;
}

/** Writes a quiz (with `video_id`: the video's questions, each at a moment). 422 with a sentence. */
export function createQuiz(fields: QuizFields): Promise<Quiz> {
  return call('post', '/api/v1/quizzes', { body: fields });
}

/** A quiz whole, with its answer keys, to edit. Trainers and admins. */
export function getQuizToEdit(id: string, signal?: AbortSignal): Promise<Quiz> {
  return call('get', '/api/v1/quizzes/{quiz_id}/edit', { params: { quiz_id: id }, signal });
}

/** Changes a quiz (the whole of it; questions and choices sent with their ids keep them). */
export function updateQuiz(id: string, fields: QuizFields): Promise<Quiz> {
  return call('put', '/api/v1/quizzes/{quiz_id}', { params: { quiz_id: id }, body: fields });
}

/** Deletes a quiz with its attempts; it leaves every playlist. */
export async function deleteQuiz(id: string): Promise<void> {
  await call('delete', '/api/v1/quizzes/{quiz_id}', { params: { quiz_id: id } });
}

/** The id of a video's quiz (its in-video questions), or null when it asks nothing. */
export async function videoQuizId(videoId: string, signal?: AbortSignal): Promise<string | null> {
  return (await call('get', '/api/v1/videos/{video_id}/questions', { params: { video_id: videoId }, signal })).quiz_id;
}

/** Free-text answers waiting for a mark, oldest first. Trainers and admins. */
export async function quizMarkingQueue(signal?: AbortSignal): Promise<UnmarkedAnswer[]> {
  return (await call('get', '/api/v1/quiz-marking', { signal })).items;
}

/** Marks one answer of a submitted attempt (the learner is told once nothing else waits). */
export async function markQuizAnswer(attemptId: string, questionId: string, mark: AnswerMark): Promise<void> {
  await call('put', '/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}/mark', {
    params: { quiz_attempt_id: attemptId, question_id: questionId },
    body: mark,
  });
}

export function quizScores(id: string, signal?: AbortSignal): Promise<QuizScores> {
  return call('get', '/api/v1/quizzes/{quiz_id}/scores', { params: { quiz_id: id }, signal });
}

/** The scores as CSV (Accept: text/csv; the document declares only the JSON answer). */
export function quizScoresCsv(id: string): Promise<Blob> {
  return csv(href('get', '/api/v1/quizzes/{quiz_id}/scores', { params: { quiz_id: id } }));
}

export function questionStatistics(id: string, signal?: AbortSignal): Promise<QuestionReport> {
  return call('get', '/api/v1/quizzes/{quiz_id}/questions/statistics', { params: { quiz_id: id }, signal });
}

/** The question statistics as CSV (Accept: text/csv, undeclared like the scores'). */
export function questionStatisticsCsv(id: string): Promise<Blob> {
  return csv(href('get', '/api/v1/quizzes/{quiz_id}/questions/statistics', { params: { quiz_id: id } }));
}

/** The organisation's workbook exercises, newest first. Trainers and admins. */
export async function listExercises(signal?: AbortSignal): Promise<Exercise[]> {
  return (await call('get', '/api/v1/exercises', { signal })).items;
}

export function createExercise(fields: ExerciseFields): Promise<Exercise> {
  return call('post', '/api/v1/exercises', { body: fields });
}

export function updateExercise(id: string, fields: ExerciseFields): Promise<Exercise> {
  return call('put', '/api/v1/exercises/{exercise_id}', { params: { exercise_id: id }, body: fields });
}

/** An exercise with the caller's own submissions and status. Anyone of the organisation. */
export function getExercise(id: string, signal?: AbortSignal): Promise<ExerciseView> {
  return call('get', '/api/v1/exercises/{exercise_id}', { params: { exercise_id: id }, signal });
}

/** Hands in a text (maybe empty when a file follows); 409 while an earlier one waits. */
export function submitExercise(id: string, body: string): Promise<Submission> {
  return call('post', '/api/v1/exercises/{exercise_id}/submissions', { params: { exercise_id: id }, body: { body } });
}

/** Attaches a file (sent as it is, with its own type) to a submission that still waits. */
export function uploadSubmissionFile(id: string, file: File): Promise<Submission> {
  return call('put', '/api/v1/exercise-submissions/{submission_id}/file', {
    params: { submission_id: id },
    query: { name: file.name },
    raw: file,
  });
}

/** Where the file handed in with a submission downloads. Its learner and trainers. */
export function submissionFileUrl(id: string): string {
  return href('get', '/api/v1/exercise-submissions/{submission_id}/file', { params: { submission_id: id } });
}

/** Submissions waiting for a trainer, oldest first. Trainers and admins. */
export async function exerciseMarkingQueue(signal?: AbortSignal): Promise<Submission[]> {
  return (await call('get', '/api/v1/exercise-submissions', { query: { status: 'waiting' }, signal })).items;
}

/** Accepts a submission (the exercise is done) or asks for another go; the learner is told. */
export function markSubmission(id: string, mark: SubmissionMark): Promise<Submission> {
  return call('post', '/api/v1/exercise-submissions/{submission_id}/mark', { params: { submission_id: id }, body: mark });
}
