import Diagnostics
import Yams

/// Where a note's front matter sits: the YAML between a `---` first line and a closing
/// `---` (or `...`) line.
struct FrontMatterBlock {
    var yaml: String
    /// Offset of the first byte after the closing line.
    var bodyStart: Int

    /// Finds the block; `unclosed` is set when a `---` first line is never closed.
    static func find(in bytes: [UInt8]) -> (block: FrontMatterBlock?, unclosed: Bool) {
        func lineEnd(_ p: Int) -> Int {
            var e = p
            while e < bytes.count, bytes[e] != 0x0A { e += 1 }
            return e
        }
        func isMarker(_ start: Int, _ end: Int, _ c: UInt8) -> Bool {
            var e = end
            while e > start, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
            return e - start == 3 && bytes[start] == c && bytes[start + 1] == c && bytes[start + 2] == c
        }
        let firstEnd = lineEnd(0)
        guard isMarker(0, firstEnd, 0x2D), firstEnd < bytes.count else {
            return (nil, isMarker(0, firstEnd, 0x2D) && bytes.count > 3 ? true : false)
        }
        var p = firstEnd + 1
        while p <= bytes.count {
            let e = lineEnd(p)
            if isMarker(p, e, 0x2D) || isMarker(p, e, 0x2E) {
                let yaml = String(decoding: bytes[(firstEnd + 1)..<p], as: UTF8.self)
                return (FrontMatterBlock(yaml: yaml, bodyStart: min(e + 1, bytes.count)), false)
            }
            if e >= bytes.count { break }
            p = e + 1
        }
        return (nil, true)
    }
}

/// Turns front-matter YAML into a `FrontMatter`, reporting problems at file locations.
struct FrontMatterParser {
    let file: String
    /// File line of the YAML's first line (2: right after the opening `---`).
    let firstLine = 2
    var diagnostics: [Diagnostic] = []
    /// Whether the tree was composed with `Resolver.basic`, its tags to be read with `tagName`.
    private var basicTags = false
    /// Off only in tests, which compare both ways of composing.
    var mayUseBasicResolver = true

    init(file: String) { self.file = file }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
    }

    mutating func parse(_ yaml: String, limits: ResourceLimits = ResourceLimits()) -> FrontMatter {
        var result = FrontMatter()
        if yaml.utf8.count > limits.frontMatterBytes {
            diagnostics.append(.error(.frontMatterYAML, "front matter is \(yaml.utf8.count) bytes, over the limit of \(limits.frontMatterBytes); ignored",
                                      at: location(nil), hint: "move long content into the note's body, or raise limits: front_matter_bytes in qed.yml"))
            return result
        }
        if let violation = limits.yamlBudget.violation(in: yaml) {
            diagnostics.append(.error(.frontMatterYAML, "front matter \(violation.problem); ignored",
                                      at: SourceLocation(file: file, line: violation.line + firstLine - 1, column: violation.column),
                                      hint: "write the values out instead of repeating anchors, or raise limits: yaml_values / yaml_depth in qed.yml"))
            return result
        }
        let root: Node?
        do {
            root = try compose(yaml)
        } catch {
            diagnostics.append(yamlDiagnostic(error))
            return result
        }
        guard let root else { return result }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.warning(.frontMatterType, "front matter is not a mapping of keys to values; ignored",
                                        at: location(root.mark)))
            return result
        }
        for (keyNode, value) in mapping {
            let key = string(keyNode) ?? ""
            let at = location(value.mark ?? keyNode.mark)
            switch key {
            case "title": result.title = scalarString(value, key: key, at: at)
            case "brief", "description": if result.brief == nil || key == "brief" { result.brief = scalarString(value, key: key, at: at) }
            case "type": result.type = scalarString(value, key: key, at: at)
            case "domain": result.domain = scalarString(value, key: key, at: at)
            case "created", "date": if key == "created" || result.created == nil { result.created = date(value, key: key, at: at) }
            case "updated", "modified", "lastmod": result.updated = date(value, key: key, at: at) ?? result.updated
            case "tags", "tag": result.tags += stringList(value, key: key, at: at).map(Self.cleanTag).filter { !$0.isEmpty }
            case "aliases", "alias": result.aliases += stringList(value, key: key, at: at)
            case "qed": (result.qedTolerance, result.qedFormulas) = qedOptions(value, at: at)
            default: break
            }
            if !["title", "brief", "type", "domain", "created", "updated", "tags", "aliases", "qed"].contains(key) {
                var depthBudget = 64
                result.extra[key] = self.value(value, depth: &depthBudget)
            }
        }
        return result
    }

    /// Yams reads the process environment for its default encoding on every parser it makes
    /// (a third of a front matter's parse); it is read once here instead.
    static var encoding: Parser.Encoding { Parser.Encoding(rawValue: encodingName) ?? .default }
    private static let encodingName = Parser.Encoding.default.rawValue

    /// Composes with `Resolver.basic` when `YAMLTags` can give every tag the default resolver
    /// would (see `YAMLTags.mayComposeBasic`), else, or on any error, with `Resolver.default`.
    mutating func compose(_ yaml: String) throws -> Node? {
        if mayUseBasicResolver, YAMLTags.mayComposeBasic(yaml) {
            do {
                let root = try Yams.compose(yaml: yaml, .basic, .default, Self.encoding)
                basicTags = true
                return root
            } catch {}
        }
        basicTags = false
        return try Yams.compose(yaml: yaml, .default, .default, Self.encoding)
    }

    /// `node.tag.description` as Yams's default resolver gives it.
    func tagName(_ node: Node) -> String {
        guard basicTags, case .scalar(let s) = node else { return node.tag.description }
        // Without explicit tags, a plain scalar is implicitly tagged and any other is `str`.
        return s.style == .plain ? YAMLTags.plain(s.string) : YAMLTags.str
    }

    /// `node.string` as under the default resolver: a mapping reads as the value of its `=` key.
    func string(_ node: Node) -> String? {
        guard basicTags, case .mapping(let pairs) = node else { return node.string }
        for (key, value) in pairs where tagName(key) == Tag.Name.value.rawValue { return string(value) }
        return nil
    }

    func yamlDiagnostic(_ error: Error) -> Diagnostic {
        var mark: Mark?
        var problem = "\(error)"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let c, let p, let m, let yaml), .parser(let c, let p, let m, let yaml), .composer(let c, let p, let m, let yaml):
                mark = m; problem = p
                if let c, Self.startsTheProblem(c, problemAt: m, yaml: yaml) {
                    mark = c.mark
                    problem += " \(c.text)"
                }
            case .duplicatedKeysInMapping(let duplicates, _):
                problem = "duplicated keys: \(duplicates.joined(separator: ", "))"
            default: break
            }
        }
        return .error(.frontMatterYAML, "front matter is not valid YAML: \(problem)", at: location(mark),
                      hint: "front matter is ignored until it parses; check indentation and quoting")
    }

    /// Whether the construct libyaml was reading (a flow list `[a, b`, a quoted string) is
    /// where the problem starts. libyaml notices an unclosed `[` or quote only at the next
    /// token, often the closing `---`; the line that opened it is the one to fix.
    static func startsTheProblem(_ context: YamlError.Context, problemAt mark: Mark, yaml: String) -> Bool {
        let lines = yaml.utf8.count { $0 == UInt8(ascii: "\n") } + (yaml.hasSuffix("\n") || yaml.isEmpty ? 0 : 1)
        let pastTheEnd = mark.line > lines
        let opened = context.text.contains("flow") || context.text.contains("quoted")
        return context.mark.line <= mark.line && (pastTheEnd || opened)
    }

    static func cleanTag(_ tag: String) -> String {
        var t = tag.trimmingSpaces
        while t.hasPrefix("#") { t.removeFirst() }
        return t
    }

    func isScalarString(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        if s.style != .plain { return true }
        let tag = tagName(node)
        return tag != Tag.Name.int.rawValue && tag != Tag.Name.float.rawValue
            && tag != Tag.Name.bool.rawValue && tag != Tag.Name.null.rawValue
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        return tagName(node) == Tag.Name.null.rawValue
    }

    mutating func scalarString(_ node: Node, key: String, at: SourceLocation) -> String? {
        if isNull(node) { return nil }
        guard case .scalar(let s) = node else {
            diagnostics.append(.warning(.frontMatterType, "'\(key)' should be text, not a \(kind(node)); ignored", at: at))
            return nil
        }
        return s.string
    }

    mutating func date(_ node: Node, key: String, at: SourceLocation) -> NoteDate? {
        if isNull(node) { return nil }
        guard case .scalar(let s) = node, let date = NoteDate(parsing: s.string) else {
            diagnostics.append(.warning(.frontMatterDate, "'\(key)' is not a date: \(string(node).map { "'\($0)'" } ?? "a \(kind(node))")",
                                        at: at, hint: "write dates as 2026-02-13 or 2026-02-13T09:30:00Z"))
            return nil
        }
        return date
    }

    /// A list of strings, or one string (comma-separated, as Obsidian accepts).
    mutating func stringList(_ node: Node, key: String, at: SourceLocation) -> [String] {
        if isNull(node) { return [] }
        if case .sequence(let items) = node {
            var out: [String] = []
            for item in items {
                if isNull(item) { continue }
                if case .scalar(let s) = item { out.append(s.string); continue }
                diagnostics.append(.warning(.frontMatterType, "'\(key)' entries should be text, not a \(kind(item)); ignored",
                                            at: location(item.mark)))
            }
            return out
        }
        if isScalarString(node), case .scalar(let s) = node {
            return s.string.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
        diagnostics.append(.warning(.frontMatterType, "'\(key)' should be a list of text, not a \(kind(node)); ignored",
                                    at: at, hint: "write \(key): [a, b] or one item per line with '- '"))
        return []
    }

    mutating func qedOptions(_ node: Node, at: SourceLocation) -> (tolerance: Double?, formulas: Bool?) {
        guard case .mapping(let options) = node else {
            diagnostics.append(.warning(.frontMatterType, "'qed' should be a mapping such as {tolerance: 1e-6}; ignored", at: at))
            return (nil, nil)
        }
        var tolerance: Double?
        var formulas: Bool?
        for (k, v) in options {
            let name = string(k) ?? ""
            if name == "tolerance", case .scalar(let s) = v, let d = Double(s.string.trimmingSpaces), d.isFinite, d >= 0 {
                tolerance = d
            } else if name == "tolerance" {
                diagnostics.append(.warning(.frontMatterType, "qed tolerance should be a non-negative number", at: location(v.mark)))
            } else if name == "formulas" {
                if let b = v.bool { formulas = b } else {
                    diagnostics.append(.warning(.frontMatterType, "qed formulas should be true or false", at: location(v.mark)))
                }
            } else {
                diagnostics.append(.warning(.frontMatterQED, "unknown qed option '\(name)'", at: location(k.mark),
                                            hint: "known options: tolerance, formulas"))
            }
        }
        return (tolerance, formulas)
    }

    func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        case .scalar:
            let tag = tagName(node)
            if tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue { return "number" }
            if tag == Tag.Name.bool.rawValue { return "boolean" }
            return "text"
        }
    }

    /// Any YAML value as a `FrontMatterValue`; nesting deeper than the budget becomes `.null`.
    func value(_ node: Node, depth: inout Int) -> FrontMatterValue {
        guard depth > 0 else { return .null }
        depth -= 1
        defer { depth += 1 }
        switch node {
        case .scalar(let s):
            if s.style != .plain { return .string(s.string) }
            let tag = tagName(node)
            if tag == Tag.Name.null.rawValue { return .null }
            if tag == Tag.Name.bool.rawValue, let b = node.bool { return .bool(b) }
            if tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue, let d = node.float { return .number(d) }
            return .string(s.string)
        case .sequence(let items):
            return .list(items.map { value($0, depth: &depth) })
        case .mapping(let pairs):
            var map: [String: FrontMatterValue] = [:]
            for (k, v) in pairs { map[string(k) ?? ""] = value(v, depth: &depth) }
            return .map(map)
        case .alias:
            return .null
        }
    }
}
