//! A subtree search page by page (RFC 2696 simple paged results), each entry turned into a user
//! the moment it is read and then dropped: memory holds the users, never the raw entries. Any
//! result other than success ends the collection with an error, so nothing half-read is
//! returned.
//!
//! ldap3's own `adapters::PagedResults` reads the server's paged-results control with a parser
//! that panics on a malformed value; the cookie is read here with the probe's panic-free reader.

use ldap3::controls::PagedResults;
use ldap3::{LdapResult, Scope};
use uclint_core::model::User;

use super::connection::{Connection, timed_out, words};
use super::users::{self, ATTRIBUTES};
use crate::ldap::{ber, codes};

/// What a search was, besides the users.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Entries read.
    pub entries: usize,
    /// Entries without a user id (neither `sAMAccountName` nor `uid`), not collected.
    pub skipped_without_id: usize,
    /// Search continuation references (referrals to other servers), not followed.
    pub references: usize,
    /// Pages asked for.
    pub pages: u32,
}

/// Search under `base` with `filter`, `page_size` entries a page, handing each user to `each`.
pub async fn search(
    connection: &mut Connection,
    base: &str,
    filter: &str,
    page_size: u32,
    mut each: impl FnMut(User),
) -> Result<Tally, String> {
    let size = i32::try_from(page_size.max(1)).unwrap_or(i32::MAX);
    let timeout = connection.timeout;
    let mut tally = Tally::default();
    let mut cookie = Vec::new();
    loop {
        tally.pages += 1;
        let doing = format!("reading page {} of the search under `{base}`", tally.pages);
        let control = PagedResults {
            size,
            cookie: std::mem::take(&mut cookie),
        };
        let started = connection
            .ldap
            .with_controls(control)
            .with_timeout(timeout)
            .streaming_search(base, Scope::Subtree, filter, ATTRIBUTES.to_vec());
        let mut stream = tokio::time::timeout(timeout, started)
            .await
            .map_err(|_| timed_out(&doing, timeout))?
            .map_err(|error| match error {
                ldap3::LdapError::FilterParsing => format!("the filter `{filter}` is not an LDAP filter (RFC 4515)"),
                other => words(&doing, &other, timeout),
            })?;
        // ldap3 waits at most `timeout` for each entry; the outer guard is a safety net.
        loop {
            let item = tokio::time::timeout(timeout, stream.next())
                .await
                .map_err(|_| timed_out(&doing, timeout))?
                .map_err(|error| words(&doing, &error, timeout))?;
            let Some(item) = item else { break };
            if item.is_intermediate() {
                continue;
            }
            if item.is_ref() {
                tally.references += 1;
                continue;
            }
            let user = users::user(item.0).map_err(|_| {
                format!(
                    "the server sent a search result entry that cannot be read after {} entries",
                    tally.entries
                )
            })?;
            tally.entries += 1;
            match user {
                Some(user) => each(user),
                None => tally.skipped_without_id += 1,
            }
        }
        let result = stream.finish().await;
        if result.rc != 0 {
            return Err(refused(&result, base, &tally));
        }
        match next_cookie(&result) {
            Some(next) if !next.is_empty() => cookie = next,
            // No control (a server that does not page sent everything) or an empty cookie.
            _ => return Ok(tally),
        }
    }
}

/// A search result other than success, in words, saying how far the search got.
fn refused(result: &LdapResult, base: &str, tally: &Tally) -> String {
    let code = codes::result(result.rc, &result.text);
    let pages = if tally.pages == 1 {
        "1 page".to_owned()
    } else {
        format!("{} pages", tally.pages)
    };
    let read = format!("after {} entries on {pages}", tally.entries);
    match result.rc {
        32 => format!("the base `{base}` does not exist on this server ({code})"),
        4 | 11 => format!(
            "the server stopped the search {read}: {code}; the account may read fewer entries than the directory holds"
        ),
        10 => format!(
            "the server refers the search under `{base}` elsewhere ({code}: {}); collect from that server",
            result.refs.join(", ")
        ),
        12 => format!("the server does not support paged results ({code})"),
        50 => format!("the account may not search under `{base}` ({code})"),
        _ => format!("the search under `{base}` failed {read}: {code}"),
    }
}

/// The cookie the server's paged-results control gives for the next page.
fn next_cookie(result: &LdapResult) -> Option<Vec<u8>> {
    result
        .ctrls
        .iter()
        .find(|control| control.1.ctype == ber::PAGED_RESULTS)
        .and_then(|control| control.1.val.as_deref())
        .and_then(ber::paged_cookie)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(rc: u32, text: &str) -> LdapResult {
        LdapResult {
            rc,
            matched: String::new(),
            text: text.to_owned(),
            refs: vec!["ldap://other/dc=x".to_owned()],
            ctrls: vec![],
        }
    }

    #[test]
    fn results_other_than_success_say_how_far_the_search_got() {
        let tally = Tally {
            entries: 500,
            pages: 1,
            ..Tally::default()
        };
        let base = "dc=acme,dc=com";
        assert!(refused(&result(32, ""), base, &tally).contains("the base `dc=acme,dc=com` does not exist"));
        let limit = refused(&result(4, ""), base, &tally);
        assert!(
            limit.contains("after 500 entries on 1 page:") && limit.contains("4 sizeLimitExceeded"),
            "{limit}"
        );
        assert!(refused(&result(10, ""), base, &tally).contains("ldap://other/dc=x"));
        assert!(refused(&result(53, "no"), base, &tally).contains("53 unwillingToPerform (`no`)"));
        assert_eq!(next_cookie(&result(0, "")), None);
    }
}
