//! The source reads top-down (docs/architecture.md): a module uses only modules of a lower
//! layer (or itself), so the import graph has no cycle and no import running up; and nothing
//! below `http` knows axum. This test reads `src/` and fails on the first import that breaks it.

use std::path::{Path, PathBuf};

/// From the top: a module may use the modules of the layers below its own, never its own
/// layer's others, never above.
const LAYERS: &[&[&str]] = &[
    &["cli"],
    &["app", "transfer"],
    &["http"],
    &["transcode", "notify"],
    &["upload", "media", "jobs"],
    &["db", "storage"],
    &["auth", "learning", "mail", "telemetry"],
    &["config"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/http/videos.rs` → `http`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

/// The lines of a file that are code (comments and doc comments left out).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.split("//").next().unwrap_or("")))
}

/// Every module a piece of code names as `crate::name` or inside `crate::{a, b::c}`.
fn crate_paths(code: &str) -> Vec<String> {
    let name = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                // Top-level entries of the group: split at commas outside inner braces.
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            names.push(name(&group[start..i]));
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            names.push(name(&group[start..i]));
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
            }
            None => names.push(name(rest)),
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

#[test]
fn imports_only_run_down_the_layers_and_only_http_knows_axum() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut broken = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == "main" || module == "lib" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            broken.push(format!("{}: module {module} has no layer", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        let code: String = code_lines(&text).map(|(_, l)| format!("{l}\n")).collect();
        for used in crate_paths(&code) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer > own => {}
                Some(_) => broken.push(format!(
                    "{}: {module} uses crate::{used}, which is not below it",
                    file.display()
                )),
                None => broken.push(format!("{}: crate::{used} is in no layer", file.display())),
            }
        }
        for (n, line) in code_lines(&text) {
            if module != "http" && line.contains("axum") {
                broken.push(format!(
                    "{}:{n}: only http knows axum: {}",
                    file.display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_check_sees_an_import_running_up() {
    // The parsing the test above relies on.
    assert_eq!(crate_paths("use crate::http::AppState;"), ["http"]);
    assert_eq!(
        crate_paths("let a = crate::db::x(crate::storage::y);"),
        ["db", "storage"]
    );
    assert_eq!(
        crate_paths("use crate::{\n    storage::{self, Store},\n    telemetry,\n};"),
        ["storage", "telemetry"]
    );
    assert!(code_lines("// crate::http").all(|(_, l)| crate_paths(l).is_empty()));
    assert!(layer_of("http") < layer_of("transcode"));
}
