import Diagnostics
import Storage

/// Where the whole notes of a vault loaded with a spool are (`Vault.load(spool:)`): the vault
/// keeps each note's outline, and the whole note is decoded from its record when a page needs it.
public struct SpooledNotes: Sendable {
    /// By index into the vault's notes: where that note's record is (the spool, or the parse
    /// cache's file); nil for a note kept whole.
    let places: [EncodedNote?]

    /// The whole note of which `outline` is vault note `i`'s outline; nil when its record cannot
    /// be read back (the scratch file failed under the build).
    public func note(_ i: Int, outline: Note) -> Note? {
        guard places.indices.contains(i), let place = places[i] else { return outline }
        guard let note = place.note(), note.path == outline.path else { return nil }
        return note
    }
}

extension Vault {
    /// Note `i` whole: `notes[i]` itself, or for a vault loaded with a spool its record decoded.
    /// Nil only when a spooled record cannot be read back.
    public func fullNote(_ i: Int) -> Note? {
        guard let spooled else { return notes.indices.contains(i) ? notes[i] : nil }
        return spooled.note(i, outline: notes[i])
    }

    /// The whole note of which `note` is the outline (or `note` itself, when the vault holds
    /// whole notes or it is not one of the vault's): found by path, as `notes` is in path order.
    public func fullNote(of note: Note) -> Note? {
        guard spooled != nil else { return note }
        var (low, high) = (0, notes.count)
        while low < high {
            let middle = (low + high) / 2
            if notes[middle].path.utf8.lexicographicallyPrecedes(note.path.utf8) { low = middle + 1 } else { high = middle }
        }
        guard low < notes.count, notes[low].path == note.path else { return note }
        return fullNote(low)
    }
}

extension Note {
    /// The error for a note whose whole form could not be read back from a run's scratch
    /// file (`Vault.fullNote`): it was not checked, and the run must not pass.
    public var notReadBack: Diagnostic {
        .error(.unreadableFile, "the parsed note could not be read back from qed's scratch file; it was not checked",
               at: SourceLocation(file: path, line: 1, column: 1),
               hint: "run again; if this repeats, check the disk the vault is on")
    }

    /// The note without what only its own page and its verification read (body, math, cells,
    /// inline expressions, its diagnostics): what the link graph and other notes' pages need,
    /// a fraction of the whole in memory.
    public var outline: Note {
        var outline = self
        outline.body = MarkdownBody(segments: [])
        outline.math = []
        outline.cells = []
        outline.inlineExpressions = []
        outline.diagnostics = []
        return outline
    }
}
