//! Who may call what: every route of the OpenAPI document, called as anonymous, member,
//! trainer, admin, and an admin of a second organisation, with the status each must get.
//! A route added without an entry here fails the test.

mod common;

use std::collections::BTreeSet;

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use serde_json::{Value, json};

/// The callers, in the order of each entry's expected statuses.
const CALLERS: [&str; 5] = ["anonymous", "member", "trainer", "admin", "other-org admin"];

/// One route: its method and path as in the OpenAPI document, a valid body, and the status each
/// caller gets. Path parameters name resources of the first organisation, made fresh per call.
struct Case {
    method: &'static str,
    path: &'static str,
    body: Option<Value>,
    expect: [u16; 5],
    /// Extra headers and a raw body, for routes that do not speak JSON (tus, multipart).
    headers: &'static [(&'static str, &'static str)],
    raw: Option<&'static [u8]>,
    /// The URL to call, when it differs from the documented path (a concrete file name).
    url: Option<&'static str>,
}

const TUS: (&str, &str) = ("tus-resumable", "1.0.0");
const PNG: &[u8] = include_bytes!("fixtures/pixel.png");
const IMAGE: (&str, &str) = ("content-type", "image/png");
const MULTIPART: &str = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\
                         Content-Type: text/plain\r\n\r\nhello, handout\r\n--XyZ--\r\n";
const CAPTIONS: &str = "--XyZ\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nde\r\n\
                        --XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"de.srt\"\r\n\
                        Content-Type: text/plain\r\n\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nHallo\r\n\
                        --XyZ--\r\n";

/// A practice step as its editor sends it.
static STEP: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| {
    json!({
        "title": "Greeting",
        "instructions": "Greet a customer.",
        "rubric": [{"name": "Tone", "levels": [{"name": "Not yet"}, {"name": "Yes"}]}],
    })
});

/// A playlist quiz as its editor sends it.
static QUIZ: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| {
    json!({
        "title": "Safety", "pass_percent": 50,
        "questions": [{"kind": "true_false", "prompt": "Helmets on?", "key": {"truth": true}}],
    })
});

/// An outside expert for the expert log.
static EXPERT: std::sync::LazyLock<Value> = std::sync::LazyLock::new(
    || json!({"name": "Dana", "channel": "email", "contact": "d@x.test", "tags": ["forklifts"]}),
);

fn cases() -> Vec<Case> {
    let case = |method, path, body, expect| Case {
        method,
        path,
        body,
        expect,
        headers: &[],
        raw: None,
        url: None,
    };
    let raw = |method, path, headers, raw, expect| Case {
        method,
        path,
        body: None,
        expect,
        headers,
        raw,
        url: None,
    };
    vec![
        case(
            "post",
            "/api/v1/auth/login",
            Some(json!({"email": "{login_email}", "password": "{login_password}"})),
            [200, 200, 200, 200, 200],
        ),
        case(
            "post",
            "/api/v1/auth/logout",
            None,
            [401, 204, 204, 204, 204],
        ),
        case("get", "/api/v1/auth/me", None, [401, 200, 200, 200, 200]),
        // A wrong current password is refused, for whoever is signed in.
        case(
            "post",
            "/api/v1/auth/password",
            Some(
                json!({"current_password": "not it at all", "new_password": "long enough password"}),
            ),
            [401, 403, 403, 403, 403],
        ),
        case(
            "post",
            "/api/v1/auth/password/forgot",
            Some(json!({"email": "{fresh_email}"})),
            [202, 202, 202, 202, 202],
        ),
        case(
            "post",
            "/api/v1/auth/password/reset",
            Some(json!({"token": "not-a-token", "new_password": "long enough password"})),
            [400, 400, 400, 400, 400],
        ),
        case(
            "post",
            "/api/v1/users/{user_id}/password-reset",
            None,
            [401, 403, 403, 201, 404],
        ),
        Case {
            url: Some("/api/v1/auth/oidc/providers?email=someone@acme.test"),
            ..case(
                "get",
                "/api/v1/auth/oidc/providers",
                None,
                [200, 200, 200, 200, 200],
            )
        },
        // The organisation has no provider.
        Case {
            url: Some("/api/v1/auth/oidc/acme/start"),
            ..case(
                "get",
                "/api/v1/auth/oidc/{org_slug}/start",
                None,
                [404, 404, 404, 404, 404],
            )
        },
        // Back from a provider without a sign-in under way: to the sign-in page with a reason.
        case(
            "get",
            "/api/v1/auth/oidc/callback",
            None,
            [303, 303, 303, 303, 303],
        ),
        case("get", "/api/v1/org/sso", None, [401, 403, 403, 200, 200]),
        // An issuer that does not answer is refused (after the role check).
        case(
            "put",
            "/api/v1/org/sso",
            Some(
                json!({"name": "Acme ID", "issuer": "https://127.0.0.1:9", "client_id": "c",
                "client_secret": "s", "domains": ["example.invalid"], "create_users": false,
                "default_role": "member", "password_sign_in": true}),
            ),
            [401, 403, 403, 422, 422],
        ),
        case("delete", "/api/v1/org/sso", None, [401, 403, 403, 404, 404]),
        case(
            "get",
            "/api/v1/auth/tokens",
            None,
            [401, 200, 200, 200, 200],
        ),
        case(
            "post",
            "/api/v1/auth/tokens",
            Some(json!({"name": "x"})),
            [401, 201, 201, 201, 201],
        ),
        // The token belongs to the first organisation's admin: only they may revoke it.
        case(
            "delete",
            "/api/v1/auth/tokens/{token_id}",
            None,
            [401, 404, 404, 204, 404],
        ),
        case(
            "get",
            "/api/v1/invitations",
            None,
            [401, 403, 200, 200, 200],
        ),
        case(
            "post",
            "/api/v1/invitations",
            Some(json!({"email": "{fresh_email}", "role": "member"})),
            [401, 403, 201, 201, 201],
        ),
        case(
            "delete",
            "/api/v1/invitations/{invitation_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "post",
            "/api/v1/invitations/{invitation_id}/resend",
            None,
            [401, 403, 200, 200, 404],
        ),
        case(
            "post",
            "/api/v1/invitations/accept",
            Some(
                json!({"token": "{invitation_token}", "name": "N", "password": "long enough password"}),
            ),
            [200, 200, 200, 200, 200],
        ),
        case("get", "/api/v1/users", None, [401, 403, 200, 200, 200]),
        case(
            "patch",
            "/api/v1/users/{user_id}",
            Some(json!({"name": "Renamed"})),
            [401, 403, 403, 200, 404],
        ),
        // Uploads are their owner's alone (the first organisation's admin here).
        raw(
            "options",
            "/api/v1/uploads",
            &[],
            None,
            [204, 204, 204, 204, 204],
        ),
        raw(
            "post",
            "/api/v1/uploads",
            &[TUS, ("upload-length", "100")],
            None,
            [401, 201, 201, 201, 201],
        ),
        raw(
            "head",
            "/api/v1/uploads/{upload_id}",
            &[TUS],
            None,
            [401, 404, 404, 200, 404],
        ),
        raw(
            "patch",
            "/api/v1/uploads/{upload_id}",
            &[
                TUS,
                ("upload-offset", "0"),
                ("content-type", "application/offset+octet-stream"),
            ],
            Some(b"0123456789"),
            [401, 404, 404, 204, 404],
        ),
        raw(
            "delete",
            "/api/v1/uploads/{upload_id}",
            &[TUS],
            None,
            [401, 404, 404, 204, 404],
        ),
        raw(
            "get",
            "/api/v1/uploads/{upload_id}",
            &[],
            None,
            [401, 404, 404, 200, 404],
        ),
        // The video belongs to the member: they and trainers may attach handouts.
        case(
            "get",
            "/api/v1/videos/{video_id}",
            None,
            [401, 200, 200, 200, 404],
        ),
        // Trainers and the owner (the member) may delete it.
        case(
            "delete",
            "/api/v1/videos/{video_id}",
            None,
            [401, 204, 204, 204, 404],
        ),
        raw(
            "post",
            "/api/v1/videos/{video_id}/handouts",
            &[("content-type", "multipart/form-data; boundary=XyZ")],
            Some(MULTIPART.as_bytes()),
            [401, 201, 201, 201, 404],
        ),
        case(
            "get",
            "/api/v1/videos/{video_id}/handouts",
            None,
            [401, 200, 200, 200, 404],
        ),
        // The handout was attached by the admin: members may read it, not change it.
        case(
            "patch",
            "/api/v1/handouts/{handout_id}",
            Some(json!({"title": "New title"})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/handouts/{handout_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "get",
            "/api/v1/handouts/{handout_id}/download",
            None,
            [401, 200, 200, 200, 404],
        ),
        // Playback of a playable video of the first organisation.
        case(
            "get",
            "/api/v1/videos/{video_id}/hls/master.m3u8",
            None,
            [401, 200, 200, 200, 404],
        ),
        Case {
            url: Some("/api/v1/videos/{video_id}/hls/240p/seg_00000.m4s"),
            ..case(
                "get",
                "/api/v1/videos/{video_id}/hls/{rendition}/{file}",
                None,
                [401, 200, 200, 200, 404],
            )
        },
        case(
            "get",
            "/api/v1/videos/{video_id}/poster.jpg",
            None,
            [401, 200, 200, 200, 404],
        ),
        Case {
            url: Some("/api/v1/videos/{video_id}/storyboard/storyboard.vtt"),
            ..case(
                "get",
                "/api/v1/videos/{video_id}/storyboard/{file}",
                None,
                [401, 200, 200, 200, 404],
            )
        },
        // Captions: everyone who may see the video reads them; trainers and its owner (the
        // member) change them.
        case(
            "get",
            "/api/v1/videos/{video_id}/captions",
            None,
            [401, 200, 200, 200, 404],
        ),
        raw(
            "post",
            "/api/v1/videos/{video_id}/captions",
            &[("content-type", "multipart/form-data; boundary=XyZ")],
            Some(CAPTIONS.as_bytes()),
            [401, 201, 201, 201, 404],
        ),
        Case {
            url: Some("/api/v1/videos/{video_id}/captions/en"),
            ..case(
                "delete",
                "/api/v1/videos/{video_id}/captions/{language}",
                None,
                [401, 204, 204, 204, 404],
            )
        },
        Case {
            url: Some("/api/v1/videos/{video_id}/captions/en/captions.vtt"),
            ..case(
                "get",
                "/api/v1/videos/{video_id}/captions/{language}/captions.vtt",
                None,
                [401, 200, 200, 200, 404],
            )
        },
        Case {
            url: Some("/api/v1/videos/{video_id}/captions/en/index.m3u8"),
            ..case(
                "get",
                "/api/v1/videos/{video_id}/captions/{language}/index.m3u8",
                None,
                [401, 200, 200, 200, 404],
            )
        },
        case(
            "put",
            "/api/v1/videos/{video_id}/moments",
            Some(
                json!({"moments": [{"at_s": 1.5, "title": "Start", "handout_id": "{handout_id}"}]}),
            ),
            [401, 200, 200, 200, 404],
        ),
        // Downloads and links are off until an admin turns them on.
        case(
            "get",
            "/api/v1/videos/{video_id}/download",
            None,
            [401, 403, 403, 403, 404],
        ),
        case(
            "post",
            "/api/v1/videos/{video_id}/playback-links",
            Some(json!({"hours": 2})),
            [401, 403, 403, 403, 404],
        ),
        // Organisation settings: each admin their own.
        case(
            "get",
            "/api/v1/org/settings",
            None,
            [401, 403, 403, 200, 200],
        ),
        case("get", "/api/v1/org/usage", None, [401, 403, 403, 200, 200]),
        case(
            "put",
            "/api/v1/org/settings",
            Some(json!({"allow_public_links": false, "allow_downloads": false})),
            [401, 403, 403, 200, 200],
        ),
        case(
            "post",
            "/api/v1/org/signing-key/rotate",
            None,
            [401, 403, 403, 204, 204],
        ),
        // Progress is each person's own; the fixture video is still processing.
        case(
            "get",
            "/api/v1/videos/{video_id}/progress",
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "post",
            "/api/v1/videos/{video_id}/progress",
            Some(json!({"intervals": [[0, 5]], "position_s": 5})),
            [401, 409, 409, 409, 404],
        ),
        // Branding: public to read, admins set their own.
        case("get", "/api/v1/branding", None, [200, 200, 200, 200, 200]),
        case(
            "put",
            "/api/v1/branding",
            Some(json!({"name": "Acme Training", "primary_color": "#1a4d8f"})),
            [401, 403, 403, 200, 200],
        ),
        case(
            "get",
            "/api/v1/me/assignments",
            None,
            [401, 200, 200, 200, 200],
        ),
        // Playlists: everyone reads published ones; trainers build and assign.
        case("get", "/api/v1/playlists", None, [401, 200, 200, 200, 200]),
        case(
            "post",
            "/api/v1/playlists",
            Some(json!({"title": "Week one"})),
            [401, 403, 201, 201, 201],
        ),
        case(
            "get",
            "/api/v1/playlists/{playlist_id}",
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "patch",
            "/api/v1/playlists/{playlist_id}",
            Some(json!({"title": "Renamed"})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/playlists/{playlist_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "post",
            "/api/v1/playlists/{playlist_id}/items",
            // The fixture playlist holds the video already; a playlist holds an item once.
            Some(json!({"kind": "resource", "item_id": "{resource_id}"})),
            [401, 403, 201, 201, 404],
        ),
        case(
            "delete",
            "/api/v1/playlists/{playlist_id}/items/{entry_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "post",
            "/api/v1/playlists/{playlist_id}/assignments",
            Some(json!({"user_ids": ["{user_id}"]})),
            [401, 403, 201, 201, 404],
        ),
        // The subject has the fixture playlist.
        case(
            "patch",
            "/api/v1/playlists/{playlist_id}/assignments/{user_id}",
            Some(json!({"due_at": 1_900_000_000_000_i64})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/playlists/{playlist_id}/assignments/{user_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "get",
            "/api/v1/playlists/{playlist_id}/report",
            None,
            [401, 403, 200, 200, 404],
        ),
        // The library: everyone searches; trainers add resources.
        case("get", "/api/v1/library", None, [401, 200, 200, 200, 200]),
        case(
            "post",
            "/api/v1/resources",
            Some(json!({"title": "A blog post", "url": "https://example.com/"})),
            [401, 403, 201, 201, 201],
        ),
        case(
            "get",
            "/api/v1/resources/{resource_id}",
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "patch",
            "/api/v1/resources/{resource_id}",
            Some(json!({"tags": ["safety"]})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/resources/{resource_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "post",
            "/api/v1/resources/{resource_id}/open",
            None,
            [401, 200, 200, 200, 404],
        ),
        // Editing a video: trainers and its owner (the member); review: trainers.
        case(
            "patch",
            "/api/v1/videos/{video_id}",
            Some(json!({"tagline": "How we lift", "tags": ["lifting"]})),
            [401, 200, 200, 200, 404],
        ),
        // The fixture video is not held, so approving it is a conflict for those allowed.
        case(
            "post",
            "/api/v1/videos/{video_id}/approve",
            None,
            [401, 403, 409, 409, 404],
        ),
        case("get", "/api/v1/reviews", None, [401, 403, 200, 200, 200]),
        // Playlists: order and cover are the trainers'; everyone sees the cover.
        case(
            "put",
            "/api/v1/playlists/{playlist_id}/items",
            Some(json!({"order": ["{entry_id}"]})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/playlists/{playlist_id}/cover",
            None,
            [401, 200, 200, 200, 404],
        ),
        raw(
            "put",
            "/api/v1/playlists/{playlist_id}/cover",
            &[IMAGE],
            Some(PNG),
            [401, 403, 200, 200, 404],
        ),
        // The logo is public like the rest of the branding; admins set their own.
        Case {
            url: Some("/api/v1/branding/logo?org=acme"),
            ..case(
                "get",
                "/api/v1/branding/logo",
                None,
                [200, 200, 200, 200, 200],
            )
        },
        raw(
            "put",
            "/api/v1/branding/logo",
            &[IMAGE],
            Some(PNG),
            [401, 403, 403, 200, 200],
        ),
        // Experts: everyone declares their own; trainers set anyone's in their organisation.
        case("get", "/api/v1/experts", None, [401, 200, 200, 200, 200]),
        case(
            "put",
            "/api/v1/me/expertise",
            Some(json!({"tags": ["forklifts"]})),
            [401, 200, 200, 200, 200],
        ),
        case(
            "put",
            "/api/v1/users/{user_id}/expertise",
            Some(json!({"tags": ["forklifts"]})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/users/{user_id}/report",
            None,
            [401, 403, 200, 200, 404],
        ),
        // Everyday flows: a library handout of its own, the order of a video's handouts, the
        // caller's uploads and the organisation's videos by state, an invitation's preview.
        raw(
            "post",
            "/api/v1/handouts",
            &[("content-type", "multipart/form-data; boundary=XyZ")],
            Some(MULTIPART.as_bytes()),
            [401, 403, 201, 201, 201],
        ),
        case(
            "put",
            "/api/v1/videos/{video_id}/handouts",
            Some(json!({"order": ["{handout_id}"]})),
            [401, 200, 200, 200, 404],
        ),
        case("get", "/api/v1/me/videos", None, [401, 200, 200, 200, 200]),
        case("get", "/api/v1/videos", None, [401, 403, 200, 200, 200]),
        case(
            "post",
            "/api/v1/invitations/lookup",
            Some(json!({"token": "{invitation_token}"})),
            [200, 200, 200, 200, 200],
        ),
        // Practice: steps, reviewers, the review queue, attempts (the fixture's is another
        // member's, not the member caller's to see) and their reviews.
        case(
            "get",
            "/api/v1/practice-steps",
            None,
            [401, 403, 200, 200, 200],
        ),
        case(
            "post",
            "/api/v1/practice-steps",
            Some(STEP.clone()),
            [401, 403, 201, 201, 201],
        ),
        case(
            "get",
            "/api/v1/practice-steps/{step_id}",
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "put",
            "/api/v1/practice-steps/{step_id}",
            Some(STEP.clone()),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/practice-steps/{step_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "post",
            "/api/v1/practice-steps/{step_id}/reviewers",
            Some(json!({"user_id": "{reviewer_id}"})),
            [401, 200, 200, 200, 404],
        ),
        Case {
            url: Some(
                "/api/v1/practice-steps/{step_id}/reviewers/{reviewer_id}?learner_id={user_id}",
            ),
            ..case(
                "delete",
                "/api/v1/practice-steps/{step_id}/reviewers/{user_id}",
                None,
                [401, 403, 204, 204, 404],
            )
        },
        case("get", "/api/v1/attempts", None, [401, 200, 200, 200, 200]),
        case(
            "get",
            "/api/v1/attempts/{attempt_id}",
            None,
            [401, 404, 200, 200, 404],
        ),
        case(
            "post",
            "/api/v1/attempts/{attempt_id}/reviews",
            Some(json!({"verdict": "comment", "summary": "Good start"})),
            [401, 404, 201, 201, 404],
        ),
        // Discussion: the fixture's comment is the admin's, on a resource.
        Case {
            url: Some("/api/v1/comments?target=resource&target_id={resource_id}"),
            ..case("get", "/api/v1/comments", None, [401, 200, 200, 200, 404])
        },
        case(
            "post",
            "/api/v1/comments",
            Some(json!({"target": "resource", "target_id": "{resource_id}", "body": "Useful"})),
            [401, 201, 201, 201, 404],
        ),
        case(
            "get",
            "/api/v1/comments/held",
            None,
            [401, 403, 200, 200, 200],
        ),
        case(
            "patch",
            "/api/v1/comments/{comment_id}",
            Some(json!({"body": "Edited"})),
            [401, 403, 403, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/comments/{comment_id}",
            None,
            [401, 403, 403, 204, 404],
        ),
        case(
            "put",
            "/api/v1/comments/{comment_id}/status",
            Some(json!({"status": "hidden"})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/handouts/{handout_id}",
            None,
            [401, 200, 200, 200, 404],
        ),
        Case {
            url: Some("/api/v1/people?q=a"),
            ..case("get", "/api/v1/people", None, [401, 200, 200, 200, 200])
        },
        // Notifications: each person's own; unsubscribing needs only the email's token.
        case(
            "get",
            "/api/v1/me/notifications",
            None,
            [401, 200, 200, 200, 200],
        ),
        case(
            "post",
            "/api/v1/me/notifications/read",
            Some(json!({})),
            [401, 204, 204, 204, 204],
        ),
        case(
            "get",
            "/api/v1/me/notification-settings",
            None,
            [401, 200, 200, 200, 200],
        ),
        case(
            "put",
            "/api/v1/me/notification-settings",
            Some(json!({"items": [{"kind": "mention", "channel": "digest"}]})),
            [401, 200, 200, 200, 200],
        ),
        case(
            "post",
            "/api/v1/unsubscribe",
            Some(json!({"token": "{unsubscribe_token}"})),
            [200, 200, 200, 200, 200],
        ),
        // Assessment: quizzes (the fixture's attempt is another member's, submitted, its free
        // text waiting for a mark), a video's questions, exercises (another member's hand-in),
        // objectives and reviews of another member (whose manager the member is not), the
        // expert log.
        case("get", "/api/v1/quizzes", None, [401, 403, 200, 200, 200]),
        case(
            "post",
            "/api/v1/quizzes",
            Some(QUIZ.clone()),
            [401, 403, 201, 201, 201],
        ),
        case(
            "get",
            "/api/v1/quizzes/{quiz_id}",
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "put",
            "/api/v1/quizzes/{quiz_id}",
            Some(QUIZ.clone()),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/quizzes/{quiz_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "get",
            "/api/v1/quizzes/{quiz_id}/edit",
            None,
            [401, 403, 200, 200, 404],
        ),
        case(
            "post",
            "/api/v1/quizzes/{quiz_id}/attempts",
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/quiz-attempts/{quiz_attempt_id}",
            None,
            [401, 404, 200, 200, 404],
        ),
        case(
            "put",
            "/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}",
            Some(json!({"text": "Mine"})),
            [401, 404, 404, 404, 404],
        ),
        case(
            "post",
            "/api/v1/quiz-attempts/{quiz_attempt_id}/submit",
            None,
            [401, 404, 404, 404, 404],
        ),
        case(
            "get",
            "/api/v1/quiz-marking",
            None,
            [401, 403, 200, 200, 200],
        ),
        case(
            "put",
            "/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}/mark",
            Some(json!({"correct": true, "comment": "Yes"})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/videos/{video_id}/questions",
            None,
            [401, 200, 200, 200, 404],
        ),
        Case {
            url: Some("/api/v1/videos/{video_id}/questions/{video_question_id}/answer"),
            ..case(
                "put",
                "/api/v1/videos/{video_id}/questions/{question_id}/answer",
                Some(json!({"truth": true})),
                [401, 200, 200, 200, 404],
            )
        },
        case(
            "get",
            "/api/v1/quizzes/{quiz_id}/scores",
            None,
            [401, 403, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/quizzes/{quiz_id}/questions/statistics",
            None,
            [401, 403, 200, 200, 404],
        ),
        case("get", "/api/v1/exercises", None, [401, 403, 200, 200, 200]),
        case(
            "post",
            "/api/v1/exercises",
            Some(json!({"title": "Plan", "instructions": "Write a plan."})),
            [401, 403, 201, 201, 201],
        ),
        case(
            "get",
            "/api/v1/exercises/{exercise_id}",
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "put",
            "/api/v1/exercises/{exercise_id}",
            Some(json!({"title": "Plan", "instructions": "Write a plan."})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/exercises/{exercise_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "post",
            "/api/v1/exercises/{exercise_id}/submissions",
            Some(json!({"body": "Mine"})),
            [401, 201, 201, 201, 404],
        ),
        Case {
            url: Some("/api/v1/exercise-submissions/{submission_id}/file?name=plan.txt"),
            ..raw(
                "put",
                "/api/v1/exercise-submissions/{submission_id}/file",
                &[("content-type", "text/plain")],
                Some(b"my plan"),
                [401, 404, 404, 404, 404],
            )
        },
        case(
            "get",
            "/api/v1/exercise-submissions/{submission_id}",
            None,
            [401, 404, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/exercise-submissions/{submission_id}/file",
            None,
            [401, 404, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/exercise-submissions",
            None,
            [401, 403, 200, 200, 200],
        ),
        case(
            "post",
            "/api/v1/exercise-submissions/{submission_id}/mark",
            Some(json!({"verdict": "accepted", "feedback": "Good"})),
            [401, 403, 200, 200, 404],
        ),
        case(
            "get",
            "/api/v1/people/{user_id}/development",
            None,
            [401, 404, 200, 200, 404],
        ),
        case(
            "post",
            "/api/v1/people/{user_id}/objectives",
            Some(json!({"title": "Learn the till"})),
            [401, 404, 201, 201, 404],
        ),
        case(
            "put",
            "/api/v1/objectives/{objective_id}",
            Some(json!({"title": "Learn the till"})),
            [401, 404, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/objectives/{objective_id}",
            None,
            [401, 404, 204, 204, 404],
        ),
        case(
            "post",
            "/api/v1/people/{user_id}/reviews",
            Some(json!({"held_at": 0, "notes": "A good start."})),
            [401, 404, 201, 201, 404],
        ),
        case(
            "put",
            "/api/v1/development-reviews/{review_id}",
            Some(json!({"held_at": 0, "notes": "A good start."})),
            [401, 404, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/development-reviews/{review_id}",
            None,
            [401, 404, 204, 204, 404],
        ),
        case(
            "get",
            "/api/v1/reports/objectives",
            None,
            [401, 200, 200, 200, 200],
        ),
        case("get", "/api/v1/expert-log", None, [401, 200, 200, 200, 200]),
        case(
            "post",
            "/api/v1/expert-log",
            Some(EXPERT.clone()),
            [401, 403, 201, 201, 201],
        ),
        case(
            "put",
            "/api/v1/expert-log/{log_entry_id}",
            Some(EXPERT.clone()),
            [401, 403, 200, 200, 404],
        ),
        case(
            "delete",
            "/api/v1/expert-log/{log_entry_id}",
            None,
            [401, 403, 204, 204, 404],
        ),
        case(
            "get",
            "/api/v1/experts/topics/{tag}",
            None,
            [401, 200, 200, 200, 200],
        ),
        case(
            "put",
            "/api/v1/experts/{user_id}/endorsements/{tag}",
            None,
            [401, 204, 204, 204, 404],
        ),
        case(
            "delete",
            "/api/v1/experts/{user_id}/endorsements/{tag}",
            None,
            [401, 204, 204, 204, 404],
        ),
    ]
}

struct World {
    app: TestApp,
    callers: [Option<Person>; 5],
}

impl World {
    async fn new() -> World {
        let app = TestApp::spawn().await;
        let member = app.person("acme", "member@acme.test", Role::Member).await;
        let trainer = app.person("acme", "trainer@acme.test", Role::Trainer).await;
        let admin = app.person("acme", "admin@acme.test", Role::Admin).await;
        let other = app.person("globex", "admin@globex.test", Role::Admin).await;
        World {
            app,
            callers: [None, Some(member), Some(trainer), Some(admin), Some(other)],
        }
    }

    fn admin(&self) -> &Person {
        self.callers[3].as_ref().unwrap()
    }

    /// Fresh resources of the first organisation for one call, as placeholder values.
    async fn fixtures(&self) -> Vec<(&'static str, String)> {
        use reelhouse::db;
        let pool = self.app.state.db.pool();
        let admin = &self.admin().user;
        let (token_id, _) = db::tokens::create(pool, &admin.org_id, &admin.id, "fixture", None)
            .await
            .unwrap();
        let email = format!("{}@acme.test", common::unique_name());
        let (invitation, invitation_token) =
            db::invitations::create(pool, &admin.org_id, &email, Role::Member, None, &admin.id)
                .await
                .unwrap();
        let subject = self
            .app
            .person(
                "acme",
                &format!("{}@acme.test", common::unique_name()),
                Role::Member,
            )
            .await;
        let member = &self.callers[1].as_ref().unwrap().user;
        // Earlier calls' videos are no longer waiting (a person may have 100 waiting).
        sqlx::query("update videos set status = 'ready' where owner_id = $1 and status = 'queued'")
            .bind(&member.id)
            .execute(pool)
            .await
            .unwrap();
        let video_id = db::videos::create_queued(
            pool,
            &member.org_id,
            &member.id,
            "Fixture",
            "uploads/f/source",
        )
        .await
        .unwrap();
        // One fresh upload per call; earlier ones would count against the admin's quota.
        sqlx::query("delete from uploads where owner_id = $1")
            .bind(&admin.id)
            .execute(pool)
            .await
            .unwrap();
        let (upload_id, upload_key) = db::uploads::allocate();
        let key = reelhouse::storage::ObjectKey::new(upload_key.clone()).unwrap();
        let multipart = self
            .app
            .state
            .staging
            .begin(&upload_id, &key)
            .await
            .unwrap();
        let new_upload = db::uploads::NewUpload {
            org_id: &admin.org_id,
            owner_id: &admin.id,
            length: 10,
            filename: "f.mp4",
            title: "F",
            filetype: None,
            practice_step_id: None,
        };
        db::uploads::create(
            pool,
            &upload_id,
            &upload_key,
            multipart.as_deref(),
            &new_upload,
        )
        .await
        .unwrap();
        let (handout_id, handout_key) = db::handouts::allocate();
        let stored_at = reelhouse::storage::ObjectKey::new(handout_key.clone()).unwrap();
        reelhouse::storage::put_bytes(self.app.state.store.as_ref(), &stored_at, "notes".into())
            .await
            .unwrap();
        let handout = db::handouts::Handout {
            id: handout_id.clone(),
            org_id: admin.org_id.clone(),
            video_id: Some(video_id.clone()),
            owner_id: admin.id.clone(),
            title: "Notes".into(),
            filename: "notes.txt".into(),
            content_type: "text/plain; charset=utf-8".into(),
            size: 5,
            store_key: handout_key,
            tagline: String::new(),
            description: String::new(),
            tags: String::new(),
            created_at: db::now_ms(),
            updated_at: db::now_ms(),
        };
        db::handouts::create(pool, &handout).await.unwrap();
        let playlist = db::playlists::Playlist {
            id: db::playlists::new_playlist_id(),
            title: "Fixture".into(),
            description: String::new(),
            intro: String::new(),
            onboarding: true,
            sequential: false,
            published: true,
            cover_url: None,
            updated_at: 0,
        };
        db::playlists::create(pool, &admin.org_id, &admin.id, &playlist)
            .await
            .unwrap();
        let mut conn = pool.acquire().await.unwrap();
        let entry_id = db::playlists::add_item(
            &mut conn,
            &admin.org_id,
            &playlist.id,
            "video",
            &video_id,
            None,
        )
        .await
        .unwrap()
        .unwrap();
        drop(conn);
        let now = db::now_ms();
        let resource = db::resources::Resource {
            id: db::new_id(),
            org_id: admin.org_id.clone(),
            owner_id: admin.id.clone(),
            title: "A post".into(),
            url: "https://example.com/post".into(),
            tagline: String::new(),
            description: String::new(),
            tags: String::new(),
            created_at: now,
            updated_at: now,
        };
        db::resources::create(pool, &resource).await.unwrap();
        let store = self.app.state.store.as_ref();
        for (key, picture) in [
            (format!("playlists/{}/cover-1.jpg", playlist.id), "jpeg"),
            (format!("branding/{}/logo-1.png", admin.org_id), "png"),
        ] {
            let key = reelhouse::storage::ObjectKey::new(key).unwrap();
            reelhouse::storage::put_bytes(store, &key, picture.into())
                .await
                .unwrap();
        }
        db::playlists::set_cover(
            pool,
            &admin.org_id,
            &playlist.id,
            Some(&format!("playlists/{}/cover-1.jpg", playlist.id)),
        )
        .await
        .unwrap();
        db::orgs::set_logo(
            pool,
            &admin.org_id,
            Some(&format!("branding/{}/logo-1.png", admin.org_id)),
        )
        .await
        .unwrap();
        db::assignments::assign(
            pool,
            &admin.org_id,
            &playlist.id,
            &subject.user.id,
            None,
            None,
        )
        .await
        .unwrap();
        let cues =
            reelhouse::media::captions::parse(b"00:00:01.000 --> 00:00:02.000\nHello\n").unwrap();
        let caption_key =
            reelhouse::storage::ObjectKey::new(format!("videos/{video_id}/captions/en.vtt"))
                .unwrap();
        reelhouse::storage::put_bytes(
            store,
            &caption_key,
            reelhouse::media::captions::to_webvtt(&cues).into(),
        )
        .await
        .unwrap();
        let caption = db::captions::Caption::new(
            &admin.org_id,
            &video_id,
            "en",
            "English",
            cues.len(),
            caption_key.as_str().to_owned(),
            &admin.id,
        );
        db::captions::replace(&self.app.state.db, &caption, &cues)
            .await
            .unwrap();
        db::videos::set_playable(pool, &video_id, 320, 180)
            .await
            .unwrap();
        for (name, body) in [
            (
                "hls/master.m3u8",
                "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n240p/index.m3u8\n",
            ),
            (
                "hls/240p/index.m3u8",
                "#EXTM3U\n#EXTINF:4,\nseg_00000.m4s\n#EXT-X-ENDLIST\n",
            ),
            ("hls/240p/seg_00000.m4s", "segment"),
            ("poster.jpg", "jpeg"),
            ("storyboard/storyboard.vtt", "WEBVTT\n"),
        ] {
            let key =
                reelhouse::storage::ObjectKey::new(format!("videos/{video_id}/{name}")).unwrap();
            reelhouse::storage::put_bytes(self.app.state.store.as_ref(), &key, body.into())
                .await
                .unwrap();
        }
        // A practice step, another member's attempt at it (waiting), a reviewer they asked, a
        // comment of the admin's on the resource, and an email's unsubscribe token.
        let step = db::practice::Step {
            id: db::new_id(),
            title: "Greeting".into(),
            instructions: String::new(),
            model_video_id: None,
            rubric: Vec::new(),
            updated_at: now,
        };
        db::practice::save_step(pool, &admin.org_id, &admin.id, &step)
            .await
            .unwrap();
        let recording = db::videos::create_queued_private(
            pool,
            &admin.org_id,
            &subject.user.id,
            "Attempt",
            "uploads/a/source",
        )
        .await
        .unwrap();
        let attempt_id = db::practice::create_attempt(
            pool,
            &admin.org_id,
            &step.id,
            &subject.user.id,
            &recording,
        )
        .await
        .unwrap();
        let reviewer = self
            .app
            .person(
                "acme",
                &format!("{}@acme.test", common::unique_name()),
                Role::Member,
            )
            .await;
        db::practice::add_reviewer(
            pool,
            &admin.org_id,
            &step.id,
            &subject.user.id,
            &reviewer.user.id,
            &subject.user.id,
        )
        .await
        .unwrap();
        let comment_id = db::comments::add(
            pool,
            &admin.org_id,
            &db::comments::NewComment {
                target: db::comments::Target::Resource,
                target_id: &resource.id,
                parent_id: None,
                author_id: &admin.id,
                at_ms: None,
                body: "Read this first",
                review_id: None,
                mentions: &[],
                status: db::comments::Status::Visible,
            },
        )
        .await
        .unwrap();
        let unsubscribe_token = db::notifications::unsubscribe_token(
            pool,
            &subject.user.id,
            Some(db::notifications::Kind::Mention),
        )
        .await
        .unwrap();
        // Assessment: a playlist quiz with another member's submitted attempt (its free text
        // waiting), a question pinned to a moment of the video, an exercise with that member's
        // hand-in (a file), an objective and a review of theirs, their expertise, a log entry.
        use reelhouse::learning::quiz::{AnswerKey, QuestionKind, Response};
        let question = |kind, key, at_ms| db::quizzes::Question {
            id: db::new_id(),
            kind,
            prompt: "Why?".into(),
            choices: Vec::new(),
            key,
            feedback: String::new(),
            points: 1,
            at_ms,
        };
        let quiz = db::quizzes::Quiz {
            id: db::new_id(),
            title: "Safety".into(),
            description: String::new(),
            video_id: None,
            pass_percent: 50,
            max_attempts: 0,
            shuffle: false,
            time_limit_s: None,
            questions: vec![question(QuestionKind::FreeText, AnswerKey::default(), None)],
            updated_at: now,
        };
        let state_db = &self.app.state.db;
        db::quizzes::save_quiz(state_db, &admin.org_id, &admin.id, &quiz)
            .await
            .unwrap();
        let db::quizzes::Start::Started(quiz_attempt_id) = db::quizzes::start_attempt(
            state_db,
            &admin.org_id,
            &quiz.id,
            &subject.user.id,
            &[quiz.questions[0].id.clone()],
            (0, None),
        )
        .await
        .unwrap() else {
            panic!("the attempt was not started");
        };
        let written = Response {
            text: Some("Because.".into()),
            ..Response::default()
        };
        db::quizzes::record_answer(
            state_db,
            &admin.org_id,
            &quiz_attempt_id,
            &quiz.questions[0],
            &written,
        )
        .await
        .unwrap();
        db::quizzes::settle(state_db, &quiz_attempt_id)
            .await
            .unwrap();
        let truth = AnswerKey {
            truth: Some(true),
            ..AnswerKey::default()
        };
        let video_quiz = db::quizzes::Quiz {
            id: db::new_id(),
            video_id: Some(video_id.clone()),
            questions: vec![question(QuestionKind::TrueFalse, truth, Some(0))],
            ..quiz.clone()
        };
        db::quizzes::save_quiz(state_db, &admin.org_id, &admin.id, &video_quiz)
            .await
            .unwrap();
        let exercise = db::exercises::Exercise {
            id: db::new_id(),
            title: "Plan".into(),
            instructions: "Write a plan.".into(),
            handout_id: None,
            updated_at: now,
        };
        db::exercises::save_exercise(pool, &admin.org_id, &admin.id, &exercise)
            .await
            .unwrap();
        let submission_id =
            db::exercises::submit(pool, &admin.org_id, &exercise.id, &subject.user.id, "Mine")
                .await
                .unwrap()
                .unwrap();
        let file_key = format!("exercise-submissions/{submission_id}/plan");
        reelhouse::storage::put_bytes(
            store,
            &reelhouse::storage::ObjectKey::new(file_key.clone()).unwrap(),
            "my plan".into(),
        )
        .await
        .unwrap();
        let file = db::exercises::SubmissionFile {
            key: &file_key,
            name: "plan.txt",
            content_type: "text/plain",
            size_bytes: 7,
        };
        db::exercises::set_file(state_db, &submission_id, &subject.user.id, &file)
            .await
            .unwrap()
            .unwrap();
        let objective_id = db::development::save_objective(
            state_db,
            &admin.org_id,
            &subject.user.id,
            None,
            &db::development::ObjectiveFields {
                title: "Learn the till",
                measure: "",
                due_at: None,
                outcome: None,
                links: &[],
            },
            &admin.id,
        )
        .await
        .unwrap();
        let review_id = db::development::save_review(
            pool,
            &admin.org_id,
            &subject.user.id,
            None,
            &db::development::ReviewFields {
                held_at: now,
                notes: "A good start.",
                rating: Some(4),
                next_steps: "",
                next_review_at: None,
            },
            &admin.id,
        )
        .await
        .unwrap();
        let mut conn = pool.acquire().await.unwrap();
        db::experts::set_tags(
            &mut conn,
            &admin.org_id,
            &subject.user.id,
            &["forklifts"],
            &subject.user.id,
        )
        .await
        .unwrap();
        drop(conn);
        let log_entry = db::experts::LogEntry {
            id: db::new_id(),
            user_id: None,
            name: "Dana".into(),
            about: String::new(),
            channel: db::experts::Channel::Email,
            contact: "d@x.test".into(),
            url: None,
            note: String::new(),
            tags: vec!["forklifts".into()],
            updated_at: now,
        };
        db::experts::save_log_entry(pool, &admin.org_id, &log_entry, &admin.id)
            .await
            .unwrap();
        vec![
            ("quiz_id", quiz.id),
            ("quiz_attempt_id", quiz_attempt_id),
            ("question_id", quiz.questions[0].id.clone()),
            ("video_question_id", video_quiz.questions[0].id.clone()),
            ("exercise_id", exercise.id),
            ("submission_id", submission_id),
            ("objective_id", objective_id),
            ("review_id", review_id),
            ("log_entry_id", log_entry.id),
            ("tag", "forklifts".into()),
            ("upload_id", upload_id),
            ("step_id", step.id),
            ("attempt_id", attempt_id),
            ("reviewer_id", reviewer.user.id),
            ("comment_id", comment_id),
            ("unsubscribe_token", unsubscribe_token),
            ("playlist_id", playlist.id),
            ("entry_id", entry_id),
            ("video_id", video_id),
            ("handout_id", handout_id),
            ("resource_id", resource.id),
            ("token_id", token_id),
            ("invitation_id", invitation.id),
            ("invitation_token", invitation_token),
            ("user_id", subject.user.id),
            (
                "fresh_email",
                format!("{}@acme.test", common::unique_name()),
            ),
            ("login_email", subject.user.email),
            ("login_password", subject.password),
        ]
    }
}

fn fill(template: &str, fixtures: &[(&str, String)]) -> String {
    fixtures
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[tokio::test]
async fn every_route_answers_each_role_as_expected() {
    let world = World::new().await;
    let app = &world.app;
    let doc: Value = reqwest::get(app.at("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect();
    let cases = cases();
    let covered: BTreeSet<(String, String)> = cases
        .iter()
        .map(|c| (c.method.to_owned(), c.path.to_owned()))
        .collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "routes without an access entry: {missing:?}"
    );
    let stale: Vec<_> = covered.difference(&documented).collect();
    assert!(
        stale.is_empty(),
        "entries for routes that do not exist: {stale:?}"
    );

    let mut failures = Vec::new();
    for case in &cases {
        for (index, caller) in world.callers.iter().enumerate() {
            let fixtures = world.fixtures().await;
            let url = app.at(&fill(case.url.unwrap_or(case.path), &fixtures));
            let method =
                reqwest::Method::from_bytes(case.method.to_uppercase().as_bytes()).unwrap();
            // Redirects are answers here (the SSO routes send browsers on), not followed.
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let mut request = client.request(method, &url);
            if let Some(person) = caller {
                request = request.bearer_auth(&person.token);
            }
            if let Some(body) = &case.body {
                let body: Value =
                    serde_json::from_str(&fill(&body.to_string(), &fixtures)).unwrap();
                request = request.json(&body);
            }
            for (name, value) in case.headers {
                request = request.header(*name, *value);
            }
            if let Some(raw) = case.raw {
                request = request.body(raw);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let text = response.text().await.unwrap();
            if status != case.expect[index] {
                failures.push(format!(
                    "{} {} as {}: got {status}, expected {} ({text})",
                    case.method, case.path, CALLERS[index], case.expect[index]
                ));
            }
            // Whatever another organisation may see, it never sees this one's people (public
            // routes, whose body carries a credential of this organisation, excepted).
            let public = case.expect[0] < 400;
            if index == 4 && !public {
                let first_org = &world.admin().user.org_id;
                for (_, value) in &fixtures {
                    if value.len() == 36 && text.contains(value.as_str()) {
                        failures.push(format!(
                            "{} {} leaked {value} to another organisation",
                            case.method, case.path
                        ));
                    }
                }
                if text.contains(first_org.as_str()) {
                    failures.push(format!(
                        "{} {} named the other organisation",
                        case.method, case.path
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} access failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
