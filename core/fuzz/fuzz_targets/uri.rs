//! Fuzz `Uri::parse`: no input may panic it, and every URI it accepts must display as text that
//! parses back to the same, equivalent URI (the check `core/src/route/uri/props.rs` replays).

#![no_main]

use libfuzzer_sys::fuzz_target;
use uclint_core::route::uri::Uri;

fuzz_target!(|data: &[u8]| {
    // `Uri::parse` takes text; bytes that are not UTF-8 never reach it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Uri::parse_request_uri(text);
    let Ok(uri) = Uri::parse(text) else {
        return;
    };
    let shown = uri.to_string();
    let back = match Uri::parse(&shown) {
        Ok(back) => back,
        Err(e) => panic!("{text:?} displays as {shown:?}, which fails: {e}"),
    };
    assert!(
        back.equivalent(&uri) && uri.equivalent(&back),
        "{text:?} displays as {shown:?}, which is not equivalent"
    );
    assert_eq!(back, uri, "{text:?} displays as {shown:?}, which parses differently");
    assert_eq!(back.to_string(), shown, "display of {shown:?} is not stable");
});
