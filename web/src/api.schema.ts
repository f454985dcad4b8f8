// GENERATED FILE: do not edit. openapi-typescript made it from web/openapi.json, the server's
// OpenAPI document (GET /api/v1/openapi.json, or `reelhouse openapi`). After a change to the
// server's API, regenerate it (in web/):
//   reelhouse openapi > /tmp/openapi.json && OPENAPI=/tmp/openapi.json npm run api:generate
// `npm run api:check` (run by `make test`) fails while this file is out of date.

export interface paths {
    "/api/v1/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Attempts waiting for a review, oldest first: for trainers every one in the organisation,
         *     for anyone else those they were asked to review. Any signed-in person.
         */
        get: operations["attempt_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attempts/{attempt_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A practice attempt with its reviews and feedback. Its learner, the people they asked to
         *     review it, trainers and admins; anyone else gets 404.
         */
        get: operations["get_attempt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attempts/{attempt_id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review an attempt: comments at moments of the recording, the rubric scored, a summary and a
         *     verdict (`done` completes the step for the learner, in their playlists and reports). The
         *     learner is told. Trainers, admins and the people the learner asked; never the learner.
         */
        post: operations["add_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password; sets the session cookie. Public.
         * @description Ten attempts for one account (or fifty from one address, or IPv6 /64) within fifteen minutes,
         *     counted by every replica together, are answered with 429 until the window passes; a
         *     successful sign-in does not count. When too many passwords are being checked at once the
         *     answer is 503 with `Retry-After`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: ends this session and clears the cookie. Any signed-in person (also one who must
         *     set a new password first).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person and their organisation. Any signed-in person (also one who must set a
         *     new password first).
         */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the provider sends the browser back: checks the answer and signs the person in (303 to
         *     the web app), or says why not (303 to the sign-in page with `sso_error`). Public.
         */
        get: operations["oidc_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How someone with this email signs in: the provider covering its domain, and whether a
         *     password is still accepted. Public.
         */
        get: operations["sign_in_options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{org_slug}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in at the organisation's provider: answers 303 to the provider's authorization
         *     page (code flow with PKCE, `state` and `nonce`). Public; a browser navigation.
         */
        get: operations["oidc_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password: the current one is required (wrong guesses count against the sign-in
         *     limits: 429). Every other session of yours and every reset link still open end; this session
         *     stays. Any signed-in person, including one who must set a new password first.
         */
        post: operations["change_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a reset link by email. The answer is the same whether or not the email belongs to
         *     someone; the email goes out only when SMTP is configured. Counted against the sign-in limits.
         *     Public.
         */
        post: operations["forgot_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with a reset link's token; signs you in. The link works once, within an
         *     hour of being made; every session of the person ends. Public.
         */
        post: operations["reset_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's API tokens (never the tokens themselves). Any signed-in person. */
        get: operations["list_tokens"];
        put?: never;
        /**
         * Create an API token for the caller, lasting `expires_in_days` or for good; the token is shown
         *     once. Any signed-in person.
         */
        post: operations["create_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the caller's API tokens; it stops working at once. Any signed-in person. */
        delete: operations["revoke_token"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The branding of an organisation. Public. */
        get: operations["get_branding"];
        /** Set the organisation's branding. Admins. */
        put: operations["set_branding"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/branding/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's logo (PNG). Public, like the rest of the branding. */
        get: operations["get_logo"];
        /**
         * Upload the organisation's logo (PNG, JPEG, WebP or GIF as the request body, at most 10 MiB);
         *     it is re-encoded as a PNG of at most 512×512. Admins.
         */
        put: operations["put_logo"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The discussion on a video, handout, resource or practice attempt: visible comments, the
         *     caller's own (also while held for review), and for trainers the held and hidden ones. Anyone
         *     who may see the item.
         */
        get: operations["list_comments"];
        put?: never;
        /**
         * Comment on a video (at a moment), a handout, a resource or a practice attempt, or reply to a
         *     comment; the people mentioned, the experts of the item's tags when asked, and the author of
         *     the comment answered are told. A member's comment in the library waits for a trainer when
         *     the organisation reviews members' posts. Anyone who may see the item.
         */
        post: operations["add_comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members' comments waiting for a trainer, oldest first. Trainers and admins. */
        get: operations["held_comments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{comment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment with its replies. Its author. */
        delete: operations["delete_comment"];
        options?: never;
        head?: never;
        /** Change a comment's text. Its author. */
        patch: operations["edit_comment"];
        trace?: never;
    };
    "/api/v1/comments/{comment_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Let a held comment through, hide a comment, or show it again. Trainers and admins. */
        put: operations["set_comment_status"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/development-reviews/{review_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a development review. The person's manager, trainers and admins. */
        put: operations["update_review"];
        post?: never;
        /** Delete a development review. The person's manager, trainers and admins. */
        delete: operations["delete_review"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exercise-submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's exercise submissions with a status, oldest first: by default those
         *     waiting for a trainer (the marking queue). Trainers and admins.
         */
        get: operations["exercise_marking_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exercise-submissions/{submission_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A submission: what was handed in and how it was marked. Its learner, trainers and admins;
         *     anyone else gets 404.
         */
        get: operations["get_submission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exercise-submissions/{submission_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the file handed in with a submission (always as an attachment). 404 when it has
         *     none. Its learner, trainers and admins; anyone else gets 404.
         */
        get: operations["get_submission_file"];
        /**
         * Attach a file to a submission (a filled-in handout, a plan) as the raw request body, its
         *     `Content-Type` kept; it replaces a file sent before. Only while the submission waits for a
         *     trainer (409 after). 200 MiB at most. The submission's learner; anyone else gets 404.
         */
        put: operations["put_submission_file"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exercise-submissions/{submission_id}/mark": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a submission waiting for a trainer: `accepted` completes the exercise for the learner
         *     (in their playlists and reports), `needs_work` asks for another go. The learner is told. 409
         *     when it no longer waits. Trainers and admins; never on their own work.
         */
        post: operations["mark_submission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exercises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's workbook exercises, newest first. Trainers and admins. */
        get: operations["list_exercises"];
        put?: never;
        /**
         * Write a workbook exercise: instructions and an optional handout to fill in. Put it in a
         *     playlist as an item of kind `exercise`. Trainers and admins.
         */
        post: operations["create_exercise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exercises/{exercise_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workbook exercise, with what the caller handed in and how it was marked. Any signed-in
         *     person of the organisation.
         */
        get: operations["get_exercise"];
        /** Change a workbook exercise (the whole of it). Trainers and admins. */
        put: operations["update_exercise"];
        post?: never;
        /**
         * Delete a workbook exercise with everything handed in for it (files too); it leaves every
         *     playlist. Trainers and admins.
         */
        delete: operations["remove_exercise"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exercises/{exercise_id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand in work for an exercise: a text now, and a file with `PUT
         *     /api/v1/exercise-submissions/{submission_id}/file` while it waits for a trainer. 409 while an
         *     earlier submission waits, or once the exercise was accepted. Any signed-in person of the
         *     organisation (their own work).
         */
        post: operations["submit_exercise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expert-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The expert log: people outside the organisation to ask, and trainers' notes on colleagues,
         *     by name. Any signed-in person.
         */
        get: operations["list_expert_log"];
        put?: never;
        /**
         * Add to the expert log someone outside the organisation, or a note on a colleague (one entry
         *     per colleague). Trainers and admins.
         */
        post: operations["create_expert_log_entry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expert-log/{log_entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an entry of the expert log; every field is replaced. Trainers and admins. */
        put: operations["update_expert_log_entry"];
        post?: never;
        /** Remove an entry from the expert log. Trainers and admins. */
        delete: operations["delete_expert_log_entry"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's subject experts, by tag. Any signed-in person. */
        get: operations["list_experts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/experts/topics/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A topic's page: the colleagues who know a tag (with how many colleagues vouched for each,
         *     whether the caller did, and the expert log's word on them) and the people outside the
         *     organisation the expert log tags with it. Any signed-in person.
         */
        get: operations["expert_topic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/experts/{user_id}/endorsements/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Vouch for a colleague on one of their expert tags (one they declared, or that the expert
         *     log gives them). You cannot vouch for yourself. Any signed-in person.
         */
        put: operations["endorse_expert"];
        post?: never;
        /**
         * Take back your endorsement of a colleague on a tag (nothing happens when there was none).
         *     Any signed-in person.
         */
        delete: operations["unendorse_expert"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a handout to the library on its own, not attached to a video (multipart: `file`,
         *     optional `title`). Trainers and admins. The same kinds and limit as attached handouts.
         */
        post: operations["create_library_handout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handouts/{handout_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A handout: its title, description, tags and type (download it with `…/download`). Any
         *     signed-in person of the organisation (one attached to a video as hidden as the video).
         */
        get: operations["get_handout"];
        put?: never;
        post?: never;
        /** Delete a handout and its file. Trainers and the person who attached it. */
        delete: operations["delete_handout"];
        options?: never;
        head?: never;
        /**
         * Change a handout's title, tag-line, description or tags. Trainers and the person who
         *     attached it.
         */
        patch: operations["update_handout"];
        trace?: never;
    };
    "/api/v1/handouts/{handout_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a handout (or open it, with `inline=true`); this counts as opening it, which
         *     completes it in the caller's playlists. Any signed-in person of the organisation.
         */
        get: operations["download_handout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's invitations that are still open. Trainers and admins. */
        get: operations["list_invitations"];
        put?: never;
        /**
         * Invite a person by email with a role, optionally into a cohort and with on-boarding
         *     playlists assigned when they accept. Trainers invite members; admins invite any role.
         */
        post: operations["create_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: create the account, set its password, assign the playlists the
         *     invitation carries and those of the person's role and cohort, and sign in. Public (the token
         *     is the credential).
         */
        post: operations["accept_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What an invitation link is for (email, role, organisation) and whether it can still be
         *     accepted, so the page can say so before anyone fills in a form. Public (the token is the
         *     credential; it travels in the body, not the URL, so logs never hold it).
         */
        post: operations["lookup_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an open invitation; its link stops working. Trainers (invitations of members) and
         *     admins (any).
         */
        delete: operations["revoke_invitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{invitation_id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an open invitation again with a new link (the old one stops working) and a new expiry;
         *     emailed when SMTP is configured. Trainers (invitations of members) and admins (any).
         */
        post: operations["resend_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the organisation's library, best match first. Any signed-in person. */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The playlists assigned to the caller, with progress, due date and overdue state. Any
         *     signed-in person.
         */
        get: operations["my_assignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/expertise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Declare the tags you are an expert on. Any signed-in person. */
        put: operations["set_my_expertise"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the caller wants each kind of notification: in the app, by email, in a daily digest, or
         *     not at all. Any signed-in person.
         */
        get: operations["get_notification_settings"];
        /** Choose how to get some kinds of notification. Any signed-in person (their own). */
        put: operations["set_notification_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, newest first, and how many are unread. Any signed-in person. */
        get: operations["inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification, or all of them, read. Any signed-in person (their own). */
        post: operations["mark_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/videos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own uploads, newest first (at most 50), in every state: the ones still
         *     processing, ready, or failed with the sentence saying why. Any signed-in person.
         */
        get: operations["my_videos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objectives/{objective_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an objective (the whole of it). The person's manager, trainers and admins. */
        put: operations["update_objective"];
        post?: never;
        /** Delete an objective. The person's manager, trainers and admins. */
        delete: operations["delete_objective"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's settings. Admins. */
        get: operations["get_settings"];
        /** Change the organisation's settings. Admins. */
        put: operations["update_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/signing-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the playback signing key: every playback link handed out stops working. Admins. */
        post: operations["rotate_signing_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's single sign-on settings. Admins. */
        get: operations["get_sso_settings"];
        /**
         * Set up or change the organisation's single sign-on. The issuer's discovery document is read
         *     first: an issuer that does not answer as an OpenID provider is refused (422). Admins.
         */
        put: operations["put_sso_settings"];
        post?: never;
        /** Remove the organisation's single sign-on; passwords work again. Admins. */
        delete: operations["delete_sso_settings"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the organisation and each of its people store, against the quotas. Admins. */
        get: operations["get_usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find active colleagues by name, to ask one for a review or mention them. Any signed-in
         *     person of the organisation.
         */
        get: operations["find_colleagues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{user_id}/development": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person's development page: their objectives (and where each stands), reviews, assigned
         *     learning and quiz scores. The person themself, their manager, trainers and admins.
         */
        get: operations["development_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{user_id}/objectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set an objective for a person: a measure, a due date, and learning (playlists, items,
         *     quizzes, practice steps, exercises) whose completion meets it. The person's manager,
         *     trainers and admins.
         */
        post: operations["create_objective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{user_id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a development review with a person: notes, a rating, the next steps agreed and when
         *     to meet next. The person sees it; their peers never do. The person's manager, trainers and
         *     admins.
         */
        post: operations["create_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's playlists: published ones, and drafts for trainers. Any signed-in person. */
        get: operations["list_playlists"];
        put?: never;
        /** Create a playlist (a draft unless `published`). Trainers and admins. */
        post: operations["create_playlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playlists/{playlist_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A playlist of the caller's organisation, with the caller's progress. Drafts only for
         *     trainers. Any signed-in person.
         */
        get: operations["get_playlist"];
        put?: never;
        post?: never;
        /** Delete a playlist and its assignments. Trainers and admins. */
        delete: operations["delete_playlist"];
        options?: never;
        head?: never;
        /** Change a playlist's fields (title, texts, flags, publish). Trainers and admins. */
        patch: operations["update_playlist"];
        trace?: never;
    };
    "/api/v1/playlists/{playlist_id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a playlist to people of the organisation, and/or to everyone with a role or in a
         *     cohort (a standing assignment: people who join later get it too), with an optional due date.
         *     Trainers and admins.
         */
        post: operations["assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playlists/{playlist_id}/assignments/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a playlist back from a person: it leaves their assignments and the playlist's report
         *     (their progress on its items stays theirs). A standing assignment of their role or cohort
         *     does not give it back to them; it reaches people who join later. Trainers and admins.
         */
        delete: operations["unassign"];
        options?: never;
        head?: never;
        /**
         * Change when a person's assignment of a playlist is due (null: no due date). Trainers and
         *     admins.
         */
        patch: operations["change_assignment"];
        trace?: never;
    };
    "/api/v1/playlists/{playlist_id}/cover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A playlist's cover picture. Any signed-in person of the organisation (of a draft: trainers). */
        get: operations["get_cover"];
        /**
         * Upload a playlist's cover picture (PNG, JPEG, WebP or GIF as the request body, at most
         *     10 MiB); it is re-encoded as a JPEG of at most 1280×720. Trainers and admins.
         */
        put: operations["put_cover"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playlists/{playlist_id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Put a playlist's items in a new order. Trainers and admins. */
        put: operations["reorder_items"];
        /**
         * Add a video, handout, external resource, practice step, quiz or workbook exercise of the
         *     organisation to a playlist, at the end or at `position`. Trainers and admins.
         */
        post: operations["add_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playlists/{playlist_id}/items/{entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an item from a playlist. Trainers and admins. */
        delete: operations["remove_item"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playlists/{playlist_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each assignee's progress through a playlist: JSON, or CSV with `Accept: text/csv`. Trainers
         *     and admins.
         */
        get: operations["playlist_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practice-steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's practice steps, newest first. Trainers and admins. */
        get: operations["list_steps"];
        put?: never;
        /**
         * Write a practice step: instructions, an optional model video and a rubric. Put it in a
         *     playlist as an item of kind `practice`. Trainers and admins.
         */
        post: operations["create_step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practice-steps/{step_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A practice step, with the caller's attempts at it and whom they asked to review them. Any
         *     signed-in person of the organisation.
         */
        get: operations["get_step"];
        /**
         * Change a practice step (the whole of it). Criteria keep their ids when sent with them.
         *     Trainers and admins.
         */
        put: operations["update_step"];
        post?: never;
        /**
         * Delete a practice step with its attempts and their recordings; it leaves every playlist.
         *     Trainers and admins.
         */
        delete: operations["delete_step"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practice-steps/{step_id}/reviewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask someone (a peer, a manager) to review a learner's attempts at a step: a learner asks for
         *     their own, a trainer for anyone's. They are told when an attempt waits for them. Any
         *     signed-in person (for another learner: trainers and admins).
         */
        post: operations["add_reviewer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/practice-steps/{step_id}/reviewers/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Stop asking someone to review a learner's attempts at a step. The learner (their own),
         *     trainers and admins.
         */
        delete: operations["remove_reviewer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quiz-attempts/{quiz_attempt_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An attempt: its questions, the answers given with their feedback, and once submitted the
         *     score and right answers. Its learner, trainers and admins.
         */
        get: operations["get_quiz_attempt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Answer one question of the caller's open attempt: the answer stands once given, and its
         *     feedback (right or wrong, and why) comes back. 409 once the time limit ran out or the
         *     question was answered. The attempt's learner.
         */
        put: operations["answer_question"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quiz-attempts/{quiz_attempt_id}/answers/{question_id}/mark": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mark an answer (free text, or overrule the check of another): the attempt is scored again
         *     once nothing waits, and the learner is told. Trainers and admins.
         */
        put: operations["mark_answer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quiz-attempts/{quiz_attempt_id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit an attempt: questions left unanswered score nothing. The score and pass or fail come
         *     back (with a free-text answer it waits for a trainer's mark), and the right answers once the
         *     learner passed or has no attempts left. The attempt's learner.
         */
        post: operations["submit_attempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quiz-marking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Free-text answers waiting for a mark, oldest first. Trainers and admins. */
        get: operations["marking_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quizzes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's quizzes, newest first. Trainers and admins. */
        get: operations["list_quizzes"];
        put?: never;
        /**
         * Write a quiz: put it in a playlist as an item of kind `quiz`, or give `video_id` to pin its
         *     questions to moments of that video. Trainers and admins.
         */
        post: operations["create_quiz"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quizzes/{quiz_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A quiz: its pass mark, limits and the caller's attempts. Never its questions' answers. Any
         *     signed-in person of the organisation.
         */
        get: operations["get_quiz"];
        /**
         * Change a quiz (the whole of it; its video stays). Questions and choices keep their ids when
         *     sent with them; questions left out are deleted with their answers. Trainers and admins.
         */
        put: operations["update_quiz"];
        post?: never;
        /** Delete a quiz with its attempts; it leaves every playlist. Trainers and admins. */
        delete: operations["delete_quiz"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quizzes/{quiz_id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an attempt at a quiz, or go on with the open one. 409 when no attempts are left. Any
         *     signed-in person of the organisation.
         */
        post: operations["start_attempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quizzes/{quiz_id}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A quiz whole, with its answer keys, to edit. Trainers and admins. */
        get: operations["edit_quiz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quizzes/{quiz_id}/questions/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How each question of a quiz fared (answered, right, wrong, waiting, each choice's picks) and
         *     which one most people miss: JSON, or CSV with `Accept: text/csv`. Trainers and admins.
         */
        get: operations["question_statistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quizzes/{quiz_id}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each person's attempts, best score and pass at a quiz: JSON, or CSV with `Accept: text/csv`.
         *     Trainers and admins.
         */
        get: operations["quiz_scores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/objectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Objectives status per person and per team (the people sharing a manager): JSON, or CSV of
         *     the people with `Accept: text/csv`. Trainers and admins see everyone (or one manager's team);
         *     anyone else their own team.
         */
        get: operations["objectives_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an external resource to the library. Trainers and admins. */
        post: operations["create_resource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/resources/{resource_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An external resource of the organisation. Any signed-in person. */
        get: operations["get_resource"];
        put?: never;
        post?: never;
        /** Remove a resource from the library and from every playlist. Trainers and admins. */
        delete: operations["delete_resource"];
        options?: never;
        head?: never;
        /** Change a resource's link, title, tag-line, description or tags. Trainers and admins. */
        patch: operations["update_resource"];
        trace?: never;
    };
    "/api/v1/resources/{resource_id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open an external resource: records that the caller opened it (which completes it in their
         *     playlists) and gives its link. Any signed-in person.
         */
        post: operations["open_resource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's videos waiting for review, oldest first. Trainers and admins. */
        get: operations["review_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow an email's unsubscribe link: that kind of notification (every kind, for a digest) is
         *     no longer emailed to its person; it still reaches their inbox. Public: the link's token is
         *     the credential.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an upload (tus creation, and creation-with-upload when a body is sent). Members and
         *     above.
         * @description Headers: `Upload-Length`, `Upload-Metadata` (`filename`, optional `title`, and
         *     `practice_step` for an attempt at a practice step), `Tus-Resumable`.
         */
        post: operations["create_upload"];
        delete?: never;
        /** What the server supports. Public. */
        options: operations["options_uploads"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An upload's progress as JSON, with its video once complete. The upload's owner. */
        get: operations["get_upload"];
        put?: never;
        post?: never;
        /** Cancel an unfinished upload and free its bytes (tus termination). The upload's owner. */
        delete: operations["delete_upload"];
        options?: never;
        /** How far an upload got (tus HEAD). The upload's owner. */
        head: operations["head_upload"];
        /**
         * Append bytes at `Upload-Offset` (tus PATCH, `Content-Type: application/offset+octet-stream`).
         *     The upload's owner. When the last byte arrives the upload becomes a queued video.
         */
        patch: operations["patch_upload"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone in the caller's organisation. Trainers and admins. */
        get: operations["list_users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person's role, name, activation or manager. Admins. */
        patch: operations["update_user"];
        trace?: never;
    };
    "/api/v1/users/{user_id}/expertise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the tags a person of the organisation is an expert on. Trainers and admins. */
        put: operations["set_expertise"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a reset link for a person of your organisation, to hand over yourself (when no email is
         *     sent). It works once, within an hour. Admins.
         */
        post: operations["create_reset_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every assignment of one person with their progress: JSON, or CSV with `Accept: text/csv`.
         *     Trainers and admins.
         */
        get: operations["person_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's videos, newest first (at most 50), for example the failed ones to clear
         *     up. Trainers and admins.
         */
        get: operations["list_videos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A video of the caller's organisation. Any signed-in person of that organisation (a video held
         *     for review: its owner and trainers).
         */
        get: operations["get_video"];
        put?: never;
        post?: never;
        /**
         * Delete a video with everything derived from it: renditions, poster, storyboard, handouts,
         *     progress, and its transcode job (a worker on it stops). Trainers and the video's owner.
         */
        delete: operations["delete_video"];
        options?: never;
        head?: never;
        /** Change a video's title, tag-line, description or tags. Trainers, and the video's owner. */
        patch: operations["update_video"];
        trace?: never;
    };
    "/api/v1/videos/{video_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a video held for review into the library. Trainers and admins. */
        post: operations["approve_video"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/captions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The video's captions, by language. Any signed-in person of the organisation who may see the
         *     video.
         */
        get: operations["list_captions"];
        put?: never;
        /**
         * Add captions to a video (multipart: `file`, `language`, optional `label`), or replace those
         *     in that language. WebVTT or SRT; kept as WebVTT and offered to every player as a subtitle
         *     rendition of the HLS master playlist; their words become searchable. Trainers and the
         *     video's owner.
         */
        post: operations["add_captions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/captions/{language}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a video's captions in one language. Trainers and the video's owner. */
        delete: operations["delete_captions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/captions/{language}/captions.vtt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The captions in one language as WebVTT. Members of the video's organisation, or a playback
         *     token.
         */
        get: operations["caption_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/captions/{language}/index.m3u8": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The HLS subtitle playlist of the captions in one language: one WebVTT segment spanning the
         *     video. Members of the video's organisation, or a playback token.
         */
        get: operations["subtitle_playlist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the original or one rendition as a single MP4, for offline viewing, when the
         *     organisation allows downloads. Members, or a playback token (renditions only).
         */
        get: operations["download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/handouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The handouts of a video. Any signed-in person of the organisation. */
        get: operations["list_handouts"];
        /** Put a video's handouts in a new order. Trainers and the video's owner. */
        put: operations["order_handouts"];
        /**
         * Attach a handout to a video (multipart: `file`, optional `title`). Trainers and the video's
         *     owner. PDF, Word, PowerPoint, OpenDocument, images and plain text; 200 MiB at most.
         */
        post: operations["create_handout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/hls/master.m3u8": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The HLS master playlist, with the video's captions as subtitle renditions. Members of the
         *     video's organisation, or a playback token.
         */
        get: operations["master_playlist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/hls/{rendition}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A media playlist, init segment or segment of one rendition. Members of the video's
         *     organisation, or a playback token.
         */
        get: operations["rendition_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/moments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a video's moments (chapters, and handouts or resources to open at a time), replacing
         *     those it had. Trainers and the video's owner.
         */
        put: operations["set_moments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/playback-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a link that plays this video without signing in, until it expires (or the
         *     organisation's signing key is rotated). Trainers and admins, when the organisation allows it.
         */
        post: operations["create_playback_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/poster.jpg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The poster: a representative frame as JPEG. Members, or a playback token. */
        get: operations["poster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's progress on a video. Any signed-in person of the organisation. */
        get: operations["get_progress"];
        put?: never;
        /**
         * Report watched intervals and the position (every few seconds while playing, and on pause).
         *     Any signed-in person of the organisation, for themselves.
         */
        post: operations["report_progress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The questions pinned to moments of a video, for the player to pause at and ask; never the
         *     right answers before the caller's attempt is complete. Anyone who may watch the video.
         */
        get: operations["video_questions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/questions/{question_id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Answer a question the video asked at its moment: it counts in the caller's attempt at the
         *     video's quiz (started with the first answer, scored once every question is answered). Anyone
         *     who may watch the video.
         */
        put: operations["answer_video_question"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/storyboard/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scrub previews: `storyboard.vtt` and the sprite sheets it names. Members, or a token. */
        get: operations["storyboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitation: {
            name: string;
            password: string;
            token: string;
        };
        /** @description The right answer of a question, by its kind; the fields of other kinds stay empty. */
        AnswerKey: {
            /** @description short_text: the answers accepted. */
            accepted?: string[];
            /**
             * @description single, multiple: the ids (or, when writing a new question, the 0-based positions as
             *     text) of the right choices.
             */
            correct_choices?: string[];
            /**
             * Format: double
             * @description number: the right value.
             */
            number?: number | null;
            /**
             * Format: double
             * @description number: how far from it an answer may be and still be right.
             */
            tolerance?: number;
            /** @description true_false: whether the statement is true. */
            truth?: boolean | null;
        };
        /** @description The verdict on one answer, shown right after it is given. */
        AnswerResult: {
            attempt_id: string;
            /**
             * @description Where the attempt stands: a video's attempt closes itself once every question is
             *     answered.
             */
            attempt_status: components["schemas"]["QuizAttemptStatus"];
            /** @description Null for free text, which a trainer marks. */
            correct: boolean | null;
            feedback: string;
            /** Format: int64 */
            points: number;
            question_id: string;
        };
        /** @description A question as an attempt asks it: its right answer only once the attempt is submitted. */
        AskedQuestion: {
            answer: null | components["schemas"]["GivenAnswer"];
            /** Format: int64 */
            at_ms: number | null;
            choices: components["schemas"]["Choice"][];
            /** @description The question's feedback, once answered. */
            feedback: string | null;
            id: string;
            key: null | components["schemas"]["AnswerKey"];
            kind: components["schemas"]["QuestionKind"];
            /** Format: int64 */
            points: number;
            prompt: string;
        };
        Assigned: {
            /** @description How many people have the playlist now through this request. */
            assigned: number;
        };
        AssignmentChange: {
            /**
             * Format: int64
             * @description Unix milliseconds; null for no due date.
             */
            due_at: number | null;
        };
        AssignmentDue: {
            /** Format: int64 */
            due_at: number | null;
            playlist_id: string;
            user_id: string;
        };
        AttemptQueue: {
            /** @description Oldest first. */
            items: components["schemas"]["AttemptSummary"][];
        };
        /**
         * @description waiting | needs_work | done
         * @enum {string}
         */
        AttemptStatus: "waiting" | "needs_work" | "done";
        /** @description One attempt as its learner, reviewers and trainers see it in lists. */
        AttemptSummary: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            id: string;
            learner_id: string;
            learner_name: string;
            status: components["schemas"]["AttemptStatus"];
            step_id: string;
            step_title: string;
            /**
             * @description The recording (a private video): play it at `/api/v1/videos/{video_id}/hls/master.m3u8`
             *     once it is playable.
             */
            video_id: string;
        };
        /** @description An attempt with everything said about it. */
        AttemptView: components["schemas"]["AttemptSummary"] & {
            /** @description The learner's other attempts at the step, oldest first. */
            attempts: components["schemas"]["AttemptSummary"][];
            /**
             * @description Feedback pinned to moments of the recording and the replies to it, in conversation
             *     order; a review's comments carry its `review_id`.
             */
            comments: components["schemas"]["CommentView"][];
            /**
             * @description Whether the caller may review it (a trainer, or someone the learner asked; never the
             *     learner).
             */
            may_review: boolean;
            /** @description Reviews, oldest first. */
            reviews: components["schemas"]["ReviewView"][];
            step: components["schemas"]["Step"];
        };
        BTreeMap: {
            [key: string]: number;
        };
        /** @description An organisation's look, as the sign-in page and the app wear it. */
        Branding: {
            accent_color: string | null;
            /** @description The logo image, when one was uploaded. */
            logo_url: string | null;
            name: string;
            /** @description `#rrggbb`; null for the default. */
            primary_color: string | null;
            welcome_message: string | null;
        };
        BrandingChange: {
            /**
             * @description `#rrggbb`, any colour (the web app derives a readable shade where it needs one); empty
             *     or null for the default.
             */
            accent_color?: string | null;
            name: string;
            /**
             * @description `#rrggbb`, any colour (the web app derives readable text on it); empty or null for the
             *     default.
             */
            primary_color?: string | null;
            /** @description Up to 500 characters, shown on the sign-in page. */
            welcome_message?: string | null;
        };
        /** @description A caption upload, as the document describes it. */
        CaptionForm: {
            /**
             * Format: binary
             * @description WebVTT (.vtt) or SubRip (.srt) text: UTF-8, UTF-16 or Latin-1; 2 MiB at most.
             */
            file: string;
            /**
             * @description What players show in their captions menu (up to 60 characters); the language's name
             *     when left out.
             */
            label?: string | null;
            /** @description A language tag: `en`, `de`, `pt-BR`. */
            language: string;
        };
        CaptionList: {
            items: components["schemas"]["CaptionView"][];
        };
        /** @description A video's captions in one language. */
        CaptionView: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            /** Format: int64 */
            cue_count: number;
            id: string;
            /** @description What players show in their captions menu. */
            label: string;
            /** @description A language tag: `en`, `pt-BR`. */
            language: string;
            /** @description The WebVTT file (for a transcript). */
            url: string;
            video_id: string;
        };
        ChangePassword: {
            current_password: string;
            new_password: string;
        };
        /**
         * @description How a person wants a kind of notification.
         * @enum {string}
         */
        Channel: "app" | "email" | "digest" | "off";
        /** @description One choice of a single- or multiple-choice question. */
        Choice: {
            /** @description Kept when the question is edited, so answers given before still name it. */
            id?: string;
            text: string;
        };
        /** @description How often one choice was picked. */
        ChoiceCount: {
            choice_id: string;
            /** Format: int64 */
            picked: number;
            /** @description Whether it is one of the right choices. */
            right: boolean;
            text: string;
        };
        /**
         * @description A colleague as anyone of the organisation may find them (to ask for a review, to mention):
         *     a name, never an email.
         */
        Colleague: {
            name: string;
            user_id: string;
        };
        ColleagueList: {
            /** @description By name, at most 20: names only, never emails. */
            items: components["schemas"]["Colleague"][];
        };
        CommentChange: {
            body: string;
        };
        CommentList: {
            /** @description Oldest first; replies carry their `parent_id`. */
            items: components["schemas"]["CommentView"][];
        };
        CommentView: {
            /**
             * Format: double
             * @description The moment it is about, in seconds from the start.
             */
            at_s: number | null;
            /** @description Null once the author's account is deleted. */
            author_id: string | null;
            author_name: string | null;
            body: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            /** Format: int64 */
            edited_at: number | null;
            id: string;
            /** @description The comment this one answers. */
            parent_id: string | null;
            /** @description The review it was left with (feedback on an attempt). */
            review_id: string | null;
            status: components["schemas"]["Status"];
            target: components["schemas"]["Target"];
            target_id: string;
        };
        CreatedInvitation: {
            /** @description The link to hand to the person; it works once. */
            accept_url: string;
            cohort: string | null;
            email: string;
            /** @description Whether the link was also emailed to the person (only when SMTP is configured). */
            emailed: boolean;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            expires_at: number;
            id: string;
            /** @description The playlists assigned on acceptance. */
            playlist_ids: string[];
            role: components["schemas"]["Role"];
            /** @description The token inside the link, shown only in this response. */
            token: string;
        };
        CreatedToken: {
            /**
             * Format: int64
             * @description Unix milliseconds when it stops working; null when it never expires.
             */
            expires_at: number | null;
            id: string;
            name: string;
            /** @description The token, shown only in this response. Send it as `Authorization: Bearer TOKEN`. */
            token: string;
        };
        /** @description What a rubric scores, with its levels. */
        Criterion: {
            description: string;
            /** @description Kept when the rubric is edited, so scores given before still name it. */
            id: string;
            levels: components["schemas"]["Level"][];
            name: string;
        };
        /** @description A rubric's criterion as its editor sends it. */
        CriterionFields: {
            description?: string;
            /**
             * @description Keep a criterion's id when editing, so scores already given still name it; new ones
             *     leave it out.
             */
            id?: string | null;
            /** @description From the lowest to the highest, 2 to 6. */
            levels: components["schemas"]["Level"][];
            name: string;
        };
        /** @description A person's development: objectives, reviews, learning completed and quiz scores. */
        DevelopmentPage: {
            /**
             * @description Whether the caller may set objectives and record reviews (the person's manager, a
             *     trainer or an admin).
             */
            can_manage: boolean;
            /** @description The person's assignments with their progress. */
            learning: components["schemas"]["ReportLine"][];
            /** @description By due date. */
            objectives: components["schemas"]["Objective"][];
            person: components["schemas"]["Person"];
            /** @description The person's quiz results, by quiz. */
            quiz_scores: components["schemas"]["Standing"][];
            /** @description The latest first. */
            reviews: components["schemas"]["Review"][];
        };
        /**
         * @description What a playlist entry is.
         * @enum {string}
         */
        EntryKind: "video" | "handout" | "resource" | "practice" | "quiz" | "exercise";
        /** @description The body of every error response. */
        ErrorBody: {
            error: components["schemas"]["ErrorDetail"];
        };
        ErrorDetail: {
            /** @description A stable, machine-readable code such as `not_found` or `invalid`. */
            code: string;
            /** @description A sentence for people. */
            message: string;
        };
        /** @description A workbook exercise. */
        Exercise: {
            /** @description A handout of the organisation to fill in and hand back. */
            handout_id: string | null;
            id: string;
            /** @description Plain text; paragraphs separated by blank lines. */
            instructions: string;
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
        };
        ExerciseFields: {
            /** @description A handout of the organisation to fill in and hand back. */
            handout_id?: string | null;
            /** @description What to do and what to hand in; plain text. */
            instructions?: string;
            title: string;
        };
        ExerciseList: {
            items: components["schemas"]["Exercise"][];
        };
        /** @description An exercise with the caller's own submissions. */
        ExerciseView: components["schemas"]["Exercise"] & {
            my_status: null | components["schemas"]["SubmissionStatus"];
            /** @description What the caller handed in, oldest first. */
            my_submissions: components["schemas"]["Submission"][];
        };
        /**
         * @description A person of the organisation who knows a tag: declared on their profile (or by a trainer),
         *     or named on that tag in the expert log.
         */
        Expert: {
            channel: null | components["schemas"]["ExpertChannel"];
            /** @description From the expert log: the address, number or handle on that channel. */
            contact: string | null;
            email: string;
            /** @description Whether the caller vouched for them on this tag. */
            endorsed_by_me?: boolean | null;
            /**
             * Format: int64
             * @description How many active colleagues vouched for them on this tag.
             */
            endorsements: number;
            /** @description The expert-log entry trainers keep on this person, if any. */
            log_entry_id: string | null;
            name: string;
            /** @description From the expert log: how helpful they have been. */
            note: string | null;
            tag: string;
            user_id: string;
        };
        /**
         * @description The best way to reach an expert. (Named `ExpertChannel` in the API document: the
         *     notifications' `Channel` holds that name.)
         * @enum {string}
         */
        ExpertChannel: "email" | "phone" | "chat" | "website" | "in_person";
        ExpertLog: {
            items: components["schemas"]["LogEntry"][];
        };
        /** @description An entry of the expert log as trainers write it; a change replaces every field. */
        ExpertLogInput: {
            /** @description What they are or where they work: "Supplier's field engineer". */
            about?: string;
            /** @description The best channel to reach them. */
            channel: components["schemas"]["ExpertChannel"];
            /** @description The address, number or handle on that channel. */
            contact?: string;
            /** @description The person's name: required for someone outside the organisation. */
            name?: string;
            /** @description How helpful they have been. */
            note?: string;
            /** @description The topics they know: 1 to 20 tags. */
            tags: string[];
            /** @description An http(s) link: their page, profile or booking form. */
            url?: string | null;
            /**
             * @description The colleague the entry is about (their name is then taken from their profile); leave
             *     out for someone outside the organisation. An entry's person cannot change.
             */
            user_id?: string | null;
        };
        ExpertTopic: {
            /** @description Colleagues who know the topic, most endorsed first, then by name. */
            experts: components["schemas"]["Expert"][];
            /** @description People outside the organisation tagged with it in the expert log, by name. */
            external_experts: components["schemas"]["LogEntry"][];
            /** @description The tag, normalised. */
            tag: string;
        };
        Expertise: {
            /** @description The tags the person is an expert on (at most 20); replaces the earlier ones. */
            tags: string[];
        };
        Experts: {
            items: components["schemas"]["Expert"][];
        };
        ForgotPassword: {
            email: string;
        };
        /** @description A learner's answer as the attempt shows it. */
        GivenAnswer: {
            /** @description A trainer's word on a free-text answer. */
            comment: string;
            /** @description Null while a free-text answer waits for a trainer. */
            correct: boolean | null;
            /** Format: int64 */
            points: number;
            response: components["schemas"]["Response"];
        };
        Handout: {
            /** @description Recognised from the content, not the name. */
            content_type: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            description: string;
            /** @description The file name offered on download (made safe when stored). */
            filename: string;
            id: string;
            /**
             * Format: int64
             * @description Bytes.
             */
            size: number;
            tagline: string;
            tags: string[];
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
            video_id: string | null;
        };
        /** @description A handout's form, as the document describes it. */
        HandoutForm: {
            /**
             * Format: binary
             * @description The document: PDF, slides, a spreadsheet, a text document or a picture.
             */
            file: string;
            /** @description Its title (the file's name when left out); longer titles are cut to 200 characters. */
            title?: string | null;
        };
        HandoutOrder: {
            /** @description Every handout id of the video, each once, in the new order. */
            order: string[];
        };
        /** @description One search result. */
        Hit: {
            /**
             * Format: double
             * @description Videos found by what is said in their captions: where the first cue holding the words
             *     starts, in seconds (open the video there).
             */
            at_s: number | null;
            /** @description Handouts: the document's type (PDFs and pictures open in the browser's viewer). */
            content_type: string | null;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            /**
             * Format: double
             * @description Videos: the length in seconds, once known.
             */
            duration_s: number | null;
            id: string;
            kind: string;
            owner_id: string;
            /** @description Videos: the poster, once the video is ready. */
            poster_url: string | null;
            tagline: string;
            tags: string[];
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
        };
        Inbox: {
            /** @description Newest first, at most 100. */
            items: components["schemas"]["Notification"][];
            /**
             * Format: int64
             * @description How many are unread (the count in the app's header).
             */
            unread: number;
        };
        Invitation: {
            /**
             * Format: int64
             * @description Unix milliseconds; null while unused.
             */
            accepted_at: number | null;
            /** @description The group the person joins (set on their account when they accept). */
            cohort: string | null;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            email: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            expires_at: number;
            id: string;
            /**
             * Format: int64
             * @description Unix milliseconds; null unless revoked.
             */
            revoked_at: number | null;
            role: components["schemas"]["Role"];
        };
        InvitationLookup: {
            /** @description The token of the invitation link. */
            token: string;
        };
        InvitationPreview: {
            /** @description Who it is for. */
            email: string;
            /** @description The organisation's name. */
            organisation: string;
            role: components["schemas"]["Role"];
            state: components["schemas"]["InvitationState"];
        };
        /**
         * @description Where an invitation stands.
         * @enum {string}
         */
        InvitationState: "open" | "accepted" | "expired" | "withdrawn";
        /** @description One entry of a playlist as a person sees it. */
        Item: {
            /**
             * @description Whether the viewer completed it: a video watched far enough, a handout or resource
             *     opened.
             */
            completed: boolean;
            /** @description Handouts: the document's type (PDFs and pictures open in the browser's viewer). */
            content_type: string | null;
            /**
             * Format: double
             * @description Videos: the length in seconds, once known.
             */
            duration_s: number | null;
            id: string;
            item_id: string;
            /** @description video | handout | resource | practice | quiz | exercise */
            kind: string;
            /** @description In a sequential playlist, locked until the item before it is complete. */
            locked: boolean;
            /** @description Videos: the poster, once the video is ready. */
            poster_url: string | null;
            practice_status: null | components["schemas"]["AttemptStatus"];
            /**
             * Format: double
             * @description How far the viewer is with it, 0 to 1: a video by the share of it watched.
             */
            progress: number;
            title: string;
            /** @description The link of an external resource (open it with `POST /api/v1/resources/{id}/open`). */
            url: string | null;
        };
        /** @description A change to the fields every library item has; what is left out stays as it is. */
        ItemChange: {
            description?: string | null;
            tagline?: string | null;
            tags?: string[] | null;
            title?: string | null;
        };
        /**
         * @description A kind of library item.
         * @enum {string}
         */
        ItemKind: "video" | "handout" | "resource";
        /**
         * @description What a notification is about.
         * @enum {string}
         */
        Kind: "assigned" | "due_soon" | "overdue" | "review_requested" | "feedback" | "reply" | "mention" | "exercise_marked" | "quiz_marked";
        /** @description One level of a rubric's criterion, from the lowest (index 0) up. */
        Level: {
            description?: string;
            name: string;
        };
        LibraryPage: {
            /**
             * @description The people to ask about what was looked for: experts on a tag that shares a word (or a
             *     word's stem) with the query's words or the `tag` filter.
             */
            experts: components["schemas"]["Expert"][];
            /**
             * @description People outside the organisation to ask, from the expert log trainers keep: those with a
             *     tag that shares a word (or a word's stem) with the query's words or the `tag` filter.
             */
            external_experts: components["schemas"]["LogEntry"][];
            items: components["schemas"]["Hit"][];
            /** @description Pass back as `cursor` for the next page; null on the last. */
            next_cursor: string | null;
        };
        /** @description Learning an objective links to, with whether the person completed it. */
        Link: {
            /**
             * Format: int64
             * @description Unix milliseconds; null until the person completes it.
             */
            done_at: number | null;
            item_id: string;
            kind: components["schemas"]["LinkKind"];
            title: string;
        };
        /** @description Learning an objective links to. */
        LinkFields: {
            item_id: string;
            kind: components["schemas"]["LinkKind"];
        };
        /**
         * @description What an objective may link to: learning whose completion meets it.
         * @enum {string}
         */
        LinkKind: "playlist" | "video" | "handout" | "resource" | "practice" | "quiz" | "exercise";
        /**
         * @description An entry of the expert log: someone outside the organisation (`user_id` null) or a note on a
         *     colleague.
         */
        LogEntry: {
            /** @description What they are or where they work: "Supplier's field engineer". */
            about: string;
            /** @description The best channel to reach them. */
            channel: components["schemas"]["ExpertChannel"];
            /** @description The address, number or handle on that channel. */
            contact: string;
            id: string;
            /** @description The person's name (a colleague's as their profile has it). */
            name: string;
            /** @description How helpful they have been. */
            note: string;
            tags: string[];
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
            /** @description An http(s) link: their page, profile or booking form. */
            url: string | null;
            /** @description The colleague the entry is about; null for someone outside the organisation. */
            user_id: string | null;
        };
        LoginRequest: {
            email: string;
            password: string;
        };
        Mark: {
            /** @description A word for the learner. */
            comment?: string;
            /** @description Whether the answer is right. */
            correct: boolean;
            /**
             * Format: int64
             * @description The points it earns, up to the question's; all of them when right and left out, none
             *     when wrong.
             */
            points?: number | null;
        };
        /**
         * @description A trainer's verdict on a submission.
         * @enum {string}
         */
        MarkVerdict: "accepted" | "needs_work";
        MarkingQueue: {
            /** @description Oldest first. */
            items: components["schemas"]["Unmarked"][];
        };
        /** @description The signed-in person. */
        Me: {
            email: string;
            /** @description Whether the person has a password here (not when they came through SSO). */
            has_password: boolean;
            id: string;
            /**
             * @description Someone else chose the password: until the person sets their own, only this, signing out
             *     and `POST /api/v1/auth/password` work.
             */
            must_change_password: boolean;
            name: string;
            org: components["schemas"]["Org"];
            role: components["schemas"]["Role"];
        };
        /** @description A user of an organisation, as people managing it see them. */
        Member: {
            active: boolean;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            email: string;
            id: string;
            /** @description The person's manager, who sets their objectives and holds their development reviews. */
            manager_id: string | null;
            name: string;
            role: components["schemas"]["Role"];
        };
        Message: {
            message: string;
        };
        /**
         * @description What a trainer makes of a comment.
         * @enum {string}
         */
        Moderation: "visible" | "hidden";
        /** @description A moment as its editor sends it. */
        MomentChange: {
            /**
             * Format: double
             * @description Seconds from the start, within the video.
             */
            at_s: number;
            /** @description A handout of the organisation to open at that time. */
            handout_id?: string | null;
            /** @description An external resource of the organisation to open at that time (not with a handout). */
            resource_id?: string | null;
            title: string;
        };
        /** @description A comment pinned to a moment of the recording. */
        MomentComment: {
            /**
             * Format: double
             * @description Seconds from the start of the recording.
             */
            at_s: number;
            body: string;
        };
        /**
         * @description What a moment is for.
         * @enum {string}
         */
        MomentKind: "chapter" | "handout" | "resource";
        MomentList: {
            items: components["schemas"]["MomentView"][];
        };
        /** @description A moment of a video. */
        MomentView: {
            /**
             * Format: double
             * @description Seconds from the start.
             */
            at_s: number;
            handout_id: string | null;
            id: string;
            kind: components["schemas"]["MomentKind"];
            resource_id: string | null;
            title: string;
        };
        MomentsChange: {
            moments: components["schemas"]["MomentChange"][];
        };
        /** @description One of a person's assignments, with their progress through the playlist. */
        MyAssignment: {
            completed: boolean;
            /**
             * Format: int64
             * @description Unix milliseconds when the last item was completed, once all are.
             */
            completed_at: number | null;
            cover_url: string | null;
            description: string;
            /**
             * Format: int64
             * @description Unix milliseconds, when there is a due date.
             */
            due_at: number | null;
            /**
             * Format: double
             * @description `items_completed / items_total`, 0 to 1.
             */
            fraction: number;
            id: string;
            /** Format: int64 */
            items_completed: number;
            /** Format: int64 */
            items_total: number;
            overdue: boolean;
            playlist_id: string;
            /**
             * Format: double
             * @description How far through, 0 to 1, counting a partly watched video by the share of it watched.
             */
            progress: number;
            title: string;
        };
        MyAssignments: {
            items: components["schemas"]["MyAssignment"][];
        };
        NewAssignments: {
            /** @description Everyone invited into this cohort, now and later (with `role`: both must match). */
            cohort?: string | null;
            /**
             * Format: int64
             * @description Unix milliseconds; optional.
             */
            due_at?: number | null;
            role?: null | components["schemas"]["Role"];
            /** @description People of the organisation. */
            user_ids?: string[];
        };
        NewCommentRequest: {
            /**
             * Format: double
             * @description Videos and attempts: the moment it is about, in seconds from the start.
             */
            at_s?: number | null;
            body: string;
            /** @description Tell the experts of the item's tags (@experts). */
            mention_experts?: boolean;
            /** @description People of the organisation to tell (@mentions). */
            mentions?: string[];
            /** @description Answers this comment (on the same item). */
            parent_id?: string | null;
            target: components["schemas"]["Target"];
            target_id: string;
        };
        NewInvitation: {
            /**
             * @description The group the person joins, e.g. "2026-12 warehouse": playlists assigned to the cohort
             *     reach them.
             */
            cohort?: string | null;
            /**
             * Format: int64
             * @description Days from acceptance to the due date of those playlists.
             */
            due_in_days?: number | null;
            /** Format: email */
            email: string;
            /** @description On-boarding playlists of the organisation to assign when the person accepts. */
            playlist_ids?: string[];
            role: components["schemas"]["Role"];
        };
        NewItem: {
            item_id: string;
            kind: components["schemas"]["EntryKind"];
            /** @description Where to insert it, counting from 0; at the end when left out. */
            position?: number | null;
        };
        NewOrder: {
            /** @description Every entry id of the playlist (the `id` of its items), in the order wanted. */
            order: string[];
        };
        NewPlaybackLink: {
            /**
             * Format: int64
             * @description How long the link works, in hours (1 to 720; default 72).
             */
            hours?: number | null;
        };
        /** @description A new playlist: its title, and optionally the other fields. */
        NewPlaylist: {
            description?: string | null;
            intro?: string | null;
            onboarding?: boolean | null;
            published?: boolean | null;
            sequential?: boolean | null;
            title: string;
        };
        NewResource: {
            description?: string;
            tagline?: string;
            tags?: string[];
            title: string;
            /** @description An http(s) link: a blog post, podcast, slide deck or public video. */
            url: string;
        };
        NewReview: {
            /** @description Comments at moments of the recording. */
            comments?: components["schemas"]["MomentComment"][];
            /** @description Criterion id → the level chosen (0 = the lowest); criteria left out are not scored. */
            scores?: components["schemas"]["BTreeMap"];
            /** @description What went well and what to improve. */
            summary?: string;
            /**
             * @description `comment` leaves feedback only; `needs_work` asks for another attempt; `done` says it
             *     meets the standard and completes the step.
             */
            verdict: components["schemas"]["Verdict"];
        };
        NewReviewer: {
            /** @description Whose attempts: the caller's own when left out; trainers may name another learner. */
            learner_id?: string | null;
            /** @description A person of the organisation. */
            user_id: string;
        };
        NewSubmission: {
            /** @description What the learner hands in as text (may be empty when a file follows); plain text. */
            body?: string;
        };
        NewToken: {
            /**
             * Format: int32
             * @description Days until the token stops working (1 to 3650); left out, it never expires.
             */
            expires_in_days?: number | null;
            /** @description A label to recognise the token by. */
            name: string;
        };
        /** @description One notification in a person's inbox. */
        Notification: {
            body: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            id: string;
            kind: components["schemas"]["Kind"];
            link: string;
            read: boolean;
            title: string;
        };
        NotificationSetting: {
            channel: components["schemas"]["Channel"];
            kind: components["schemas"]["Kind"];
        };
        NotificationSettings: {
            /**
             * @description Whether this server sends email at all (SMTP is set); without it `email` and `digest`
             *     reach the inbox only.
             */
            email_available: boolean;
            /** @description Every kind, with how the caller wants it (`email` unless chosen otherwise). */
            items: components["schemas"]["NotificationSetting"][];
        };
        NotificationSettingsChange: {
            /** @description The kinds to change; others stay as they are. */
            items: components["schemas"]["NotificationSetting"][];
        };
        /** @description An objective with where it stands for its person. */
        Objective: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            due_at: number | null;
            id: string;
            links: components["schemas"]["Link"][];
            /** @description How success is measured, in words. */
            measure: string;
            /**
             * Format: int64
             * @description Unix milliseconds: when it was met (marked, or its last link completed).
             */
            met_at: number | null;
            outcome: null | components["schemas"]["Outcome"];
            set_by_name: string | null;
            status: components["schemas"]["ObjectiveStatus"];
            title: string;
            /** Format: int64 */
            updated_at: number;
            user_id: string;
        };
        ObjectiveInput: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            due_at?: number | null;
            /** @description Learning whose completion meets the objective (all of it). */
            links?: components["schemas"]["LinkFields"][];
            /** @description How success is measured, in words. */
            measure?: string;
            outcome?: null | components["schemas"]["Outcome"];
            title: string;
        };
        /**
         * @description Where an objective stands.
         * @enum {string}
         */
        ObjectiveStatus: "open" | "overdue" | "met" | "dropped";
        ObjectivesReport: {
            /** @description By name. */
            people: components["schemas"]["PersonObjectives"][];
            /** @description By manager's name. */
            teams: components["schemas"]["TeamObjectives"][];
        };
        Opened: {
            /** @description Where to send the person. */
            url: string;
        };
        Org: {
            id: string;
            name: string;
            slug: string;
        };
        /**
         * @description Set by hand: met (for what no learning measures) or dropped.
         * @enum {string}
         */
        Outcome: "met" | "dropped";
        /** @description A person with their manager, as development pages and team reports name them. */
        Person: {
            email: string;
            manager_id: string | null;
            manager_name: string | null;
            name: string;
            user_id: string;
        };
        /** @description Where a person's objectives stand. */
        PersonObjectives: components["schemas"]["Person"] & {
            dropped: number;
            met: number;
            /**
             * Format: int64
             * @description Unix milliseconds: the next review agreed at the latest one.
             */
            next_review_at: number | null;
            open: number;
            overdue: number;
        };
        PersonUsage: {
            name: string;
            /** Format: int64 */
            used_bytes: number;
            user_id: string;
        };
        PlaybackLink: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            expires_at: number;
            token: string;
            /** @description The master playlist URL with its token: plays without signing in. */
            url: string;
        };
        Playlist: {
            /** @description The cover image, once one is uploaded. */
            cover_url: string | null;
            description: string;
            id: string;
            /** @description Plain text shown before the first item; paragraphs separated by blank lines. */
            intro: string;
            onboarding: boolean;
            published: boolean;
            /** @description The next item unlocks when the previous one is complete. */
            sequential: boolean;
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
        };
        PlaylistFields: {
            description?: string | null;
            intro?: string | null;
            onboarding?: boolean | null;
            published?: boolean | null;
            sequential?: boolean | null;
            title?: string | null;
        };
        PlaylistView: components["schemas"]["Playlist"] & {
            items: components["schemas"]["Item"][];
        };
        /** @description Where a person stands on a practice step, as reports show it. */
        PracticeState: {
            /** Format: int64 */
            attempts: number;
            /** @description The latest scored review's scores, in the rubric's order. */
            scores: components["schemas"]["Score"][];
            status: null | components["schemas"]["AttemptStatus"];
        };
        ProgressReport: {
            intervals: number[][];
            /**
             * Format: double
             * @description Where playback is now, to resume from.
             */
            position_s: number;
        };
        ProgressView: {
            completed: boolean;
            /**
             * Format: double
             * @description `watched_s` over the video's duration, 0 to 1.
             */
            fraction: number;
            /**
             * Format: double
             * @description Where to resume.
             */
            position_s: number;
            /**
             * Format: double
             * @description Seconds of the video watched, each counted once.
             */
            watched_s: number;
        };
        ProviderButton: {
            /** @description "Sign in with <name>". */
            name: string;
            org_slug: string;
            /** @description Where the browser goes to sign in (a navigation, not a fetch). */
            start_url: string;
        };
        /** @description A question, whole: as trainers write and see it. */
        Question: {
            /**
             * Format: int64
             * @description In a video's quiz: the moment that asks it, in milliseconds from the start.
             */
            at_ms: number | null;
            choices: components["schemas"]["Choice"][];
            /** @description Shown once the question is answered. */
            feedback: string;
            id: string;
            key: components["schemas"]["AnswerKey"];
            kind: components["schemas"]["QuestionKind"];
            /** Format: int64 */
            points: number;
            prompt: string;
        };
        /** @description A question as its editor sends it. */
        QuestionFields: {
            /**
             * Format: int64
             * @description In a video's quiz: the moment that asks it, in milliseconds from the start.
             */
            at_ms?: number | null;
            /** @description Single and multiple choice: 2 to 12 choices. Keep their ids when editing. */
            choices?: components["schemas"]["Choice"][];
            /** @description Shown once the question is answered. */
            feedback?: string;
            /**
             * @description Keep a question's id when editing, so answers given before still count; new ones leave
             *     it out.
             */
            id?: string | null;
            /** @description The right answer (left empty for free text). */
            key?: components["schemas"]["AnswerKey"];
            kind: components["schemas"]["QuestionKind"];
            /**
             * Format: int64
             * @description 1 when left out.
             */
            points?: number | null;
            prompt: string;
        };
        /**
         * @description What kind of answer a question takes.
         * @enum {string}
         */
        QuestionKind: "single" | "multiple" | "true_false" | "number" | "short_text" | "free_text";
        QuestionReport: {
            /**
             * Format: int64
             * @description Attempts submitted.
             */
            attempts: number;
            /** @description The question most people got wrong (the first of a tie); null when nobody did. */
            most_missed: string | null;
            /** @description In the quiz's order. */
            questions: components["schemas"]["QuestionStats"][];
            quiz_id: string;
            title: string;
        };
        /** @description How a question fared over every submitted attempt. */
        QuestionStats: {
            /** Format: int64 */
            answered: number;
            /** @description Choice questions: how often each choice was picked. */
            choices: components["schemas"]["ChoiceCount"][];
            kind: components["schemas"]["QuestionKind"];
            /** @description 1 for the first question. */
            number: number;
            /**
             * Format: double
             * @description Right answers as a share of the marked ones, 0 to 100; null before any.
             */
            percent_right: number | null;
            prompt: string;
            question_id: string;
            /** Format: int64 */
            right: number;
            /**
             * Format: int64
             * @description Free-text answers waiting for a mark.
             */
            waiting: number;
            /** Format: int64 */
            wrong: number;
        };
        /** @description A quiz with its questions in order. */
        Quiz: {
            description: string;
            id: string;
            /**
             * Format: int64
             * @description How many attempts a learner may make; 0 for no limit.
             */
            max_attempts: number;
            /**
             * Format: int64
             * @description The share of the points that passes, 0 to 100.
             */
            pass_percent: number;
            questions: components["schemas"]["Question"][];
            /** @description Whether each attempt asks the questions in its own order. */
            shuffle: boolean;
            /**
             * Format: int64
             * @description Seconds an attempt may take; null for no limit.
             */
            time_limit_s: number | null;
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
            /** @description The video whose moments ask the questions; null for a playlist quiz. */
            video_id: string | null;
        };
        /**
         * @description open | marking | passed | failed
         * @enum {string}
         */
        QuizAttemptStatus: "open" | "marking" | "passed" | "failed";
        /** @description An attempt in a list. */
        QuizAttemptSummary: {
            id: string;
            /** Format: int64 */
            max_score: number;
            /** Format: int64 */
            score: number;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            started_at: number;
            status: components["schemas"]["QuizAttemptStatus"];
            /** Format: int64 */
            submitted_at: number | null;
        };
        /** @description One attempt with its questions in the order it asks them. */
        QuizAttemptView: {
            /**
             * Format: int64
             * @description When the time limit runs out; answers sent later are not taken.
             */
            deadline_at: number | null;
            id: string;
            learner_id: string;
            /** Format: int64 */
            max_score: number;
            /** Format: int64 */
            pass_percent: number;
            questions: components["schemas"]["AskedQuestion"][];
            quiz_id: string;
            quiz_title: string;
            /** Format: int64 */
            score: number;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            started_at: number;
            status: components["schemas"]["QuizAttemptStatus"];
            /** Format: int64 */
            submitted_at: number | null;
        };
        QuizFields: {
            description?: string;
            /**
             * Format: int64
             * @description 0 (no limit) to 100.
             */
            max_attempts?: number;
            /**
             * Format: int64
             * @description The share of the points that passes, 0 to 100.
             */
            pass_percent: number;
            questions: components["schemas"]["QuestionFields"][];
            shuffle?: boolean;
            /**
             * Format: int64
             * @description 30 seconds to a day; no limit when left out.
             */
            time_limit_s?: number | null;
            title: string;
            /**
             * @description Pin the questions to moments of this video (set when creating; a video has at most one
             *     quiz). Left out for a playlist quiz.
             */
            video_id?: string | null;
        };
        QuizList: {
            items: components["schemas"]["QuizSummary"][];
        };
        QuizScores: {
            /** Format: int64 */
            pass_percent: number;
            /** @description Everyone who submitted an attempt, by name. */
            people: components["schemas"]["Standing"][];
            quiz_id: string;
            title: string;
        };
        /** @description Where a person stands on a quiz, as reports show it. */
        QuizState: {
            /**
             * Format: int64
             * @description Submitted attempts.
             */
            attempts: number;
            /**
             * Format: int64
             * @description The best submitted attempt's points.
             */
            best_score: number;
            /** Format: int64 */
            max_score: number;
            passed: boolean;
        };
        /** @description A quiz in a list. */
        QuizSummary: {
            id: string;
            /** Format: int64 */
            pass_percent: number;
            /** Format: int64 */
            questions: number;
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
            video_id: string | null;
        };
        /** @description A quiz as a learner sees it before starting: no questions, no answers. */
        QuizView: {
            /** @description Whether the caller may start another attempt (or has one open to go on with). */
            can_attempt: boolean;
            description: string;
            id: string;
            /**
             * Format: int64
             * @description 0 for no limit.
             */
            max_attempts: number;
            /** @description The caller's attempts, oldest first. */
            my_attempts: components["schemas"]["QuizAttemptSummary"][];
            /** Format: int64 */
            pass_percent: number;
            /**
             * Format: int64
             * @description Unix milliseconds: when the caller first passed; null until then.
             */
            passed_at: number | null;
            questions: number;
            /** Format: int64 */
            time_limit_s: number | null;
            title: string;
            video_id: string | null;
        };
        ReadRequest: {
            /** @description One notification; every one when left out. */
            id?: string | null;
        };
        /** @description One rung of a video's ladder, as players need it. */
        Rendition: {
            /**
             * Format: int64
             * @description Peak bits per second.
             */
            bandwidth: number;
            /** Format: int64 */
            height: number;
            /** Format: int64 */
            width: number;
        };
        /** @description One item of a playlist as a report shows it for one person. */
        ReportItem: {
            completed: boolean;
            /**
             * Format: int64
             * @description Unix milliseconds when the person completed it.
             */
            completed_at: number | null;
            /** @description The entry in the playlist. */
            entry_id: string;
            item_id: string;
            /** @description video | handout | resource | practice | quiz | exercise */
            kind: string;
            practice: null | components["schemas"]["PracticeState"];
            /**
             * Format: double
             * @description 0 to 1: a video by the share of it watched; anything else 0 or 1.
             */
            progress: number;
            quiz: null | components["schemas"]["QuizState"];
            title: string;
        };
        /** @description One line of a trainer's report: one person's progress through one playlist. */
        ReportLine: {
            completed: boolean;
            /**
             * Format: int64
             * @description Unix milliseconds when the last item was completed, once all are.
             */
            completed_at: number | null;
            /** Format: int64 */
            due_at: number | null;
            email: string;
            /**
             * Format: double
             * @description `items_completed / items_total`, 0 to 1.
             */
            fraction: number;
            /** @description Every item of the playlist with this person's state of it, in playlist order. */
            items: components["schemas"]["ReportItem"][];
            /** Format: int64 */
            items_completed: number;
            /** Format: int64 */
            items_total: number;
            /**
             * Format: int64
             * @description Unix milliseconds of the person's latest progress on the playlist's items.
             */
            last_activity: number | null;
            name: string;
            overdue: boolean;
            playlist_id: string;
            playlist_title: string;
            /**
             * Format: double
             * @description How far through, 0 to 1, counting a partly watched video by the share of it watched.
             */
            progress: number;
            user_id: string;
        };
        ResetLink: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            expires_at: number;
            /** @description The link to hand to the person: it works once. */
            url: string;
        };
        ResetPassword: {
            new_password: string;
            token: string;
        };
        Resource: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            description: string;
            id: string;
            owner_id: string;
            tagline: string;
            tags: string[];
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
            /** @description An http(s) link. */
            url: string;
        };
        ResourceChange: components["schemas"]["ItemChange"] & {
            /** @description An http(s) link. */
            url?: string | null;
        };
        /** @description A resource as the API shows it. */
        ResourceView: components["schemas"]["Resource"] & {
            /** @description Always `resource`. */
            kind: string;
        };
        /** @description What a learner answered, by the question's kind. */
        Response: {
            /** @description single (exactly one), multiple: the ids of the choices picked. */
            choices?: string[];
            /**
             * Format: double
             * @description number.
             */
            number?: number | null;
            /** @description short_text, free_text. */
            text?: string | null;
            /** @description true_false. */
            truth?: boolean | null;
        };
        /** @description A development review. */
        Review: {
            /** Format: int64 */
            created_at: number;
            /**
             * Format: int64
             * @description Unix milliseconds: when the conversation took place.
             */
            held_at: number;
            id: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            next_review_at: number | null;
            /** @description The next steps agreed. */
            next_steps: string;
            notes: string;
            /**
             * Format: int64
             * @description 1 to 5.
             */
            rating: number | null;
            reviewer_id: string | null;
            reviewer_name: string | null;
            /** Format: int64 */
            updated_at: number;
            user_id: string;
        };
        ReviewInput: {
            /**
             * Format: int64
             * @description Unix milliseconds: when the conversation took place.
             */
            held_at: number;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            next_review_at?: number | null;
            /** @description The next steps agreed. */
            next_steps?: string;
            notes: string;
            /**
             * Format: int64
             * @description 1 to 5.
             */
            rating?: number | null;
        };
        ReviewQueue: {
            items: components["schemas"]["VideoView"][];
        };
        /** @description One review: the summary, the rubric's scores, the verdict and the comments left with it. */
        ReviewView: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            id: string;
            reviewer_id: string | null;
            reviewer_name: string | null;
            /** @description Criterion id → the level chosen (0 = the lowest). */
            scores: components["schemas"]["BTreeMap"];
            summary: string;
            verdict: components["schemas"]["Verdict"];
        };
        /** @description Someone asked to review a learner's attempts at a step. */
        Reviewer: {
            name: string;
            user_id: string;
        };
        ReviewerList: {
            items: components["schemas"]["Reviewer"][];
        };
        /**
         * @description What a person may do in their organisation. Ordered: each role can do what the ones before it
         *     can.
         * @enum {string}
         */
        Role: "member" | "trainer" | "admin";
        /** @description One criterion of a rubric as a review scored it. */
        Score: {
            criterion: string;
            /** @description The level's name. */
            level: string;
            out_of: number;
            /** @description 1 for the lowest level, up to `out_of`. */
            points: number;
        };
        Settings: {
            /** @description People may download videos for offline viewing. */
            allow_downloads: boolean;
            /** @description Trainers may make playback links that work without signing in. */
            allow_public_links: boolean;
            /**
             * Format: double
             * @description The share of a video's length a person must actually watch for it to count as complete
             *     (0.5 to 1).
             */
            completion_threshold: number;
            /**
             * @description Members' uploads, and their comments in the library, wait for a trainer's review before
             *     others see them.
             */
            review_uploads: boolean;
        };
        /** @description A change to the settings; what is left out stays as it is. */
        SettingsChange: {
            allow_downloads?: boolean | null;
            allow_public_links?: boolean | null;
            /**
             * Format: double
             * @description The share of a video's length a person must actually watch for it to count as complete.
             */
            completion_threshold?: number | null;
            review_uploads?: boolean | null;
        };
        SignInOptions: {
            /** @description False when that organisation signs in through its provider only. */
            password_sign_in: boolean;
            /** @description The provider covering the email's domain, if any. */
            providers: components["schemas"]["ProviderButton"][];
        };
        /** @description The organisation's single sign-on, as its admins see it (never the client secret). */
        SsoSettings: {
            client_id: string;
            client_secret_set: boolean;
            configured: boolean;
            create_users: boolean;
            default_role: components["schemas"]["Role"];
            domains: string[];
            issuer: string;
            name: string;
            /** @description False: the organisation's people sign in through the provider only. */
            password_sign_in: boolean;
            /** @description The redirect URI to register at the provider. */
            redirect_uri: string;
        };
        SsoUpdate: {
            client_id: string;
            /** @description Left out: the stored secret is kept. */
            client_secret?: string | null;
            /** @description Whether people the organisation does not know yet get an account at their first sign-in. */
            create_users: boolean;
            /** @description The role of such new accounts. */
            default_role: components["schemas"]["Role"];
            /** @description The email domains the provider signs in (each in one organisation only). */
            domains: string[];
            /**
             * @description The provider's issuer URL (its discovery document is at
             *     `<issuer>/.well-known/openid-configuration`).
             */
            issuer: string;
            /** @description Shown on the button: "Sign in with <name>". */
            name: string;
            /** @description False: passwords are turned off and everyone signs in through the provider. */
            password_sign_in: boolean;
        };
        /** @description One person's record on a quiz, for reports. */
        Standing: {
            /**
             * Format: int64
             * @description Submitted attempts.
             */
            attempts: number;
            /**
             * Format: int64
             * @description The best score of a submitted attempt, in points.
             */
            best_score: number;
            email: string;
            /**
             * Format: int64
             * @description Unix milliseconds of the last submitted attempt.
             */
            last_submitted_at: number;
            /** Format: int64 */
            max_score: number;
            name: string;
            /**
             * Format: int64
             * @description Unix milliseconds; null until passed.
             */
            passed_at: number | null;
            quiz_id: string;
            quiz_title: string;
            user_id: string;
        };
        /**
         * @description visible | held | hidden
         * @enum {string}
         */
        Status: "visible" | "held" | "hidden";
        StatusChange: {
            status: components["schemas"]["Moderation"];
        };
        /** @description A practice step. */
        Step: {
            id: string;
            /** @description Plain text; paragraphs separated by blank lines. */
            instructions: string;
            /** @description A video of the organisation showing how it is done well. */
            model_video_id: string | null;
            rubric: components["schemas"]["Criterion"][];
            title: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            updated_at: number;
        };
        StepFields: {
            /** @description What to record and how; plain text. */
            instructions: string;
            /** @description A video of the organisation showing it done well. */
            model_video_id?: string | null;
            /** @description 1 to 12 criteria. */
            rubric: components["schemas"]["CriterionFields"][];
            title: string;
        };
        StepList: {
            items: components["schemas"]["Step"][];
        };
        /** @description A practice step with the caller's own attempts and reviewers. */
        StepView: components["schemas"]["Step"] & {
            /** @description The caller's attempts, oldest first. */
            my_attempts: components["schemas"]["AttemptSummary"][];
            /** @description Whom the caller asked to review their attempts (besides the trainers). */
            my_reviewers: components["schemas"]["Reviewer"][];
            my_status: null | components["schemas"]["AttemptStatus"];
        };
        /** @description What a learner handed in for an exercise, and how it was marked. */
        Submission: {
            /** @description The text handed in; plain text. */
            body: string;
            content_type: string | null;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            exercise_id: string;
            exercise_title: string;
            /** @description The trainer's comments; empty before marking. */
            feedback: string;
            /** @description The file handed in, if any (download it with `…/file`). */
            file_name: string | null;
            id: string;
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            marked_at: number | null;
            marked_by_name: string | null;
            /**
             * Format: int64
             * @description Bytes.
             */
            size_bytes: number | null;
            status: components["schemas"]["SubmissionStatus"];
            /** @description The learner. */
            user_id: string;
            user_name: string;
        };
        SubmissionList: {
            /** @description Oldest first, at most 200. */
            items: components["schemas"]["Submission"][];
        };
        SubmissionMark: {
            /** @description Comments for the learner; plain text. */
            feedback?: string;
            verdict: components["schemas"]["MarkVerdict"];
        };
        /**
         * @description waiting | needs_work | accepted
         * @enum {string}
         */
        SubmissionStatus: "waiting" | "needs_work" | "accepted";
        /**
         * @description What a comment is on.
         * @enum {string}
         */
        Target: "video" | "handout" | "resource" | "attempt";
        /** @description Where the objectives of one manager's people stand; `manager_id` null for those without one. */
        TeamObjectives: {
            dropped: number;
            manager_id: string | null;
            manager_name: string | null;
            met: number;
            open: number;
            overdue: number;
            people: number;
        };
        /** @description An API token as its owner sees it: never the token itself. */
        TokenInfo: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            /**
             * Format: int64
             * @description Unix milliseconds when the token stops working; null when it never expires.
             */
            expires_at: number | null;
            id: string;
            /**
             * Format: int64
             * @description Unix milliseconds, to the minute; null when never used.
             */
            last_used_at: number | null;
            name: string;
        };
        /** @description A free-text answer waiting for a trainer. */
        Unmarked: {
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            answered_at: number;
            attempt_id: string;
            learner_id: string;
            learner_name: string;
            /**
             * Format: int64
             * @description The most the answer may earn.
             */
            points: number;
            prompt: string;
            question_id: string;
            quiz_id: string;
            quiz_title: string;
            text: string;
        };
        UnsubscribeRequest: {
            /** @description The token of an email's unsubscribe link. */
            token: string;
        };
        Unsubscribed: {
            /** @description The kinds no longer emailed (they still reach the inbox). */
            kinds: components["schemas"]["Kind"][];
        };
        UploadStatus: {
            /** Format: int64 */
            length: number;
            /** Format: int64 */
            offset: number;
            upload_id: string;
            /** @description Set once the upload is complete. */
            video_id: string | null;
        };
        /** @description What the organisation stores (uploads and handouts), against its quotas. */
        Usage: {
            /** @description Each person storing anything, most first. */
            people: components["schemas"]["PersonUsage"][];
            /**
             * Format: int64
             * @description What each person may store; null is unlimited.
             */
            person_quota_bytes: number | null;
            /**
             * Format: int64
             * @description Null is unlimited.
             */
            quota_bytes: number | null;
            /** Format: int64 */
            used_bytes: number;
        };
        UserChange: {
            /** @description false deactivates: the person's sessions and tokens stop working at once. */
            active?: boolean | null;
            /**
             * @description The person's manager (who sets their objectives and holds their development reviews):
             *     an active person of the organisation, or "" for none.
             */
            manager_id?: string | null;
            name?: string | null;
            role?: null | components["schemas"]["Role"];
        };
        /**
         * @description A reviewer's verdict on an attempt.
         * @enum {string}
         */
        Verdict: "comment" | "needs_work" | "done";
        VideoList: {
            items: components["schemas"]["VideoView"][];
        };
        /** @description A video's questions as the player asks them. */
        VideoQuestions: {
            attempt: null | components["schemas"]["QuizAttemptSummary"];
            /** Format: int64 */
            pass_percent: number;
            /**
             * @description By moment; those the caller answered in their latest attempt carry the answer and its
             *     feedback.
             */
            questions: components["schemas"]["AskedQuestion"][];
            /** @description Null when the video asks nothing. */
            quiz_id: string | null;
        };
        /**
         * @description Where a video is in its life: `uploading` → `queued` → `processing` → `ready` or `failed`.
         * @enum {string}
         */
        VideoStatus: "uploading" | "queued" | "processing" | "ready" | "failed";
        VideoView: {
            /** @description Captions by language, each a subtitle rendition of the HLS master playlist. */
            captions: components["schemas"]["CaptionView"][];
            /**
             * Format: int64
             * @description Unix milliseconds.
             */
            created_at: number;
            description: string;
            /** Format: double */
            duration_s: number | null;
            /** @description A sentence for people when `status` is failed. */
            error: string | null;
            handouts: components["schemas"]["Handout"][];
            /** Format: int64 */
            height: number | null;
            /** @description Waiting for a trainer's review: only its owner and trainers see it until approved. */
            held: boolean;
            /** @description The HLS master playlist, once playable. */
            hls_url: string | null;
            id: string;
            /** @description Chapters, and handouts or resources to open at a time, in time order. */
            moments: components["schemas"]["MomentView"][];
            my_progress: null | components["schemas"]["ProgressView"];
            owner_id: string;
            /** @description Whether it can be played already (while processing, the first segments are there). */
            playable: boolean;
            poster_url: string | null;
            /**
             * Format: int64
             * @description Transcoding progress, 0 to 100.
             */
            progress_pct: number;
            renditions: components["schemas"]["Rendition"][];
            /** @description uploading | queued | processing | ready | failed */
            status: components["schemas"]["VideoStatus"];
            /** @description WebVTT of scrub-preview thumbnails, once ready. */
            storyboard_url: string | null;
            tagline: string;
            tags: string[];
            title: string;
            /** Format: int64 */
            width: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    attempt_queue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptQueue"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_attempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attempt_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attempt_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewReview"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    oidc_callback: {
        parameters: {
            query?: {
                code?: string | null;
                state?: string | null;
                /** @description Set by a provider that refused (the person cancelled, the app is not assigned to them). */
                error?: string | null;
                error_description?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed in (to /), or refused (to /signin?sso_error=...) */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sign_in_options: {
        parameters: {
            query: {
                /** @description The email the person typed on the sign-in page. */
                email: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOptions"];
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    oidc_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description to the provider, or back to the sign-in page with a reason */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePassword"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    forgot_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPassword"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reset_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPassword"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenInfo"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewToken"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedToken"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revoke_token: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_branding: {
        parameters: {
            query?: {
                /** @description The organisation's slug; default: the caller's, or the default organisation. */
                org?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Branding"];
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_branding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BrandingChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Branding"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_logo: {
        parameters: {
            query?: {
                /** @description The organisation's slug; default: the caller's, or the default organisation. */
                org?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a PNG picture */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": unknown;
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_logo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A PNG, JPEG, WebP or GIF picture, up to 10 MiB */
        requestBody: {
            content: {
                "image/*": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Branding"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_comments: {
        parameters: {
            query: {
                target: components["schemas"]["Target"];
                target_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentList"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_comment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCommentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    held_comments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentList"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    edit_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_comment_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                review_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewInput"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                review_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    exercise_marking_queue: {
        parameters: {
            query?: {
                /** @description Which submissions: `waiting` (the default) for the marking queue. */
                status?: null | components["schemas"]["SubmissionStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionList"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_submission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                submission_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_submission_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                submission_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_submission_file: {
        parameters: {
            query?: {
                /** @description The file's name, offered again on download (made safe, at most 200 characters). */
                name?: string | null;
            };
            header?: never;
            path: {
                submission_id: string;
            };
            cookie?: never;
        };
        /** @description The file, of any type, up to 200 MiB; its Content-Type is kept */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mark_submission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                submission_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmissionMark"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_exercises: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExerciseList"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_exercise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExerciseFields"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exercise"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_exercise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exercise_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExerciseView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_exercise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exercise_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExerciseFields"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exercise"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    remove_exercise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exercise_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    submit_exercise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exercise_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewSubmission"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_expert_log: {
        parameters: {
            query?: {
                /** @description Only experts on this tag. */
                tag?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertLog"];
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_expert_log_entry: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpertLogInput"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogEntry"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_expert_log_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                log_entry_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpertLogInput"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogEntry"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_expert_log_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                log_entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_experts: {
        parameters: {
            query?: {
                /** @description Only experts on this tag. */
                tag?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Experts"];
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    expert_topic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpertTopic"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    endorse_expert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unendorse_expert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_library_handout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["HandoutForm"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handout"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_handout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handout_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handout"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_handout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handout_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_handout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handout_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handout"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    download_handout: {
        parameters: {
            query?: {
                /**
                 * @description Open PDFs, pictures and text in the browser's (or phone's) own viewer instead of saving
                 *     them; other documents are saved either way.
                 */
                inline?: boolean;
            };
            header?: never;
            path: {
                handout_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewInvitation"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedInvitation"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    accept_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitation"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    lookup_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationLookup"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revoke_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    resend_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedInvitation"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    search: {
        parameters: {
            query?: {
                /** @description Words to look for in titles, tag-lines, descriptions and tags. */
                q?: string | null;
                tag?: string | null;
                kind?: null | components["schemas"]["ItemKind"];
                /** @description From the previous page's `next_cursor`. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LibraryPage"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_assignments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAssignments"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_my_expertise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Expertise"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Expertise"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_notification_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_notification_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    inbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inbox"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mark_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadRequest"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_videos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoList"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_objective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                objective_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectiveInput"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objective"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_objective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                objective_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotate_signing_key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sso_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoSettings"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_sso_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoUpdate"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoSettings"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_sso_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_usage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Usage"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    find_colleagues: {
        parameters: {
            query?: {
                /** @description The start of a name (of any of its words) or of an email; everyone when left out. */
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColleagueList"];
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    development_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevelopmentPage"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_objective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectiveInput"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objective"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewInput"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_playlists: {
        parameters: {
            query?: {
                /**
                 * @description Only the playlists holding this video, handout or resource (to say what deleting it
                 *     would change).
                 */
                contains?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Playlist"][];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_playlist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPlaylist"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Playlist"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_playlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_playlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_playlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaylistFields"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Playlist"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAssignments"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assigned"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unassign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_assignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentDue"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_cover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a JPEG picture */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_cover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        /** @description A PNG, JPEG, WebP or GIF picture, up to 10 MiB */
        requestBody: {
            content: {
                "image/*": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Playlist"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reorder_items: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewOrder"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaylistView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewItem"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    remove_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    playlist_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                playlist_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportLine"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_steps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepList"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_step: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepFields"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Step"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                step_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                step_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepFields"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Step"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                step_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_reviewer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                step_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewReviewer"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewerList"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    remove_reviewer: {
        parameters: {
            query?: {
                /** @description Whose attempts: the caller's own when left out; trainers may name another learner. */
                learner_id?: string | null;
            };
            header?: never;
            path: {
                step_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_quiz_attempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_attempt_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizAttemptView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    answer_question: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_attempt_id: string;
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Response"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerResult"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mark_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_attempt_id: string;
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Mark"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizAttemptView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    submit_attempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_attempt_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizAttemptView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    marking_queue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkingQueue"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_quizzes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizList"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_quiz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuizFields"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quiz"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_quiz: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_quiz: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuizFields"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quiz"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_quiz: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    start_attempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizAttemptView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    edit_quiz: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quiz"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    question_statistics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionReport"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    quiz_scores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizScores"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    objectives_report: {
        parameters: {
            query?: {
                /** @description Only the people this person manages. Members always see only their own team. */
                manager_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectivesReport"];
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_resource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewResource"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_resource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resource_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_resource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resource_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_resource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resource_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    open_resource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resource_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Opened"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    review_queue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewQueue"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnsubscribeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unsubscribed"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_upload: {
        parameters: {
            query?: never;
            header: {
                "Tus-Resumable": "1.0.0";
                /** @description The size of the whole file in bytes (at most the server's REELHOUSE_MAX_UPLOAD_BYTES) */
                "Upload-Length": number;
                /** @description Comma-separated `key base64(value)` pairs: `filename`, optional `title`, optional `practice_step` (the id of the practice step this recording is an attempt at) */
                "Upload-Metadata"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The first bytes of the file (tus creation-with-upload); optional */
        requestBody?: {
            content: {
                "application/offset+octet-stream": null | string;
            };
        };
        responses: {
            /** @description created; Location names the upload */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    options_uploads: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    get_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadStatus"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_upload: {
        parameters: {
            query?: never;
            header: {
                "Tus-Resumable": "1.0.0";
            };
            path: {
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    head_upload: {
        parameters: {
            query?: never;
            header: {
                "Tus-Resumable": "1.0.0";
            };
            path: {
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Upload-Offset and Upload-Length headers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description no or another Tus-Resumable */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    patch_upload: {
        parameters: {
            query?: never;
            header: {
                "Tus-Resumable": "1.0.0";
                /** @description Where these bytes go: the upload's offset as HEAD gives it */
                "Upload-Offset": number;
            };
            path: {
                upload_id: string;
            };
            cookie?: never;
        };
        /** @description Bytes of the file from the upload's offset on */
        requestBody: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            /** @description stored; Upload-Offset is the new offset */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_expertise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Expertise"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Expertise"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_reset_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetLink"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    person_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportLine"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_videos: {
        parameters: {
            query?: {
                /** @description Only videos in this state. */
                status?: null | components["schemas"]["VideoStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoList"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_video: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_video: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_video: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    approve_video: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_captions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptionList"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_captions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["CaptionForm"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptionView"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_captions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    caption_file: {
        parameters: {
            query?: {
                /** @description A signed playback token, for viewers who are not signed in. */
                token?: string | null;
            };
            header?: never;
            path: {
                video_id: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/vtt": unknown;
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    subtitle_playlist: {
        parameters: {
            query?: {
                /** @description A signed playback token, for viewers who are not signed in. */
                token?: string | null;
            };
            header?: never;
            path: {
                video_id: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apple.mpegurl": unknown;
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    download: {
        parameters: {
            query?: {
                /** @description `original`, or a rendition such as `720p` (default: the highest). */
                rendition?: string | null;
                token?: string | null;
            };
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": unknown;
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the video is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_handouts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handout"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    order_handouts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoutOrder"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handout"][];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_handout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["HandoutForm"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handout"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    master_playlist: {
        parameters: {
            query?: {
                /** @description A signed playback token, for viewers who are not signed in. */
                token?: string | null;
            };
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apple.mpegurl": unknown;
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rendition_file: {
        parameters: {
            query?: {
                /** @description A signed playback token, for viewers who are not signed in. */
                token?: string | null;
            };
            header?: never;
            path: {
                video_id: string;
                rendition: string;
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_moments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MomentsChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MomentList"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_playback_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPlaybackLink"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybackLink"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The JSON does not have the shape this route takes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    poster: {
        parameters: {
            query?: {
                /** @description A signed playback token, for viewers who are not signed in. */
                token?: string | null;
            };
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                };
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    report_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressReport"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressView"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    video_questions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoQuestions"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    answer_video_question: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                video_id: string;
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Response"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerResult"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not sent as application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    storyboard: {
        parameters: {
            query?: {
                /** @description A signed playback token, for viewers who are not signed in. */
                token?: string | null;
            };
            header?: never;
            path: {
                video_id: string;
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The query string cannot be read as its parameters say. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
