//! What the calendar's answers mean, in the order they are weighed:
//!
//! 1. 207 to the PROPFIND: WebDAV works.
//! 2. 440, or a redirect whose `Location` is an OWA logon page: forms-based authentication
//!    (CAL005). The page is never fetched.
//! 3. Any other redirect: to another host, reported and never followed; to the same host (the
//!    name asked, or the address reached), followed once, on the same address; a second one is
//!    reported, not followed.
//! 4. 405 or 501 to the PROPFIND: no WebDAV (CAL006).
//! 5. 401 or 403: with the account's credentials sent, refused (CAL008); without, it only says
//!    authentication is required.
//! 6. An OPTIONS answered 2xx without a `DAV` header: no WebDAV (CAL006), whatever the PROPFIND got.
//! 7. Anything else is an answer that is not the calendar, said as it is.

use std::net::IpAddr;

use super::location::{Place, is_forms_logon};
use super::reply::Reply;

/// What the OPTIONS said of WebDAV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dav {
    /// A 2xx with `DAV: value`.
    Said(String),
    /// A 2xx without a `DAV` header.
    NotSaid,
    /// No 2xx: the answer says nothing of WebDAV (its status).
    Unknown(String),
}

impl Dav {
    /// What an OPTIONS answer says.
    pub fn of(reply: &Reply) -> Self {
        if !reply.status.is_success() {
            return Self::Unknown(reply.status_text());
        }
        reply.header("dav").map_or(Self::NotSaid, Self::Said)
    }
}

/// What the PROPFIND's answer means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// 207: WebDAV answers.
    Works,
    /// Forms-based authentication (CAL005): how it showed.
    FormsLogon(String),
    /// No WebDAV (CAL006): why.
    NoDav(String),
    /// 401 or 403 with the account's credentials (CAL008).
    Refused,
    /// 401 or 403 without credentials sent.
    AuthRequired,
    /// A redirect to another host, not followed: its `Location`, and the host.
    Elsewhere {
        /// The `Location` as sent.
        location: String,
        /// The other host.
        host: String,
    },
    /// A redirect to the same host, to follow once.
    Follow(Place),
    /// Any other answer: what it is.
    Other(String),
}

/// The verdict on `reply`, the answer to a PROPFIND of `asked` at `address`; `followed` says
/// whether a redirect was followed already.
pub fn judge(
    reply: &Reply,
    asked: &Place,
    address: IpAddr,
    dav: &Dav,
    credentials_sent: bool,
    followed: bool,
) -> Verdict {
    let code = reply.code();
    let status = reply.status_text();
    if code == 207 {
        return Verdict::Works;
    }
    if code == 440 {
        return Verdict::FormsLogon(format!("answered {status}, OWA's word for a forms-based session"));
    }
    if reply.is_redirect() {
        let Some(location) = reply.header("location") else {
            return Verdict::Other(format!("{status} without a Location"));
        };
        if is_forms_logon(&location) {
            return Verdict::FormsLogon(format!("answered {status} to the OWA logon page `{location}`"));
        }
        return match asked.resolve(&location) {
            Err(why) => Verdict::Other(format!("{status} to {why}")),
            Ok(place) if !asked.same_host(&place, address) => Verdict::Elsewhere {
                location,
                host: place.host,
            },
            Ok(_) if followed => Verdict::Other(format!("{status} again, to `{location}` (not followed)")),
            Ok(place) => Verdict::Follow(place),
        };
    }
    if matches!(code, 405 | 501) {
        return Verdict::NoDav(format!("the PROPFIND was answered {status}"));
    }
    if matches!(code, 401 | 403) {
        return if credentials_sent {
            Verdict::Refused
        } else {
            Verdict::AuthRequired
        };
    }
    if *dav == Dav::NotSaid {
        return Verdict::NoDav(format!(
            "the OPTIONS answer has no DAV header, and the PROPFIND was answered {status}"
        ));
    }
    Verdict::Other(status)
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use hyper::header::{HeaderMap, HeaderValue};
    use hyper::{StatusCode, Version};

    use super::super::location::Scheme;
    use super::*;

    const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    fn reply(code: u16, headers: &[(&'static str, &'static str)]) -> Reply {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_static(value));
        }
        Reply {
            status: StatusCode::from_u16(code).unwrap(),
            reason: String::new(),
            version: Version::HTTP_11,
            headers: map,
            body: Vec::new(),
            cut: false,
        }
    }

    fn asked() -> Place {
        Place {
            scheme: Scheme::Https,
            host: "mail".to_owned(),
            port: 443,
            path: "/exchange/alice/".to_owned(),
        }
    }

    fn verdict(code: u16, headers: &[(&'static str, &'static str)], dav: &Dav, sent: bool, followed: bool) -> Verdict {
        judge(&reply(code, headers), &asked(), LOOPBACK, dav, sent, followed)
    }

    const YES: Dav = Dav::Unknown(String::new());

    #[test]
    fn multistatus_works_whatever_options_said() {
        assert_eq!(verdict(207, &[], &Dav::NotSaid, false, false), Verdict::Works);
    }

    #[test]
    fn forms_logon_by_redirect_or_440_even_on_another_host() {
        let to_logon = [("location", "https://mail/owa/auth/logon.aspx?url=x")];
        assert!(matches!(
            verdict(302, &to_logon, &YES, true, false),
            Verdict::FormsLogon(_)
        ));
        assert!(matches!(verdict(440, &[], &YES, true, false), Verdict::FormsLogon(_)));
        let elsewhere = [("location", "https://cas.example/owa/auth/logon.aspx")];
        assert!(matches!(
            verdict(302, &elsewhere, &YES, true, false),
            Verdict::FormsLogon(_)
        ));
    }

    #[test]
    fn other_hosts_are_reported_and_the_same_host_followed_once() {
        let other = [("location", "http://other.example/owa/")];
        assert_eq!(
            verdict(301, &other, &YES, true, false),
            Verdict::Elsewhere {
                location: "http://other.example/owa/".to_owned(),
                host: "other.example".to_owned()
            }
        );
        let same = [("location", "https://MAIL/exchange/alice/calendar/")];
        let Verdict::Follow(place) = verdict(307, &same, &YES, true, false) else {
            panic!("followed")
        };
        assert_eq!(place.path, "/exchange/alice/calendar/");
        assert!(matches!(verdict(307, &same, &YES, true, true), Verdict::Other(_)));
        let address = [("location", "http://127.0.0.1:8080/exchange/alice/")];
        assert!(matches!(verdict(308, &address, &YES, true, false), Verdict::Follow(_)));
        assert!(matches!(verdict(302, &[], &YES, true, false), Verdict::Other(_)));
    }

    #[test]
    fn no_dav_by_status_or_by_options() {
        assert!(matches!(verdict(405, &[], &YES, true, false), Verdict::NoDav(_)));
        assert!(matches!(verdict(501, &[], &YES, false, false), Verdict::NoDav(_)));
        assert!(matches!(
            verdict(404, &[], &Dav::NotSaid, true, false),
            Verdict::NoDav(_)
        ));
        assert_eq!(
            verdict(404, &[], &Dav::Said("1,2".to_owned()), true, false),
            Verdict::Other("404".to_owned())
        );
    }

    #[test]
    fn refusals_count_only_with_credentials() {
        assert_eq!(verdict(401, &[], &YES, true, false), Verdict::Refused);
        assert_eq!(verdict(403, &[], &YES, true, false), Verdict::Refused);
        assert_eq!(verdict(401, &[], &Dav::NotSaid, false, false), Verdict::AuthRequired);
    }

    #[test]
    fn options_says_what_it_says() {
        assert_eq!(Dav::of(&reply(200, &[("dav", "1,2")])), Dav::Said("1,2".to_owned()));
        assert_eq!(Dav::of(&reply(200, &[("allow", "GET")])), Dav::NotSaid);
        assert_eq!(Dav::of(&reply(401, &[])), Dav::Unknown("401".to_owned()));
    }
}
