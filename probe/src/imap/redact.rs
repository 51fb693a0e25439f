//! The one filter every line of an IMAP observation passes through: the run's secrets, and the
//! forms a password takes on the wire (quoted, escaped), replaced by `********`.

use crate::{Observation, REDACTED, Secrets};

/// Hides the run's secrets, and the wire forms of the password sent, from anything stored.
#[derive(Clone)]
pub struct Redactor<'a> {
    secrets: &'a Secrets,
    wire_forms: Vec<String>,
}

impl<'a> Redactor<'a> {
    /// A filter for `secrets`.
    pub fn new(secrets: &'a Secrets) -> Self {
        Self {
            secrets,
            wire_forms: Vec::new(),
        }
    }

    /// Hide `form` too: a secret as a command carried it (`"pa\"ss"`), which a server may echo.
    pub fn also(&mut self, form: &str) {
        if !form.is_empty() && !self.wire_forms.iter().any(|f| f == form) {
            self.wire_forms.push(form.to_owned());
            // Longest first: a form that contains another is replaced whole.
            self.wire_forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
    }

    /// Hide a password as a LOGIN carries it (`wire`, an astring), and when quoted, what lies
    /// between the quotes (the escaped password, which a server may echo without them).
    pub fn also_wire(&mut self, wire: &str) {
        self.also(wire);
        if let Some(inside) = wire.strip_prefix('"').and_then(|w| w.strip_suffix('"')) {
            self.also(inside);
        }
    }

    /// `text` with every secret and wire form replaced by `********`.
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for form in &self.wire_forms {
            out = out.replace(form.as_str(), REDACTED);
        }
        self.secrets.redact(&out)
    }

    /// Every string `observation` stores, filtered: summary, evidence, messages, setting.
    pub fn observation(&self, observation: &mut Observation) {
        observation.summary = self.apply(&observation.summary);
        for line in &mut observation.evidence {
            line.text = self.apply(&line.text);
        }
        for raised in &mut observation.raised {
            raised.message = self.apply(&raised.message);
        }
        if let Some(setting) = &mut observation.setting {
            setting.says = self.apply(&setting.says);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SecretKind;

    #[test]
    fn secrets_and_their_wire_forms_never_show() {
        let mut secrets = Secrets::default();
        secrets.set(SecretKind::User, "pa\"ss".to_owned());
        let mut redactor = Redactor::new(&secrets);
        redactor.also_wire("\"pa\\\"ss\"");
        assert_eq!(redactor.apply("a2 LOGIN alice \"pa\\\"ss\""), "a2 LOGIN alice ********");
        assert_eq!(redactor.apply("a2 NO pa\\\"ss is wrong"), "a2 NO ******** is wrong");
        assert_eq!(redactor.apply("echo pa\"ss"), "echo ********");
        redactor.also("");
        assert_eq!(redactor.apply("nothing secret"), "nothing secret");
    }
}
