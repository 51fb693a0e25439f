//! The IM&P SIP proxy: the proxy domain (a parameter of the `Cisco SIP Proxy` service,
//! `listServiceParameter` on an IM&P node), its static routes and incoming ACL (IM&P's own
//! database, through `executeSQLQuery`; no AXL request of schema 10.5 returns them).

use uclint_core::model::{RouteType, StaticRoute, Transport};

use super::sql::{self, boolean, column};
use super::xml::Element;

/// The service whose parameters hold the proxy domain.
pub const SIP_PROXY_SERVICE: &str = "Cisco SIP Proxy";
/// The proxy domain's parameter name.
const PROXY_DOMAIN: &str = "ProxyDomain";

/// The proxy domain in a `listServiceParameterResponse`, when set.
pub fn proxy_domain(response: &Element) -> Result<Option<String>, String> {
    let list = response.child("return").ok_or("no <return> element")?;
    Ok(list
        .all("serviceParameter")
        .find(|p| p.text_of("name") == Some(PROXY_DOMAIN))
        .and_then(|p| p.text_of("value"))
        .map(str::to_owned))
}

/// The static routes of the [`sql::STATIC_ROUTES`] answer.
pub fn static_routes(response: &Element) -> Result<Vec<StaticRoute>, String> {
    sql::rows(response)?.map(route).collect()
}

fn route(row: &Element) -> Result<StaticRoute, String> {
    let pattern = column(row, "destinationpattern")?;
    let within = |why: String| format!("static route `{pattern}`: {why}");
    let number = |name: &str| -> Result<u16, String> {
        let text = column(row, name).map_err(within)?;
        text.parse()
            .map_err(|_| within(format!("`{name}` is `{text}`, not a number")))
    };
    let flag = |name: &str| -> Result<bool, String> { boolean(column(row, name).map_err(within)?).map_err(within) };
    let route_type = match column(row, "routetype").map_err(within)?.to_ascii_lowercase().as_str() {
        "user" => RouteType::User,
        "domain" => RouteType::Domain,
        other => return Err(within(format!("route type `{other}` is neither user nor domain"))),
    };
    let transport = match column(row, "protocoltype")
        .map_err(within)?
        .to_ascii_lowercase()
        .as_str()
    {
        "udp" => Transport::Udp,
        "tcp" => Transport::Tcp,
        "tls" => Transport::Tls,
        other => return Err(within(format!("transport `{other}` is not UDP, TCP or TLS"))),
    };
    Ok(StaticRoute {
        pattern: pattern.to_owned(),
        route_type,
        next_hop: row.text_of("nexthop").map(str::to_owned),
        port: number("nexthopport")?,
        transport,
        priority: number("priority")?,
        weight: number("weight")?,
        in_service: flag("inservice")?,
        block: flag("blockroute")?,
        allow_less_specific: flag("allowlessspecific")?,
        location: None,
    })
}

/// The address patterns of the [`sql::INCOMING_ACL`] answer.
pub fn incoming_acl(response: &Element) -> Result<Vec<String>, String> {
    sql::rows(response)?
        .map(|row| column(row, "address").map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collect::axl::xml::parse;

    fn row(cells: &str) -> Element {
        parse(format!("<r><return><row>{cells}</row></return></r>").as_bytes()).unwrap()
    }

    #[test]
    fn a_route_row_is_read_whole_or_refused_by_name() {
        let full = "<destinationpattern>.com.acme.*</destinationpattern><routetype>Domain</routetype>\
                    <nexthop>cups-2</nexthop><nexthopport>5062</nexthopport><protocoltype>TLS</protocoltype>\
                    <priority>1</priority><weight>10</weight><inservice>t</inservice><blockroute>f</blockroute>\
                    <allowlessspecific>f</allowlessspecific>";
        let routes = static_routes(&row(full)).unwrap();
        assert_eq!(routes[0].route_type, RouteType::Domain);
        assert_eq!((routes[0].port, routes[0].transport), (5062, Transport::Tls));
        let bad = full.replace("<protocoltype>TLS</protocoltype>", "<protocoltype>SCTP</protocoltype>");
        assert!(
            static_routes(&row(&bad))
                .unwrap_err()
                .contains("`sctp` is not UDP, TCP or TLS")
        );
        let bad = full.replace("<weight>10</weight>", "<weight>ten</weight>");
        assert_eq!(
            static_routes(&row(&bad)).unwrap_err(),
            "static route `.com.acme.*`: `weight` is `ten`, not a number"
        );
        let bad = full.replace("<inservice>t</inservice>", "");
        assert!(static_routes(&row(&bad)).unwrap_err().contains("without `inservice`"));
    }
}
