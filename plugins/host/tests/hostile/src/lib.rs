//! Hostile uclint plugins, for the host's sandbox tests. One cargo feature, one behaviour; each
//! build is one component (`plugins/build.sh` writes `target/plugins/hostile-<feature>.wasm`).
//! Every variant uses the namespace `X-HOSTILE` and declares the rule `X-HOSTILE-OK`.
//!
//! | feature | what `check` does (config keys in brackets) |
//! |---|---|
//! | `infinite-loop` | loops forever |
//! | `memory-bomb` | allocates 16 MiB chunks until allocation fails (a trap) |
//! | `trap` | panics as an SDK plugin does (silent panic hook, so the trap is `unreachable`); [`how` = `noisy-panic`: std's default hook, which first calls `wasi:cli/environment` (refused); `abort`; `unreachable`] |
//! | `output-flood` | returns 40,000 valid `X-HOSTILE-OK` findings with a 1 KiB message each: 40 MiB of text, over the default output cap (32 MiB) while costing about 47 MiB of guest memory and 70 million fuel [`findings` = N, `message-bytes` = N]; with [`message-mb` = N] one finding whose message is N MiB instead. Each finding costs about 175 bytes of guest memory and 1,700 fuel besides its message |
//! | `impersonate` | declares the built-in `PRS001` beside `X-HOSTILE-OK`, emits both |
//! | `foreign-code` | emits `X-ACME-NAME1` (another vendor's, never declared) and a valid `X-HOSTILE-OK` |
//! | `unknown-severity` | emits `X-HOSTILE-OK` with severity `critical` and a valid `X-HOSTILE-OK` |
//! | `control-chars` | rule title, summary, docs, fixes, finding message, subject name and fixes full of ANSI escapes, BEL, NUL, every other C0/C1 control and DEL (and U+202E); the subject kind stays `server` |
//! | `wasi-escape` | tries files, directories, environment, arguments, clocks, randomness, stdout, stderr, a loopback socket, exit; [`attempt` = `file`, `dir`, `env`, `args`, `clock`, `instant`, `random`, `stdout`, `stderr`, `net`, `exit` or `all` (default, in that order)]; one finding per attempt that returns, saying what it got |
//! | `well-behaved` | one `X-HOSTILE-OK` finding about the deployment (it reads servers, clients and users, and calls the derivations); [`echo` = text] is repeated in the message |
//! | `future-version` | the well-behaved plugin built against `wit-future/` (`uclint:rule@0.2.0`): a host that knows only 0.1.0 must refuse it |
//!
//! Natively (no `wasm32` target) the crate is empty.

#[cfg(target_arch = "wasm32")]
mod plugin;
