import ArgumentParser
import Foundation

/// `qed new`: a note from the vault's template.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a note from the vault's templates/note.md (or the built-in template).",
        discussion: """
            The title comes from --title or the file name; created and updated are today. \
            Folders are created as needed; an existing file is never overwritten.
            """)

    @Argument(help: "The new note's path ('.md' is added when missing).", completion: .file(extensions: ["md"]))
    var path: String

    @Option(help: "The note's title (default: the file name).")
    var title: String?

    func run() throws {
        let file = path.hasSuffix(".md") ? path : path + ".md"
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        guard !name.isEmpty else { throw ValidationError("'\(path)' has no file name.") }
        let vault = VaultLocation.vault(containing: file)
        let template = (try? String(contentsOfFile: vault + "/templates/note.md", encoding: .utf8)) ?? StarterFiles.noteTemplate
        let noteTitle = title ?? name
        // Inside YAML double quotes the title is escaped; elsewhere (a heading) it stands as typed.
        let text = template
            .replacingOccurrences(of: "\"{{title}}\"", with: "\"" + yamlSafe(noteTitle) + "\"")
            .replacingOccurrences(of: "{{title}}", with: noteTitle.replacingOccurrences(of: "\n", with: " "))
            .replacingOccurrences(of: "{{date}}", with: NoteFile.today())
        switch NoteFile.create(file, text) {
        case .created:
            Terminal.write("created \(file)\n")
        case .exists:
            Terminal.writeError("error: \(file) already exists; qed new never overwrites a note\n")
            throw ExitStatus.usage
        case .failed(let reason):
            Terminal.writeError("error: cannot create \(file): \(reason)\n")
            throw ExitStatus.usage
        }
    }

    /// The title as it may stand inside the template's double quotes.
    private func yamlSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
