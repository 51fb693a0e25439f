//! Turns serde's messages into problems that say what was expected and suggest a fix.

use super::error::{Problem, ProblemKind, did_you_mean};
use crate::model::source_map::Path;
use crate::source::Location;

/// Classify a serde message (`unknown field`, `missing field`, `invalid type`...) into a problem,
/// with "did you mean" for unknown keys and values.
pub fn from_serde_message(message: &str, location: Option<Location>) -> Problem {
    let (kind, what) = if let Some(rest) = message.strip_prefix("unknown field ") {
        (ProblemKind::UnknownKey, Some(("key", rest)))
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        (ProblemKind::Type, Some(("value", rest)))
    } else if message.starts_with("missing field ") {
        (ProblemKind::MissingKey, None)
    } else {
        (ProblemKind::Type, None)
    };
    let Some((noun, rest)) = what else {
        let message = message.replacen("missing field", "missing key", 1);
        return Problem::new(kind, location, message);
    };
    // `rest` is "`word`, expected one of `a`, `b`" or "`word`, expected `a` or `b`".
    let word = backticked(rest).next().unwrap_or_default();
    let expected: Vec<&str> = rest
        .split_once("expected")
        .map(|(_, list)| backticked(list).collect())
        .unwrap_or_default();
    let mut text = format!("unknown {noun} `{word}`");
    if expected.is_empty() {
        text.push_str(": no keys are allowed here");
    } else {
        text.push_str(&format!(", expected one of: {}", expected.join(", ")));
    }
    let problem = Problem::new(kind, location, text);
    match did_you_mean(word, expected.iter().copied()) {
        Some(help) => problem.with_help(help),
        None => problem,
    }
}

/// Name the path in the message, so the reader knows which item even without a location.
pub fn with_path(mut problem: Problem, path: &Path) -> Problem {
    // A syntax error has no meaningful path at all.
    if problem.kind != ProblemKind::Syntax && !path.is_root() {
        problem.message = format!("{path}: {}", problem.message);
    }
    problem
}

fn backticked(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_names_the_expected_keys_and_suggests_one() {
        let p = from_serde_message("unknown field `hom_node`, expected one of `cucm_id`, `home_node`", None);
        assert_eq!(p.kind, ProblemKind::UnknownKey);
        assert_eq!(p.message, "unknown key `hom_node`, expected one of: cucm_id, home_node");
        assert_eq!(p.help.as_deref(), Some("did you mean `home_node`?"));
    }

    #[test]
    fn unknown_variant_with_two_choices() {
        let p = from_serde_message("unknown variant `cupx`, expected `cupc` or `moc`", None);
        assert_eq!(p.kind, ProblemKind::Type);
        assert_eq!(p.help.as_deref(), Some("did you mean `cupc`?"));
    }

    #[test]
    fn missing_and_type_errors_keep_serde_wording() {
        assert_eq!(
            from_serde_message("missing field `cucm_id`", None).message,
            "missing key `cucm_id`"
        );
        let p = from_serde_message("invalid type: integer `5`, expected a string", None);
        assert_eq!(p.kind, ProblemKind::Type);
    }
}
