import Site

/// Feeds arbitrary bytes to the number marker used for every value and claim message on a
/// page. A crash is the failure signal.
func fuzzNumberSpans(_ bytes: [UInt8]) {
    _ = NumberSpans.html(String(decoding: bytes, as: UTF8.self)).utf8.count
}
