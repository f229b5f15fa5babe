/// Template contexts are plain dictionaries of strings, booleans, integers, lists and nested
/// dictionaries: swift-mustache reads them directly, and `canonical` turns them into a stable
/// string whose hash says whether a page must be rendered again.
typealias Context = [String: Any]

enum ContextKey {
    /// A deterministic serialisation of a context (keys sorted), for cache keys.
    static func canonical(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) {
        switch value {
        case let s as String: out += SearchIndex.jsonString(s)
        case let b as Bool: out += b ? "true" : "false"
        case let i as Int: out += String(i)
        case let list as [Any]:
            out += "["
            for (n, item) in list.enumerated() {
                if n > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case let dict as [String: Any]:
            out += "{"
            for (n, key) in dict.keys.sorted().enumerated() {
                if n > 0 { out += "," }
                out += SearchIndex.jsonString(key) + ":"
                write(dict[key] ?? "", into: &out)
            }
            out += "}"
        default:
            out += SearchIndex.jsonString(String(describing: value))
        }
    }
}
