import Diagnostics
/// A language QED's pages can speak: their interface words ("Linked from", "Contents") and
/// each note's `<html lang>`.
public enum SiteLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case zh

    /// The language a mistyped `language:` value most likely meant: a common alias (`cn`,
    /// `zh-CN`, `chinese`, `english`), else a name within two edits; nil when nothing is close.
    public static func suggestion(for written: String) -> SiteLanguage? {
        let text = written.trimmingSpaces.lowercased()
        if text.isEmpty { return nil }
        if ["cn", "chinese", "中文", "汉语", "漢語", "简体中文", "繁體中文"].contains(text)
            || text.hasPrefix("zh") || text.hasPrefix("cmn") { return .zh }
        if ["english", "英文", "英语", "eng"].contains(text) || text.hasPrefix("en") { return .en }
        return SuggestionIndex(names: allCases.map(\.rawValue)).closest(to: text).flatMap(SiteLanguage.init(rawValue:))
    }

    /// The language a text is written in, from its letters: Chinese when CJK characters make
    /// up a fair share of them. A CJK character carries about as much as a short Latin word,
    /// so one counts as three Latin letters: an English note quoting a Chinese term stays
    /// English, a Chinese note with English terms and formulas stays Chinese.
    public static func judged(from texts: [Substring]) -> SiteLanguage {
        var tally = Tally()
        for text in texts { for scalar in text.unicodeScalars { tally.add(scalar) } }
        return tally.language
    }

    /// Counts of CJK characters and Latin letters, read one scalar at a time.
    public struct Tally: Sendable {
        public private(set) var cjk = 0
        public private(set) var latin = 0

        public init() {}

        public mutating func add(_ scalar: Unicode.Scalar) {
            let v = scalar.value
            if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) {
                latin += 1
            } else if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3040...0x30FF).contains(v)
                        || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v) {
                cjk += 1
            }
        }

        /// Letters seen so far.
        public var total: Int { cjk + latin }

        public var language: SiteLanguage { cjk > 0 && cjk * 3 >= latin ? .zh : .en }
    }
}
