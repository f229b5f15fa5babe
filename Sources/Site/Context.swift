import Markup

/// Template contexts are plain dictionaries of strings, booleans, integers, lists and nested
/// dictionaries: swift-mustache reads them directly, and `canonical` turns them into a stable
/// string whose hash says whether a page must be rendered again.
typealias Context = [String: Any]

enum ContextKey {
    /// A deterministic serialisation of a context (keys sorted), for cache keys.
    static func canonical(_ value: Any) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout [UInt8]) {
        switch value {
        case let s as String: JSONText.append(s, to: &out)
        case let b as Bool: out += Array((b ? "true" : "false").utf8)
        case let i as Int: out += Array(String(i).utf8)
        case let list as [Any]:
            out.append(UInt8(ascii: "["))
            for (n, item) in list.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let dict as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (n, key) in dict.keys.sorted().enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.append(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(dict[key] ?? "", into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            JSONText.append(String(describing: value), to: &out)
        }
    }
}
