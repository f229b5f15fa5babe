/// Maps a request path to a file of the site, or nil: only files under the site's folder are
/// ever served. `..` (also percent-encoded), NUL, backslashes and over-long paths are refused
/// before the file system sees them; the caller also checks the resolved path.
enum SafePath {
    static let maximumLength = 2048

    /// The site-relative path for a URL path such as `/a/%E7%AC%94%E8%AE%B0.html`.
    static func relative(_ urlPath: String) -> String? {
        guard urlPath.utf8.count <= maximumLength, urlPath.hasPrefix("/") else { return nil }
        guard let decoded = percentDecoded(urlPath) else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.contains("\0") || part.contains("\\") || part.hasPrefix(".") { return nil }
            parts.append(part)
        }
        var path = parts.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") { path += path.isEmpty ? "index.html" : "/index.html" }
        return path
    }

    /// Percent-decoding as URLs define it; nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
