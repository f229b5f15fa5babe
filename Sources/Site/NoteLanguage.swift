import Notes
import Synchronization

/// The language of a note's own prose, for its page's `<html lang>`: title, brief and body
/// text, without markup, code blocks, formulas or cells (their Latin letters say nothing
/// about the language the note is written in).
enum NoteLanguage {
    /// Letters read at most: the start of a long note decides.
    static let letterLimit = 4000

    /// Letters read per note when voting on a vault's language: its opening says enough, and
    /// the vote reads every note of the vault on every build.
    static let voteLimit = 400

    static func of(_ note: Note, limit: Int = letterLimit) -> SiteLanguage {
        var tally = SiteLanguage.Tally()
        for scalar in note.title.unicodeScalars { tally.add(scalar) }
        for scalar in (note.frontMatter.brief ?? "").unicodeScalars { tally.add(scalar) }
        var reader = ProseReader()
        for segment in note.body.segments where tally.total < limit {
            if case .html(let html) = segment { reader.read(html, into: &tally, limit: limit) }
        }
        return tally.language
    }

    /// The language most notes are written in (English on a tie or with no notes): the
    /// default language of a vault's interface words.
    static func majority(of notes: [Note], votes: LanguageVotes? = nil) -> SiteLanguage {
        let chinese = notes.count { note in
            if let known = votes?.vote(of: note.contentHash) { return known == .zh }
            let vote = of(note, limit: voteLimit)
            votes?.record(vote, for: note.contentHash)
            return vote == .zh
        }
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

/// Each note's vote in `NoteLanguage.majority`, by content hash, kept between the preview's
/// rebuilds: reading every note's prose again on each edit was a tenth of a rebuild.
final class LanguageVotes: Sendable {
    private let votes = Mutex<[String: SiteLanguage]>([:])

    func vote(of contentHash: String) -> SiteLanguage? { votes.withLock { $0[contentHash] } }

    func record(_ vote: SiteLanguage, for contentHash: String) { votes.withLock { $0[contentHash] = vote } }
}
