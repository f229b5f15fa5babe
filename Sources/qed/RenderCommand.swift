import ArgumentParser
import Foundation
import Notes
import Site

/// `qed render`: one note's HTML fragment, without the page template.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one note's HTML fragment (no page template) to standard output.",
        discussion: """
            Cells run and math becomes MathML as on the site. Markdown with no math and no \
            wiki-links comes out exactly as cmark renders it. Links resolve against the note's \
            vault; from standard input, against none.
            """)

    @Argument(help: "The note ('-' or nothing reads standard input).", completion: .file(extensions: ["md"]))
    var file: String = "-"

    func run() throws {
        if file == "-" {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            let note = Note.parse(bytes: bytes, path: "<stdin>")
            let vault = Vault(assembledAt: FileManager.default.currentDirectoryPath, notes: [note])
            Terminal.write(renderFragment(note: note, vault: vault))
            return
        }
        let selection = try VaultSelection(paths: [file])
        guard let path = selection.only?.first, let note = selection.vault.notes.first(where: { $0.path == path }) else {
            Terminal.writeError("error: '\(file)' is not a note QED can read\n")
            throw ExitStatus.usage
        }
        Terminal.write(renderFragment(note: note, vault: selection.vault))
    }
}
