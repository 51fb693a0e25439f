//! The command line: every subcommand, option and its help.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use uclint_core::catalogue::{Code, RuleId, Severity};
use uclint_core::model::Format;

/// What a Cisco Unified Presence (CUPS/CUPC) or SIP deployment will really do, and why it fails.
#[derive(Debug, Parser)]
#[command(name = "uclint", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Output for people (`text`), for scripts (`json`) or, with `check`, for code scanning (`sarif`).
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Read deployments as this format instead of guessing from the extension.
    #[arg(long, global = true, value_parser = parse_input_format)]
    pub input_format: Option<Format>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned text, coloured on a terminal.
    Text,
    /// One JSON object.
    Json,
    /// SARIF 2.1.0, for code-scanning tools (`check` only).
    Sarif,
}

fn parse_input_format(text: &str) -> Result<Format, String> {
    text.parse()
        .map_err(|e: uclint_core::model::UnknownFormat| e.to_string())
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a deployment against every rule: what will fail, where, and how to fix it.
    Check(CheckArgs),
    /// Predict CUPC's Help > Show Server Health for one user on one client.
    Health(HealthArgs),
    /// List every rule.
    Rules,
    /// Write a synthetic deployment of any size (for benchmarks and demos).
    Generate(GenerateArgs),
    /// Print one rule's page: what it checks, why, and its fixes.
    Explain(ExplainArgs),
    /// What every client will do in a deployment: presence addresses, implicit names, resolution.
    Overview(OverviewArgs),
    /// Resolve a name as a given client does: hosts file, DNS suffixes, then DNS.
    Resolve(ResolveArgs),
    /// Where the SIP proxy sends a request URI, and why: local, static route, DNS or nowhere.
    Route(RouteArgs),
    /// Derive one answer (presence address, directory URL, recipes).
    #[command(subcommand)]
    Derive(Derive),
    /// Inspect third-party rule plugins, or start one.
    #[command(subcommand)]
    Plugin(PluginCommand),
    /// Ask the real servers what the deployment predicts: DNS as each client sees it, TLS
    /// certificates, SIP, LDAP, IMAP, HTTP/WebDAV, Jabber service discovery. Contacts only the
    /// hosts the deployment names, the DNS servers given, and the targets of Jabber's discovery
    /// records.
    /// Passwords come from UCLINT_LDAP_PASSWORD, UCLINT_USER_PASSWORD and
    /// UCLINT_CALENDAR_PASSWORD, or a prompt without echo; never from the command line.
    Probe(ProbeArgs),
    /// What changed between two deployment files (servers, users, routes, DNS, clients...) and
    /// which findings appeared or went away. Exit status 1 when new findings at or above
    /// --fail-on appeared: a nightly job can collect, diff and alert on drift.
    Diff(DiffArgs),
    /// Write the deployment file from the real sources instead of by hand: files people have
    /// (`ipconfig /all`, resolv.conf, `scutil --dns`, hosts, LDIF, BAT exports) and live servers
    /// (LDAP by paged search, the zone by AXFR, CUCM and IM&P through AXL). With --into, merge
    /// into an existing file keeping its comments and hand-written sections. Passwords come from
    /// UCLINT_LDAP_PASSWORD and UCLINT_AXL_PASSWORD, or a prompt; none is ever written.
    Collect(CollectArgs),
    /// Print the shell completion script for bash, zsh, fish, elvish or PowerShell.
    ///
    /// bash: `uclint completions bash > ~/.local/share/bash-completion/completions/uclint`;
    /// zsh: `uclint completions zsh > ~/.zfunc/_uclint` (with `fpath+=~/.zfunc` before
    /// `compinit`); fish: `uclint completions fish > ~/.config/fish/completions/uclint.fish`;
    /// PowerShell: `uclint completions powershell | Out-String | Invoke-Expression` in $PROFILE.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write a page per subcommand with --out.
    ///
    /// `uclint man | man -l -` reads it; `uclint man --out /usr/local/share/man/man1` installs
    /// uclint.1, uclint-check.1 and the others.
    Man(ManArgs),
    /// Print the JSON Schema of the deployment file, for editors and scripts.
    ///
    /// One schema for TOML, JSON and YAML, derived from the types uclint loads a deployment into.
    /// Taplo (Even Better TOML), the YAML language server and VS Code read it as you type.
    Schema(SchemaArgs),
}

/// `uclint completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `uclint man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write uclint.1 and one page per subcommand (uclint-check.1, ...) into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `uclint collect`.
#[derive(Debug, Args)]
#[command(
    after_help = "SOURCES (--from, repeatable, read in order; a later source's field wins):
  ldap=ldap://HOST[:PORT],base=DN[,bind=DN][,filter=FILTER][,starttls]   users by paged search
  axfr=ZONE@IP[:PORT]                                  the zone's records by zone transfer
  axl=https://HOST:8443[,user=NAME][,presence=https://IMP:8443]   nodes, users, SIP proxy, LDAP
  ipconfig=FILE,client=ID[,kind=cupc]                  a Windows client's `ipconfig /all`
  resolv=FILE,client=ID[,kind=cupc]                    a Unix client's /etc/resolv.conf
  scutil=FILE,client=ID[,kind=cupc]                    a Mac's `scutil --dns`
  hosts=FILE,client=ID                                 a client's hosts file
  ldif=FILE                                            users from a directory export
  bat=FILE                                             users from a CUCM BAT export (CSV)

EXAMPLE:
  uclint collect --out acme.toml --from axl=https://ccm-1:8443,user=axladmin \\
    --from ldap=ldaps://dc-1,base=dc=acme,dc=com,bind=cn=cupc,dc=acme,dc=com \\
    --from axfr=acme.com@10.0.0.53 --from ipconfig=vpn-laptop.txt,client=vpn"
)]
pub struct CollectArgs {
    /// Write the deployment file here (TOML). Without it, the --into file is updated in place.
    #[arg(long, value_name = "FILE.toml")]
    pub out: Option<PathBuf>,
    /// A source to read (see SOURCES below).
    #[arg(long = "from", value_name = "KIND=VALUE[,KEY=VALUE]", required = true, value_parser = parse_source)]
    pub from: Vec<crate::source_spec::Spec>,
    /// Merge into this deployment file: items are matched by name and only the fields a source
    /// knows are set; comments and hand-written sections stay.
    #[arg(long, value_name = "EXISTING.toml")]
    pub into: Option<PathBuf>,
    /// Replace --out if it exists (and is not the --into file).
    #[arg(long)]
    pub force: bool,
    /// The longest wait for any one step of a live source (connect, handshake, answer), in seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECS", value_parser = parse_timeout)]
    pub timeout: f64,
    /// Trust this CA bundle (PEM) for LDAPS, StartTLS and AXL instead of the system's roots.
    #[arg(long, value_name = "FILE.pem")]
    pub ca: Option<PathBuf>,
    /// Let an LDAP bind send its password over a connection that is not encrypted.
    #[arg(long)]
    pub allow_plaintext_password: bool,
}

fn parse_source(text: &str) -> Result<crate::source_spec::Spec, String> {
    text.parse()
}

/// `uclint diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The deployment before (TOML, JSON or YAML).
    pub old: PathBuf,
    /// The deployment after.
    pub new: PathBuf,
    /// Exit with status 1 when a finding at or above this severity appeared.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// How the deployments' own plugins are sandboxed.
    #[command(flatten)]
    pub sandbox: SandboxArgs,
}

/// `uclint schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schema to this file instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `uclint probe`.
#[derive(Debug, Args)]
pub struct ProbeArgs {
    /// The deployment file (TOML, JSON or YAML): the servers to ask, and what they should say.
    pub deployment: PathBuf,
    /// Only these probes (comma-separated or repeated): dns, tls, sip, ldap, imap, http, jabber.
    #[arg(long, value_delimiter = ',', value_parser = parse_probe)]
    pub only: Vec<uclint_probe::Probe>,
    /// Take this client profile's view (its DNS suffixes and hosts file); every profile when absent.
    #[arg(long)]
    pub client: Option<String>,
    /// Probe as this user (CUCM id): the names its client uses, a REGISTER for its address,
    /// their directory entry, and one LDAP bind as them (password from UCLINT_USER_PASSWORD).
    #[arg(long)]
    pub user: Option<String>,
    /// Ask this DNS server instead of the system's resolvers. The jabber probe asks it for the
    /// profiles on the corporate network; without it, each asks the first of its own
    /// `dns_servers`, else the system's resolvers.
    #[arg(long, value_name = "IP:PORT")]
    pub dns_server: Option<std::net::SocketAddr>,
    /// The public DNS server the jabber probe asks for the profiles outside the corporate network
    /// (`on_corporate_network = false`). Without it, each asks the first of its own `dns_servers`;
    /// one that lists none is not probed (this machine's resolvers would answer as inside).
    #[arg(long, value_name = "IP:PORT")]
    pub public_dns_server: Option<std::net::SocketAddr>,
    /// The longest wait for any one step (connect, handshake, answer), in seconds.
    #[arg(long, default_value_t = 3.0, value_name = "SECS", value_parser = parse_timeout)]
    pub timeout: f64,
    /// Trust this CA bundle (PEM) for TLS instead of the system's roots.
    #[arg(long, value_name = "FILE.pem")]
    pub ca: Option<PathBuf>,
    /// The most probes in flight at once.
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub concurrency: usize,
    /// Log in to IMAP as --user with the user's password (from UCLINT_USER_PASSWORD, or asked
    /// for without echo): voicemail's real test. Never without this flag.
    #[arg(long, requires = "user")]
    pub imap_login: bool,
    /// Send a password over a connection that is not encrypted (the field notes' `telnet
    /// SERVER 143` test needs it; so does an LDAP bind when `ldap.tls` is false). Without it,
    /// such a login is not tried, and the probe says so.
    #[arg(long)]
    pub allow_plaintext_password: bool,
    /// Exit with status 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Also show each exchange, line by line (secrets redacted).
    #[arg(short, long)]
    pub verbose: bool,
}

fn parse_probe(text: &str) -> Result<uclint_probe::Probe, String> {
    text.parse()
}

fn parse_timeout(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= 3600.0 => Ok(secs),
        _ => Err(format!("`{text}` is not a number of seconds between 0 and 3600")),
    }
}

/// `uclint check`.
#[derive(Debug, Args)]
#[command(after_help = "MANY DEPLOYMENTS:
  uclint check a.toml b.yaml sites/      checks each (a folder: its .toml, .json, .yaml and .yml
                                         files) on every core, one report with a section each;
                                         exit status the worst of them, 2 if one did not load

LARGE REPORTS:
  uclint check big.toml --statistics     one line per rule: count, severity, code, title
  uclint check big.toml --show-all       every finding about users, not the first 5 per rule")]
pub struct CheckArgs {
    /// The deployment files (TOML, JSON or YAML), or folders of them.
    #[arg(required = true, value_name = "DEPLOYMENT")]
    pub deployments: Vec<PathBuf>,
    /// Check this many deployments at once (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Print one line per rule instead of each finding: count, severity, code and title (text
    /// and JSON; SARIF always lists every finding).
    #[arg(long)]
    pub statistics: bool,
    /// Print every finding about users; text shows the first 5 of each rule and counts the rest.
    #[arg(long)]
    pub show_all: bool,
    /// Exit with status 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Only these rule codes (comma-separated or repeated; plugin codes `X-VENDOR-...` too).
    #[arg(long, value_delimiter = ',', value_parser = parse_rule_code)]
    pub select: Vec<RuleId>,
    /// Never these rule codes (comma-separated or repeated; plugin codes `X-VENDOR-...` too).
    #[arg(long, value_delimiter = ',', value_parser = parse_rule_code)]
    pub ignore: Vec<RuleId>,
    /// Also say which rules stayed silent for lack of data.
    #[arg(short, long)]
    pub verbose: bool,
    /// Run this rule plugin (`.wasm` component) too; repeatable. Plugins the deployment lists
    /// under `plugins` run as well.
    #[arg(long = "plugin", value_name = "FILE.wasm")]
    pub plugins: Vec<PathBuf>,
    /// How plugins are sandboxed.
    #[command(flatten)]
    pub sandbox: SandboxArgs,
}

fn parse_rule_code(text: &str) -> Result<RuleId, String> {
    text.parse()
        .map_err(|e: uclint_core::catalogue::UnknownCode| e.to_string())
}

/// The limits plugins run under.
#[derive(Debug, Clone, Args)]
pub struct SandboxArgs {
    /// CPU budget per plugin call, in fuel units (about one per WebAssembly instruction).
    #[arg(long, value_name = "UNITS")]
    pub plugin_fuel: Option<u64>,
    /// Memory a plugin instance may use, in MiB.
    #[arg(long, value_name = "MIB")]
    pub plugin_memory_mib: Option<usize>,
    /// Compile plugins every run instead of caching compiled code (in $XDG_CACHE_HOME/uclint).
    #[arg(long)]
    pub no_plugin_cache: bool,
}

/// The `--fail-on` threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A feature will fail.
    Error,
    /// Errors and warnings.
    Warning,
    /// Errors, warnings and weakened security.
    Security,
    /// Any finding.
    Info,
}

impl FailOn {
    /// The least severity that fails the run.
    pub fn severity(self) -> Severity {
        match self {
            Self::Error => Severity::Error,
            Self::Warning => Severity::Warning,
            Self::Security => Severity::Security,
            Self::Info => Severity::Info,
        }
    }
}

fn parse_code(text: &str) -> Result<Code, String> {
    text.trim()
        .parse()
        .map_err(|e: uclint_core::catalogue::UnknownCode| e.to_string())
}

/// `uclint health`.
#[derive(Debug, Args)]
pub struct HealthArgs {
    /// The user's CUCM id.
    #[arg(long)]
    pub user: String,
    /// The client profile the user logs in from.
    #[arg(long)]
    pub client: String,
    /// The deployment file.
    #[arg(short = 'c', long = "config", value_name = "DEPLOYMENT")]
    pub deployment: PathBuf,
    /// Also ask the real servers, as this user on this client, and show each service predicted
    /// and observed side by side.
    #[arg(long)]
    pub live: bool,
    /// With --live: ask this DNS server instead of the system's resolvers.
    #[arg(long, value_name = "IP:PORT", requires = "live")]
    pub dns_server: Option<std::net::SocketAddr>,
    /// With --live, for a Jabber or Webex App profile outside the corporate network: the public
    /// DNS server it asks (else the first of its `dns_servers`).
    #[arg(long, value_name = "IP:PORT", requires = "live")]
    pub public_dns_server: Option<std::net::SocketAddr>,
    /// With --live: the longest wait for any one step, in seconds.
    #[arg(long, default_value_t = 3.0, value_name = "SECS", value_parser = parse_timeout, requires = "live")]
    pub timeout: f64,
    /// With --live: trust this CA bundle (PEM) for TLS instead of the system's roots.
    #[arg(long, value_name = "FILE.pem", requires = "live")]
    pub ca: Option<PathBuf>,
}

/// `uclint generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The folder to write `deployment.toml` and `users.csv` into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Users.
    #[arg(long, default_value_t = 1_000)]
    pub users: usize,
    /// CUPS nodes.
    #[arg(long, default_value_t = 4)]
    pub nodes: usize,
    /// Client profiles.
    #[arg(long, default_value_t = 8)]
    pub clients: usize,
    /// Static routes.
    #[arg(long, default_value_t = 20)]
    pub routes: usize,
    /// Seed: the same seed writes the same deployment.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// `uclint plugin ...`.
#[derive(Debug, Subcommand)]
pub enum PluginCommand {
    /// Load a plugin in the sandbox and list its rules.
    Info(PluginInfoArgs),
    /// Start a plugin: a crate with one rule, its native tests and a build script.
    ///
    /// As written it tests (`cargo test`), builds the component (`./build.sh`) and loads
    /// (`uclint plugin info`). The SDK is not on crates.io: Cargo.toml names it by its path.
    New(PluginNewArgs),
}

/// `uclint plugin info`.
#[derive(Debug, Args)]
pub struct PluginInfoArgs {
    /// The plugin (`.wasm` component).
    pub file: PathBuf,
    /// How plugins are sandboxed.
    #[command(flatten)]
    pub sandbox: SandboxArgs,
}

/// `uclint plugin new`.
#[derive(Debug, Args)]
pub struct PluginNewArgs {
    /// The crate's name, and its folder's: lower-case letters, digits, `-` and `_`, starting
    /// with a letter.
    pub name: String,
    /// The plugin's namespace, `X-<VENDOR>`; every rule code starts with it (`X-ACME-BARE1`).
    #[arg(long, value_name = "X-VENDOR")]
    pub namespace: String,
    /// Where to create the crate's folder.
    #[arg(long, value_name = "PARENT", default_value = ".")]
    pub dir: PathBuf,
    /// The uclint plugin SDK, a uclint checkout's `plugins/sdk` (default: the one this uclint
    /// was built from, when it is still there).
    #[arg(long, value_name = "PATH")]
    pub sdk: Option<PathBuf>,
}

/// `uclint route`.
#[derive(Debug, Args)]
pub struct RouteArgs {
    /// The request URI (`sip:`, `sips:` or `tel:`).
    pub uri: String,
    /// The deployment file.
    #[arg(short = 'c', long = "config", value_name = "DEPLOYMENT")]
    pub deployment: PathBuf,
    /// Ask real DNS (the system's resolvers) instead of the deployment's DNS data.
    #[arg(long)]
    pub live_dns: bool,
    /// Ask this DNS server (implies --live-dns).
    #[arg(long, value_name = "IP:PORT")]
    pub dns_server: Option<std::net::SocketAddr>,
    /// How long to wait for each DNS answer, in milliseconds.
    #[arg(long, default_value_t = 2_000, value_name = "MS")]
    pub dns_timeout_ms: u64,
    /// Draw one concrete weighted order among next hops of equal priority (RFC 2782), reproducibly.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// `uclint explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule code, e.g. `AUTH001`.
    #[arg(value_parser = parse_code)]
    pub code: Code,
}

/// `uclint overview`.
#[derive(Debug, Args)]
pub struct OverviewArgs {
    /// The deployment file (TOML, JSON or YAML).
    pub deployment: PathBuf,
}

/// `uclint resolve`.
#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The name to resolve, as the client would use it (`cups-1`, `cups-1.acme.com`).
    pub name: String,
    /// The client profile (its id in the deployment).
    #[arg(long)]
    pub client: String,
    /// The deployment file.
    #[arg(short = 'c', long = "config", value_name = "DEPLOYMENT")]
    pub deployment: PathBuf,
}

/// `uclint derive ...`.
#[derive(Debug, Subcommand)]
pub enum Derive {
    /// The presence address: the presence address CUPC registers to, from the node name and the proxy domain.
    PresenceAddress(PresenceArgs),
    /// The implicit names: the Directory URL an IP phone opens (it uses the CUCM node name).
    DirectoryUrl(DirectoryUrlArgs),
    /// The implicit names: every name a client will resolve without being told (directory, JTAPI, home node).
    ImplicitNames(ImplicitNamesArgs),
    /// The Wireshark recipe: how to decrypt HTTPS to a server in Wireshark.
    Wireshark(WiresharkArgs),
    /// The IMAP test: an IMAP session to test voicemail login by hand.
    ImapTest(ImapTestArgs),
    /// Jabber discovery (D8): what Jabber or Webex App connects to when a user signs in, and why it fails.
    Jabber(JabberArgs),
}

/// `uclint derive jabber`.
#[derive(Debug, Args)]
pub struct JabberArgs {
    /// The Jabber or Webex App client profile (its kind, settings, and inside or outside).
    #[arg(long)]
    pub client: String,
    /// The sign-in address, user@domain.
    #[arg(long)]
    pub address: String,
    /// The deployment file.
    #[arg(short = 'c', long = "config", value_name = "DEPLOYMENT")]
    pub deployment: PathBuf,
}

/// `uclint derive presence-address`.
#[derive(Debug, Args)]
pub struct PresenceArgs {
    /// Presence.Primary.Address: the presence node's node name.
    #[arg(long)]
    pub node: String,
    /// Presence.Domain: the SIP Proxy Domain; omit when it is not set.
    #[arg(long)]
    pub domain: Option<String>,
    /// A user id, to show the registration URI.
    #[arg(long)]
    pub user: Option<String>,
    /// A deployment whose DNS data decides whether the address resolves.
    #[arg(short = 'c', long = "config", value_name = "DEPLOYMENT")]
    pub deployment: Option<PathBuf>,
}

/// `uclint derive directory-url`.
#[derive(Debug, Args)]
pub struct DirectoryUrlArgs {
    /// The CUCM node name.
    #[arg(long)]
    pub node: String,
}

/// `uclint derive implicit-names`.
#[derive(Debug, Args)]
pub struct ImplicitNamesArgs {
    /// The client profile.
    #[arg(long)]
    pub client: String,
    /// Only the names this user's client uses (adds the CUPC home node).
    #[arg(long)]
    pub user: Option<String>,
    /// The deployment file.
    #[arg(short = 'c', long = "config", value_name = "DEPLOYMENT")]
    pub deployment: PathBuf,
}

/// `uclint derive wireshark`.
#[derive(Debug, Args)]
pub struct WiresharkArgs {
    /// The server's IP address (e.g. the Exchange server CUPS talks HTTPS to).
    #[arg(long)]
    pub server_ip: IpAddr,
    /// The TLS port.
    #[arg(long, default_value_t = 443)]
    pub port: u16,
    /// The protocol Wireshark should decode the decrypted data as.
    #[arg(long, default_value = "http")]
    pub protocol: String,
    /// Where the extracted private key file will be.
    #[arg(long, default_value = "C:\\privateKey.pem")]
    pub key_file: String,
    /// The exported certificate's name, without `.pfx`.
    #[arg(long)]
    pub pfx: String,
    /// The negotiated cipher suite, if known (forward-secret suites need a key log instead).
    #[arg(long)]
    pub cipher_suite: Option<String>,
}

/// `uclint derive imap-test`.
#[derive(Debug, Args)]
pub struct ImapTestArgs {
    /// The IMAP server (Exchange mailbox server or Unity Connection).
    #[arg(long)]
    pub server: String,
    /// The mail store: `2003`, `2007` (Exchange versions) or `unity-connection`.
    #[arg(long)]
    pub store: String,
    /// The user to log in as.
    #[arg(long)]
    pub user: String,
}
