//! The JSON Schema of the deployment file, derived from the model (feature `schema`).
//!
//! The model's types derive their schemas; the two kinds of value whose reading is not serde's
//! own (secrets, IP addresses) get theirs here, saying what the loader accepts.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::deployment::Deployment;

/// The JSON Schema (draft 7) of a deployment file, the same for TOML, JSON and YAML.
pub fn deployment_schema() -> serde_json::Value {
    // Draft 7: the newest draft that Taplo, the YAML language server and VS Code all read.
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Deployment>();
    schema.insert("title".to_owned(), "uclint deployment".into());
    schema.to_value()
}

/// A secret field, which reads as whether it is set (`model::secret::set`): a boolean, or the
/// secret's text, dropped on reading (blank means not set).
pub(super) struct Secret;

impl JsonSchema for Secret {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Secret".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["boolean", "string"] })
    }
}

/// An IP address as `std::net::IpAddr` reads one: IPv4 dotted quad or IPv6, no prefix, no zone.
/// (schemars's own says format `ip`, which no editor checks.)
pub(super) struct IpAddress;

impl JsonSchema for IpAddress {
    fn schema_name() -> Cow<'static, str> {
        "IpAddress".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An IPv4 or IPv6 address (`10.1.1.20`, `2001:db8::20`).",
            "type": "string",
            "anyOf": [{ "format": "ipv4" }, { "format": "ipv6" }]
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn at<'a>(schema: &'a Value, pointer: &str) -> &'a Value {
        schema
            .pointer(pointer)
            .unwrap_or_else(|| panic!("no {pointer} in the schema"))
    }

    #[test]
    fn skipped_fields_stay_out_and_unknown_keys_are_refused() {
        let schema = deployment_schema();
        let properties = at(&schema, "/properties").as_object().unwrap();
        assert!(properties.contains_key("users_csv") && properties.contains_key("$schema"));
        for skipped in ["dns_view", "source_map"] {
            assert!(!properties.contains_key(skipped), "{skipped} is not read from the file");
        }
        assert_eq!(at(&schema, "/additionalProperties"), &json!(false));
        assert_eq!(at(&schema, "/definitions/Server/additionalProperties"), &json!(false));
        assert!(at(&schema, "/definitions/Server/properties").get("location").is_none());
        assert_eq!(
            at(&schema, "/definitions/Server/required"),
            &json!(["node_name", "roles"])
        );
    }

    #[test]
    fn secrets_take_a_flag_or_the_text_and_ids_are_strings() {
        let schema = deployment_schema();
        let user = at(&schema, "/definitions/User/properties");
        assert_eq!(at(user, "/digest_credential/type"), &json!(["boolean", "string"]));
        let profile = at(&schema, "/definitions/CupcLdapProfile/properties");
        assert_eq!(at(profile, "/password/type"), &json!(["boolean", "string"]));
        assert_eq!(at(user, "/cucm_id/type"), &json!("string"));
        assert_eq!(at(user, "/clients/items/type"), &json!("string"));
        assert_eq!(
            at(&schema, "/definitions/Server/properties/addresses/items/$ref"),
            &json!("#/definitions/IpAddress")
        );
    }

    #[test]
    fn doc_comments_become_descriptions_and_renames_are_kept() {
        let schema = deployment_schema();
        assert_eq!(
            at(&schema, "/definitions/Ldap/properties/sync_port/default"),
            &json!(389)
        );
        let route = at(&schema, "/definitions/StaticRoute/properties");
        assert!(route.get("type").is_some() && route.get("route_type").is_none());
        assert!(at(&schema, "/definitions/Ports/properties").get("sip-tls").is_some());
        let described = at(&schema, "/properties/users_csv/description").as_str().unwrap();
        assert!(described.starts_with("A CSV file of more users"), "{described}");
    }
}
