//! The `norma` command line: one file per subcommand.

/// Runs the CLI with the process arguments and returns the exit code.
pub fn main() -> i32 {
    0
}
