"""uclint: what a Cisco Unified Presence (CUPS/CUPC) or SIP deployment will really do.

The same answers as the ``uclint`` command line, for administrators' scripts: the presence
address CUPC registers to (docs/derivations/presence-address.md), what a client resolves, where the SIP proxy routes a
request, Show Server Health and every diagnostic rule (docs/rules).

>>> import uclint
>>> uclint.presence_address("cup1", "cisco.com").address
'cup1.cisco.com'

Every result is immutable and compares by value. A ``Deployment`` is immutable too: share one
between threads freely. Loading, ``check``, ``health`` and ``presence_addresses`` release the GIL
while the Rust core works.
"""

from ._uclint import (
    PROXY_DOMAIN_NOT_SET as PROXY_DOMAIN_NOT_SET,
    Attempt as Attempt,
    Client as Client,
    DanglingReferenceError as DanglingReferenceError,
    Deployment as Deployment,
    Error as Error,
    Finding as Finding,
    Fix as Fix,
    Health as Health,
    IoError as IoError,
    Location as Location,
    NotFoundError as NotFoundError,
    ParseError as ParseError,
    Plugin as Plugin,
    PluginError as PluginError,
    PluginOutput as PluginOutput,
    PluginRule as PluginRule,
    PresenceAddress as PresenceAddress,
    Problem as Problem,
    Report as Report,
    Resolution as Resolution,
    Routing as Routing,
    Rule as Rule,
    Server as Server,
    ServiceHealth as ServiceHealth,
    Skipped as Skipped,
    Step as Step,
    Subject as Subject,
    Summary as Summary,
    Target as Target,
    UriError as UriError,
    User as User,
    __version__ as __version__,
    check as check,
    explain as explain,
    health as health,
    load_plugin as load_plugin,
    presence_address as presence_address,
    presence_addresses as presence_addresses,
    resolve as resolve,
    route as route,
    rules as rules,
)

__all__ = [
    "PROXY_DOMAIN_NOT_SET",
    "Attempt",
    "Client",
    "DanglingReferenceError",
    "Deployment",
    "Error",
    "Finding",
    "Fix",
    "Health",
    "IoError",
    "Location",
    "NotFoundError",
    "ParseError",
    "Plugin",
    "PluginError",
    "PluginOutput",
    "PluginRule",
    "PresenceAddress",
    "Problem",
    "Report",
    "Resolution",
    "Routing",
    "Rule",
    "Server",
    "ServiceHealth",
    "Skipped",
    "Step",
    "Subject",
    "Summary",
    "Target",
    "UriError",
    "User",
    "__version__",
    "check",
    "explain",
    "health",
    "load_plugin",
    "presence_address",
    "presence_addresses",
    "resolve",
    "route",
    "rules",
]
