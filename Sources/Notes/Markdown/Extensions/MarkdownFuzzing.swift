/// The whole Markdown pass of one note, as the fuzz target `fuzzMarkdown` and the in-process
/// mutation test drive it: reading with raw HTML off and on, resolving its links against a
/// small vault with media, and the HTML tokenizer and sanitiser on their own.
enum MarkdownFuzzing {
    static let files = ["img/a.png", "b.svg", "media/c.mp3", "d.pdf"]

    static func run(_ bytes: [UInt8]) {
        let note = Note.parse(bytes: bytes, path: "dir/fuzz.md")
        let unsafe = Note.parse(bytes: bytes, path: "dir/fuzz.md", config: VaultConfig(allowRawHTML: true))
        let other = Note.parse(bytes: Array("# Other\n\npara ^blk\n".utf8), path: "other.md")
        let resolver = LinkResolver(notes: [note, other], files: files)
        for link in note.links {
            _ = resolver.diagnostic(for: link, resolution: resolver.resolve(link, from: note.id))
        }
        _ = note.body.render { _ in "" }
        _ = unsafe.body.render { _ in "" }
        var sanitizer = HTMLSanitizer()
        _ = sanitizer.clean(bytes)
        _ = sanitizer.closeAll()
    }
}
