//! The AXL requests the collector sends: SOAP 1.1 envelopes of AXL schema version [`VERSION`],
//! each read-only (`list*`, `get*`, and `executeSQLQuery` with a `SELECT`).

use super::xml::escape;

/// The AXL schema version the requests follow (SOAPAction `CUCM:DB ver=10.5 ...`).
pub const VERSION: &str = "10.5";
/// The namespace of that version's elements.
const NAMESPACE: &str = "http://www.cisco.com/AXL/API/10.5";

/// One request: the operation's name and the whole envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The AXL operation (`listUser`).
    pub operation: &'static str,
    /// The SOAP envelope.
    pub body: String,
}

impl Call {
    fn new(operation: &'static str, content: &str) -> Self {
        let body = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
             <soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns=\"{NAMESPACE}\">\
             <soapenv:Header/><soapenv:Body><ns:{operation}>{content}</ns:{operation}></soapenv:Body></soapenv:Envelope>"
        );
        Self { operation, body }
    }

    /// The SOAPAction header's value, quoted as SOAP 1.1 writes it.
    pub fn soap_action(&self) -> String {
        format!("\"CUCM:DB ver={VERSION} {}\"", self.operation)
    }
}

/// Every process node (`%` matches any name): its name, description, usage and role.
pub fn list_process_node() -> Call {
    Call::new(
        "listProcessNode",
        "<searchCriteria><name>%</name></searchCriteria>\
         <returnedTags><name/><description/><nodeUsage/><processNodeRole/></returnedTags>",
    )
}

/// One page of end users: `first` of them after skipping `skip`, in the server's order.
pub fn list_user(skip: u64, first: u64) -> Call {
    Call::new(
        "listUser",
        &format!(
            "<searchCriteria><userid>%</userid></searchCriteria>\
             <returnedTags><firstName/><lastName/><userid/><telephoneNumber/></returnedTags>\
             <skip>{skip}</skip><first>{first}</first>"
        ),
    )
}

/// The parameters of `service` on process node `node`.
pub fn list_service_parameter(node: &str, service: &str) -> Call {
    Call::new(
        "listServiceParameter",
        &format!(
            "<searchCriteria><processNodeName>{}</processNodeName><service>{}</service></searchCriteria>\
             <returnedTags><name/><value/></returnedTags>",
            escape(node),
            escape(service)
        ),
    )
}

/// A `SELECT` on the database behind the AXL service.
pub fn execute_sql(sql: &str) -> Call {
    Call::new("executeSQLQuery", &format!("<sql>{}</sql>", escape(sql)))
}

/// Every LDAP directory agreement, by name.
pub fn list_ldap_directory() -> Call {
    Call::new(
        "listLdapDirectory",
        "<searchCriteria><name>%</name></searchCriteria><returnedTags><name/><userSearchBase/></returnedTags>",
    )
}

/// LDAP directory agreement `name`: its search base and servers (never its password). AXL
/// reads only which returned tags are present; `sslEnabled` holds a value all the same, because
/// the schema types it as a boolean and an empty one would break it.
pub fn get_ldap_directory(name: &str) -> Call {
    Call::new(
        "getLdapDirectory",
        &format!(
            "<name>{}</name><returnedTags><name/><userSearchBase/><servers><server><hostName/>\
             <ldapPortNumber/><sslEnabled>true</sslEnabled></server></servers></returnedTags>",
            escape(name)
        ),
    )
}

/// The LDAP System page: whether synchronization from LDAP is on.
pub fn get_ldap_system() -> Call {
    Call::new("getLdapSystem", "")
}

/// The LDAP Authentication page: whether end users authenticate against LDAP, and where.
pub fn get_ldap_authentication() -> Call {
    Call::new("getLdapAuthentication", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_is_an_envelope_with_its_operation() {
        let call = list_user(200, 100);
        assert_eq!(call.soap_action(), "\"CUCM:DB ver=10.5 listUser\"");
        assert!(call.body.contains("<ns:listUser><searchCriteria>"), "{}", call.body);
        assert!(call.body.contains("<skip>200</skip><first>100</first></ns:listUser>"));
        let sql = execute_sql("SELECT a FROM b WHERE c < 'd'");
        assert!(
            sql.body
                .contains("<sql>SELECT a FROM b WHERE c &lt; &apos;d&apos;</sql>"),
            "{}",
            sql.body
        );
    }
}
