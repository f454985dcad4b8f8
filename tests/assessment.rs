//! Assessment and development: a quiz in a sequential on-boarding playlist that blocks the next
//! step until passed, checked on the server and never giving its answers away before
//! submission; free text marked by a trainer; attempts and time limits; question statistics
//! (JSON and CSV) that match the answers given; questions pinned to moments of a video; workbook
//! exercises handed in and accepted; objectives met by completing a playlist and development
//! reviews only the person, their manager and trainers see; the subject-expert log.

mod common;

use std::time::Duration;

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

/// A call as `person` whose raw body is returned too, to look for what must not be in it.
async fn raw_call(
    app: &TestApp,
    person: &Person,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (u16, String) {
    let mut request = app
        .client
        .request(method, app.at(path))
        .bearer_auth(&person.token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Nothing of the answer key of [`quiz_fields`] is in `body`.
fn assert_no_answers(body: &str, when: &str) {
    for secret in [
        "correct_choices",
        "accepted",
        "tolerance",
        "lock out tag out",
        "\"truth\":true",
    ] {
        assert!(
            !body.contains(secret),
            "{when}: the response gives away {secret:?}: {body}"
        );
    }
}

/// Five questions, one of each checked kind and a free-text one worth 2: 6 points in all.
fn quiz_fields(pass_percent: i64) -> Value {
    json!({
        "title": "Forklift safety",
        "description": "Five questions on the first day's video.",
        "pass_percent": pass_percent,
        "questions": [
            {"kind": "single", "prompt": "Which comes first?",
             "choices": [{"text": "Lift"}, {"text": "Check the forks"}, {"text": "Drive"}],
             "key": {"correct_choices": ["1"]},
             "feedback": "Always check the forks before you lift anything."},
            {"kind": "multiple", "prompt": "Which are protective equipment?",
             "choices": [{"text": "Helmet"}, {"text": "Sandals"}, {"text": "Gloves"}],
             "key": {"correct_choices": ["0", "2"]}, "feedback": "Helmet and gloves."},
            {"kind": "number", "prompt": "Top speed indoors, km/h?",
             "key": {"number": 6, "tolerance": 0.5}, "feedback": "Six, walking pace."},
            {"kind": "short_text", "prompt": "What do you do before maintenance?",
             "key": {"accepted": ["lock out tag out"]}, "feedback": "Lock out, tag out."},
            {"kind": "free_text", "prompt": "Describe a near miss you have seen.", "points": 2,
             "feedback": "Bolts first, then the story."},
        ],
    })
}

/// The quiz's question ids, in its order.
fn question_ids(quiz: &Value) -> Vec<String> {
    quiz["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_owned())
        .collect()
}

fn choice_id(quiz: &Value, question: usize, choice: usize) -> String {
    quiz["questions"][question]["choices"][choice]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn answer(
    app: &TestApp,
    person: &Person,
    attempt: &str,
    question: &str,
    response: Value,
) -> (u16, Value) {
    app.call(
        person,
        Method::PUT,
        &format!("/api/v1/quiz-attempts/{attempt}/answers/{question}"),
        Some(response),
    )
    .await
}

async fn playlist_states(app: &TestApp, person: &Person, playlist: &str) -> Vec<(bool, bool)> {
    let (status, view) = app
        .call(
            person,
            Method::GET,
            &format!("/api/v1/playlists/{playlist}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{view}");
    view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["completed"] == true, i["locked"] == true))
        .collect()
}

/// A sequential playlist of `items` (kind, id) assigned to `people`; its id.
async fn playlist_of(
    app: &TestApp,
    trainer: &Person,
    items: &[(&str, &str)],
    people: &[&Person],
) -> String {
    let (status, playlist) = app
        .call(trainer, Method::POST, "/api/v1/playlists", Some(json!({
            "title": "Your first week", "onboarding": true, "sequential": true, "published": true,
        })))
        .await;
    assert_eq!(status, 201, "{playlist}");
    let id = playlist["id"].as_str().unwrap().to_owned();
    for (kind, item_id) in items {
        let (status, item) = app
            .call(
                trainer,
                Method::POST,
                &format!("/api/v1/playlists/{id}/items"),
                Some(json!({"kind": kind, "item_id": item_id})),
            )
            .await;
        assert_eq!(status, 201, "{item}");
    }
    let ids: Vec<&str> = people.iter().map(|p| p.user.id.as_str()).collect();
    let (status, _) = app
        .call(
            trainer,
            Method::POST,
            &format!("/api/v1/playlists/{id}/assignments"),
            Some(json!({"user_ids": ids})),
        )
        .await;
    assert_eq!(status, 201);
    id
}

async fn resource(app: &TestApp, trainer: &Person, title: &str) -> String {
    let (status, resource) = app
        .call(
            trainer,
            Method::POST,
            "/api/v1/resources",
            Some(json!({"title": title, "url": "https://example.com/checklist"})),
        )
        .await;
    assert_eq!(status, 201, "{resource}");
    resource["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_quiz_blocks_the_next_step_until_passed_and_its_statistics_match_the_answers() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let peer = app.person("acme", "pete@acme.test", Role::Member).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;

    // The trainer writes the quiz; members may not, and its key never reaches them.
    let (status, _) = app
        .call(
            &hire,
            Method::POST,
            "/api/v1/quizzes",
            Some(quiz_fields(75)),
        )
        .await;
    assert_eq!(status, 403);
    let (status, quiz) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/quizzes",
            Some(quiz_fields(75)),
        )
        .await;
    assert_eq!(status, 201, "{quiz}");
    let quiz_id = quiz["id"].as_str().unwrap().to_owned();
    let q = question_ids(&quiz);
    assert_eq!(
        quiz["questions"][0]["key"]["correct_choices"],
        json!([choice_id(&quiz, 0, 1)]),
        "a choice named by position is stored by id"
    );
    let checklist = resource(&app, &trainer, "Counter checklist").await;
    let playlist = playlist_of(
        &app,
        &trainer,
        &[("quiz", &quiz_id), ("resource", &checklist)],
        &[&hire, &peer],
    )
    .await;
    assert_eq!(
        playlist_states(&app, &hire, &playlist).await,
        [(false, false), (false, true)],
        "the quiz is open, the checklist after it locked"
    );

    // The learner's views before submitting carry no answers.
    let (status, body) = raw_call(
        &app,
        &hire,
        Method::GET,
        &format!("/api/v1/quizzes/{quiz_id}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_no_answers(&body, "the quiz");
    assert!(
        !body.contains("Bolts first"),
        "feedback before answering: {body}"
    );
    let (status, body) = raw_call(
        &app,
        &hire,
        Method::POST,
        &format!("/api/v1/quizzes/{quiz_id}/attempts"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_no_answers(&body, "a new attempt");
    assert!(
        !body.contains("Bolts first"),
        "feedback before answering: {body}"
    );
    let attempt: Value = serde_json::from_str(&body).unwrap();
    let first = attempt["id"].as_str().unwrap().to_owned();
    assert_eq!(attempt["status"], "open");
    assert!(
        attempt["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["key"].is_null() && q["feedback"].is_null())
    );

    // A wrong answer comes back wrong with its feedback, and stands.
    let (status, result) = answer(
        &app,
        &hire,
        &first,
        &q[0],
        json!({"choices": [choice_id(&quiz, 0, 0)]}),
    )
    .await;
    assert_eq!(status, 200, "{result}");
    assert_eq!(result["correct"], false);
    assert_eq!(
        result["feedback"],
        "Always check the forks before you lift anything."
    );
    let (status, _) = answer(
        &app,
        &hire,
        &first,
        &q[0],
        json!({"choices": [choice_id(&quiz, 0, 1)]}),
    )
    .await;
    assert_eq!(status, 409, "an answer stands once its feedback is shown");
    // Answers that do not fit the question are refused, not stored.
    let (status, _) = answer(&app, &hire, &first, &q[2], json!({"text": "six"})).await;
    assert_eq!(status, 422);
    let (status, _) = answer(
        &app,
        &hire,
        &first,
        &q[1],
        json!({"choices": ["not-a-choice"]}),
    )
    .await;
    assert_eq!(status, 422);
    // Nobody else answers in the learner's attempt.
    let (status, _) = answer(&app, &peer, &first, &q[1], json!({"choices": []})).await;
    assert_eq!(status, 404);
    // The rest: right, right (within the tolerance), right (ignoring case and punctuation),
    // and free text for a trainer.
    for (question, response, correct) in [
        (
            &q[1],
            json!({"choices": [choice_id(&quiz, 1, 2), choice_id(&quiz, 1, 0)]}),
            json!(true),
        ),
        (&q[2], json!({"number": 6.4}), json!(true)),
        (&q[3], json!({"text": "Lock-out, TAG OUT!"}), json!(true)),
        (
            &q[4],
            json!({"text": "A pallet slid off a raised fork."}),
            Value::Null,
        ),
    ] {
        let (status, result) = answer(&app, &hire, &first, question, response).await;
        assert_eq!(status, 200, "{result}");
        assert_eq!(result["correct"], correct, "{result}");
    }
    let (status, body) = raw_call(
        &app,
        &hire,
        Method::GET,
        &format!("/api/v1/quiz-attempts/{first}"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_no_answers(&body, "an open attempt");

    // Submitted: the free text waits for a trainer; the right answers show now.
    let (status, submitted) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/quiz-attempts/{first}/submit"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(submitted["status"], "marking");
    assert_eq!(
        (submitted["score"].clone(), submitted["max_score"].clone()),
        (json!(3), json!(6))
    );
    assert!(
        submitted["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["key"].is_null()),
        "no right answers while the learner may try again: {submitted}"
    );
    assert_eq!(
        playlist_states(&app, &hire, &playlist).await,
        [(false, false), (false, true)],
        "not passed yet: the checklist stays locked"
    );

    // The trainer marks the free text right: 5 of 6 passes 75 %, and the next step unlocks.
    let (status, _) = app
        .call(&peer, Method::GET, "/api/v1/quiz-marking", None)
        .await;
    assert_eq!(status, 403);
    let (_, queue) = app
        .call(&trainer, Method::GET, "/api/v1/quiz-marking", None)
        .await;
    assert_eq!(queue["items"].as_array().unwrap().len(), 1, "{queue}");
    assert_eq!(
        queue["items"][0]["text"],
        "A pallet slid off a raised fork."
    );
    let mark_path = format!("/api/v1/quiz-attempts/{first}/answers/{}/mark", q[4]);
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            &mark_path,
            Some(json!({"correct": true, "points": 3})),
        )
        .await;
    assert_eq!(status, 422, "more points than the question is worth");
    let (status, _) = app
        .call(
            &stranger,
            Method::PUT,
            &mark_path,
            Some(json!({"correct": true})),
        )
        .await;
    assert_eq!(status, 404);
    let (status, marked) = app
        .call(
            &trainer,
            Method::PUT,
            &mark_path,
            Some(json!({"correct": true, "comment": "Good catch."})),
        )
        .await;
    assert_eq!(status, 200, "{marked}");
    assert_eq!(marked["status"], "passed");
    // Passed: the learner now reads the right answers.
    let (_, result) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/quiz-attempts/{first}"),
            None,
        )
        .await;
    assert_eq!(
        result["questions"][3]["key"]["accepted"],
        json!(["lock out tag out"])
    );
    assert_eq!(marked["score"], 5);
    assert_eq!(marked["questions"][4]["answer"]["comment"], "Good catch.");
    assert_eq!(
        playlist_states(&app, &hire, &playlist).await,
        [(true, false), (false, false)],
        "passed: the checklist unlocks"
    );
    // A trainer who overrules the mark takes the pass back, and gives it again.
    let (_, overruled) = app
        .call(
            &trainer,
            Method::PUT,
            &mark_path,
            Some(json!({"correct": false})),
        )
        .await;
    assert_eq!(overruled["status"], "failed");
    assert_eq!(
        playlist_states(&app, &hire, &playlist).await,
        [(false, false), (false, true)],
        "the pass taken back locks the checklist again"
    );
    let (_, marked) = app
        .call(
            &trainer,
            Method::PUT,
            &mark_path,
            Some(json!({"correct": true, "comment": "Good catch."})),
        )
        .await;
    assert_eq!(marked["status"], "passed");
    let (_, inbox) = app
        .call(&hire, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert!(
        inbox["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "quiz_marked"),
        "{inbox}"
    );

    // The peer gets the first and third wrong, the free text marked wrong: 2 of 6 fails.
    let (_, attempt) = app
        .call(
            &peer,
            Method::POST,
            &format!("/api/v1/quizzes/{quiz_id}/attempts"),
            None,
        )
        .await;
    let second = attempt["id"].as_str().unwrap().to_owned();
    for (question, response) in [
        (&q[0], json!({"choices": [choice_id(&quiz, 0, 2)]})),
        (
            &q[1],
            json!({"choices": [choice_id(&quiz, 1, 0), choice_id(&quiz, 1, 2)]}),
        ),
        (&q[2], json!({"number": 20})),
        (&q[3], json!({"text": "lock out tag out"})),
        (&q[4], json!({"text": "None."})),
    ] {
        let (status, result) = answer(&app, &peer, &second, question, response).await;
        assert_eq!(status, 200, "{result}");
    }
    app.call(
        &peer,
        Method::POST,
        &format!("/api/v1/quiz-attempts/{second}/submit"),
        None,
    )
    .await;
    let (status, marked) = app
        .call(
            &trainer,
            Method::PUT,
            &format!("/api/v1/quiz-attempts/{second}/answers/{}/mark", q[4]),
            Some(json!({"correct": false, "comment": "Say more next time."})),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        (marked["status"].clone(), marked["score"].clone()),
        (json!("failed"), json!(2))
    );

    // Question statistics: exactly the answers given above.
    let stats_path = format!("/api/v1/quizzes/{quiz_id}/questions/statistics");
    let (status, _) = app.call(&hire, Method::GET, &stats_path, None).await;
    assert_eq!(status, 403);
    let (status, _) = app.call(&stranger, Method::GET, &stats_path, None).await;
    assert_eq!(status, 404);
    let (status, stats) = app.call(&trainer, Method::GET, &stats_path, None).await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["attempts"], 2);
    let counts: Vec<(i64, i64, i64, i64)> = stats["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let n = |k: &str| s[k].as_i64().unwrap();
            (n("answered"), n("right"), n("wrong"), n("waiting"))
        })
        .collect();
    assert_eq!(
        counts,
        [
            (2, 0, 2, 0),
            (2, 2, 0, 0),
            (2, 1, 1, 0),
            (2, 2, 0, 0),
            (2, 1, 1, 0)
        ]
    );
    assert_eq!(
        stats["most_missed"],
        json!(q[0]),
        "the first question: both missed it"
    );
    let picks: Vec<(bool, i64)> = stats["questions"][0]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["right"] == true, c["picked"].as_i64().unwrap()))
        .collect();
    assert_eq!(picks, [(false, 1), (true, 0), (false, 1)]);
    assert_eq!(stats["questions"][2]["percent_right"], 50.0);
    let csv = app
        .client
        .get(app.at(&stats_path))
        .bearer_auth(&trainer.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "number,question,kind,answered,right,wrong,waiting,percent_right,most_missed"
    );
    assert_eq!(lines[1], "1,Which comes first?,single,2,0,2,0,0,true");
    assert_eq!(
        lines[3],
        "3,\"Top speed indoors, km/h?\",number,2,1,1,0,50,false"
    );

    // Scores: each person's best and pass, as JSON and CSV.
    let scores_path = format!("/api/v1/quizzes/{quiz_id}/scores");
    let (_, scores) = app.call(&trainer, Method::GET, &scores_path, None).await;
    let people: Vec<(String, i64, i64, bool)> = scores["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["email"].as_str().unwrap().to_owned(),
                p["attempts"].as_i64().unwrap(),
                p["best_score"].as_i64().unwrap(),
                !p["passed_at"].is_null(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("hana@acme.test".to_owned(), 1, 5, true),
            ("pete@acme.test".to_owned(), 1, 2, false)
        ]
    );
    let csv = app
        .client
        .get(app.at(&scores_path))
        .bearer_auth(&trainer.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("Forklift safety,hana@acme.test,hana@acme.test,1,5,6,83,true,"),
        "{csv}"
    );

    // The playlist's report shows each assignee's quiz.
    let (_, report) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/playlists/{playlist}/report"),
            None,
        )
        .await;
    let hana = report
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["email"] == "hana@acme.test")
        .unwrap();
    assert_eq!(
        hana["items"][0]["quiz"],
        json!({"attempts": 1, "best_score": 5, "max_score": 6, "passed": true})
    );
    let csv = app
        .client
        .get(app.at(&format!("/api/v1/playlists/{playlist}/report")))
        .bearer_auth(&trainer.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains(",\"Forklift safety: passed, 5/6, 1 attempt\"\r\n"),
        "{csv}"
    );

    // Another organisation sees none of it.
    let (status, _) = app
        .call(
            &stranger,
            Method::GET,
            &format!("/api/v1/quizzes/{quiz_id}"),
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(
            &peer,
            Method::GET,
            &format!("/api/v1/quiz-attempts/{first}"),
            None,
        )
        .await;
    assert_eq!(status, 404, "a peer does not read someone's attempt");
}

#[tokio::test]
async fn attempts_run_out_and_time_limits_close_an_attempt() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let mut fields = quiz_fields(100);
    fields["max_attempts"] = json!(2);
    fields["time_limit_s"] = json!(60);
    fields["shuffle"] = json!(true);
    let (status, quiz) = app
        .call(&trainer, Method::POST, "/api/v1/quizzes", Some(fields))
        .await;
    assert_eq!(status, 201, "{quiz}");
    let quiz_id = quiz["id"].as_str().unwrap().to_owned();
    let q = question_ids(&quiz);
    let start = format!("/api/v1/quizzes/{quiz_id}/attempts");

    // Starting twice goes on with the same attempt; it asks every question once.
    let (_, first) = app.call(&hire, Method::POST, &start, None).await;
    let (_, again) = app.call(&hire, Method::POST, &start, None).await;
    assert_eq!(first["id"], again["id"]);
    let mut asked: Vec<String> = first["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_owned())
        .collect();
    asked.sort();
    let mut all = q.clone();
    all.sort();
    assert_eq!(asked, all);
    assert!(first["deadline_at"].as_i64().unwrap() > first["started_at"].as_i64().unwrap());

    // The time runs out (the deadline moved into the past): answers are no longer taken and
    // the attempt is scored with what was given.
    let first_id = first["id"].as_str().unwrap().to_owned();
    let (status, _) = answer(&app, &hire, &first_id, &q[2], json!({"number": 6})).await;
    assert_eq!(status, 200);
    sqlx::query("update quiz_attempts set deadline_at = 1 where id = $1")
        .bind(&first_id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (status, late) = answer(&app, &hire, &first_id, &q[3], json!({"text": "x"})).await;
    assert_eq!(status, 409, "{late}");
    let (_, closed) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/quiz-attempts/{first_id}"),
            None,
        )
        .await;
    assert_eq!(closed["status"], "failed");
    assert_eq!(closed["score"], 1);

    // An attempt whose time ran out while nobody looked is scored by the server's clock, so
    // reports and playlists count it.
    let late = app.person("acme", "lee@acme.test", Role::Member).await;
    let (_, running) = app.call(&late, Method::POST, &start, None).await;
    let running_id = running["id"].as_str().unwrap().to_owned();
    answer(&app, &late, &running_id, &q[2], json!({"number": 6})).await;
    sqlx::query("update quiz_attempts set deadline_at = 1 where id = $1")
        .bind(&running_id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    reelhouse::notify::tick(&app.state.db).await.unwrap();
    let (status, score): (String, i64) =
        sqlx::query_as("select status, score from quiz_attempts where id = $1")
            .bind(&running_id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!((status.as_str(), score), ("failed", 1));

    // The second attempt is the last.
    let (_, second) = app.call(&hire, Method::POST, &start, None).await;
    assert_ne!(second["id"], first["id"]);
    app.call(
        &hire,
        Method::POST,
        &format!(
            "/api/v1/quiz-attempts/{}/submit",
            second["id"].as_str().unwrap()
        ),
        None,
    )
    .await;
    let (status, refused) = app.call(&hire, Method::POST, &start, None).await;
    assert_eq!(status, 409, "{refused}");
    // A trainer's own answers are marked by someone else.
    let (_, own) = app.call(&trainer, Method::POST, &start, None).await;
    let own_id = own["id"].as_str().unwrap().to_owned();
    answer(&app, &trainer, &own_id, &q[4], json!({"text": "Mine."})).await;
    app.call(
        &trainer,
        Method::POST,
        &format!("/api/v1/quiz-attempts/{own_id}/submit"),
        None,
    )
    .await;
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            &format!("/api/v1/quiz-attempts/{own_id}/answers/{}/mark", q[4]),
            Some(json!({"correct": true})),
        )
        .await;
    assert_eq!(status, 403);
    // No attempts left: the right answers show.
    let (_, last) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/quiz-attempts/{}", second["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert!(!last["questions"][0]["key"].is_null(), "{last}");
    let (_, view) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/quizzes/{quiz_id}"),
            None,
        )
        .await;
    assert_eq!(view["can_attempt"], false);
    assert_eq!(view["my_attempts"].as_array().unwrap().len(), 2);

    // Quizzes that cannot work are refused with a reason.
    for broken in [
        json!({"title": "No questions", "pass_percent": 50, "questions": []}),
        json!({"title": "Two right", "pass_percent": 50, "questions": [{"kind": "single",
            "prompt": "?", "choices": [{"text": "a"}, {"text": "b"}],
            "key": {"correct_choices": ["0", "1"]}}]}),
        json!({"title": "Pass mark", "pass_percent": 101, "questions": [{"kind": "true_false",
            "prompt": "?", "key": {"truth": true}}]}),
        json!({"title": "No accepted answer", "pass_percent": 50, "questions": [{
            "kind": "short_text", "prompt": "?", "key": {"accepted": ["  "]}}]}),
    ] {
        let (status, error) = app
            .call(&trainer, Method::POST, "/api/v1/quizzes", Some(broken))
            .await;
        assert_eq!(status, 422, "{error}");
        assert!(
            error["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{error}"
        );
    }
}

#[tokio::test]
async fn questions_pinned_to_moments_of_a_video_are_answered_while_watching() {
    let app = TestApp::spawn().await;
    app.start_workers(1);
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;
    let clip = app.env.dir.path().join("forklift.mp4");
    common::phone_clip(&clip, "320x180", 4);
    let video = app.upload_video(&trainer, &clip).await;
    app.wait_ready(&trainer, &video, Duration::from_secs(120))
        .await;

    let question = |prompt: &str, at_ms: i64, truth: bool| {
        json!({"kind": "true_false", "prompt": prompt, "key": {"truth": truth},
               "feedback": format!("It is {truth}."), "at_ms": at_ms})
    };
    // A moment past the end is refused.
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/quizzes",
            Some(json!({
                "title": "While you watch", "video_id": video, "pass_percent": 50,
                "questions": [question("Late?", 60_000, true)],
            })),
        )
        .await;
    assert_eq!(status, 422);
    let (status, quiz) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/quizzes",
            Some(json!({
                "title": "While you watch", "video_id": video, "pass_percent": 50,
                "questions": [question("Was the load secured?", 2500, true),
                              question("Was the driver wearing sandals?", 1000, false)],
            })),
        )
        .await;
    assert_eq!(status, 201, "{quiz}");
    let quiz_id = quiz["id"].as_str().unwrap().to_owned();
    assert_eq!(
        quiz["questions"][0]["at_ms"], 1000,
        "asked in the order of their moments"
    );
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/quizzes",
            Some(json!({
                "title": "Again", "video_id": video, "pass_percent": 50,
                "questions": [question("?", 500, true)],
            })),
        )
        .await;
    assert_eq!(status, 409, "a video has one set of questions");
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({"title": "P"})),
        )
        .await;
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!(
                "/api/v1/playlists/{}/items",
                playlist["id"].as_str().unwrap()
            ),
            Some(json!({"kind": "quiz", "item_id": quiz_id})),
        )
        .await;
    assert_eq!(status, 422, "a video's questions are asked by the video");

    // The player reads the questions without their answers.
    let path = format!("/api/v1/videos/{video}/questions");
    let (status, body) = raw_call(&app, &hire, Method::GET, &path, None).await;
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains("truth"), "{body}");
    let asked: Value = serde_json::from_str(&body).unwrap();
    let moments: Vec<i64> = asked["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["at_ms"].as_i64().unwrap())
        .collect();
    assert_eq!(moments, [1000, 2500]);
    let (status, _) = app.call(&stranger, Method::GET, &path, None).await;
    assert_eq!(status, 404);

    // Answering at the first moment: wrong, with its feedback; the attempt stays open.
    let ids: Vec<String> = asked["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_owned())
        .collect();
    let answer_path = |id: &str| format!("/api/v1/videos/{video}/questions/{id}/answer");
    let (status, result) = app
        .call(
            &hire,
            Method::PUT,
            &answer_path(&ids[0]),
            Some(json!({"truth": true})),
        )
        .await;
    assert_eq!(status, 200, "{result}");
    assert_eq!(result["correct"], false);
    assert_eq!(result["feedback"], "It is false.");
    assert_eq!(result["attempt_status"], "open");
    let (_, asked) = app.call(&hire, Method::GET, &path, None).await;
    assert_eq!(asked["questions"][0]["answer"]["correct"], false);
    assert!(asked["questions"][1]["answer"].is_null());
    // The trainer replaces the second question while the attempt is open: the attempt asks the
    // new one, and answering it completes the attempt: 1 of 2 passes 50 %.
    let (status, edited) = app
        .call(
            &trainer,
            Method::PUT,
            &format!("/api/v1/quizzes/{quiz_id}"),
            Some(json!({
                "title": "While you watch", "pass_percent": 50,
                "questions": [
                    {"id": ids[0], "kind": "true_false", "prompt": "Was the driver wearing sandals?",
                     "key": {"truth": false}, "feedback": "It is false.", "at_ms": 1000},
                    question("Did the horn sound?", 3000, true),
                ],
            })),
        )
        .await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(
        edited["questions"][0]["id"],
        json!(ids[0]),
        "a question keeps its id"
    );
    let added = edited["questions"][1]["id"].as_str().unwrap().to_owned();
    let (status, _) = app
        .call(
            &hire,
            Method::PUT,
            &answer_path(&ids[1]),
            Some(json!({"truth": true})),
        )
        .await;
    assert_eq!(status, 404, "a question taken out is no longer asked");
    let (_, result) = app
        .call(
            &hire,
            Method::PUT,
            &answer_path(&added),
            Some(json!({"truth": true})),
        )
        .await;
    assert_eq!(result["correct"], true, "{result}");
    assert_eq!(result["attempt_status"], "passed");
    let (_, view) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/quizzes/{quiz_id}"),
            None,
        )
        .await;
    assert!(!view["passed_at"].is_null(), "{view}");
    let (_, stats) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/quizzes/{quiz_id}/questions/statistics"),
            None,
        )
        .await;
    let counts: Vec<(i64, i64)> = stats["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["right"].as_i64().unwrap(), s["wrong"].as_i64().unwrap()))
        .collect();
    assert_eq!(counts, [(0, 1), (1, 0)]);
}

#[tokio::test]
async fn a_workbook_exercise_is_handed_in_marked_and_accepted() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let peer = app.person("acme", "pete@acme.test", Role::Member).await;
    let (status, exercise) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/exercises",
            Some(json!({
                "title": "Your first-week plan",
                "instructions": "Write down three things you will practise this week.",
            })),
        )
        .await;
    assert_eq!(status, 201, "{exercise}");
    let exercise_id = exercise["id"].as_str().unwrap().to_owned();
    let checklist = resource(&app, &trainer, "Counter checklist").await;
    let playlist = playlist_of(
        &app,
        &trainer,
        &[("exercise", &exercise_id), ("resource", &checklist)],
        &[&hire],
    )
    .await;

    // The learner hands in a text and a file.
    let (status, submission) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/exercises/{exercise_id}/submissions"),
            Some(json!({"body": "1. Greeting 2. Till 3. Stock"})),
        )
        .await;
    assert_eq!(status, 201, "{submission}");
    let submission_id = submission["id"].as_str().unwrap().to_owned();
    let (status, _) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/exercises/{exercise_id}/submissions"),
            Some(json!({"body": "again"})),
        )
        .await;
    assert_eq!(status, 409, "one waiting hand-in at a time");
    let file_path = format!("/api/v1/exercise-submissions/{submission_id}/file");
    let put_file = |person: &Person| {
        app.client
            .put(app.at(&format!("{file_path}?name=plan.txt")))
            .bearer_auth(&person.token)
            .header("content-type", "text/plain")
            .body("My plan, filled in.")
            .send()
    };
    assert_eq!(put_file(&peer).await.unwrap().status(), 404);
    let response = put_file(&hire).await.unwrap();
    assert_eq!(response.status(), 200);
    for (person, expected) in [(&trainer, 200), (&hire, 200), (&peer, 404)] {
        let response = app
            .client
            .get(app.at(&file_path))
            .bearer_auth(&person.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), expected);
        if expected == 200 {
            assert_eq!(response.text().await.unwrap(), "My plan, filled in.");
        }
    }

    // Needs work, then accepted: the exercise completes and the next step unlocks.
    let (_, queue) = app
        .call(&trainer, Method::GET, "/api/v1/exercise-submissions", None)
        .await;
    assert_eq!(queue["items"].as_array().unwrap().len(), 1, "{queue}");
    let mark = |id: String, verdict: &'static str| {
        let (app, trainer) = (&app, &trainer);
        async move {
            app.call(
                trainer,
                Method::POST,
                &format!("/api/v1/exercise-submissions/{id}/mark"),
                Some(json!({"verdict": verdict, "feedback": format!("{verdict}: thanks")})),
            )
            .await
        }
    };
    let (status, marked) = mark(submission_id.clone(), "needs_work").await;
    assert_eq!(status, 200, "{marked}");
    assert_eq!(
        playlist_states(&app, &hire, &playlist).await,
        [(false, false), (false, true)]
    );
    let (_, second) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/exercises/{exercise_id}/submissions"),
            Some(json!({"body": "1. Greeting 2. Till 3. Stock, with dates"})),
        )
        .await;
    let (status, _) = mark(second["id"].as_str().unwrap().to_owned(), "accepted").await;
    assert_eq!(status, 200);
    assert_eq!(
        playlist_states(&app, &hire, &playlist).await,
        [(true, false), (false, false)]
    );
    let (_, view) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/exercises/{exercise_id}"),
            None,
        )
        .await;
    assert_eq!(view["my_status"], "accepted", "{view}");
    assert_eq!(view["my_submissions"][0]["feedback"], "needs_work: thanks");
}

#[tokio::test]
async fn a_deleted_quiz_or_exercise_leaves_its_playlists_and_unlocks_what_followed() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let (_, quiz) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/quizzes",
            Some(quiz_fields(75)),
        )
        .await;
    let quiz_id = quiz["id"].as_str().unwrap().to_owned();
    let (_, exercise) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/exercises",
            Some(json!({"title": "Your plan", "instructions": "Three things."})),
        )
        .await;
    let exercise_id = exercise["id"].as_str().unwrap().to_owned();
    let checklist = resource(&app, &trainer, "Counter checklist").await;
    let playlist = playlist_of(
        &app,
        &trainer,
        &[
            ("quiz", &quiz_id),
            ("exercise", &exercise_id),
            ("resource", &checklist),
        ],
        &[&hire],
    )
    .await;
    assert_eq!(
        playlist_states(&app, &hire, &playlist).await,
        [(false, false), (false, true), (false, true)]
    );
    let (status, _) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/quizzes/{quiz_id}/attempts"),
            None,
        )
        .await;
    assert_eq!(status, 200, "an attempt is started");

    // Members may not delete; a trainer's deletion takes each out of the playlist.
    let (status, _) = app
        .call(
            &hire,
            Method::DELETE,
            &format!("/api/v1/quizzes/{quiz_id}"),
            None,
        )
        .await;
    assert_eq!(status, 403);
    for path in [
        format!("/api/v1/quizzes/{quiz_id}"),
        format!("/api/v1/exercises/{exercise_id}"),
    ] {
        let (status, body) = app.call(&trainer, Method::DELETE, &path, None).await;
        assert_eq!(status, 204, "{path}: {body}");
        let (status, _) = app.call(&trainer, Method::GET, &path, None).await;
        assert_eq!(status, 404, "{path} is gone");
    }
    let (_, view) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/playlists/{playlist}"),
            None,
        )
        .await;
    let kinds: Vec<&str> = view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["resource"], "{view}");
    assert_eq!(view["items"][0]["locked"], false, "{view}");
}

#[tokio::test]
async fn an_objective_is_met_by_completing_its_playlist_and_reviews_stay_private() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "ada@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let manager = app.person("acme", "max@acme.test", Role::Member).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let peer = app.person("acme", "pete@acme.test", Role::Member).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;
    let checklist = resource(&app, &trainer, "Counter checklist").await;
    let playlist = playlist_of(&app, &trainer, &[("resource", &checklist)], &[&hire]).await;

    // Admins set managers; nobody else does.
    let set_manager = |who: &'static str, manager_id: String| {
        let (app, hire) = (&app, &hire);
        let who = [&admin, &trainer]
            .into_iter()
            .find(|p| p.user.email == who)
            .unwrap();
        async move {
            app.call(
                who,
                Method::PATCH,
                &format!("/api/v1/users/{}", hire.user.id),
                Some(json!({"manager_id": manager_id})),
            )
            .await
        }
    };
    assert_eq!(
        set_manager("tess@acme.test", manager.user.id.clone())
            .await
            .0,
        403
    );
    assert_eq!(
        set_manager("ada@acme.test", hire.user.id.clone()).await.0,
        422
    );
    assert_eq!(
        set_manager("ada@acme.test", stranger.user.id.clone())
            .await
            .0,
        422
    );
    let (status, person) = set_manager("ada@acme.test", manager.user.id.clone()).await;
    assert_eq!(status, 200, "{person}");
    assert_eq!(person["manager_id"], json!(manager.user.id));

    // The manager sets an objective linked to the playlist; the person and peers may not.
    let objective = json!({
        "title": "Finish the first week",
        "measure": "Every item of the first week's playlist",
        "due_at": reelhouse::db::now_ms() + 7 * 86_400_000,
        "links": [{"kind": "playlist", "item_id": playlist}],
    });
    let objectives = format!("/api/v1/people/{}/objectives", hire.user.id);
    let (status, _) = app
        .call(&hire, Method::POST, &objectives, Some(objective.clone()))
        .await;
    assert_eq!(status, 403, "a person does not set their own objectives");
    let (status, _) = app
        .call(&peer, Method::POST, &objectives, Some(objective.clone()))
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(
            &stranger,
            Method::POST,
            &objectives,
            Some(objective.clone()),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(
            &manager,
            Method::POST,
            &objectives,
            Some(json!({
                "title": "Elsewhere", "links": [{"kind": "playlist", "item_id": "nope"}],
            })),
        )
        .await;
    assert_eq!(status, 422);
    let (status, created) = app
        .call(&manager, Method::POST, &objectives, Some(objective))
        .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["status"], "open");
    // Overdue and dropped ones, set by a trainer.
    let (_, overdue) = app
        .call(
            &trainer,
            Method::POST,
            &objectives,
            Some(json!({
                "title": "Shadow a shift", "due_at": 1_000,
            })),
        )
        .await;
    assert_eq!(overdue["status"], "overdue");
    let (status, dropped) = app
        .call(
            &trainer,
            Method::PUT,
            &format!("/api/v1/objectives/{}", overdue["id"].as_str().unwrap()),
            Some(json!({"title": "Shadow a shift", "due_at": 1_000, "outcome": "dropped"})),
        )
        .await;
    assert_eq!(status, 200, "{dropped}");
    assert_eq!(dropped["status"], "dropped");

    // A review record, visible to the person, not to peers.
    let (status, review) = app
        .call(
            &manager,
            Method::POST,
            &format!("/api/v1/people/{}/reviews", hire.user.id),
            Some(json!({
                "held_at": reelhouse::db::now_ms(), "notes": "A confident first week.",
                "rating": 4, "next_steps": "Lead a tour next week.",
                "next_review_at": reelhouse::db::now_ms() + 30 * 86_400_000_i64,
            })),
        )
        .await;
    assert_eq!(status, 201, "{review}");
    let page = format!("/api/v1/people/{}/development", hire.user.id);
    for (person, expected) in [
        (&hire, 200),
        (&manager, 200),
        (&trainer, 200),
        (&peer, 404),
        (&stranger, 404),
    ] {
        let (status, body) = raw_call(&app, person, Method::GET, &page, None).await;
        assert_eq!(status, expected, "{}: {body}", person.user.email);
        if expected == 404 {
            assert!(!body.contains("confident"), "{body}");
        }
    }
    let (_, seen) = app.call(&hire, Method::GET, &page, None).await;
    assert_eq!(seen["can_manage"], false);
    assert_eq!(seen["reviews"][0]["notes"], "A confident first week.");
    assert_eq!(seen["reviews"][0]["rating"], 4);
    let titled = |page: &Value, title: &str| {
        page["objectives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["title"] == title)
            .cloned()
            .unwrap_or_else(|| panic!("no {title} in {page}"))
    };
    assert_eq!(titled(&seen, "Finish the first week")["status"], "open");
    let (status, _) = app
        .call(
            &peer,
            Method::PUT,
            &format!(
                "/api/v1/development-reviews/{}",
                review["id"].as_str().unwrap()
            ),
            Some(json!({"held_at": 0, "notes": "Mine now"})),
        )
        .await;
    assert_eq!(status, 404);

    // Completing the playlist meets the objective.
    let (status, _) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/resources/{checklist}/open"),
            None,
        )
        .await;
    assert!(status < 300, "{status}");
    let (_, seen) = app.call(&hire, Method::GET, &page, None).await;
    let met = titled(&seen, "Finish the first week");
    assert_eq!(met["status"], "met", "{seen}");
    assert!(!met["met_at"].is_null());
    assert!(!met["links"][0]["done_at"].is_null());

    // Objectives per person and per team: the manager sees their team, trainers everyone.
    let (_, mine) = app
        .call(&manager, Method::GET, "/api/v1/reports/objectives", None)
        .await;
    let people: Vec<&str> = mine["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["email"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["hana@acme.test"]);
    assert_eq!(
        (
            mine["people"][0]["met"].clone(),
            mine["people"][0]["dropped"].clone()
        ),
        (json!(1), json!(1))
    );
    let (_, none) = app
        .call(&peer, Method::GET, "/api/v1/reports/objectives", None)
        .await;
    assert_eq!(none["people"], json!([]));
    let (_, all) = app
        .call(&trainer, Method::GET, "/api/v1/reports/objectives", None)
        .await;
    let team = all["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["manager_id"] == json!(manager.user.id))
        .unwrap();
    assert_eq!(
        (team["people"].clone(), team["met"].clone()),
        (json!(1), json!(1))
    );
    let csv = app
        .client
        .get(app.at("/api/v1/reports/objectives"))
        .bearer_auth(&trainer.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("hana@acme.test,hana@acme.test,max@acme.test,0,0,1,1,"),
        "{csv}"
    );
}

#[tokio::test]
async fn the_expert_log_names_colleagues_and_outside_experts_by_topic() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let expert = app.person("acme", "eve@acme.test", Role::Member).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;
    let (status, _) = app
        .call(
            &expert,
            Method::PUT,
            "/api/v1/me/expertise",
            Some(json!({"tags": ["forklifts"]})),
        )
        .await;
    assert!(status < 300);

    // A colleague vouches for the expert; nobody vouches for themself.
    let endorse = format!("/api/v1/experts/{}/endorsements/forklifts", expert.user.id);
    assert_eq!(app.call(&expert, Method::PUT, &endorse, None).await.0, 422);
    assert_eq!(app.call(&hire, Method::PUT, &endorse, None).await.0, 204);
    assert_eq!(
        app.call(&stranger, Method::PUT, &endorse, None).await.0,
        404
    );

    // Trainers log an outside expert, with the best channel and a note.
    let entry = json!({
        "name": "Dana Field", "about": "The supplier's field engineer", "channel": "email",
        "contact": "dana@supplier.test", "note": "Answers within a day.", "tags": ["Forklifts"],
    });
    assert_eq!(
        app.call(
            &hire,
            Method::POST,
            "/api/v1/expert-log",
            Some(entry.clone())
        )
        .await
        .0,
        403
    );
    let (status, logged) = app
        .call(&trainer, Method::POST, "/api/v1/expert-log", Some(entry))
        .await;
    assert_eq!(status, 201, "{logged}");
    let (status, bad) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/expert-log",
            Some(json!({
                "name": "Nobody", "channel": "website", "url": "javascript:alert(1)", "tags": ["x"],
            })),
        )
        .await;
    assert_eq!(status, 422, "{bad}");

    // The topic page: the colleague with the endorsement, the outside expert.
    let (status, topic) = app
        .call(&hire, Method::GET, "/api/v1/experts/topics/forklifts", None)
        .await;
    assert_eq!(status, 200, "{topic}");
    assert_eq!(topic["experts"][0]["user_id"], json!(expert.user.id));
    assert_eq!(topic["experts"][0]["endorsements"], 1);
    assert_eq!(topic["experts"][0]["endorsed_by_me"], true);
    assert_eq!(topic["external_experts"][0]["name"], "Dana Field");
    assert_eq!(
        topic["external_experts"][0]["contact"],
        "dana@supplier.test"
    );
    let (_, elsewhere) = app
        .call(
            &stranger,
            Method::GET,
            "/api/v1/experts/topics/forklifts",
            None,
        )
        .await;
    assert_eq!(elsewhere["experts"], json!([]));
    assert_eq!(elsewhere["external_experts"], json!([]));

    // Library results for the tag name both.
    let (status, page) = app
        .call(&hire, Method::GET, "/api/v1/library?q=forklift", None)
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["external_experts"][0]["name"], "Dana Field", "{page}");
    assert_eq!(
        page["experts"][0]["user_id"],
        json!(expert.user.id),
        "{page}"
    );
}
