// "Did you mean": the one suggester every diagnostic's hint uses (note names and headings,
// qed.yml values, cell functions and labels). TeXMath keeps its own, tuned to command names,
// because it is a library that depends on nothing.

/// Candidate names bucketed by length, with their scalars lower-cased and sorted, so a
/// "did you mean" search rejects most candidates with a cheap multiset bound before running
/// the edit distance.
public struct SuggestionIndex: Sendable {
    struct Entry: Sendable {
        var name: String
        var scalars: [UInt32]
        var sorted: [UInt32]
    }
    private var buckets: [Int: [Entry]] = [:]

    /// An index of `names`; ties in distance go to the name first in `names`' sort order.
    public init(names: [String]) {
        for name in names {
            let scalars = name.lowercasedForLookup.unicodeScalars.map(\.value)
            buckets[scalars.count, default: []].append(Entry(name: name, scalars: scalars, sorted: scalars.sorted()))
        }
    }

    /// The closest name to `word`, ignoring case, within `limit(length of word)` edits
    /// (by default max(2, length/3)); ties go to the name that sorts first.
    public func closest(to word: String, limit: (Int) -> Int = { max(2, $0 / 3) }) -> String? {
        let w = word.lowercasedForLookup.unicodeScalars.map(\.value)
        guard !w.isEmpty else { return nil }
        let ws = w.sorted()
        let limit = max(0, limit(w.count))
        var best: (name: String, distance: Int)?
        var rows = ([Int](), [Int]())
        for length in max(0, w.count - limit)...(w.count + limit) {
            for entry in buckets[length] ?? [] {
                let bound = best.map { min(limit, $0.distance - 1) } ?? limit
                guard bound >= 0, multisetDistance(ws, entry.sorted) <= bound else { continue }
                let d = editDistance(w, entry.scalars, limit: bound, rows: &rows)
                if d <= bound, d < (best?.distance ?? Int.max) || (d == best?.distance && entry.name < (best?.name ?? "")) {
                    best = (entry.name, d)
                }
            }
        }
        return best?.name
    }

    /// A lower bound of the edit distance: scalars of one not matched in the other.
    private func multisetDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var i = 0, j = 0, onlyA = 0, onlyB = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { i += 1; j += 1 } else if a[i] < b[j] { onlyA += 1; i += 1 } else { onlyB += 1; j += 1 }
        }
        return max(onlyA + a.count - i, onlyB + b.count - j)
    }
}

/// Levenshtein distance, giving up (returning `limit + 1`) once every path exceeds `limit`.
func editDistance(_ a: [UInt32], _ b: [UInt32], limit: Int, rows: inout ([Int], [Int])) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    rows.0.removeAll(keepingCapacity: true)
    rows.0.append(contentsOf: 0...b.count)
    rows.1.removeAll(keepingCapacity: true)
    rows.1.append(contentsOf: repeatElement(0, count: b.count + 1))
    for i in 1...a.count {
        rows.1[0] = i
        var rowMin = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            let v = min(rows.0[j] + 1, rows.1[j - 1] + 1, rows.0[j - 1] + cost)
            rows.1[j] = v
            rowMin = min(rowMin, v)
        }
        if rowMin > limit { return limit + 1 }
        swap(&rows.0, &rows.1)
    }
    return rows.0[b.count]
}

extension String {
    /// `lowercased()`, without its cost when nothing changes (CJK names, most paths): case
    /// folding every name and link target was the largest part of resolving a vault's links.
    public var lowercasedForLookup: String {
        var needsWork = false
        for byte in utf8 {
            if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { needsWork = true; break }
        }
        guard needsWork else { return self }
        guard unicodeScalars.contains(where: { $0.properties.changesWhenLowercased }) else { return self }
        return lowercased()
    }
}
