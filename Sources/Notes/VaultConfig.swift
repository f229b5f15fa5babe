import Diagnostics
import Yams

/// Site-wide settings from `qed.yml` at the vault root (every key optional).
public struct VaultConfig: Sendable, Hashable {
    /// Site title (`title:`).
    public var title: String?
    /// Absolute URL the site is published under (`base_url:`).
    public var baseURL: String?
    /// Default claim tolerance for every note (`tolerance:`).
    public var tolerance: Double?
    /// Pass raw HTML in notes through (`raw_html: true`); off by default, so notes cannot inject script.
    public var allowRawHTML: Bool
    /// Glob patterns of vault paths to skip (`ignore:`); `*` within a name, `**` across folders.
    public var ignore: [String]
    /// Check the formulas of notes as claims (`formulas: false` turns it off).
    public var formulas: Bool = true

    public init(title: String? = nil, baseURL: String? = nil, tolerance: Double? = nil,
                allowRawHTML: Bool = false, ignore: [String] = []) {
        self.title = title; self.baseURL = baseURL; self.tolerance = tolerance
        self.allowRawHTML = allowRawHTML; self.ignore = ignore
    }

    /// Parses `qed.yml` text; problems become diagnostics located in `file`, never a failure.
    public static func parse(_ yaml: String, file: String = "qed.yml") -> (VaultConfig, [Diagnostic]) {
        var config = VaultConfig()
        var diagnostics: [Diagnostic] = []
        func at(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            var d = FrontMatterParser(file: file).yamlDiagnostic(error)
            d.message = d.message.replacingOccurrences(of: "front matter", with: "qed.yml")
            d.code = "config-yaml"
            d.hint = "the defaults are used until qed.yml parses"
            if let loc = d.location { d.location = SourceLocation(file: file, line: loc.line - 1, column: loc.column) }
            return (config, [d])
        }
        guard let root else { return (config, []) }
        guard case .mapping(let mapping) = root else {
            return (config, [.warning("config-type", "qed.yml should be a mapping of settings; ignored", at: at(root.mark))])
        }
        for (k, v) in mapping {
            let key = k.string ?? ""
            func wrong(_ expected: String) {
                diagnostics.append(.warning("config-type", "'\(key)' in qed.yml should be \(expected); ignored", at: at(v.mark)))
            }
            switch key {
            case "title":
                if case .scalar(let s) = v { config.title = s.string } else { wrong("text") }
            case "base_url", "baseURL", "baseurl":
                if case .scalar(let s) = v { config.baseURL = s.string } else { wrong("a URL") }
            case "tolerance":
                if case .scalar(let s) = v, let d = Double(s.string.trimmingSpaces), d.isFinite, d >= 0 {
                    config.tolerance = d
                } else { wrong("a non-negative number") }
            case "formulas":
                if let b = v.bool { config.formulas = b } else { wrong("true or false") }
            case "raw_html":
                if let b = v.bool { config.allowRawHTML = b } else { wrong("true or false") }
            case "ignore":
                if case .sequence(let items) = v {
                    for item in items { if case .scalar(let s) = item { config.ignore.append(s.string) } }
                } else if case .scalar(let s) = v {
                    config.ignore.append(s.string)
                } else { wrong("a list of glob patterns") }
            default:
                diagnostics.append(.warning("config-unknown", "unknown setting '\(key)' in qed.yml", at: at(k.mark),
                                            hint: "known settings: title, base_url, tolerance, raw_html, ignore, formulas"))
            }
        }
        return (config, diagnostics)
    }
}

/// Glob matching for `ignore:` patterns against vault-relative paths.
struct Glob {
    let pattern: [Unicode.Scalar]
    /// A pattern without `/` matches a file or folder name at any depth (as in `.gitignore`).
    let matchesNameOnly: Bool
    let directoryOnly: Bool

    init(_ text: String) {
        var t = text.trimmingSpaces
        directoryOnly = t.hasSuffix("/")
        while t.hasSuffix("/") { t.removeLast() }
        while t.hasPrefix("/") { t.removeFirst() }
        if t.hasPrefix("./") { t.removeFirst(2) }
        matchesNameOnly = !t.contains("/")
        pattern = Array(t.unicodeScalars)
    }

    func matches(path: String, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let subject = matchesNameOnly ? String(path.split(separator: "/").last ?? "") : path
        return Glob.match(pattern, Array(subject.unicodeScalars))
    }

    enum Token { case literal(Unicode.Scalar), one, star, globstar, globstarSlash }

    static func tokens(_ p: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < p.count {
            if p[i] == "*", i + 1 < p.count, p[i + 1] == "*" {
                if i + 2 < p.count, p[i + 2] == "/" { out.append(.globstarSlash); i += 3 } else { out.append(.globstar); i += 2 }
            } else if p[i] == "*" { out.append(.star); i += 1 } else if p[i] == "?" { out.append(.one); i += 1 } else {
                out.append(.literal(p[i])); i += 1
            }
        }
        return out
    }

    /// Dynamic programming over pattern × text: time is their product, no backtracking blow-up.
    static func match(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        var previous = [Bool](repeating: false, count: s.count + 1)
        previous[0] = true
        for token in tokens(p) {
            var current = [Bool](repeating: false, count: s.count + 1)
            var anyBefore = false
            for j in 0...s.count {
                switch token {
                case .literal(let c): current[j] = j > 0 && previous[j - 1] && s[j - 1] == c
                case .one: current[j] = j > 0 && previous[j - 1] && s[j - 1] != "/"
                case .star: current[j] = previous[j] || (j > 0 && current[j - 1] && s[j - 1] != "/")
                case .globstar: current[j] = previous[j] || (j > 0 && current[j - 1])
                case .globstarSlash: current[j] = previous[j] || (j > 0 && s[j - 1] == "/" && anyBefore)
                }
                if j < s.count, previous[j] { anyBefore = true }
            }
            previous = current
        }
        return previous[s.count]
    }
}
