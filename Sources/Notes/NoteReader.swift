import CCmark
import Diagnostics
import Foundation
import Storage

/// Why a file could not be read as a note at all (the vault goes on without it).
public struct NoteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Located at the file (line 1, or the offending line).
    public var diagnostic: Diagnostic
    /// The diagnostic's one-line form.
    public var description: String { diagnostic.description }
}

extension Note {
    /// Reads one note from disk.
    ///
    /// - Parameters:
    ///   - path: Where the file is (absolute, or relative to the current directory).
    ///   - relativePath: The name used in the note's locations and links (vault-relative).
    /// - Throws: `NoteError` when the file cannot be read, is not a regular file, or is binary.
    /// - Parameter contentKey: The file's content hash if the caller just computed it: a note
    ///   the cache holds for it is taken without reading the file.
    public static func read(path: String, relativePath: String,
                            config: VaultConfig = VaultConfig(), cache: NoteCache? = nil,
                            contentKey: String? = nil) throws(NoteError) -> Note {
        let at = SourceLocation(file: relativePath, line: 1, column: 1)
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw NoteError(diagnostic: .error(.unreadableFile, "cannot read note: \(String(cString: strerror(errno)))", at: at))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw NoteError(diagnostic: .error(.unreadableFile, "cannot read note: not a regular file", at: at))
        }
        let stamp = FileStamp(info)
        if let note = cache?.note(path: relativePath, stamp: stamp) { return note }
        if let contentKey, let note = cache?.note(path: relativePath, contentKey: contentKey) { return note }
        if Int(info.st_size) > config.limits.noteBytes {
            throw NoteError(diagnostic: .error(.noteTooLarge, "note is \(info.st_size) bytes, over the limit of \(config.limits.noteBytes); skipped",
                                               at: at, hint: "split the note, or raise limits: note_bytes in qed.yml"))
        }
        guard let bytes = readFile(path, limit: config.limits.noteBytes) else {
            throw NoteError(diagnostic: .error(.unreadableFile, "cannot read note: \(String(cString: strerror(errno)))", at: at,
                                               hint: "check the file's permissions"))
        }
        if DecodedSource.looksBinary(bytes) {
            let nul = bytes.firstIndex(of: 0) ?? 0
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw NoteError(diagnostic: .error(
                .binaryFile, "file contains NUL bytes and looks binary; skipped",
                at: SourceLocation(file: relativePath, line: line, column: 1),
                hint: "rename it if it is not a Markdown note"))
        }
        guard let cache else { return parse(bytes: bytes, path: relativePath, config: config) }
        return cache.note(path: relativePath, bytes: bytes, stamp: stamp) { parse(bytes: bytes, path: relativePath, config: config) }
    }

    /// Reads a note from bytes already in memory (stdin, tests). Never fails: every problem
    /// becomes a diagnostic on the note.
    public static func parse(bytes raw: [UInt8], path: String, config: VaultConfig = VaultConfig()) -> Note {
        var diagnostics: [Diagnostic] = []
        let decoded = DecodedSource(raw: raw, file: path)
        diagnostics += decoded.diagnostics
        var working = decoded.bytes

        var frontMatter = FrontMatter()
        let (block, unclosed) = FrontMatterBlock.find(in: working)
        if let block {
            var parser = FrontMatterParser(file: path)
            frontMatter = parser.parse(block.yaml, limits: config.limits)
            diagnostics += parser.diagnostics
            // Blank the front matter but keep its line breaks: offsets and lines stay those of the file.
            for k in 0..<block.bodyStart where working[k] != 0x0A { working[k] = 0x20 }
        } else if unclosed {
            diagnostics.append(.warning(.frontMatterUnclosed, "front matter starting here is never closed; it is read as Markdown",
                                        at: SourceLocation(file: path, line: 1, column: 1), length: 3,
                                        hint: "end the front matter with a line of three dashes '---'"))
        }
        if !working.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) {
            diagnostics.append(.warning(.emptyNote, block == nil ? "note is empty" : "note has front matter but no content",
                                        at: SourceLocation(file: path, line: 1, column: 1)))
        }

        var locator = Locator(file: path, bytes: working)
        let cutout: Cutout
        // The first tree is freed only after the second parse: freeing millions of nodes
        // right before the large allocations that follow makes glibc's malloc consolidate
        // its free lists at every one of them.
        var firstTree: CmarkTree?
        if mayHoldCutouts(working) {
            let blocks: BlockLines
            (blocks, firstTree) = blockLines(working, lineCount: locator.lines.starts.count, rawHTML: config.allowRawHTML)
            cutout = Cutout.make(source: working, blocks: blocks, locator: &locator)
        } else {
            cutout = Cutout(text: working)
        }
        diagnostics += cutout.diagnostics
        let pass = MarkdownPass.run(cutout: cutout, rawHTML: config.allowRawHTML, hardBreaks: config.hardLineBreaks,
                                    locator: &locator)
        diagnostics += pass.diagnostics
        withExtendedLifetime(firstTree) {}

        let id = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        let fileName = id.split(separator: "/").last.map(String.init) ?? id
        // Obsidian shows the file name, never the first heading, when there is no `title:`.
        let title = frontMatter.title.map(\.trimmingSpaces).flatMap { $0.isEmpty ? nil : $0 } ?? fileName
        var note = Note(path: path, id: id, frontMatter: frontMatter, title: title, body: pass.body,
                        math: pass.math, links: cutout.links, cells: pass.cells,
                        inlineExpressions: cutout.inlineExpressions, headings: pass.headings,
                        blockIDs: pass.blockIDs, inlineTags: pass.inlineTags,
                        diagnostics: diagnostics, contentHash: fnv1aHex(raw))
        note.openingLanguage = NoteLanguage.of(note, limit: NoteLanguage.voteLimit)
        return note
    }

    /// What the first parse says about each line: code/HTML (never scanned) and which
    /// paragraph or heading it belongs to (cmark's own inline spans never leave one).
    static func blockLines(_ bytes: [UInt8], lineCount: Int, rawHTML: Bool) -> (BlockLines, CmarkTree?) {
        var lines = BlockLines(excluded: [Bool](repeating: false, count: lineCount),
                               inlineBlock: [Int32](repeating: 0, count: lineCount))
        let parsed = FootnoteDefinitionMask.masked(bytes) ?? bytes
        guard let tree = CmarkTree(bytes: parsed, options: cmarkOptions(rawHTML: rawHTML)) else { return (lines, nil) }
        var nextID: Int32 = 1
        tree.walkBlocks { node in
            let type = CmarkTree.type(node)
            let isCode = type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK
            guard isCode || type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING else { return }
            let start = max(1, Int(cmark_node_get_start_line(node)))
            let end = min(lineCount, Int(cmark_node_get_end_line(node)))
            guard start <= end else { return }
            for k in start...end {
                if isCode { lines.excluded[k - 1] = true } else { lines.inlineBlock[k - 1] = nextID }
            }
            nextID &+= 1
        }
        return (lines, tree)
    }

    /// Whether the text has anything the cut-out could take: a `$`, a `[[`, or a backtick
    /// followed by `=` (possibly after one space). Plain notes skip the first parse.
    static func mayHoldCutouts(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c == 0x24 { return true }
                if c == 0x25, i + 1 < n, b[i + 1] == 0x25 { return true }
                if c == 0x5B, i + 1 < n, b[i + 1] == 0x5E { return true }
                if c == 0x5B, i + 1 < n, b[i + 1] == 0x5B { return true }
                if c == 0x60 {
                    var k = i + 1
                    while k < n, b[k] == 0x60 { k += 1 }
                    if k < n, b[k] == 0x20 { k += 1 }
                    if k < n, b[k] == 0x3D { return true }
                    i = k
                    continue
                }
                i += 1
            }
            return false
        }
    }
}
