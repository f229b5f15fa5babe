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
    /// Folders outside the vault that symbolic links in it may lead to (`allow_outside:`);
    /// by default a link out of the vault is skipped with an `outside-vault` warning.
    public var allowOutside: [String]
    /// Resource limits (`limits:`), each with a default no real vault meets.
    public var limits: ResourceLimits
    /// Show authoring diagnostics (unresolved links, unknown LaTeX) on published pages
    /// (`show_diagnostics: true`); by default they stay in the terminal and the reports.
    public var showDiagnostics = false
    /// `line_breaks: obsidian` (a newline in a paragraph is a line break) or `commonmark`.
    public var lineBreaks: LineBreaks?
    /// The vault's `.obsidian/app.json`, when it has one.
    public var obsidian: ObsidianSettings?

    /// How single newlines inside a paragraph render.
    public enum LineBreaks: String, Sendable, Hashable {
        case commonMark = "commonmark"
        case obsidian
    }
    /// Check the formulas of notes as claims (`formulas: false` turns it off).
    public var formulas: Bool = true
    /// TeX macros every formula may use (`macros:`, KaTeX's format: `"\\RR": "\\mathbb{R}"`).
    public var macros: [String: String] = [:]
    /// The language of the pages' interface words (`language: zh` or `en`); nil: judged from
    /// the notes.
    public var language: SiteLanguage?

    public init(title: String? = nil, baseURL: String? = nil, tolerance: Double? = nil,
                allowRawHTML: Bool = false, ignore: [String] = [], allowOutside: [String] = [],
                limits: ResourceLimits = ResourceLimits()) {
        self.title = title; self.baseURL = baseURL; self.tolerance = tolerance
        self.allowRawHTML = allowRawHTML; self.ignore = ignore
        self.allowOutside = allowOutside; self.limits = limits
    }

    /// Parses `qed.yml` text; problems become diagnostics located in `file`, never a failure.
    public static func parse(_ yaml: String, file: String = "qed.yml") -> (VaultConfig, [Diagnostic]) {
        var config = VaultConfig()
        var diagnostics: [Diagnostic] = []
        func at(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        if let violation = ResourceLimits().yamlBudget.violation(in: yaml) {
            return (config, [.error(.configYAML, "qed.yml \(violation.problem); the defaults are used",
                                    at: SourceLocation(file: file, line: violation.line, column: violation.column),
                                    hint: "write the settings out without anchors and aliases")])
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            var d = FrontMatterParser(file: file).yamlDiagnostic(error)
            d.message = d.message.replacingOccurrences(of: "front matter", with: "qed.yml")
            d.code = .configYAML
            d.hint = "the defaults are used until qed.yml parses"
            if let loc = d.location { d.location = SourceLocation(file: file, line: loc.line - 1, column: loc.column) }
            return (config, [d])
        }
        guard let root else { return (config, []) }
        guard case .mapping(let mapping) = root else {
            return (config, [.warning(.configType, "qed.yml should be a mapping of settings; ignored", at: at(root.mark))])
        }
        for (k, v) in mapping {
            let key = k.string ?? ""
            func wrong(_ expected: String) {
                diagnostics.append(.warning(.configType, "'\(key)' in qed.yml should be \(expected); ignored", at: at(v.mark)))
            }
            switch key {
            case "title":
                if case .scalar(let s) = v { config.title = s.string } else { wrong("text") }
            case "base_url", "baseURL", "baseurl":
                if case .scalar(let s) = v, VaultConfig.isSafeBaseURL(s.string) { config.baseURL = s.string } else {
                    wrong("an http:// or https:// URL, or a path starting with /")
                }
            case "tolerance":
                if case .scalar(let s) = v, let d = Double(s.string.trimmingSpaces), d.isFinite, d >= 0 {
                    config.tolerance = d
                } else { wrong("a non-negative number") }
            case "formulas":
                if let b = v.bool { config.formulas = b } else { wrong("true or false") }
            case "raw_html":
                if let b = v.bool { config.allowRawHTML = b } else { wrong("true or false") }
            case "line_breaks":
                if case .scalar(let s) = v, let value = LineBreaks(rawValue: s.string.lowercased()) {
                    config.lineBreaks = value
                } else { wrong("obsidian or commonmark") }
            case "language":
                if case .scalar(let s) = v, let language = SiteLanguage(rawValue: s.string.trimmingSpaces.lowercased()) {
                    config.language = language
                } else {
                    let written = v.string ?? ""
                    diagnostics.append(.warning(
                        .configLanguage, "unknown language '\(written)' in qed.yml; the notes' own language is used",
                        at: at(v.mark),
                        hint: SiteLanguage.suggestion(for: written).map { "did you mean '\($0.rawValue)'? (zh or en)" }
                            ?? "write 'language: zh' or 'language: en'"))
                }
            case "show_diagnostics":
                if let b = v.bool { config.showDiagnostics = b } else { wrong("true or false") }
            case "ignore":
                if let list = strings(v) { config.ignore += list } else { wrong("a list of glob patterns") }
            case "macros":
                if case .mapping(let entries) = v {
                    for (name, body) in entries {
                        if case .scalar(let n) = name, case .scalar(let b) = body { config.macros[n.string] = b.string } else {
                            diagnostics.append(.warning(.configType, "a macro in qed.yml should read \"\\\\name\": \"body\"; ignored",
                                                        at: at(name.mark)))
                        }
                    }
                } else { wrong("a mapping of macro names to bodies, such as '\"\\\\RR\": \"\\\\mathbb{R}\"'") }
            case "allow_outside":
                if let list = strings(v) { config.allowOutside += list } else { wrong("a list of folders") }
            case "limits":
                if case .mapping(let limits) = v {
                    diagnostics += config.limits.read(limits, at: at)
                } else { wrong("a mapping such as 'note_bytes: 16000000'") }
            default:
                diagnostics.append(.warning(.configUnknown, "unknown setting '\(key)' in qed.yml", at: at(k.mark),
                                            hint: "known settings: \(knownKeys.joined(separator: ", "))"))
            }
        }
        return (config, diagnostics)
    }
}

/// A list of strings, or one string standing for a list of one; nil for anything else.
private func strings(_ node: Node) -> [String]? {
    switch node {
    case .sequence(let items): return items.compactMap { if case .scalar(let s) = $0 { return s.string } else { return nil } }
    case .scalar(let s): return [s.string]
    default: return nil
    }
}

extension VaultConfig {
    /// Whether `text` may become the site's base URL: `http(s)://host/…` or an absolute path.
    /// Pages put it in `href`, `src` and form actions, so `javascript:`, `data:`, protocol-relative
    /// `//host` and anything with spaces, quotes, angle brackets or control characters is refused.
    public static func isSafeBaseURL(_ text: String) -> Bool {
        let forbidden: Set<Unicode.Scalar> = [" ", "\"", "'", "<", ">", "`", "\\", "{", "}", "|", "^"]
        if text.isEmpty || text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || forbidden.contains($0) }) {
            return false
        }
        let lower = text.lowercased()
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let host = lower.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return !host.isEmpty && !host.hasPrefix("@")
        }
        return text.hasPrefix("/") && !text.hasPrefix("//")
    }

    static let knownKeys = ["title", "base_url", "tolerance", "raw_html", "ignore", "allow_outside", "limits", "show_diagnostics", "line_breaks", "formulas", "macros", "language"]
}

extension ResourceLimits {
    /// Reads `limits:` entries; each value must be a positive whole number.
    mutating func read(_ mapping: Node.Mapping, at: (Mark?) -> SourceLocation) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (k, v) in mapping {
            let name = k.string ?? ""
            guard let entry = Self.keys.first(where: { $0.name == name }) else {
                problems.append(.warning(.configUnknown, "unknown limit '\(name)' in qed.yml", at: at(k.mark),
                                         hint: "known limits: \(Self.keys.map(\.name).joined(separator: ", "))"))
                continue
            }
            guard case .scalar(let s) = v, let n = Int(s.string.replacingOccurrences(of: "_", with: "")), n > 0 else {
                problems.append(.warning(.configType, "limit '\(name)' in qed.yml should be a positive whole number; the default is used",
                                         at: at(v.mark)))
                continue
            }
            self[keyPath: entry.path] = n
        }
        return problems
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
