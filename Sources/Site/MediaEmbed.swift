import Foundation
import Markup
import Notes

/// `![[file]]` of an image, audio, video or PDF file of the vault, as HTML that needs no script.
///
/// The part after `|` is Obsidian's size (`500`, `300x200`) and, before it, an alt text
/// (`![[x.png|a diagram|300]]`).
struct MediaEmbed {
    let link: WikiLink
    /// Vault path of the file.
    let path: String
    /// Relative URL from the page to the copied file.
    let url: String

    var html: String {
        let (alt, width, height) = Self.parse(label: link.label)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let src = HTML.escape(url)
        switch VaultPath.kind(of: path) {
        case .image:
            var size = ""
            if let width { size += " width=\"\(width)\"" }
            if let height { size += " height=\"\(height)\"" }
            return "<img class=\"embed-image\" src=\"\(src)\" alt=\"\(HTML.escape(alt ?? name))\"\(size) loading=\"lazy\">"
        case .audio:
            return "<audio class=\"embed-audio\" controls preload=\"metadata\" src=\"\(src)\"><a href=\"\(src)\">\(HTML.escape(name))</a></audio>"
        case .video:
            let size = width.map { " width=\"\($0)\"" } ?? ""
            return "<video class=\"embed-video\" controls preload=\"metadata\" src=\"\(src)\"\(size)><a href=\"\(src)\">\(HTML.escape(name))</a></video>"
        case .document, .other:
            return "<a class=\"embed-file\" href=\"\(src)\"><span class=\"embed-file-icon\" aria-hidden=\"true\">⎙</span> \(HTML.escape(alt ?? name))</a>"
        }
    }

    /// Splits `alt|300x200` into its alt text and size; a size alone leaves the alt text nil.
    static func parse(label: String?) -> (alt: String?, width: Int?, height: Int?) {
        guard let label, !label.isEmpty else { return (nil, nil, nil) }
        var parts = label.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        var width: Int?, height: Int?
        if let last = parts.last, let size = dimensions(last) {
            (width, height) = size
            parts.removeLast()
        }
        let alt = parts.joined(separator: "|")
        return (alt.isEmpty ? nil : alt, width, height)
    }

    /// `300` or `300x200`, each between 1 and 10000 pixels.
    static func dimensions(_ text: String) -> (Int, Int?)? {
        let pieces = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard pieces.count == 1 || pieces.count == 2 else { return nil }
        func pixels(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.count <= 5, s.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(s), v > 0, v <= 10000 else { return nil }
            return v
        }
        guard let width = pixels(pieces[0]) else { return nil }
        if pieces.count == 2 {
            guard let height = pixels(pieces[1]) else { return nil }
            return (width, height)
        }
        return (width, nil)
    }
}
