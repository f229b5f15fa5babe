import CCmark
import Diagnostics

/// `[^label]` or `[^label]:` as the scanner found it.
struct FootnoteMark: Sendable, Hashable {
    var label: String
    var location: SourceLocation

    /// Private-use kinds beside `Hole`'s: consumed by `Footnote` before the HTML is split.
    static let referenceKind: UInt32 = 0xE008
    static let definitionKind: UInt32 = 0xE009

    static func append(kind: UInt32, index: Int, to bytes: inout [UInt8]) {
        Placeholder.appendScalar(Placeholder.open, to: &bytes)
        Placeholder.appendScalar(kind, to: &bytes)
        for d in String(index).utf8 { Placeholder.appendScalar(Placeholder.digitZero + UInt32(d - 48), to: &bytes) }
        Placeholder.appendScalar(Placeholder.close, to: &bytes)
    }

    /// The kind and index of a mark at `i`, and its byte length.
    static func parse(at i: Int, in b: [UInt8]) -> (kind: UInt32, index: Int, length: Int)? {
        b.withUnsafeBufferPointer { p -> (UInt32, Int, Int)? in
            guard Placeholder.scalar(at: i, in: p) == Placeholder.open, let kind = Placeholder.scalar(at: i + 3, in: p),
                  kind == referenceKind || kind == definitionKind else { return nil }
            var j = i + 6, index = 0, digits = 0
            while let s = Placeholder.scalar(at: j, in: p), s >= Placeholder.digitZero, s <= Placeholder.digitZero + 9, digits < 9 {
                index = index * 10 + Int(s - Placeholder.digitZero); digits += 1; j += 3
            }
            guard digits > 0, Placeholder.scalar(at: j, in: p) == Placeholder.close else { return nil }
            return (kind, index, j + 3 - i)
        }
    }
}

/// GFM footnotes: references `[^x]` become superscript numbers in order of first reference,
/// definitions (which may hold several blocks, indented under `[^x]:`) are moved to a
/// numbered list at the end of the note, each with links back to its references.
/// A reference without a definition stays as written and is reported; so is a definition
/// nobody references (GFM leaves it out of the page).
enum Footnote: MarkdownExtension {
    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        guard !context.footnoteReferences.isEmpty || !context.footnoteDefinitions.isEmpty else { return }
        // Definitions: the list items the scanner made, by label (the first one wins).
        var definitions: [String: OpaquePointer] = [:]
        var found: [OpaquePointer] = []
        for item in tree.nodes(ofType: [CMARK_NODE_ITEM.rawValue]) {
            guard let paragraph = cmark_node_first_child(item), CmarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), CmarkTree.type(first) == CMARK_NODE_TEXT else { continue }
            let literal = CmarkTree.literalBytes(first)
            guard let mark = FootnoteMark.parse(at: 0, in: literal), mark.kind == FootnoteMark.definitionKind,
                  mark.index < context.footnoteDefinitions.count else { continue }
            let rest = literal[mark.length...]
            if rest.isEmpty { cmark_node_unlink(first); cmark_node_free(first) } else { CmarkTree.setLiteral(first, rest) }
            if cmark_node_first_child(paragraph) == nil { cmark_node_unlink(paragraph); cmark_node_free(paragraph) }
            let definition = context.footnoteDefinitions[mark.index]
            let key = definition.label.lowercased()
            found.append(item)
            if definitions[key] == nil {
                definitions[key] = item
            } else {
                context.diagnostics.append(.warning(.duplicateFootnote, "footnote [^\(definition.label)] is defined twice; the first definition is used",
                                                    at: definition.location, hint: "give each footnote its own label"))
            }
        }
        // References, numbered in order of first appearance: in text, and in tables (whose
        // cells were rendered to HTML on their own).
        var numbering = Numbering(definitions: Set(definitions.keys))
        for node in tree.nodes(ofType: [CMARK_NODE_TEXT.rawValue, CMARK_NODE_CUSTOM_BLOCK.rawValue]) {
            if CmarkTree.type(node) == CMARK_NODE_TEXT {
                guard CmarkTree.literalHas(node, 0xEE) else { continue }
                let literal = CmarkTree.literalBytes(node)
                replaceReferences(in: node, literal, numbering: &numbering, context: &context)
            } else if let enter = cmark_node_get_on_enter(node) {
                let html = Array(String(cString: enter).utf8)
                guard html.contains(0xEE) else { continue }
                let pieces = split(html, numbering: &numbering, context: &context)
                guard pieces.contains(where: { $0.html != nil }) else { continue }
                let rewritten = pieces.map { $0.html ?? String(decoding: $0.bytes, as: UTF8.self) }.joined()
                _ = rewritten.withCString { cmark_node_set_on_enter(node, $0) }
            }
        }
        // Only now (references inside definitions are numbered too) do definitions leave the text.
        let used = Set(definitions.values)
        for item in found {
            let list = cmark_node_parent(item)
            cmark_node_unlink(item)
            if let list, cmark_node_first_child(list) == nil { cmark_node_unlink(list); cmark_node_free(list) }
            if !used.contains(item) { cmark_node_free(item) }
        }
        appendSection(to: tree, order: numbering.order, definitions: definitions, counts: numbering.counts)
        var reported = Set<String>()
        for mark in context.footnoteDefinitions {
            let key = mark.label.lowercased()
            guard numbering.numbers[key] == nil, let item = definitions[key], reported.insert(key).inserted else { continue }
            context.diagnostics.append(.warning(.unusedFootnote, "footnote [^\(mark.label)] is never referenced; it is not shown",
                                                at: mark.location, hint: "reference it with [^\(mark.label)] or delete it"))
            cmark_node_free(item)
        }
    }

    /// Numbers by label in order of first reference, and how often each was referenced.
    struct Numbering {
        let definitions: Set<String>
        var numbers: [String: Int] = [:]
        var order: [String] = []
        var counts: [String: Int] = [:]

        /// The HTML for one reference, or nil when its label has no definition.
        mutating func reference(_ label: String) -> String? {
            let key = label.lowercased()
            guard definitions.contains(key) else { return nil }
            if numbers[key] == nil { order.append(key); numbers[key] = order.count }
            let n = numbers[key] ?? 0
            counts[key, default: 0] += 1
            let count = counts[key] ?? 1
            let id = count == 1 ? "fnref-\(n)" : "fnref-\(n)-\(count)"
            return "<sup class=\"footnote-ref\"><a href=\"#fn-\(n)\" id=\"\(id)\" data-footnote-ref>\(n)</a></sup>"
        }
    }

    static func replaceReferences(in node: OpaquePointer, _ b: [UInt8], numbering: inout Numbering,
                                  context: inout MarkdownContext) {
        let pieces = split(b, numbering: &numbering, context: &context)
        guard pieces.contains(where: { $0.html != nil }) else { return }
        for (bytes, html) in pieces {
            let made = html.map { CmarkTree.customInline(enter: $0) } ?? CmarkTree.textNode(bytes)
            guard let made else { continue }
            if cmark_node_insert_before(node, made) != 1 { cmark_node_free(made) }
        }
        cmark_node_unlink(node); cmark_node_free(node)
    }

    /// `b` cut at its reference marks: plain runs, and each mark's HTML.
    static func split(_ b: [UInt8], numbering: inout Numbering, context: inout MarkdownContext)
        -> [(bytes: ArraySlice<UInt8>, html: String?)] {
        var pieces: [(bytes: ArraySlice<UInt8>, html: String?)] = []
        var start = 0, k = 0
        while k < b.count {
            guard b[k] == 0xEE, let mark = FootnoteMark.parse(at: k, in: b), mark.kind == FootnoteMark.referenceKind,
                  mark.index < context.footnoteReferences.count else { k += 1; continue }
            // The scanner wrapped the mark in `(`…`(`, as it does text holes.
            let from = k > start && b[k - 1] == Placeholder.wrapper ? k - 1 : k
            var to = k + mark.length
            if to < b.count, b[to] == Placeholder.wrapper { to += 1 }
            if start < from { pieces.append((b[start..<from], nil)) }
            let reference = context.footnoteReferences[mark.index]
            if let html = numbering.reference(reference.label) {
                pieces.append((b[from..<to], html))
            } else {
                context.diagnostics.append(.warning(.undefinedFootnote, "footnote [^\(reference.label)] has no definition",
                                                    at: reference.location, length: reference.label.unicodeScalars.count + 3,
                                                    hint: "add a line `[^\(reference.label)]: text` to the note"))
                pieces.append((b[from..<to], MarkdownBody.escapeHTML("[^\(reference.label)]")))
            }
            start = to; k = to
        }
        if start < b.count { pieces.append((b[start...], nil)) }
        return pieces
    }


    static func appendSection(to tree: CmarkTree, order: [String], definitions: [String: OpaquePointer], counts: [String: Int]) {
        guard !order.isEmpty, let section = CmarkTree.customBlock(enter: "<section class=\"footnotes\" data-footnotes>\n<ol>", exit: "</ol>\n</section>") else { return }
        for (offset, key) in order.enumerated() {
            guard let item = definitions[key] else { continue }
            let n = offset + 1
            guard let li = CmarkTree.customBlock(enter: "<li id=\"fn-\(n)\">", exit: "</li>") else { continue }
            CmarkTree.moveChildren(from: item, to: li)
            cmark_node_free(item)
            var backrefs = ""
            for k in 1...max(1, counts[key] ?? 1) {
                let id = k == 1 ? "fnref-\(n)" : "fnref-\(n)-\(k)"
                backrefs += " <a href=\"#\(id)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to reference \(n)\(k == 1 ? "" : "-\(k)")\">↩\(k == 1 ? "" : "<sup>\(k)</sup>")</a>"
            }
            if let last = cmark_node_last_child(li), CmarkTree.type(last) == CMARK_NODE_PARAGRAPH,
               let back = CmarkTree.customInline(enter: backrefs) {
                if cmark_node_append_child(last, back) != 1 { cmark_node_free(back) }
            } else if let back = CmarkTree.customBlock(enter: "<p>" + backrefs.dropFirst() + "</p>") {
                if cmark_node_append_child(li, back) != 1 { cmark_node_free(back) }
            }
            if cmark_node_append_child(section, li) != 1 { cmark_node_free(li) }
        }
        if cmark_node_append_child(tree.root, section) != 1 { cmark_node_free(section) }
    }
}

/// The first parse must see footnote definitions as the second does, as list items, or their
/// indented continuation paragraphs look like code and their math is never cut out. Each
/// `[^x]:` at a line start becomes `- ` and filler of the same length (offsets stay put).
enum FootnoteDefinitionMask {
    static func masked(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8]?
        var lineStart = 0
        while lineStart < bytes.count {
            var k = lineStart
            while k < bytes.count, k - lineStart < 3, bytes[k] == 0x20 { k += 1 }
            if k + 3 < bytes.count, bytes[k] == 0x5B, bytes[k + 1] == 0x5E {
                var e = k + 2
                while e < bytes.count, e - k < 104, bytes[e] > 0x20, bytes[e] != 0x5D, bytes[e] != 0x5B { e += 1 }
                if e > k + 2, e + 1 < bytes.count, bytes[e] == 0x5D, bytes[e + 1] == 0x3A {
                    if out == nil { out = bytes }
                    out?[k] = 0x2D
                    out?[k + 1] = 0x20
                    for f in (k + 2)...(e + 1) { out?[f] = 0x78 }
                }
            }
            lineStart = bytes.withUnsafeBufferPointer { LineIndex.newline(in: $0, from: lineStart) ?? bytes.count } + 1
        }
        return out
    }
}
