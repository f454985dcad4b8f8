//! The `reelhouse` binary: everything lives in the library; this only hands over the arguments.

use std::process::ExitCode;

fn main() -> ExitCode {
    reelhouse::cli::main()
}
