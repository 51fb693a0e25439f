"""Type stubs of the native module ``uclint._uclint`` (re-exported by ``uclint``)."""

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Optional, Union, final, overload

__all__ = [
    "__version__",
    "PROXY_DOMAIN_NOT_SET",
    "Error",
    "ParseError",
    "DanglingReferenceError",
    "UriError",
    "AddressError",
    "NotFoundError",
    "IoError",
    "PluginError",
    "CollectError",
    "Deployment",
    "Server",
    "Client",
    "User",
    "PresenceAddress",
    "Resolution",
    "Attempt",
    "Routing",
    "Target",
    "Step",
    "JabberDiscovery",
    "SrvQuery",
    "SrvTarget",
    "Connection",
    "Issue",
    "Report",
    "Finding",
    "Fix",
    "Subject",
    "Location",
    "Skipped",
    "Summary",
    "Problem",
    "PluginOutput",
    "Health",
    "ServiceHealth",
    "LiveHealth",
    "LiveService",
    "ProbeReport",
    "Observation",
    "ProbeTarget",
    "Evidence",
    "Setting",
    "Rule",
    "Plugin",
    "PluginRule",
    "presence_address",
    "presence_addresses",
    "resolve",
    "route",
    "jabber_discovery",
    "check",
    "health",
    "probe",
    "rules",
    "explain",
    "load_plugin",
    "Collected",
    "import_ipconfig",
    "import_resolv",
    "import_scutil",
    "import_hosts",
    "import_ldif",
    "import_bat",
    "collect_ldap",
    "collect_axfr",
    "collect_axl",
    "collect",
    "Change",
    "Diff",
    "diff",
    "run_cli",
]

__version__: str
PROXY_DOMAIN_NOT_SET: str

_Severity = Literal["error", "warning", "security", "info"]
_Method = Literal["ip", "as-configured", "appended"]
_Verdict = Literal["usable", "unusable", "unresolved"]
_Decision = Literal["local", "static", "dns", "blocked", "unroutable"]
_Transport = Literal["udp", "tcp", "tls"]
_Origin = Literal["static-route", "srv", "address", "literal"]
_ClientKind = Literal[
    "cupc",
    "ip-phone",
    "attendant-console",
    "moc",
    "jabber-windows",
    "jabber-mac",
    "jabber-mobile",
    "webex-app",
    "other",
]
_ServiceName = Literal["login", "presence", "desk-phone", "voicemail", "directory", "calendar", "jabber-sign-in"]
_Status = Literal["ok", "warning", "failing", "not-configured"]
_ProblemKind = Literal[
    "syntax",
    "type",
    "unknown-key",
    "missing-key",
    "dangling-reference",
    "duplicate",
    "file",
    "dns",
    "empty",
]
_SubjectKind = Literal[
    "deployment",
    "server",
    "user",
    "client",
    "sip-proxy",
    "route",
    "domain",
    "ldap",
    "voicemail",
    "calendar",
]
_PresenceInput = Union[
    tuple[str, Optional[str]],
    tuple[str, Optional[str], Optional[str]],
]

# --- Errors ----------------------------------------------------------------------------------

class Error(Exception):
    """Base class of every error uclint raises."""

class ParseError(Error):
    """A deployment that does not parse: syntax, unknown keys, invalid values, duplicates."""

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    problems: tuple[Problem, ...]

class DanglingReferenceError(Error):
    """A deployment that refers to a server, client or user it does not hold (strict loading)."""

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    problems: tuple[Problem, ...]

class PluginError(Error):
    """A rule plugin that cannot be loaded for inspection (``load_plugin``); during ``check``,
    plugin failures are PLUGIN findings instead."""

class IoError(Error):
    """A deployment file, or a file it refers to, that cannot be read."""

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    problems: tuple[Problem, ...]

class UriError(Error):
    """A SIP, SIPS or tel URI that does not parse."""

    uri: str
    offset: int
    found: Optional[str]
    expected: str

class AddressError(Error):
    """A sign-in address that is not user@domain: no ``@``, no user, or a domain that is not a
    DNS domain."""

    address: str

class NotFoundError(Error):
    """A client profile, user, node or rule code the deployment or the registry does not hold."""

class CollectError(Error):
    """A source ``collect`` could not read: a text not in the form its importer reads (with
    ``line`` and ``expected``), or a live source that failed (``line`` None); ``kind`` and
    ``origin`` name it. Never carries a password."""

    kind: str
    origin: str
    line: Optional[int]
    expected: Optional[str]

# --- Locations and load problems -------------------------------------------------------------

@final
class Location:
    """Where something was written: file, line and column (1-based)."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Problem:
    """One problem that stopped a deployment from loading."""

    @property
    def kind(self) -> _ProblemKind: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> Optional[str]: ...
    @property
    def location(self) -> Optional[Location]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

# --- The deployment --------------------------------------------------------------------------

@final
class Server:
    """One server of the deployment."""

    @property
    def node_name(self) -> str: ...
    @property
    def hostname(self) -> str: ...
    @property
    def domain(self) -> Optional[str]: ...
    @property
    def addresses(self) -> tuple[str, ...]: ...
    @property
    def roles(self) -> tuple[str, ...]: ...
    @property
    def version(self) -> Optional[str]: ...
    @property
    def location(self) -> Optional[Location]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Client:
    """One client profile of the deployment (CUPC, IP phones, Attendant Console...)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def version(self) -> Optional[str]: ...
    @property
    def dns_suffixes(self) -> tuple[str, ...]: ...
    @property
    def dns_servers(self) -> tuple[str, ...]: ...
    @property
    def addresses(self) -> tuple[str, ...]: ...
    @property
    def on_corporate_network(self) -> bool: ...
    @property
    def location(self) -> Optional[Location]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class User:
    """One end user of the deployment (written inline or a row of the users CSV)."""

    @property
    def cucm_id(self) -> str: ...
    @property
    def ldap_id(self) -> Optional[str]: ...
    @property
    def first_name(self) -> Optional[str]: ...
    @property
    def last_name(self) -> Optional[str]: ...
    @property
    def telephone_number(self) -> Optional[str]: ...
    @property
    def digest_credential(self) -> bool: ...
    @property
    def home_node(self) -> Optional[str]: ...
    @property
    def presence_node(self) -> Optional[str]: ...
    @property
    def desk_phone_control(self) -> bool: ...
    @property
    def clients(self) -> tuple[str, ...]: ...
    @property
    def location(self) -> Optional[Location]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Deployment:
    """A loaded deployment. Immutable: share one between threads freely."""

    @staticmethod
    def load(
        path: Union[str, os.PathLike[str]],
        *,
        format: Optional[Literal["toml", "json", "yaml", "yml"]] = None,
        strict: bool = False,
    ) -> Deployment: ...
    @staticmethod
    def from_toml(
        text: str,
        *,
        name: str = "<string>",
        files: Optional[dict[str, str]] = None,
        strict: bool = False,
    ) -> Deployment: ...
    @staticmethod
    def from_json(
        text: str,
        *,
        name: str = "<string>",
        files: Optional[dict[str, str]] = None,
        strict: bool = False,
    ) -> Deployment: ...
    @staticmethod
    def from_yaml(
        text: str,
        *,
        name: str = "<string>",
        files: Optional[dict[str, str]] = None,
        strict: bool = False,
    ) -> Deployment: ...
    @staticmethod
    def from_dict(
        mapping: object,
        *,
        name: str = "<dict>",
        files: Optional[dict[str, str]] = None,
        strict: bool = False,
    ) -> Deployment: ...
    @property
    def file(self) -> str: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def domain(self) -> Optional[str]: ...
    @property
    def proxy_domain(self) -> Optional[str]: ...
    @property
    def has_dns(self) -> bool: ...
    @property
    def servers(self) -> tuple[Server, ...]: ...
    @property
    def clients(self) -> tuple[Client, ...]: ...
    @property
    def users(self) -> tuple[User, ...]: ...
    @property
    def references(self) -> tuple[Problem, ...]: ...
    def server(self, node_name: str) -> Server: ...
    def user(self, cucm_id: str) -> User: ...
    def client(self, id: str) -> Client: ...

# --- presence address ---------------------------------------------------------------------

@final
class PresenceAddress:
    """The presence address answer: address, registration URI, method, verdict, rule codes and steps."""

    @property
    def node(self) -> str: ...
    @property
    def domain(self) -> Optional[str]: ...
    @property
    def effective_domain(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def uri(self) -> Optional[str]: ...
    @property
    def method(self) -> _Method: ...
    @property
    def verdict(self) -> _Verdict: ...
    @property
    def usable(self) -> bool: ...
    @property
    def codes(self) -> tuple[str, ...]: ...
    @property
    def steps(self) -> tuple[str, ...]: ...
    @property
    def resolved_addresses(self) -> tuple[str, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def presence_address(
    node: str,
    domain: Optional[str] = None,
    user: Optional[str] = None,
    *,
    deployment: Optional[Deployment] = None,
) -> PresenceAddress:
    """Derive the presence address CUPC registers to (docs/derivations/presence-address.md)."""

def presence_addresses(
    pairs: Iterable[_PresenceInput],
    *,
    deployment: Optional[Deployment] = None,
) -> list[PresenceAddress]:
    """The presence address for many (node, domain) or (node, domain, user) tuples, in order, GIL released."""

# --- name resolution ----------------------------------------------------------------------

@final
class Attempt:
    """One query the client makes: the name asked for, where, and what came back."""

    @property
    def query(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def result(self) -> str: ...
    @property
    def status(
        self,
    ) -> Literal[
        "found",
        "not-in-hosts-file",
        "nx-domain",
        "no-data",
        "timeout",
        "refused",
        "failed",
        "invalid-name",
    ]: ...
    @property
    def addresses(self) -> tuple[str, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Resolution:
    """The name resolution answer: the first address found (or none), and every attempt in order."""

    @property
    def name(self) -> str: ...
    @property
    def client(self) -> str: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def resolved(self) -> bool: ...
    @property
    def attempts(self) -> tuple[Attempt, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def resolve(deployment: Deployment, name: str, client: str) -> Resolution:
    """Resolve a name as one client profile does (docs/derivations/name-resolution.md)."""

# --- SIP routing --------------------------------------------------------------------------

@final
class Target:
    """One next hop, in the order the proxy tries them."""

    @property
    def host(self) -> str: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def addresses(self) -> tuple[str, ...]: ...
    @property
    def port(self) -> int: ...
    @property
    def transport(self) -> _Transport: ...
    @property
    def priority(self) -> int: ...
    @property
    def weight(self) -> int: ...
    @property
    def share(self) -> float: ...
    @property
    def origin(self) -> _Origin: ...
    @property
    def origin_name(self) -> Optional[str]: ...
    @property
    def route_index(self) -> Optional[int]: ...
    @property
    def fallback(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Step:
    """One step of the routing trace: what was tried and what it found."""

    @property
    def tried(self) -> str: ...
    @property
    def found(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Routing:
    """The SIP routing answer: the decision, the next hops in order, the trace and the rule codes."""

    @property
    def uri(self) -> str: ...
    @property
    def decision(self) -> _Decision: ...
    @property
    def targets(self) -> tuple[Target, ...]: ...
    @property
    def trace(self) -> tuple[Step, ...]: ...
    @property
    def codes(self) -> tuple[str, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def route(deployment: Deployment, uri: str, seed: Optional[int] = None) -> Routing:
    """Route a request URI as the deployment's SIP proxy would (docs/derivations/sip-routing.md)."""

# --- Jabber and Webex App service discovery -------------------------------------------------

@final
class SrvTarget:
    """One SRV target, in the order the client tries them."""

    @property
    def target(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def priority(self) -> int: ...
    @property
    def weight(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class SrvQuery:
    """One SRV query (``_cisco-uds``, ``_cuplogin``, ``_collab-edge``): the name asked and what came back."""

    @property
    def service(self) -> Literal["_cisco-uds", "_cuplogin", "_collab-edge"]: ...
    @property
    def name(self) -> str: ...
    @property
    def status(self) -> Literal["found", "not-found", "excluded", "no-dns"]: ...
    @property
    def targets(self) -> tuple[SrvTarget, ...]: ...
    @property
    def answer(self) -> Optional[str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Connection:
    """One connection the client makes while signing in, in order."""

    @property
    def purpose(self) -> Literal["home-cluster", "cucm-node", "imp-login", "xmpp", "edge-config", "webex"]: ...
    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def url(self) -> Optional[str]: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def server(self) -> Optional[str]: ...
    @property
    def certificate_names(self) -> tuple[str, ...]: ...
    @property
    def trust(self) -> Literal["unknown", "trusted", "untrusted"]: ...
    @property
    def matched(self) -> Optional[str]: ...
    @property
    def untrusted_reason(self) -> Optional[str]: ...
    @property
    def outcome(self) -> Literal["connects", "prompts", "fails"]: ...
    @property
    def failure(self) -> Optional[str]: ...
    @property
    def why(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Issue:
    """A rule service discovery names, with what it found and what it is about."""

    @property
    def code(self) -> str: ...
    @property
    def subject(self) -> Literal["client", "server", "domain"]: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def message(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class JabberDiscovery:
    """The service discovery answer: the SRV queries, the path, each connection, whether sign-in
    succeeds, what the user sees, and the rules behind a failure."""

    @property
    def client(self) -> str: ...
    @property
    def kind(self) -> _ClientKind: ...
    @property
    def address(self) -> str: ...
    @property
    def place(self) -> Literal["inside", "outside"]: ...
    @property
    def services_domain(self) -> Optional[str]: ...
    @property
    def domain_from(self) -> Optional[Literal["services-domain", "windows-upn", "sign-in"]]: ...
    @property
    def lookup_domain(self) -> Optional[str]: ...
    @property
    def queries(self) -> tuple[SrvQuery, ...]: ...
    @property
    def path(self) -> Literal["on-premises", "im-and-presence", "mra", "manual", "webex"]: ...
    @property
    def connections(self) -> tuple[Connection, ...]: ...
    @property
    def first_connection(self) -> Optional[Connection]: ...
    @property
    def jabber_id(self) -> Optional[str]: ...
    @property
    def signs_in(self) -> bool: ...
    @property
    def prompted(self) -> bool: ...
    @property
    def message(self) -> str: ...
    @property
    def issues(self) -> tuple[Issue, ...]: ...
    @property
    def codes(self) -> tuple[str, ...]: ...
    @property
    def steps(self) -> tuple[str, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def jabber_discovery(deployment: Deployment, client: str, address: str) -> JabberDiscovery:
    """What Jabber or Webex App on one client profile connects to when ``address`` signs in, and why it fails."""

# --- Diagnostics -----------------------------------------------------------------------------

@final
class Fix:
    """One way to fix a finding, with what it costs."""

    @property
    def action(self) -> str: ...
    @property
    def tradeoff(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Subject:
    """What a finding is about: a kind and a name."""

    @property
    def kind(self) -> _SubjectKind: ...
    @property
    def name(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Finding:
    """One finding: code, severity, message, subject, location and fixes."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def subject(self) -> Subject: ...
    @property
    def location(self) -> Optional[Location]: ...
    @property
    def fixes(self) -> tuple[Fix, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Skipped:
    """A rule that stayed silent because the deployment does not give what it needs."""

    @property
    def code(self) -> str: ...
    @property
    def reason(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Summary:
    """Counts of findings by severity."""

    @property
    def error(self) -> int: ...
    @property
    def warning(self) -> int: ...
    @property
    def security(self) -> int: ...
    @property
    def info(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class PluginOutput:
    """What a plugin printed to stdout and stderr while it ran (captured by the sandbox, capped)."""

    @property
    def plugin(self) -> str: ...
    @property
    def stdout(self) -> str: ...
    @property
    def stderr(self) -> str: ...
    @property
    def dropped_bytes(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Report:
    """Everything one check found: findings in a stable order, and the rules that stayed silent."""

    @property
    def findings(self) -> tuple[Finding, ...]: ...
    @property
    def skipped(self) -> tuple[Skipped, ...]: ...
    @property
    def plugin_output(self) -> tuple[PluginOutput, ...]: ...
    @property
    def summary(self) -> Summary: ...
    def fails_at(self, severity: _Severity) -> bool: ...
    def to_json(self) -> str: ...
    def to_sarif(self) -> str: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Finding]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def check(
    deployment: Deployment,
    plugins: Sequence[Union[str, os.PathLike[str], tuple[Union[str, os.PathLike[str]], Mapping[str, str]]]] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Report:
    """Run every rule, then each plugin given and each the deployment lists, like ``uclint check --plugin``.

    A plugin that fails is a PLUGIN finding, kept whenever one of its rules is selected."""

# --- Show Server Health -------------------------------------------------------------------

@final
class ServiceHealth:
    """One line of Show Server Health: a service, its status, and why."""

    @property
    def service(self) -> _ServiceName: ...
    @property
    def label(self) -> str: ...
    @property
    def status(self) -> _Status: ...
    @property
    def codes(self) -> tuple[str, ...]: ...
    @property
    def reason(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Health:
    """Show Server Health for one user on one client: each service in CUPC's order."""

    @property
    def user(self) -> str: ...
    @property
    def client(self) -> str: ...
    @property
    def services(self) -> tuple[ServiceHealth, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@overload
def health(
    deployment: Deployment,
    user: str,
    client: str,
    *,
    report: Optional[Report] = None,
    live: Literal[False] = False,
    dns_server: Optional[str] = None,
    public_dns_server: Optional[str] = None,
    timeout: float = 3.0,
    ca: Union[str, os.PathLike[str], None] = None,
) -> Health:
    """Predict CUPC's Show Server Health for one user on one client (docs/derivations/server-health.md)."""

@overload
def health(
    deployment: Deployment,
    user: str,
    client: str,
    *,
    report: Optional[Report] = None,
    live: Literal[True],
    dns_server: Optional[str] = None,
    public_dns_server: Optional[str] = None,
    timeout: float = 3.0,
    ca: Union[str, os.PathLike[str], None] = None,
) -> LiveHealth:
    """Show Server Health predicted and observed on the real servers, like ``uclint health --live``."""

@final
class LiveService:
    """One service of Show Server Health, predicted and observed."""

    @property
    def service(self) -> _ServiceName: ...
    @property
    def label(self) -> str: ...
    @property
    def predicted(self) -> ServiceHealth: ...
    @property
    def observed(self) -> Literal["ok", "warning", "failing", "not-observed"]: ...
    @property
    def observed_codes(self) -> tuple[str, ...]: ...
    @property
    def observed_reason(self) -> str: ...
    @property
    def agrees(self) -> bool: ...
    @property
    def contradicts(self) -> Optional[Setting]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class LiveHealth:
    """Show Server Health for one user on one client, predicted and observed."""

    @property
    def user(self) -> str: ...
    @property
    def client(self) -> str: ...
    @property
    def services(self) -> tuple[LiveService, ...]: ...
    @property
    def observations(self) -> tuple[Observation, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

# --- Observing the real deployment -------------------------------------------------------

_Probe = Literal["dns", "tls", "sip", "ldap", "imap", "http", "jabber"]
_Outcome = Literal["ok", "failed", "refused", "timeout", "unreachable", "tls-error", "protocol-error"]

@final
class ProbeTarget:
    """Where a probe's question went."""

    @property
    def host(self) -> str: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def port(self) -> Optional[int]: ...
    @property
    def transport(self) -> Optional[Literal["udp", "tcp", "tls", "starttls"]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Evidence:
    """One line of an exchange, secrets replaced by ``********``."""

    @property
    def kind(self) -> Literal["sent", "received", "note"]: ...
    @property
    def text(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Setting:
    """A setting of the deployment file an observation bears on."""

    @property
    def name(self) -> str: ...
    @property
    def says(self) -> str: ...
    @property
    def location(self) -> Optional[Location]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Observation:
    """What one probe saw when it asked one server one question."""

    @property
    def probe(self) -> _Probe: ...
    @property
    def target(self) -> ProbeTarget: ...
    @property
    def subject(self) -> Subject: ...
    @property
    def service(self) -> Optional[_ServiceName]: ...
    @property
    def summary(self) -> str: ...
    @property
    def outcome(self) -> _Outcome: ...
    @property
    def elapsed_ms(self) -> int: ...
    @property
    def codes(self) -> tuple[str, ...]: ...
    @property
    def setting(self) -> Optional[Setting]: ...
    @property
    def evidence(self) -> tuple[Evidence, ...]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class ProbeReport:
    """What one probe run saw, and the findings it raises."""

    @property
    def observations(self) -> tuple[Observation, ...]: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...
    @property
    def summary(self) -> Summary: ...
    def fails_at(self, severity: _Severity) -> bool: ...
    def to_json(self) -> str: ...
    def to_sarif(self) -> str: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Observation]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def probe(
    deployment: Deployment,
    *,
    only: Sequence[_Probe] = (),
    client: Optional[str] = None,
    user: Optional[str] = None,
    dns_server: Optional[str] = None,
    public_dns_server: Optional[str] = None,
    timeout: float = 3.0,
    ca: Union[str, os.PathLike[str], None] = None,
    concurrency: int = 64,
    imap_login: bool = False,
    allow_plaintext_password: bool = False,
) -> ProbeReport:
    """Ask the real servers what the deployment predicts, like ``uclint probe``."""

# --- The rule registry -----------------------------------------------------------------------

@final
class Rule:
    """One rule of the rules (docs/rules), as ``uclint rules`` lists it."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def checks(self) -> str: ...
    @property
    def why(self) -> str: ...
    @property
    def fixes(self) -> tuple[Fix, ...]: ...
    @property
    def service(self) -> Optional[_ServiceName]: ...
    @property
    def page(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def rules() -> list[Rule]:
    """Every rule, in the catalogue's order (as ``uclint rules``)."""

def explain(code: str) -> str:
    """One rule's page in Markdown, the same text as ``uclint explain CODE``."""

# --- Plugins -----------------------------------------------------------------------------------

@final
class PluginRule:
    """One rule a plugin declares."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def page(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Plugin:
    """A plugin loaded in the sandbox: its name, namespace and rules."""

    @property
    def name(self) -> str: ...
    @property
    def namespace(self) -> str: ...
    @property
    def contract(self) -> str: ...
    @property
    def rules(self) -> tuple[PluginRule, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def load_plugin(path: Union[str, os.PathLike[str]]) -> Plugin:
    """Load a plugin in the sandbox and describe it, like ``uclint plugin info``."""

# --- Collecting the deployment file ----------------------------------------------------------

@final
class Collected:
    """What one source said: its servers, users, DNS records, client profiles, and where it came
    from. Pass a list of them to ``collect``."""

    @property
    def kind(self) -> Literal["ipconfig", "resolv", "scutil", "hosts", "ldif", "bat", "ldap", "axfr", "axl"]: ...
    @property
    def origin(self) -> str: ...
    @property
    def domain(self) -> Optional[str]: ...
    @property
    def servers(self) -> tuple[Server, ...]: ...
    @property
    def users(self) -> tuple[User, ...]: ...
    @property
    def clients(self) -> tuple[Client, ...]: ...
    @property
    def records(self) -> list[tuple[str, str, str]]: ...
    def to_toml(self) -> str: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def import_ipconfig(text: str, *, client: str, kind: _ClientKind = "cupc", origin: str = "<string>") -> Collected:
    """A Windows client's ``ipconfig /all`` (English) as the client profile ``client``."""

def import_resolv(text: str, *, client: str, kind: _ClientKind = "cupc", origin: str = "<string>") -> Collected:
    """A Unix client's ``/etc/resolv.conf`` as the client profile ``client``."""

def import_scutil(text: str, *, client: str, kind: _ClientKind = "cupc", origin: str = "<string>") -> Collected:
    """A Mac's ``scutil --dns`` as the client profile ``client``."""

def import_hosts(text: str, *, client: str, kind: _ClientKind = "cupc", origin: str = "<string>") -> Collected:
    """A hosts file as the hosts lines of the client profile ``client``."""

def import_ldif(text: str, *, origin: str = "<string>") -> Collected:
    """Users from an LDIF export of the directory."""

def import_bat(text: str, *, origin: str = "<string>") -> Collected:
    """Users from a CUCM Bulk Administration Tool user export (CSV)."""

def collect_ldap(
    url: str,
    base: str,
    *,
    bind: Optional[str] = None,
    filter: Optional[str] = None,
    starttls: bool = False,
    timeout: float = 10.0,
    ca: Union[str, os.PathLike[str], None] = None,
    allow_plaintext_password: bool = False,
) -> Collected:
    """Users from the directory by paged search (password from ``UCLINT_LDAP_PASSWORD``)."""

def collect_axfr(zone: str, server: str, *, timeout: float = 10.0) -> Collected:
    """The records of ``zone`` from ``server`` (``IP:PORT``) by zone transfer."""

def collect_axl(
    url: str,
    user: str,
    *,
    presence: Optional[str] = None,
    timeout: float = 30.0,
    ca: Union[str, os.PathLike[str], None] = None,
) -> Collected:
    """CUCM (and IM&P) through AXL (password from ``UCLINT_AXL_PASSWORD``)."""

def collect(
    sources: Sequence[Collected],
    *,
    out: Union[str, os.PathLike[str], None] = None,
    into: Union[str, os.PathLike[str], None] = None,
    force: bool = False,
) -> Deployment:
    """Write (or merge into ``into``) the deployment file the sources describe, like ``uclint collect``."""

# --- What changed ----------------------------------------------------------------------------

@final
class Change:
    """One item added, removed or changed between two deployments."""

    @property
    def section(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> Literal["added", "removed", "changed"]: ...
    @property
    def fields(self) -> tuple[tuple[str, Any, Any], ...]: ...
    @property
    def item(self) -> Optional[Any]: ...

@final
class Diff:
    """Everything that differs between an old and a new deployment, like ``uclint diff``."""

    @property
    def changes(self) -> tuple[Change, ...]: ...
    @property
    def appeared(self) -> tuple[Finding, ...]: ...
    @property
    def disappeared(self) -> tuple[Finding, ...]: ...
    @property
    def new_errors(self) -> int: ...
    def to_json(self) -> str: ...
    def to_text(self) -> str: ...
    def __bool__(self) -> bool: ...

def diff(old: Deployment, new: Deployment) -> Diff:
    """What changed between ``old`` and ``new`` and which findings came and went."""

# --- The command line ------------------------------------------------------------------------

def run_cli(argv: Sequence[str]) -> int:
    """Run the ``uclint`` command line with ``argv`` (the program name first) in this process and
    give its exit status; it writes to the process's stdout and stderr, not ``sys.stdout``. The
    wheel's ``uclint`` command (``uclint._cli``)."""
