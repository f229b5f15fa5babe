import Site

/// Feeds arbitrary bytes to the page readers added for comfortable pages: HTML to search text
/// (block tags only become spaces), the highlight.js bundle splitter, a theme's words.json,
/// Chinese dates, language judging, breadcrumbs. A crash (or a hang) is the failure signal.
func fuzzPageReaders(_ bytes: [UInt8]) {
    PageReaders.exercise(String(decoding: bytes, as: UTF8.self))
}
