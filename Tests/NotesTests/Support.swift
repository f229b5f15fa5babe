import Foundation
@testable import Notes

/// Reads a note from a string literal, as if it sat at `path` in a vault.
func note(_ text: String, path: String = "test.md", config: VaultConfig = VaultConfig()) -> Note {
    Note.parse(bytes: Array(text.utf8), path: path, config: config)
}

/// Fills every hole with its plain source, as cmark would have rendered it had there been no holes.
func plainRender(_ note: Note) -> String {
    note.body.render { hole in
        switch hole {
        case .headingAnchor: return ""
        case .cell(let i):
            let c = note.cells[i]
            let language = c.info.split(separator: " ").first.map(String.init) ?? ""
            return "<pre><code class=\"language-\(MarkdownBody.escapeHTML(language))\">\(MarkdownBody.escapeHTML(c.code))</code></pre>"
        case .inlineValue(let i): return "<code>\(MarkdownBody.escapeHTML(note.inlineExpressions[i].codeText))</code>"
        case .math(let i): return "[\(note.math[i].display ? "D" : "I"):\(MarkdownBody.escapeHTML(note.math[i].tex))]"
        case .link(let i): return "[[\(note.links[i].target)]]"
        case .tag(let i): return "#" + note.inlineTags[i]
        }
    }
}

/// A temporary folder, removed when the test ends.
final class TemporaryVault {
    let root: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/qed-notes-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        _ = chmodTree(root)
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes `text` (or raw bytes) at a vault-relative path, creating folders.
    @discardableResult
    func write(_ relative: String, _ text: String) -> String { write(relative, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let path = root + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func mkdir(_ relative: String) {
        try? FileManager.default.createDirectory(atPath: root + "/" + relative, withIntermediateDirectories: true)
    }

    private func chmodTree(_ path: String) -> Bool {
        chmod(path, 0o755)
        if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
            for n in names { _ = chmod(path + "/" + n, 0o755) }
        }
        return true
    }
}
