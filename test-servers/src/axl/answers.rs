//! What the stand-in answers each AXL operation with, from its [`AxlCluster`]: the response
//! element's content, or a fault when the request is one CUCM would refuse.

use super::cluster::{AxlCluster, AxlLdapServer};
use super::soap::{Asked, tag};

/// The AXL error code CUCM gives an invalid request.
pub const ITEM_NOT_VALID: i32 = 5007;
/// The AXL error code CUCM gives an SQL statement it cannot run.
pub const SQL_ERROR: i32 = -239;

/// A refusal: its AXL code and message.
pub type Refusal = (i32, String);

/// The content of the `{operation}Response` to `asked`, or a refusal.
pub fn answer(cluster: &AxlCluster, asked: &Asked) -> Result<String, Refusal> {
    let content = match asked.operation.as_str() {
        "listProcessNode" => list(&process_nodes(cluster)),
        "listUser" => list(&page(&users(cluster), asked)?),
        "listServiceParameter" => list(&service_parameters(cluster, asked)),
        "executeSQLQuery" => list(&sql(cluster, asked.field("sql").unwrap_or_default())?),
        "listLdapDirectory" => list(&[format!(
            "<ldapDirectory uuid=\"{}\">{}{}</ldapDirectory>",
            uuid(7, 0),
            tag("name", Some(cluster.directory.0)),
            tag("userSearchBase", Some(cluster.directory.1))
        )]),
        "getLdapDirectory" => {
            if asked.field("name") != Some(cluster.directory.0) {
                return Err((
                    ITEM_NOT_VALID,
                    "Item not valid: The specified LDAP Directory was not found".to_owned(),
                ));
            }
            format!(
                "<return><ldapDirectory uuid=\"{}\">{}{}{}</ldapDirectory></return>",
                uuid(7, 0),
                tag("name", Some(cluster.directory.0)),
                tag("userSearchBase", Some(cluster.directory.1)),
                servers(&cluster.directory.2)
            )
        }
        "getLdapSystem" => format!(
            "<return><ldapSystem>{}</ldapSystem></return>",
            tag("syncEnabled", Some(flag(cluster.ldap_sync)))
        ),
        "getLdapAuthentication" => {
            let (on, base, hosts) = &cluster.ldap_authentication;
            format!(
                "<return><ldapAuthentication>{}{}{}</ldapAuthentication></return>",
                tag("authenticateEndUsers", Some(flag(*on))),
                tag("userSearchBase", Some(base)),
                servers(hosts)
            )
        }
        other => return Err((ITEM_NOT_VALID, format!("the stand-in does not answer {other}"))),
    };
    Ok(content)
}

fn list(items: &[String]) -> String {
    format!("<return>{}</return>", items.concat())
}

/// A uuid of the form the schema's `XUUID` allows, distinct per kind and index.
fn uuid(kind: u32, index: usize) -> String {
    format!("{{{kind:08X}-0000-4000-8000-{index:012X}}}")
}

fn flag(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

fn process_nodes(cluster: &AxlCluster) -> Vec<String> {
    cluster
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "<processNode uuid=\"{}\">{}{}{}{}</processNode>",
                uuid(1, i),
                tag("name", Some(n.name)),
                tag("description", Some("")),
                tag("nodeUsage", Some(n.usage)),
                tag("processNodeRole", Some(n.role))
            )
        })
        .collect()
}

fn users(cluster: &AxlCluster) -> Vec<String> {
    cluster
        .users
        .iter()
        .enumerate()
        .map(|(i, u)| {
            format!(
                "<user uuid=\"{}\">{}{}{}{}</user>",
                uuid(2, i),
                tag("firstName", u.first_name),
                tag("lastName", Some(u.last_name)),
                tag("userid", Some(u.userid)),
                tag("telephoneNumber", u.telephone_number)
            )
        })
        .collect()
}

/// `first` items after `skip`, as AXL's paging does; all of them without `first`.
fn page(items: &[String], asked: &Asked) -> Result<Vec<String>, Refusal> {
    let number = |name: &str| -> Result<Option<usize>, Refusal> {
        asked
            .field(name)
            .map(|n| {
                n.parse()
                    .map_err(|_| (ITEM_NOT_VALID, format!("{name} `{n}` is not a number")))
            })
            .transpose()
    };
    let skip = number("skip")?.unwrap_or(0);
    let first = number("first")?.unwrap_or(usize::MAX);
    if first == 0 {
        return Err((ITEM_NOT_VALID, "first must be at least 1".to_owned()));
    }
    Ok(items.iter().skip(skip).take(first).cloned().collect())
}

fn service_parameters(cluster: &AxlCluster, asked: &Asked) -> Vec<String> {
    let node = asked.field("searchCriteria/processNodeName");
    let service = asked.field("searchCriteria/service");
    if node != Some(cluster.presence_publisher) || service != Some("Cisco SIP Proxy") {
        return Vec::new();
    }
    cluster
        .sip_proxy_parameters
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            format!(
                "<serviceParameter uuid=\"{}\">{}{}</serviceParameter>",
                uuid(3, i),
                tag("name", Some(name)),
                tag("value", Some(value))
            )
        })
        .collect()
}

/// The rows of the three `SELECT`s the collector sends, told apart by the table they read.
fn sql(cluster: &AxlCluster, query: &str) -> Result<Vec<String>, Refusal> {
    let query = query.to_ascii_lowercase();
    if !query.trim_start().starts_with("select") {
        return Err((SQL_ERROR, "the stand-in only runs SELECT".to_owned()));
    }
    let row = |columns: &[(&str, &str)]| {
        let cells: String = columns.iter().map(|(c, v)| tag(c, Some(v))).collect();
        format!("<row>{cells}</row>")
    };
    if query.contains("from enduser eu, credential c, typecredential tc") && query.contains("'digest credentials'") {
        return Ok(cluster
            .users
            .iter()
            .filter(|u| u.digest_credential)
            .map(|u| row(&[("userid", u.userid)]))
            .collect());
    }
    if query.contains("from staticroute") {
        return Ok(cluster
            .routes
            .iter()
            .map(|r| {
                let (port, priority, weight) = (r.port.to_string(), r.priority.to_string(), r.weight.to_string());
                let f = |b: bool| if b { "t" } else { "f" };
                row(&[
                    ("destinationpattern", r.pattern),
                    ("routetype", r.route_type),
                    ("nexthop", r.next_hop),
                    ("nexthopport", &port),
                    ("protocoltype", r.protocol),
                    ("priority", &priority),
                    ("weight", &weight),
                    ("inservice", f(r.in_service)),
                    ("blockroute", f(r.block)),
                    ("allowlessspecific", f(r.allow_less_specific)),
                ])
            })
            .collect());
    }
    if query.contains("from incomingacl") {
        return Ok(cluster.incoming_acl.iter().map(|a| row(&[("address", a)])).collect());
    }
    Err((
        SQL_ERROR,
        "The specified table (unknown) is not in the database.".to_owned(),
    ))
}

fn servers(hosts: &[AxlLdapServer]) -> String {
    let servers: String = hosts
        .iter()
        .map(|h| {
            format!(
                "<server>{}{}{}</server>",
                tag("hostName", Some(h.host)),
                tag("ldapPortNumber", Some(&h.port.to_string())),
                tag("sslEnabled", Some(flag(h.ssl)))
            )
        })
        .collect();
    format!("<servers>{servers}</servers>")
}

#[cfg(test)]
mod tests {
    use super::super::schema::Schema;
    use super::super::soap::{fault, response};
    use super::*;

    fn asked(operation: &str, fields: &[(&str, &str)]) -> Asked {
        Asked {
            operation: operation.to_owned(),
            fields: fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        }
    }

    #[test]
    fn every_canned_answer_keeps_the_schema() {
        let schema = Schema::new();
        let cluster = AxlCluster::fixture();
        let requests = [
            asked("listProcessNode", &[]),
            asked("listUser", &[("skip", "3"), ("first", "3")]),
            asked("listUser", &[]),
            asked(
                "listServiceParameter",
                &[
                    ("searchCriteria/processNodeName", "cups-1.acme.com"),
                    ("searchCriteria/service", "Cisco SIP Proxy"),
                ],
            ),
            asked("executeSQLQuery", &[("sql", "SELECT address FROM incomingacl")]),
            asked("executeSQLQuery", &[("sql", "SELECT * FROM staticroute")]),
            asked("listLdapDirectory", &[]),
            asked("getLdapDirectory", &[("name", "ACME AD")]),
            asked("getLdapSystem", &[]),
            asked("getLdapAuthentication", &[]),
        ];
        for request in &requests {
            let content = answer(&cluster, request).unwrap();
            let body = response(&request.operation, &content);
            assert_eq!(schema.check(&body), Ok(()), "{body}");
        }
        let (code, message) = answer(&cluster, &asked("getLdapDirectory", &[("name", "other")])).unwrap_err();
        assert_eq!(schema.check(&fault("getLdapDirectory", code, &message)), Ok(()));
        let (code, message) =
            answer(&cluster, &asked("executeSQLQuery", &[("sql", "DELETE FROM enduser")])).unwrap_err();
        assert_eq!(code, SQL_ERROR, "{message}");
    }

    #[test]
    fn users_come_in_pages() {
        let cluster = AxlCluster::fixture();
        let page = |skip: &str, first: &str| {
            let content = answer(&cluster, &asked("listUser", &[("skip", skip), ("first", first)])).unwrap();
            content.matches("<user ").count()
        };
        assert_eq!(
            (page("0", "3"), page("3", "3"), page("6", "3"), page("9", "3")),
            (3, 3, 1, 0)
        );
        assert!(answer(&cluster, &asked("listUser", &[("first", "0")])).is_err());
    }
}
