import Foundation
import CCmark
import Diagnostics

/// A Markdown construct libcmark 0.30 does not know (GFM's tables, task lists, strikethrough,
/// autolinks; Obsidian's callouts, block ids, highlights, tags), added by rewriting cmark's
/// tree after it parsed the note.
///
/// Each construct is one small type in `Markdown/Extensions/`; `MarkdownPass` applies them in
/// `MarkdownExtensions.all` order. An extension never frees a node another one may still
/// hold: it collects first, then rewrites.
protocol MarkdownExtension {
    /// Bytes whose absence from the note means the construct cannot occur (any one suffices),
    /// so most notes skip most extensions without walking the tree; empty: always run.
    static var markers: [String] { get }
    /// Rewrites `tree` in place; problems go to `context.diagnostics`.
    static func apply(to tree: CmarkTree, context: inout MarkdownContext)
}

extension MarkdownExtension {
    static var markers: [String] { [] }

    /// Whether the note's text holds one of `markers`.
    static func mayApply(to text: [UInt8]) -> Bool {
        guard !markers.isEmpty else { return true }
        return markers.contains { contains(text, Array($0.utf8)) }
    }

    /// Whether `needle` occurs in `text` (memchr for the first byte, then a compare).
    static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return text.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            var i = 0
            while i + needle.count <= b.count {
                guard let hit = memchr(base + i, Int32(first), b.count - i) else { return false }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard i + needle.count <= b.count else { return false }
                var match = true
                for j in 1..<needle.count where b[i + j] != needle[j] { match = false; break }
                if match { return true }
                i += 1
            }
            return false
        }
    }
}

/// The extensions, in the order they run: block constructs (which may re-parse cells and
/// move nodes) before inline ones, so table cells and callout titles get the inline ones too.
enum MarkdownExtensions {
    static var block: [any MarkdownExtension.Type] { [
        Table.self, TaskList.self, BlockID.self, Callout.self,
    ] }
    static var inline: [any MarkdownExtension.Type] { [
        RawHTML.self, DelimitedInline.self, ExtendedAutolink.self, InlineTag.self,
    ] }
    /// Run last: footnote definitions carry their content (already rewritten) to the end.
    static var final: [any MarkdownExtension.Type] { [Footnote.self] }
    static var all: [any MarkdownExtension.Type] { block + inline + final }

    static func applyInline(to tree: CmarkTree, context: inout MarkdownContext) {
        for ext in inline { ext.apply(to: tree, context: &context) }
    }

    /// Every extension whose markers the note holds, in order.
    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        for ext in all where ext.mayApply(to: context.text) { ext.apply(to: tree, context: &context) }
    }
}

/// What extensions share while rewriting one note: the text cmark parsed, positions, and
/// what they found.
struct MarkdownContext {
    /// The cut-out text (with placeholders) cmark parsed.
    let text: [UInt8]
    let lines: LineIndex
    let map: OffsetMap
    var locator: Locator
    var diagnostics: [Diagnostic] = []
    var blockIDs: [String] = []
    var inlineTags: [String] = []
    /// Whether cmark renders raw HTML (`raw_html: true`).
    let rawHTML: Bool
    /// Footnote references and definitions the scanner found.
    var footnoteReferences: [FootnoteMark] = []
    var footnoteDefinitions: [FootnoteMark] = []
    /// Set while a piece of text (a table cell) is parsed on its own: where it sits in the note.
    var fragmentLocation: SourceLocation?

    /// Offset in `text` of a cmark line and byte column.
    func offset(line: Int32, column: Int32) -> Int {
        lines.offset(line: Int(line), byteColumn: Int(column), count: text.count)
    }

    /// The location in the note's file of a cmark line and byte column.
    mutating func location(line: Int32, column: Int32) -> SourceLocation {
        locator.location(ofOffset: map.originalOffset(ofSubstituted: offset(line: line, column: column)))
    }

    mutating func location(of node: OpaquePointer) -> SourceLocation {
        location(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
    }

    /// Registers an inline tag and returns its index in `inlineTags`.
    mutating func tagIndex(_ tag: String) -> Int {
        if let i = inlineTags.firstIndex(of: tag) { return i }
        inlineTags.append(tag)
        return inlineTags.count - 1
    }
}

extension CmarkTree {
    /// Every node of the given types, in document order (collected before any rewriting).
    func nodes(ofType types: Set<UInt32>) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        walk { node, entering in
            if entering, types.contains(CmarkTree.type(node).rawValue) { found.append(node) }
        }
        return found
    }

    /// A new custom block with the given enter and exit HTML.
    static func customBlock(enter: String, exit: String = "") -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        _ = enter.withCString { cmark_node_set_on_enter(node, $0) }
        _ = exit.withCString { cmark_node_set_on_exit(node, $0) }
        return node
    }

    /// A new custom inline with the given enter and exit HTML.
    static func customInline(enter: String, exit: String = "") -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        _ = enter.withCString { cmark_node_set_on_enter(node, $0) }
        _ = exit.withCString { cmark_node_set_on_exit(node, $0) }
        return node
    }

    /// A new text node.
    static func textNode(_ bytes: ArraySlice<UInt8>) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        setLiteral(node, bytes)
        return node
    }

    static func setLiteral(_ node: OpaquePointer, _ bytes: ArraySlice<UInt8>) {
        var z = Array(bytes)
        z.append(0)
        _ = z.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { cmark_node_set_literal(node, $0.baseAddress) }
        }
    }

    /// Whether a node's literal holds `byte`, without copying it (the extensions' cheap filter).
    static func literalHas(_ node: OpaquePointer, _ byte: UInt8) -> Bool {
        guard let c = cmark_node_get_literal(node) else { return false }
        return strchr(c, Int32(byte)) != nil
    }

    /// Whether a node's literal holds `text`, without copying it.
    static func literalHas(_ node: OpaquePointer, _ text: String) -> Bool {
        guard let c = cmark_node_get_literal(node) else { return false }
        return text.withCString { strstr(c, $0) != nil }
    }

    /// The literal of a text node as bytes.
    static func literalBytes(_ node: OpaquePointer) -> [UInt8] {
        guard let c = cmark_node_get_literal(node) else { return [] }
        return Array(String(cString: c).utf8)
    }

    /// Moves every child of `from` to the end of `to`.
    static func moveChildren(from: OpaquePointer, to: OpaquePointer) {
        while let child = cmark_node_first_child(from) {
            cmark_node_unlink(child)
            if cmark_node_append_child(to, child) != 1 { cmark_node_free(child) }
        }
    }

    /// Whether `node` lies inside a node of one of the given types.
    static func hasAncestor(_ node: OpaquePointer, ofType types: Set<UInt32>) -> Bool {
        var p = cmark_node_parent(node)
        while let parent = p {
            if types.contains(type(parent).rawValue) { return true }
            p = cmark_node_parent(parent)
        }
        return false
    }
}

extension cmark_node_type {
    static let inlineCodeLike: Set<UInt32> = [CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue,
                                               CMARK_NODE_CODE.rawValue, CMARK_NODE_HTML_INLINE.rawValue]
}
