//! CUCM Bulk Administration Tool "Export Users" files (CSV): the end users CUCM holds.

use std::sync::Arc;

use compact_str::CompactString;

use super::ImportError;
use super::text::{ensure_text, lines};
use crate::collect::{Collected, SourceKind};
use crate::model::User;
use crate::model::load::csv_users::field_for;
use crate::source::Location;

const HEADER: &str = "a BAT \"Export Users\" header naming a USER ID column";

/// Read a BAT "Export Users" CSV `text` (read from `origin`): one user per row, from the
/// columns FIRST NAME, LAST NAME, USER ID, TELEPHONE NUMBER and DIGEST CREDENTIALS (headers in
/// any case; every other column is ignored).
///
/// Secrets are never kept: PASSWORD and PIN are not read, and of DIGEST CREDENTIALS only
/// whether the cell is filled.
pub fn bat(text: &str, origin: &str) -> Result<Collected, ImportError> {
    ensure_text(text, HEADER)?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Rows end at `\n` only (a CR before it is trimmed), so CSV line numbers are the text's.
    let mut reader = csv::ReaderBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .trim(csv::Trim::All)
        .from_reader(body.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(text, &e))?.clone();
    // Only these fields exist in a BAT export; a users-CSV name such as `home_node` is not one.
    let fields: Vec<Option<&str>> = headers
        .iter()
        .map(|header| {
            field_for(header).filter(|f| {
                [
                    "cucm_id",
                    "first_name",
                    "last_name",
                    "telephone_number",
                    "digest_credential",
                ]
                .contains(f)
            })
        })
        .collect();
    if !fields.contains(&Some("cucm_id")) {
        let first = lines(text).next().map_or("", |(_, line)| line);
        return Err(ImportError::at(1, first, HEADER).hint("is this a CUCM BAT user export?"));
    }

    let file: Arc<str> = origin.into();
    let mut users = Vec::new();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| csv_error(text, &e))? {
        let number = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let mut user = User {
            location: Some(Location::new(
                file.clone(),
                u32::try_from(number).unwrap_or(u32::MAX),
                1,
            )),
            ..User::new(CompactString::default())
        };
        for (value, field) in record.iter().zip(&fields) {
            let filled = (!value.is_empty()).then_some(value);
            match field {
                Some("cucm_id") if user.cucm_id.is_empty() => user.cucm_id = value.into(),
                Some("first_name") => user.first_name = filled.map(str::to_owned),
                Some("last_name") => user.last_name = filled.map(str::to_owned),
                Some("telephone_number") => user.telephone_number = filled.map(CompactString::from),
                Some("digest_credential") => user.digest_credential = filled.is_some(),
                _ => {}
            }
        }
        if user.cucm_id.is_empty() {
            let line = lines(text).nth(number.saturating_sub(1)).map_or("", |(_, line)| line);
            return Err(ImportError::at(number, line, "a row with a USER ID"));
        }
        users.push(user);
    }
    let mut collected = Collected::from(SourceKind::Bat, origin);
    collected.users = users;
    Ok(collected)
}

/// A CSV error at its line: a row with too few or too many cells, or bytes that are not text.
fn csv_error(text: &str, error: &csv::Error) -> ImportError {
    let number = error
        .position()
        .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
    let line = lines(text).nth(number.saturating_sub(1)).map_or("", |(_, line)| line);
    match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            ImportError::at(number, line, format!("{expected_len} cells like the header"))
                .hint(format!("the row has {len}"))
        }
        _ => ImportError::at(number, line, "a CSV row").hint(error.to_string()),
    }
}
