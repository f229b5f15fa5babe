import Foundation
import Notes

/// The readers of untrusted text that page building added for readers' comfort, reachable
/// from outside the module so the fuzz harness can drive them: HTML to search text,
/// highlight.js bundle splitting, a theme's `words.json`, dates in Chinese, language judging.
public enum PageReaders {
    /// Runs every reader on `text`; returns a number derived from their results so nothing is
    /// optimised away.
    @discardableResult
    public static func exercise(_ text: String) -> Int {
        var plain = PlainText(limit: 4000)
        plain.append(html: text)
        var total = plain.finished.unicodeScalars.count
        total += Highlighter.subset(of: text, languages: ["python", "json"])?.utf8.count ?? 0
        total += ((try? Words.overrides(json: Data(text.utf8))) ?? [:]).count
        total += Words(.zh).date(text).unicodeScalars.count
        total += SiteLanguage.judged(from: [Substring(text)]) == .zh ? 1 : 0
        total += NoteNavigation.breadcrumbs(of: text).count + NoteNavigation.readable(text).unicodeScalars.count
        return total
    }
}
