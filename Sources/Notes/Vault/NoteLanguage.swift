
/// The language of a note's own prose, for its page's `<html lang>`: title, brief and body
/// text, without markup, code blocks, formulas or cells (their Latin letters say nothing
/// about the language the note is written in).
public enum NoteLanguage {
    /// Letters read at most: the start of a long note decides.
    public static let letterLimit = 4000

    /// Letters read per note when voting on a vault's language (`Note.openingLanguage`): its
    /// opening says enough.
    public static let voteLimit = 400

    public static func of(_ note: Note, limit: Int = letterLimit) -> SiteLanguage {
        var tally = SiteLanguage.Tally()
        for scalar in note.title.unicodeScalars { tally.add(scalar) }
        for scalar in (note.frontMatter.brief ?? "").unicodeScalars { tally.add(scalar) }
        var reader = ProseReader()
        for segment in note.body.segments where tally.total < limit {
            if case .html(let html) = segment { reader.read(html, into: &tally, limit: limit) }
        }
        return tally.language
    }

    /// The language most notes are written in (English on a tie or with no notes), by their
    /// `openingLanguage`: the default language of a vault's interface words.
    public static func majority(of notes: [Note]) -> SiteLanguage {
        let chinese = notes.count { $0.openingLanguage == .zh }
        return chinese * 2 > notes.count ? .zh : .en
    }
}

/// Walks HTML outside tags and outside `<pre>` blocks (code), feeding letters to a tally.
private struct ProseReader {
    private var inTag = false
    private var tagName = String.UnicodeScalarView()
    private var preDepth = 0

    mutating func read(_ html: String, into tally: inout SiteLanguage.Tally, limit: Int) {
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" || scalar == " " || scalar == "\n" {
                    if scalar == ">" { inTag = false }
                    let name = String(tagName)
                    if name == "pre" { preDepth += 1 } else if name == "/pre" { preDepth = max(0, preDepth - 1) }
                    tagName = String.UnicodeScalarView()
                    if scalar != ">" { tagName.append("\u{0}") }  // name ended; attributes follow
                } else if tagName.count < 5, tagName.last != "\u{0}" {
                    tagName.append(scalar)
                }
                continue
            }
            if scalar == "<" { inTag = true; tagName = String.UnicodeScalarView(); continue }
            if preDepth == 0 { tally.add(scalar) }
            if tally.total >= limit { return }
        }
    }
}
