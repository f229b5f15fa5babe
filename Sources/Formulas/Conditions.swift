/// Conditions stated in the prose around a formula: `$D(P ‖ Q) = 0$ 当且仅当 $P = Q$`,
/// "if X and Y are independent". A formula that fails for random distributions but sits next
/// to one of these words may be right under the condition, so it is never reported false
/// unless the condition itself is a formula QED can apply (`P = Q`).
enum Conditions {
    /// Matched as substrings (Chinese has no spaces between words). Words that also sit inside
    /// common terms are left out: 则 (链式法则, the chain rule), 下 (如下, as follows), 条件
    /// (条件熵, conditional entropy), 给定 (given, which introduces notation).
    static let chinese = ["当且仅当", "仅当", "当", "若", "如果", "假设", "假定", "时", "对于", "其中", "独立", "均匀",
                          "满足", "等号成立", "取等",
                          // Consequences of context: "so", "thus", "by the … inequality".
                          "所以", "于是", "因此", "因而", "故", "即", "由", "可得", "得到", "从而", "意味着",
                          "例", "比如", "马尔可夫"]
    /// Matched as whole words, case-insensitively.
    static let english: Set<String> = ["iff", "if", "when", "whenever", "where", "for", "provided", "assuming", "assume",
                                       "suppose", "unless", "only", "independent", "independence", "uniform",
                                       "equality", "holds", "case", "then", "deterministic", "constant", "equal", "identical",
                                       "so", "thus", "hence", "therefore", "implies", "since", "because", "by", "example",
                                       "here", "markov", "under", "let", "say"]

    /// The first condition word in `text`, if any.
    static func keyword(in text: String) -> String? {
        firstKeyword(in: text)?.word
    }

    /// The first condition word and where it ends.
    static func firstKeyword(in text: String) -> (word: String, end: String.Index)? {
        var best: (word: String, start: String.Index, end: String.Index)?
        for word in chinese {
            if let range = text.range(of: word), best == nil || range.lowerBound < best!.start {
                best = (word, range.lowerBound, range.upperBound)
            }
        }
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isLetter, text[index].isASCII else {
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, text[end].isLetter, text[end].isASCII { end = text.index(after: end) }
            let word = text[index..<end].lowercased()
            if english.contains(word) {
                if best == nil || index < best!.start { best = (word, index, end) }
                break
            }
            index = end
        }
        return best.map { ($0.word, $0.end) }
    }

    /// The TeX of the first `$…$` formula after the condition word in `text`.
    static func formula(after text: String) -> String? {
        guard let (_, end) = firstKeyword(in: text) else { return nil }
        let rest = text[end...]
        guard let open = rest.firstIndex(of: "$") else { return nil }
        var start = rest.index(after: open)
        if start < rest.endIndex, rest[start] == "$" { start = rest.index(after: start) }
        guard let close = rest[start...].firstIndex(of: "$") else { return nil }
        return String(rest[start..<close])
    }
}
