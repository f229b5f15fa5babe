import Notes

/// Feeds arbitrary bytes to the note reader as a note that starts with front matter, so the
/// YAML parser and its error locator see every input. A crash is the failure signal.
func fuzzFrontMatter(_ bytes: [UInt8]) {
    let text = Array("---\n".utf8) + bytes + Array("\n---\n# Body\n".utf8)
    _ = Note.parse(bytes: text, path: "fuzz.md").diagnostics.count
}
