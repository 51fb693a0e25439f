//! A subtree search, page by page (the Paged Results control, which Active Directory needs past
//! 1,000 entries), every entry handed to the caller as it is read and none kept: a directory of
//! 100,000 users costs the memory of one page.

use ldap3::LdapResult;

use super::ber::{self, Entry};
use super::codes;
use super::session::{Query, Session};
use crate::net::Fault;
use crate::{EvidenceKind, Observation, Outcome};

/// Entries asked for per page: at most what Active Directory gives (MaxPageSize 1,000).
pub const PAGE: i32 = 500;

/// How many references the evidence shows one by one.
const SHOWN_REFERENCES: usize = 10;

/// What a search returned, besides the entries the caller was handed.
#[derive(Debug, Clone)]
pub struct Searched {
    /// How many entries came.
    pub entries: usize,
    /// The URLs of the search continuation references, in order.
    pub references: Vec<String>,
    /// The last page's result code (0 success, 4 sizeLimitExceeded, 10 referral...).
    pub rc: u32,
    /// Its diagnostic text.
    pub text: String,
    /// With result 10, where the server refers the whole search.
    pub referred_to: Vec<String>,
    /// How many pages were asked for.
    pub pages: u32,
}

impl Searched {
    /// Every referral: continuation references, and the URLs of a referral result.
    pub fn referrals(&self) -> Vec<&str> {
        self.references
            .iter()
            .chain(&self.referred_to)
            .map(String::as_str)
            .collect()
    }

    /// The result in words: `0 success: 3 entries, 1 reference, 1 page`.
    pub fn words(&self) -> String {
        format!(
            "{}: {}, {}, {}",
            codes::result(self.rc, &self.text),
            count(self.entries, "entry", "entries"),
            count(self.references.len(), "reference", "references"),
            count(self.pages as usize, "page", "pages"),
        )
    }
}

/// `1 entry`, `2 entries`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Search with `query` over `session`, page after page, handing each entry to `each`. Noted in
/// `observation`: the request, every reference (the first few one by one), the result.
pub async fn search(
    session: &Session,
    query: &Query,
    observation: &mut Observation,
    mut each: impl FnMut(&Entry, &mut Observation),
) -> Result<Searched, Fault> {
    observation.evidence(
        EvidenceKind::Sent,
        format!(
            "search under `{}`, subtree, filter `{}`, attributes {} (pages of {PAGE})",
            query.base,
            query.filter,
            query.attributes.join(", ")
        ),
    );
    let mut searched = Searched {
        entries: 0,
        references: Vec::new(),
        rc: 0,
        text: String::new(),
        referred_to: Vec::new(),
        pages: 0,
    };
    let mut cookie = Vec::new();
    loop {
        let page = session.page(query, PAGE, std::mem::take(&mut cookie)).await?;
        searched.pages += 1;
        for item in page.items {
            if item.is_intermediate() {
                continue;
            }
            if item.is_ref() {
                let urls = ber::references(item.0).ok_or_else(|| malformed("search continuation reference"))?;
                for url in urls {
                    if searched.references.len() < SHOWN_REFERENCES {
                        observation.evidence(EvidenceKind::Received, format!("reference `{url}`"));
                    }
                    searched.references.push(url);
                }
                continue;
            }
            let entry = ber::entry(item.0).ok_or_else(|| malformed("search result entry"))?;
            searched.entries += 1;
            each(&entry, observation);
        }
        searched.rc = page.result.rc;
        searched.text = page.result.text.clone();
        if page.result.rc == 10 {
            searched.referred_to = page.result.refs.clone();
        }
        match next_cookie(&page.result) {
            Some(next) if page.result.rc == 0 && !next.is_empty() => cookie = next,
            _ => break,
        }
    }
    if searched.references.len() > SHOWN_REFERENCES {
        observation.evidence(
            EvidenceKind::Received,
            format!("... {} more references", searched.references.len() - SHOWN_REFERENCES),
        );
    }
    for url in &searched.referred_to {
        observation.evidence(EvidenceKind::Received, format!("referral `{url}`"));
    }
    observation.evidence(EvidenceKind::Received, format!("search result {}", searched.words()));
    Ok(searched)
}

/// The cookie the server's Paged Results control gives for the next page; none without one.
fn next_cookie(result: &LdapResult) -> Option<Vec<u8>> {
    result
        .ctrls
        .iter()
        .find(|control| control.1.ctype == ber::PAGED_RESULTS)
        .and_then(|control| control.1.val.as_deref())
        .and_then(ber::paged_cookie)
}

fn malformed(what: &str) -> Fault {
    Fault::new(
        Outcome::ProtocolError,
        format!("the server sent a {what} that cannot be read"),
    )
}
