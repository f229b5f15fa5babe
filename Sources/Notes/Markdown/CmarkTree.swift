import CCmark
import Foundation

/// A parsed libcmark document, freed when this object goes away.
///
/// Deliberately not `Sendable` and never exposed: every C pointer stays inside the reader.
final class CmarkTree {
    let root: OpaquePointer

    init?(bytes: [UInt8], options: Int32) {
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress, chars.count > 0 else {
                    return cmark_parse_document("", 0, options)
                }
                return cmark_parse_document(base, chars.count, options)
            }
        }
        guard let parsed else { return nil }
        root = parsed
    }

    deinit { cmark_node_free(root) }

    /// Visits every node in document order (enter and exit events).
    func walk(_ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// Visits block nodes in document order, descending only into containers (block quotes,
    /// lists, items): inline nodes, the bulk of a tree, are never touched.
    func walkBlocks(_ visit: (OpaquePointer) -> Void) {
        var stack: [OpaquePointer] = []
        var next = cmark_node_first_child(root)
        while true {
            guard let node = next else {
                guard let parent = stack.popLast() else { return }
                next = cmark_node_next(parent)
                continue
            }
            visit(node)
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM,
               let child = cmark_node_first_child(node) {
                stack.append(node)
                next = child
            } else {
                next = cmark_node_next(node)
            }
        }
    }

    /// Visits the inline descendants of `node` (enter events only).
    static func walkInlines(of node: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard event == CMARK_EVENT_ENTER, let inline = cmark_iter_get_node(iterator), inline != node else { continue }
            visit(inline)
        }
    }

    /// The HTML of the whole document.
    func renderHTML(options: Int32) -> [UInt8] {
        guard let buffer = cmark_render_html(root, options) else { return [] }
        defer { free(buffer) }
        let length = strlen(buffer)
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_literal(node) else { return "" }
        return String(cString: c)
    }

    static func fenceInfo(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_fence_info(node) else { return "" }
        return String(cString: c)
    }

    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    /// Replaces `node` by a custom block whose HTML is `html`, freeing the old node.
    static func replaceWithCustomBlock(_ node: OpaquePointer, html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        _ = html.withCString { cmark_node_set_on_enter(custom, $0) }
        if cmark_node_insert_before(node, custom) == 1 {
            cmark_node_unlink(node)
            cmark_node_free(node)
        } else {
            cmark_node_free(custom)
        }
    }

    /// Puts a custom inline whose HTML is `html` at the start of `node`'s content.
    static func prependCustomInline(_ node: OpaquePointer, html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        _ = html.withCString { cmark_node_set_on_enter(custom, $0) }
        if cmark_node_prepend_child(node, custom) != 1 { cmark_node_free(custom) }
    }
}

/// The option bits QED parses and renders with.
func cmarkOptions(rawHTML: Bool) -> Int32 {
    var options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
    if rawHTML { options |= CMARK_OPT_UNSAFE }
    return options
}

/// cmark's own HTML for `markdown` (no math, no holes): the reference the holes are tested against.
public func cmarkReferenceHTML(_ markdown: String, rawHTML: Bool = false) -> String {
    var options = CMARK_OPT_DEFAULT
    if rawHTML { options |= CMARK_OPT_UNSAFE }
    guard let tree = CmarkTree(bytes: Array(markdown.utf8), options: options) else { return "" }
    return String(decoding: tree.renderHTML(options: options), as: UTF8.self)
}
