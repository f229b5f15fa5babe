import Foundation
import Yams

/// The tag Yams's default resolver gives a plain scalar, without running its seven regular
/// expressions on scalars that none of them can match.
///
/// Resolving a tag costs Yams seven `NSRegularExpression` matches (bridging the string each
/// time) for every plain scalar that is text, which is most of a note's front matter: it was
/// a third of the front-matter parse. Every default rule is anchored (`^(?:…)$`) and each of
/// its alternatives starts with a character from a short list (`y`, `n`, `t`, `f`, `o` in
/// either case, signs, digits, `.`, `<`, `~`, `=`), or is empty: an empty alternative before
/// `$` matches only an empty string or a lone line terminator. So a scalar whose first
/// character is an ASCII letter not on that list, or any non-ASCII character other than the
/// three non-ASCII line terminators, resolves to `str` for sure; every other scalar is asked
/// of Yams itself. `YAMLTagsTests` checks this against Yams on random strings.
enum YAMLTags {
    static let str = Tag.Name.str.rawValue

    /// `Resolver.default`'s tag name for a plain scalar holding `string`.
    static func plain(_ string: String) -> String {
        guard let first = string.unicodeScalars.first else { return resolvedByYams(string) }
        if surelyText(first) { return str }
        if first.isASCII, first.properties.isAlphabetic { return startingWithRuleLetter(string) }
        return resolvedByYams(string)
    }

    static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    static let nullWords: Set<String> = ["null", "Null", "NULL"]
    /// What ICU's `$` also matches before, at the end of the input.
    private static let lineTerminators: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

    /// A string starting with one of `y n t f o` (either case) can match only the bool rule
    /// and the null rule's words (every other alternative starts with a sign, a digit, `.`,
    /// `<`, `~` or `=`): it is that word, or text. Only a line terminator, before which `$`
    /// also matches, leaves the answer to Yams.
    private static func startingWithRuleLetter(_ string: String) -> String {
        if boolWords.contains(string) { return Tag.Name.bool.rawValue }
        if nullWords.contains(string) { return Tag.Name.null.rawValue }
        if string.unicodeScalars.contains(where: { lineTerminators.contains($0.value) }) { return resolvedByYams(string) }
        return str
    }

    /// What Yams's default resolver makes of a plain scalar, asked of Yams.
    static func resolvedByYams(_ string: String) -> String {
        Resolver.default.resolveTag(of: Node(string)).rawValue
    }

    /// Whether no default rule can match a string starting with `first`.
    static func surelyText(_ first: Unicode.Scalar) -> Bool {
        let v = first.value
        if v >= 0x80 { return v != 0x85 && v != 0x2028 && v != 0x2029 }
        guard (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) else { return false }
        switch UInt8(v) | 0x20 {
        case UInt8(ascii: "y"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "o"): return false
        default: return true
        }
    }

    /// Whether front matter can be composed with `Resolver.basic` and its tags computed
    /// here: it has no explicit tag (`!`) and no anchor or alias (`&`, `*`), so every plain
    /// scalar is implicitly tagged, no node is shared, and mapping keys compare equal under
    /// the basic resolver whenever they do under the default one (equal strings and tags
    /// imply equal strings). A duplicate-key error under the basic resolver is therefore
    /// not trusted: the caller composes again with the default resolver on any error.
    static func mayComposeBasic(_ yaml: String) -> Bool {
        !yaml.utf8.contains { $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }
    }
}
