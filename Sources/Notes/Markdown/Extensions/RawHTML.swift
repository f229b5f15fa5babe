import CCmark
import Diagnostics

/// Raw HTML in notes when `raw_html: false` (the default): a safe allow-list is kept (line
/// breaks, sub/superscripts, `<mark>`, `<kbd>`, `<details>`, tables, images with a relative or
/// https source, coloured `<span>`/`<font>`, aligned `<div>`, …), everything else is dropped,
/// each drop with a located warning. Tags are read by `HTMLTokenizer`, never by patterns.
///
/// What is kept verbatim is exactly what cmark `--unsafe` would write; a node with nothing
/// allowed becomes cmark's own `<!-- raw HTML omitted -->`. Open and close tags are balanced
/// across the note, so a stray `</div>` cannot close the page's own containers.
enum RawHTML: MarkdownExtension {
    static let markers = ["<"]

    static func apply(to tree: CmarkTree, context: inout MarkdownContext) {
        guard !context.rawHTML else { return }
        var sanitizer = HTMLSanitizer()
        var last: OpaquePointer?
        for node in tree.nodes(ofType: [CMARK_NODE_HTML_BLOCK.rawValue, CMARK_NODE_HTML_INLINE.rawValue]) {
            let block = CmarkTree.type(node) == CMARK_NODE_HTML_BLOCK
            let result = sanitizer.clean(CmarkTree.literalBytes(node))
            if !result.dropped.isEmpty {
                let at = location(of: node, context: &context)
                context.diagnostics.append(.warning(
                    .rawHTML, "raw HTML dropped: \(result.dropped.prefix(4).joined(separator: ", "))\(result.dropped.count > 4 ? ", …" : "")",
                    at: at, hint: "QED keeps a safe subset of HTML (br, sub, sup, mark, kbd, u, small, details, tables, img with an https or relative src, span/font colour, div align); set raw_html: true in qed.yml to publish HTML as written"))
            }
            let html = result.html.isEmpty ? HTMLSanitizer.omitted : result.html
            let replacement = block ? CmarkTree.customBlock(enter: html) : CmarkTree.customInline(enter: html)
            guard let replacement else { continue }
            if cmark_node_insert_before(node, replacement) == 1 {
                cmark_node_unlink(node); cmark_node_free(node)
                last = replacement
            } else {
                cmark_node_free(replacement)
            }
        }
        let closing = sanitizer.closeAll()
        if !closing.html.isEmpty, let end = CmarkTree.customBlock(enter: closing.html) {
            _ = cmark_node_append_child(tree.root, end)
        }
        if !closing.tags.isEmpty, let last {
            context.diagnostics.append(.warning(
                .rawHTMLUnclosed, "HTML element\(closing.tags.count == 1 ? "" : "s") never closed: \(closing.tags.map { "<\($0)>" }.joined(separator: ", "))",
                at: location(of: last, context: &context), hint: "close it; QED closes it at the end of the note"))
        }
    }

    /// Inline nodes carry no position in cmark 0.30: the nearest positioned ancestor's.
    static func location(of node: OpaquePointer, context: inout MarkdownContext) -> SourceLocation {
        if let fragment = context.fragmentLocation { return fragment }
        var p: OpaquePointer? = node
        while let n = p {
            if cmark_node_get_start_line(n) > 0 { return context.location(of: n) }
            p = cmark_node_parent(n)
        }
        return context.location(line: 1, column: 1)
    }
}

/// The allow-list and the balancing of open elements across one note.
struct HTMLSanitizer {
    static let omitted = "<!-- raw HTML omitted -->"
    static let voidElements: Set<String> = ["br", "img", "hr", "col", "wbr"]
    /// Allowed elements and the attributes each may carry besides the global ones.
    static let allowed: [String: Set<String>] = [
        "br": [], "wbr": [], "hr": [], "sub": [], "sup": [], "mark": [], "kbd": [], "u": [], "small": [], "big": [],
        "b": [], "i": [], "em": [], "strong": [], "s": [], "del": [], "ins": [], "abbr": [], "cite": [], "q": [],
        "code": [], "pre": [], "samp": [], "var": [], "center": [],
        "details": ["open"], "summary": [],
        "table": ["align", "width", "border", "cellpadding", "cellspacing"], "caption": [],
        "thead": [], "tbody": [], "tfoot": [], "tr": ["align", "valign"],
        "th": ["align", "valign", "colspan", "rowspan", "width", "scope"], "td": ["align", "valign", "colspan", "rowspan", "width"],
        "colgroup": ["span", "width"], "col": ["span", "width"],
        "img": ["src", "alt", "width", "height", "align"],
        "a": ["href", "name"],
        "span": [], "font": ["color", "size", "face"], "div": ["align"], "p": ["align"],
        "ul": [], "ol": ["start", "type", "reversed"], "li": ["value"], "dl": [], "dt": [], "dd": [],
        "blockquote": [], "h1": ["align"], "h2": ["align"], "h3": ["align"], "h4": ["align"], "h5": ["align"], "h6": ["align"],
        "figure": [], "figcaption": [], "ruby": [], "rt": [], "rp": [],
    ]
    static let globalAttributes: Set<String> = ["title", "lang", "dir", "style"]
    /// More nested open elements than this are dropped (bounded work, bounded output).
    static let maxDepth = 256

    private var open: [String] = []

    struct Cleaned {
        var html: String
        /// What was dropped, as `<script>`, `onerror=` etc.
        var dropped: [String]
    }

    /// The allowed part of one raw HTML node.
    mutating func clean(_ bytes: [UInt8]) -> Cleaned {
        let tokens = HTMLTokenizer(bytes).tokens
        var out = ""
        var dropped: [String] = []
        var lastWasOmitted = false
        func omit(_ what: String?) {
            if let what, !dropped.contains(what) { dropped.append(what) }
            if !lastWasOmitted { out += Self.omitted }
            lastWasOmitted = true
        }
        func emit(_ s: String) { out += s; lastWasOmitted = false }
        var skipRawText = false
        for token in tokens {
            // The raw text right after `<script>`, `<style>`… goes with the dropped element.
            let skipping = skipRawText
            skipRawText = false
            switch token {
            case .text(let r):
                if skipping { continue }
                emit(String(decoding: bytes[r], as: UTF8.self))
            case .comment:
                omit(nil)
            case .unfinishedTag(let r):
                omit("unfinished tag " + String(decoding: bytes[r].prefix(20), as: UTF8.self))
            case .startTag(let name, let attributes, let selfClosing, let source):
                skipRawText = HTMLTokenizer.rawTextElements.contains(name)
                guard let extra = Self.allowed[name] else { omit("<\(name)>"); continue }
                guard open.count < Self.maxDepth else { omit("<\(name)> nested too deep"); continue }
                var kept: [String] = []
                var changed = false
                for attribute in attributes {
                    if let value = Self.check(attribute, element: name, allowed: extra) {
                        kept.append(value)
                        if value.isEmpty { changed = true }
                    } else {
                        changed = true
                        let what = attribute.name.hasPrefix("on") ? "\(attribute.name)=" : "\(attribute.name)= on <\(name)>"
                        if !dropped.contains(what) { dropped.append(what) }
                    }
                }
                if !Self.voidElements.contains(name) && !selfClosing { open.append(name) }
                if changed {
                    let attributeText = kept.filter { !$0.isEmpty }.map { " " + $0 }.joined()
                    emit("<\(name)\(attributeText)\(selfClosing ? " /" : "")>")
                } else {
                    emit(String(decoding: bytes[source], as: UTF8.self))
                }
            case .endTag(let name, let source):
                // The end tag of a dropped element goes with it (its start tag was reported).
                guard Self.allowed[name] != nil else { omit(nil); continue }
                if Self.voidElements.contains(name) { emit(String(decoding: bytes[source], as: UTF8.self)); continue }
                guard let index = open.lastIndex(of: name) else { omit("</\(name)> without <\(name)>"); continue }
                open.removeSubrange(index...)
                emit(String(decoding: bytes[source], as: UTF8.self))
            }
        }
        return Cleaned(html: out, dropped: dropped)
    }

    /// Elements whose end tag HTML lets authors leave out.
    static let optionalEnd: Set<String> = ["li", "dt", "dd", "p", "tr", "td", "th", "thead", "tbody", "tfoot",
                                           "colgroup", "caption", "rt", "rp"]

    /// Closing tags for everything still open, innermost first, and the elements among them
    /// whose end tag is not optional (those are reported).
    mutating func closeAll() -> (html: String, tags: [String]) {
        let tags = open
        open.removeAll()
        return (tags.reversed().map { "</\($0)>" }.joined(), tags.filter { !Self.optionalEnd.contains($0) })
    }

    /// The attribute as it may be written (`name="value"`, re-escaped), "" when it is kept
    /// out quietly (a style with nothing left), nil when it is dropped.
    static func check(_ attribute: HTMLTokenizer.Attribute, element: String, allowed: Set<String>) -> String? {
        let name = attribute.name
        guard allowed.contains(name) || globalAttributes.contains(name) else { return nil }
        var value = attribute.value
        switch name {
        case "href":
            guard SafeURL.isSafe(value, images: false) else { return nil }
        case "src":
            guard SafeURL.isSafe(value, images: true) else { return nil }
        case "style":
            guard let style = SafeStyle.filter(value) else { return nil }
            value = style
        default:
            break
        }
        guard attribute.hasValue else { return name }
        return "\(name)=\"\(MarkdownBody.escapeHTML(value))\""
    }
}

/// URLs raw HTML may point to: relative ones, and `https:` (links also `http:` and `mailto:`).
enum SafeURL {
    static func isSafe(_ raw: String, images: Bool) -> Bool {
        // Browsers strip leading and trailing C0 controls and spaces and remove tabs and newlines.
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        let lower = cleaned.lowercased()
        if lower.hasPrefix("//") || lower.hasPrefix("\\\\") || lower.hasPrefix("/\\") || lower.hasPrefix("\\/") { return false }
        guard let colon = lower.firstIndex(of: ":") else { return true }
        let beforeColon = lower[..<colon]
        // A `/`, `?` or `#` before the first `:` makes it a relative path, not a scheme.
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        let scheme = String(beforeColon)
        return images ? scheme == "https" : ["https", "http", "mailto"].contains(scheme)
    }
}

/// `style` attributes keep only colours and text alignment, with plain values.
enum SafeStyle {
    static let properties: Set<String> = ["color", "background-color", "background", "text-align"]

    /// The declarations to keep, or nil when some declaration is not allowed (the whole
    /// attribute is dropped and reported: half a style can mislead as much as none).
    static func filter(_ style: String) -> String? {
        var kept: [String] = []
        for declaration in style.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            let property = parts.first.map { String($0).trimmingSpaces.lowercased() } ?? ""
            if property.isEmpty, parts.count <= 1, declaration.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) { continue }
            guard parts.count == 2, properties.contains(property) else { return nil }
            let value = String(parts[1]).trimmingSpaces
            guard isPlainValue(value) else { return nil }
            kept.append("\(property): \(value)")
        }
        return kept.joined(separator: "; ")
    }

    /// A colour keyword, `#hex`, `rgb(…)`/`rgba(…)`/`hsl(…)` of numbers, or an alignment word.
    static func isPlainValue(_ value: String) -> Bool {
        guard !value.isEmpty, value.count <= 64 else { return false }
        let lower = value.lowercased()
        if lower.hasPrefix("#") { return lower.dropFirst().allSatisfy(\.isHexDigit) && (4...9).contains(lower.count) }
        for fn in ["rgb(", "rgba(", "hsl(", "hsla("] where lower.hasPrefix(fn) && lower.hasSuffix(")") {
            return lower.dropFirst(fn.count).dropLast().allSatisfy { $0.isNumber || " ,.%/".contains($0) }
        }
        return lower.allSatisfy { $0 >= "a" && $0 <= "z" || $0 == "-" }
    }
}
