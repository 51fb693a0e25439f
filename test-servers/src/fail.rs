//! Setup errors become panics that say what was being done.

use std::fmt::Display;

/// `Result` to value, or a panic naming the step that failed.
pub(crate) trait OrPanic<T> {
    /// The value, or a panic with `what` and the error.
    fn or_panic(self, what: impl Display) -> T;
}

impl<T, E: Display> OrPanic<T> for Result<T, E> {
    #[track_caller]
    fn or_panic(self, what: impl Display) -> T {
        match self {
            Ok(value) => value,
            Err(e) => panic!("{what}: {e}"),
        }
    }
}
