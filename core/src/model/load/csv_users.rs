//! Users from a CSV file: one row per user, headers naming the fields.

use compact_str::CompactString;

use super::error::{Problem, ProblemKind, did_you_mean};
use crate::model::intern::Interner;
use crate::model::user::User;
use crate::source::Location;

/// The columns a users CSV may have. CUCM bulk-export headers (`USER ID`, `LAST NAME`...) are
/// accepted too: case and spaces do not matter.
const COLUMNS: &[&str] = &[
    "cucm_id",
    "ldap_id",
    "first_name",
    "last_name",
    "telephone_number",
    "digest_credential",
    "home_node",
    "presence_node",
    "desk_phone_control",
    "clients",
    "home_cluster",
];

/// The users-CSV field a header names (`cucm_id`, `last_name`...), if any. Shared with the CUCM
/// BAT importer, which reads the same headers from a full export.
pub(crate) fn field_for(header: &str) -> Option<&'static str> {
    column_for(header).and_then(|column| COLUMNS.get(column).copied())
}

fn column_for(header: &str) -> Option<usize> {
    let normal = header.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    let normal = match normal.as_str() {
        "user_id" | "userid" => "cucm_id",
        "digest_credentials" => "digest_credential",
        other => other,
    };
    COLUMNS.iter().position(|c| *c == normal)
}

/// Read users from CSV `text` (file name `file`), each pointing at its row.
pub fn parse(text: &str, file: &str) -> Result<Vec<User>, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::new(
            ProblemKind::Empty,
            Some(Location::new(file, 1, 1)),
            "users CSV is empty: expected a header line naming columns such as cucm_id, last_name, home_node",
        )]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| vec![csv_problem(&e, file)])?.clone();
    let mut columns = Vec::with_capacity(headers.len());
    let mut problems = Vec::new();
    let mut header_column = 1u32;
    for header in &headers {
        match column_for(header) {
            Some(column) => columns.push(column),
            None => {
                let mut problem = Problem::new(
                    ProblemKind::UnknownKey,
                    Some(Location::new(file, 1, header_column)),
                    format!("unknown column `{header}`, expected one of: {}", COLUMNS.join(", ")),
                );
                if let Some(help) = did_you_mean(&header.trim().to_ascii_lowercase(), COLUMNS.iter().copied()) {
                    problem = problem.with_help(help);
                }
                problems.push(problem);
                columns.push(usize::MAX);
            }
        }
        header_column += u32::try_from(header.chars().count() + 1).unwrap_or(0);
    }
    if !columns.contains(&0) {
        problems.push(Problem::new(
            ProblemKind::MissingKey,
            Some(Location::new(file, 1, 1)),
            "users CSV has no `cucm_id` (or `USER ID`) column",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut names = Interner::default();
    let shared_file: std::sync::Arc<str> = file.into();
    let mut users = Vec::new();
    // One record buffer for every row: a 100,000-row export should not cost 100,000 allocations.
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                problems.push(csv_problem(&e, file));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record
            .position()
            .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
        let location = Location::new(shared_file.clone(), line, 1);
        match user_from_row(&record, &columns, &location, &mut names) {
            Ok(user) => users.push(user),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() { Ok(users) } else { Err(problems) }
}

fn user_from_row(
    record: &csv::StringRecord,
    columns: &[usize],
    location: &Location,
    names: &mut Interner,
) -> Result<User, Problem> {
    let mut user = User {
        location: Some(location.clone()),
        ..User::new(CompactString::default())
    };
    for (value, &column) in record.iter().zip(columns) {
        let text = (!value.is_empty()).then(|| value.to_owned());
        match COLUMNS.get(column).copied() {
            Some("cucm_id") => user.cucm_id = value.into(),
            Some("ldap_id") => user.ldap_id = inline(value),
            Some("first_name") => user.first_name = text,
            Some("last_name") => user.last_name = text,
            Some("telephone_number") => user.telephone_number = inline(value),
            // The secret itself may sit in an export: keep only whether it is set.
            Some("digest_credential") => user.digest_credential = secret_set(value),
            Some("home_node") => user.home_node = (!value.is_empty()).then(|| names.get(value)),
            Some("presence_node") => user.presence_node = (!value.is_empty()).then(|| names.get(value)),
            Some("desk_phone_control") => {
                user.desk_phone_control = boolean(value).ok_or_else(|| {
                    Problem::new(
                        ProblemKind::Type,
                        Some(location.clone()),
                        format!("desk_phone_control: expected true or false, found `{value}`"),
                    )
                })?;
            }
            Some("home_cluster") if !value.is_empty() => {
                user.home_cluster = Some(boolean(value).ok_or_else(|| {
                    Problem::new(
                        ProblemKind::Type,
                        Some(location.clone()),
                        format!("home_cluster: expected true or false, found `{value}`"),
                    )
                })?);
            }
            Some("clients") => {
                user.clients = value
                    .split([';', ' '])
                    .filter(|s| !s.is_empty())
                    .map(|s| names.get(s))
                    .collect();
            }
            _ => {}
        }
    }
    if user.cucm_id.is_empty() {
        return Err(Problem::new(
            ProblemKind::MissingKey,
            Some(location.clone()),
            "row has an empty cucm_id",
        ));
    }
    Ok(user)
}

/// An id kept inline in the user (see [`User::cucm_id`]); none when empty.
fn inline(value: &str) -> Option<CompactString> {
    (!value.is_empty()).then(|| value.into())
}

fn boolean(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "" | "false" | "f" | "no" | "n" | "0" => Some(false),
        "true" | "t" | "yes" | "y" | "1" => Some(true),
        _ => None,
    }
}

fn secret_set(value: &str) -> bool {
    boolean(value).unwrap_or(!value.trim().is_empty())
}

fn csv_problem(error: &csv::Error, file: &str) -> Problem {
    let line = error
        .position()
        .map_or(1, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("row has {len} fields, expected {expected_len} like the header")
        }
        csv::ErrorKind::Utf8 { .. } => "row is not valid UTF-8".to_owned(),
        _ => format!("invalid CSV: {error}"),
    };
    Problem::new(ProblemKind::Syntax, Some(Location::new(file, line, 1)), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_their_lines_and_drops_secret_values() {
        let text =
            "cucm_id,last_name,digest_credential,home_node,clients\njdoe,Doe,s3cret,cups-1,hq;vpn\nasmith,,,cups-2,\n";
        let users = parse(text, "users.csv").unwrap();
        assert_eq!(users.len(), 2);
        assert!(users[0].digest_credential);
        assert!(!users[1].digest_credential);
        assert_eq!(users[0].clients.iter().map(|c| &**c).collect::<Vec<_>>(), ["hq", "vpn"]);
        assert_eq!(users[1].last_name, None);
        assert_eq!(users[1].location.as_ref().unwrap().line, 3);
        assert!(!format!("{users:?}").contains("s3cret"));
    }

    #[test]
    fn accepts_cucm_export_headers() {
        let users = parse("USER ID,LAST NAME\njdoe,Doe\n", "u.csv").unwrap();
        assert_eq!(users[0].cucm_id, "jdoe");
        assert_eq!(users[0].last_name.as_deref(), Some("Doe"));
    }

    #[test]
    fn unknown_column_suggests_and_short_row_names_line() {
        let e = parse("cucm_id,hom_node\n", "u.csv").unwrap_err();
        assert_eq!(e[0].kind, ProblemKind::UnknownKey);
        assert_eq!(e[0].help.as_deref(), Some("did you mean `home_node`?"));
        assert_eq!(e[0].location.as_ref().unwrap().column, 9);
        let e = parse("cucm_id,last_name\njdoe\n", "u.csv").unwrap_err();
        assert_eq!(e[0].location.as_ref().unwrap().line, 2);
        assert!(e[0].message.contains("1 fields, expected 2"), "{}", e[0].message);
        assert_eq!(parse("", "u.csv").unwrap_err()[0].kind, ProblemKind::Empty);
    }
}
