import Site

/// Feeds arbitrary bytes to the MathML-to-text reader behind search snippets. A crash (or a
/// hang: it must stay linear) is the failure signal.
func fuzzMathText(_ bytes: [UInt8]) {
    _ = MathText.plain(fromMathML: String(decoding: bytes, as: UTF8.self)).unicodeScalars.count
}
