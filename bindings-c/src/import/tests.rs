use std::ffi::{CStr, c_char};
use std::ptr::{NonNull, null, null_mut};

use super::*;
use crate::{uclint_last_error, uclint_string_free};

/// What one call of `uclint_import` answered.
#[derive(Debug)]
struct Answer {
    status: UclintStatus,
    json: Option<String>,
    line: usize,
    message: Option<String>,
}

/// The sample `name` of core's import tests.
fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../core/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Call `uclint_import` with out pointers that hold garbage first, so that a call which forgets
/// to set them shows.
fn import_with(
    kind: UclintImportKind,
    bytes: *const c_void,
    len: usize,
    origin: *const c_char,
    client_id: *const c_char,
    client_kind: UclintClientKind,
) -> Answer {
    let mut json: *mut c_char = NonNull::dangling().as_ptr();
    let mut line = 99;
    // SAFETY: the tests pass NULL or live buffers and strings; the outs are local.
    let status = unsafe { uclint_import(kind, bytes, len, origin, client_id, client_kind, &mut json, &mut line) };
    let message = last_error();
    if status != UclintStatus::Ok {
        assert!(json.is_null() && line != 99, "the outs are reset on failure");
    }
    let json = (status == UclintStatus::Ok).then(|| {
        // SAFETY: on success `json` is a string of the library's, freed right after copying.
        let text = unsafe { CStr::from_ptr(json) }.to_str().unwrap().to_owned();
        // SAFETY: as above.
        unsafe { uclint_string_free(json) };
        text
    });
    Answer {
        status,
        json,
        line,
        message,
    }
}

/// Import `bytes` as `kind` from "sample.txt" for the client profile "hq-pc" (a CUPC).
fn import(kind: UclintImportKind, bytes: &[u8]) -> Answer {
    import_with(
        kind,
        bytes.as_ptr().cast(),
        bytes.len(),
        c"sample.txt".as_ptr(),
        c"hq-pc".as_ptr(),
        UCLINT_CLIENT_KIND_CUPC,
    )
}

fn last_error() -> Option<String> {
    let ptr = uclint_last_error();
    // SAFETY: a non-null last error is a live NUL-terminated string.
    (!ptr.is_null()).then(|| unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned())
}

#[test]
fn ipconfig_gives_the_core_s_collected_as_json() {
    let bytes = fixture("ipconfig-win10.txt");
    let answer = import(UCLINT_IMPORT_IPCONFIG, &bytes);
    assert_eq!(answer.status, UclintStatus::Ok, "{:?}", answer.message);
    assert_eq!(answer.line, 0);
    let text = String::from_utf8(bytes).unwrap();
    let core = import::ipconfig(&text, "sample.txt", "hq-pc", ClientKind::Cupc).unwrap();
    assert_eq!(answer.json.unwrap(), serde_json::to_string_pretty(&core).unwrap());
}

#[test]
fn utf16_text_is_decoded_first() {
    let utf8 = fixture("ipconfig-win10.txt");
    let text = String::from_utf8(utf8.clone()).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let from_utf16 = import(UCLINT_IMPORT_IPCONFIG, &utf16);
    assert_eq!(from_utf16.status, UclintStatus::Ok, "{:?}", from_utf16.message);
    assert_eq!(from_utf16.json, import(UCLINT_IMPORT_IPCONFIG, &utf8).json);
}

#[test]
fn each_kind_reaches_its_importer() {
    for (kind, file, source, section) in [
        (
            UCLINT_IMPORT_RESOLV,
            "resolv-systemd-resolved.conf",
            "resolv",
            "clients",
        ),
        (UCLINT_IMPORT_SCUTIL, "scutil-dns-macos.txt", "scutil", "clients"),
        (UCLINT_IMPORT_HOSTS, "hosts-windows.txt", "hosts", "clients"),
        (UCLINT_IMPORT_LDIF, "openldap-slapcat.ldif", "ldif", "users"),
        (UCLINT_IMPORT_BAT, "bat-export-users.csv", "bat", "users"),
    ] {
        let answer = import(kind, &fixture(file));
        assert_eq!(answer.status, UclintStatus::Ok, "{file}: {:?}", answer.message);
        let value: serde_json::Value = serde_json::from_str(&answer.json.unwrap()).unwrap();
        assert_eq!(value["source"]["kind"], source, "{file}");
        assert_eq!(value["source"]["origin"], "sample.txt", "{file}");
        let items = value[section].as_array().map_or(0, Vec::len);
        assert!(items > 0, "{file}: no {section} in {value}");
    }
}

#[test]
fn users_need_no_client_and_client_kinds_reach_the_profile() {
    let bytes = fixture("bat-export-users.csv");
    let answer = import_with(
        UCLINT_IMPORT_BAT,
        bytes.as_ptr().cast(),
        bytes.len(),
        c"users.csv".as_ptr(),
        null(),
        999,
    );
    assert_eq!(answer.status, UclintStatus::Ok, "{:?}", answer.message);

    let bytes = fixture("resolv-networkmanager.conf");
    for (kind, name) in [
        (UCLINT_CLIENT_KIND_CUPC, "cupc"),
        (UCLINT_CLIENT_KIND_IP_PHONE, "ip-phone"),
        (UCLINT_CLIENT_KIND_ATTENDANT_CONSOLE, "attendant-console"),
        (UCLINT_CLIENT_KIND_MOC, "moc"),
        (UCLINT_CLIENT_KIND_OTHER, "other"),
        (UCLINT_CLIENT_KIND_JABBER_WINDOWS, "jabber-windows"),
        (UCLINT_CLIENT_KIND_JABBER_MAC, "jabber-mac"),
        (UCLINT_CLIENT_KIND_JABBER_MOBILE, "jabber-mobile"),
        (UCLINT_CLIENT_KIND_WEBEX_APP, "webex-app"),
    ] {
        let answer = import_with(
            UCLINT_IMPORT_RESOLV,
            bytes.as_ptr().cast(),
            bytes.len(),
            c"resolv.conf".as_ptr(),
            c"linux".as_ptr(),
            kind,
        );
        let value: serde_json::Value = serde_json::from_str(&answer.json.unwrap()).unwrap();
        assert_eq!(value["clients"][0]["kind"], name);
        assert_eq!(value["clients"][0]["id"], "linux");
    }
}

#[test]
fn french_ipconfig_is_a_parse_error_at_its_line() {
    let answer = import(UCLINT_IMPORT_IPCONFIG, &fixture("ipconfig-win10-french.txt"));
    assert_eq!(answer.status, UclintStatus::ParseError);
    assert_eq!(answer.line, 2);
    assert_eq!(
        answer.message.as_deref(),
        Some(
            "ipconfig sample.txt: line 2: expected \"Windows IP Configuration\", found \"Configuration IP de \
             Windows\" (is this `ipconfig /all` in English?)"
        )
    );
}

#[test]
fn empty_text_is_a_parse_error_at_line_1() {
    let answer = import(UCLINT_IMPORT_LDIF, b"");
    assert_eq!((answer.status, answer.line), (UclintStatus::ParseError, 1));
    assert!(answer.message.unwrap().contains("the input is empty"));
}

#[test]
fn text_that_is_not_utf8_names_its_line() {
    let answer = import(UCLINT_IMPORT_RESOLV, b"nameserver 10.1.1.53\nsearch \xFF.com\n");
    assert_eq!((answer.status, answer.line), (UclintStatus::InvalidUtf8, 2));
    let message = answer.message.unwrap();
    assert!(
        message.starts_with("resolv sample.txt: line 2: expected UTF-8 text"),
        "{message}"
    );
    let answer = import(UCLINT_IMPORT_RESOLV, b"\xFF\xFE\x00\xD8");
    assert_eq!((answer.status, answer.line), (UclintStatus::InvalidUtf8, 1));
}

#[test]
fn null_pointers_are_errors_naming_the_argument() {
    let bytes = fixture("ipconfig-win10.txt");
    let data = bytes.as_ptr().cast();
    let len = bytes.len();
    let (origin, client) = (c"a.txt".as_ptr(), c"pc".as_ptr());
    for (answer, argument) in [
        (
            import_with(UCLINT_IMPORT_IPCONFIG, null(), 0, origin, client, 0),
            "bytes",
        ),
        (
            import_with(UCLINT_IMPORT_IPCONFIG, data, len, null(), client, 0),
            "origin",
        ),
        (
            import_with(UCLINT_IMPORT_IPCONFIG, data, len, origin, null(), 0),
            "client_id",
        ),
    ] {
        assert_eq!((answer.status, answer.line), (UclintStatus::NullArgument, 0));
        assert_eq!(answer.message.unwrap(), format!("argument `{argument}` is NULL"));
    }

    let mut line = 99;
    // SAFETY: a live buffer and strings; `line` is local.
    let status = unsafe { uclint_import(0, data, len, origin, client, 0, null_mut(), &mut line) };
    assert_eq!((status, line), (UclintStatus::NullArgument, 0));
    assert_eq!(last_error().unwrap(), "argument `out_json` is NULL");

    // `error_line` is optional, on success and on failure.
    let mut json = null_mut();
    // SAFETY: a live buffer and strings; `json` is local and freed.
    let status = unsafe { uclint_import(0, data, len, origin, client, 0, &mut json, null_mut()) };
    assert_eq!(status, UclintStatus::Ok);
    // SAFETY: the library's string, freed once.
    unsafe { uclint_string_free(json) };
    let french = fixture("ipconfig-win10-french.txt");
    // SAFETY: as above.
    let status = unsafe {
        uclint_import(
            0,
            french.as_ptr().cast(),
            french.len(),
            origin,
            client,
            0,
            &mut json,
            null_mut(),
        )
    };
    assert_eq!((status, json), (UclintStatus::ParseError, null_mut()));
}

#[test]
fn bad_values_are_refused_before_the_text_is_read() {
    let bytes = fixture("ipconfig-win10.txt");
    let data = bytes.as_ptr().cast();
    let len = bytes.len();
    let (origin, client) = (c"a.txt".as_ptr(), c"pc".as_ptr());
    let bad_utf8 = c"caf\xE9".as_ptr();
    for (answer, status, needle) in [
        (
            import_with(6, data, len, origin, client, 0),
            UclintStatus::InvalidArgument,
            "unknown import kind 6",
        ),
        (
            import_with(0, data, len, origin, client, 9),
            UclintStatus::InvalidArgument,
            "unknown client kind 9",
        ),
        (
            import_with(0, data, len, c"".as_ptr(), client, 0),
            UclintStatus::InvalidArgument,
            "argument `origin` is empty",
        ),
        (
            import_with(0, data, len, origin, c"".as_ptr(), 0),
            UclintStatus::InvalidArgument,
            "argument `client_id` is empty",
        ),
        (
            import_with(0, data, len, bad_utf8, client, 0),
            UclintStatus::InvalidUtf8,
            "argument `origin` is not valid UTF-8",
        ),
        (
            import_with(0, data, len, origin, bad_utf8, 0),
            UclintStatus::InvalidUtf8,
            "argument `client_id` is not valid UTF-8",
        ),
        // The length is checked before anything is read, so a small buffer is safe here.
        (
            import_with(0, data, UCLINT_MAX_INPUT_BYTES + 1, origin, client, 0),
            UclintStatus::TooLarge,
            "the text to import is 67108865 bytes",
        ),
    ] {
        assert_eq!((answer.status, answer.line), (status, 0), "{needle}");
        let message = answer.message.unwrap();
        assert!(message.contains(needle), "{message}");
    }
}
