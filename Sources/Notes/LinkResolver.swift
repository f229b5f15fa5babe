import Diagnostics

/// Where a wiki-link leads.
public enum LinkResolution: Sendable, Hashable {
    /// The note (by id) and, when the link named one that exists, the heading.
    case note(id: String, heading: Heading?)
    /// No note matches the target.
    case missingNote
    /// The note exists but has no such heading.
    case missingHeading(id: String)
    /// Several notes match equally well (their ids, sorted).
    case ambiguous([String])
}

/// Resolves wiki-links Obsidian-style with dictionary lookups (O(1) per link):
/// exact vault path (with or without `.md`), then a unique file name, then a unique path
/// suffix (`Math/信息论`), then a title or alias; then the same, ignoring case.
public struct LinkResolver: Sendable {
    private struct Table: Sendable {
        var byPath: [String: String] = [:]
        var byName: [String: [String]] = [:]
        var bySuffix: [String: [String]] = [:]
        var byTitle: [String: [String]] = [:]
    }
    private var exact = Table()
    private var folded = Table()
    /// Per note id: heading text, anchor and lower-cased text → heading.
    private var headings: [String: [String: Heading]] = [:]
    /// Names a reader might have meant, for "did you mean" hints.
    private var suggestions: [String] = []

    public init(notes: [Note]) {
        var names = Set<String>()
        for note in notes {
            let id = note.id
            let parts = id.split(separator: "/").map(String.init)
            let name = parts.last ?? id
            Self.add(id: id, name: name, parts: parts, titles: [note.title] + note.frontMatter.aliases, to: &exact, fold: false)
            Self.add(id: id, name: name, parts: parts, titles: [note.title] + note.frontMatter.aliases, to: &folded, fold: true)
            var table: [String: Heading] = [:]
            for h in note.headings.reversed() {
                table[h.text] = h
                table[h.text.lowercased()] = h
            }
            for h in note.headings.reversed() { table[h.anchor] = h }
            headings[id] = table
            names.insert(id); names.insert(name); names.insert(note.title)
        }
        suggestions = names.sorted()
    }

    private static func add(id: String, name: String, parts: [String], titles: [String], to table: inout Table, fold: Bool) {
        func key(_ s: String) -> String { fold ? s.lowercased() : s }
        if table.byPath[key(id)] == nil { table.byPath[key(id)] = id }
        table.byName[key(name), default: []].append(id)
        if parts.count > 2 {
            for start in 1..<(parts.count - 1) {
                table.bySuffix[key(parts[start...].joined(separator: "/")), default: []].append(id)
            }
        }
        for title in Set(titles.map(\.trimmingSpaces)) where !title.isEmpty {
            table.byTitle[key(title), default: []].append(id)
        }
    }

    /// Resolves `link`; `sourceID` is the linking note, for `[[#heading]]`.
    public func resolve(_ link: WikiLink, from sourceID: String? = nil) -> LinkResolution {
        var target = link.target.trimmingSpaces
        while target.hasPrefix("/") { target.removeFirst() }
        if target.hasPrefix("./") { target.removeFirst(2) }
        if target.lowercased().hasSuffix(".md") { target.removeLast(3) }
        let id: String
        if target.isEmpty {
            guard let sourceID, headings[sourceID] != nil else { return .missingNote }
            id = sourceID
        } else {
            switch lookup(target) {
            case .note(let found, _): id = found
            case let other: return other
            }
        }
        guard var heading = link.heading else { return .note(id: id, heading: nil) }
        // `[[note#A#B]]` names nested headings; the last one is the target. `^id` is a block.
        if let last = heading.split(separator: "#").last { heading = String(last).trimmingSpaces }
        if heading.hasPrefix("^") { return .note(id: id, heading: nil) }
        let table = headings[id] ?? [:]
        if let h = table[heading] ?? table[heading.lowercased()] ?? table[slug(heading)] {
            return .note(id: id, heading: h)
        }
        return .missingHeading(id: id)
    }

    private func lookup(_ target: String) -> LinkResolution {
        var ambiguity: [String]?
        for (table, key) in [(exact, target), (folded, target.lowercased())] {
            if let id = table.byPath[key] { return .note(id: id, heading: nil) }
            for candidates in [table.byName[key], table.bySuffix[key], table.byTitle[key]] {
                guard let candidates else { continue }
                let unique = Array(Set(candidates)).sorted()
                if unique.count == 1 { return .note(id: unique[0], heading: nil) }
                if ambiguity == nil { ambiguity = unique }
            }
        }
        if let ambiguity { return .ambiguous(ambiguity) }
        return .missingNote
    }

    /// A located diagnostic for a link that did not resolve (nil when it did), with a
    /// "did you mean" hint drawn from note names, paths and titles.
    public func diagnostic(for link: WikiLink, resolution: LinkResolution) -> Diagnostic? {
        let length = link.source.unicodeScalars.count
        switch resolution {
        case .note:
            return nil
        case .missingNote:
            let what = link.target.isEmpty ? "this note" : "'\(link.target)'"
            let hint = closest(to: link.target, among: suggestions).map { "did you mean '\($0)'?" }
                ?? "create the note, or fix the link's path"
            return .error("unresolved-link", "no note named \(what)", at: link.location, length: length, hint: hint)
        case .missingHeading(let id):
            let heading = link.heading ?? ""
            let texts = Array(Set((headings[id] ?? [:]).values.map(\.text))).sorted()
            let hint = closest(to: heading, among: texts).map { "did you mean '#\($0)'?" }
                ?? (texts.isEmpty ? "'\(id)' has no headings" : "headings there: \(texts.prefix(5).joined(separator: ", "))")
            return .error("unresolved-heading", "note '\(id)' has no heading '\(heading)'", at: link.location,
                          length: length, hint: hint)
        case .ambiguous(let ids):
            return .error("ambiguous-link", "'\(link.target)' matches \(ids.count) notes: \(ids.joined(separator: ", "))",
                          at: link.location, length: length,
                          hint: "write the vault path, e.g. [[\(ids.first ?? "")]]")
        }
    }

    /// The candidate with the smallest edit distance, when it is close enough to be a typo.
    func closest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        guard !w.isEmpty else { return nil }
        let limit = max(2, w.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - w.count) > limit { continue }
            let d = editDistance(w, c, limit: limit)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }
}

/// Levenshtein distance, giving up (returning `limit + 1`) once every path exceeds `limit`.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMin = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return previous[b.count]
}
