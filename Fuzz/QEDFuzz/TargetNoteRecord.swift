import Notes

/// Feeds arbitrary bytes to the reader of the parse cache's note records (a damaged or
/// hand-edited `.qed-cache/notes.bin` must be refused, never trap), and checks that a record
/// that reads back writes the same bytes again.
func fuzzNoteRecord(_ bytes: [UInt8]) {
    guard let note = Note.fromRecord(bytes) else { return }
    // Bytes, not values: a YAML `.nan` in front matter is a NaN, which equals nothing.
    guard let again = Note.fromRecord(note.record), again.record == note.record else {
        fatalError("a note record does not round-trip")
    }
}
