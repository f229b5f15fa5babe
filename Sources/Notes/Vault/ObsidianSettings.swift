import Diagnostics
import Foundation

/// What a vault's own Obsidian settings (`.obsidian/app.json`) say about rendering.
public struct ObsidianSettings: Sendable, Hashable {
    /// `strictLineBreaks` (Obsidian's default: false, so a single newline is a line break).
    public var strictLineBreaks = false
    /// `attachmentFolderPath`: `/` (vault root), `./` (beside the note), `./sub` or a vault folder.
    public var attachmentFolder: String?
    /// `newLinkFormat`: `shortest`, `relative` or `absolute`.
    public var linkFormat: String?

    public init(strictLineBreaks: Bool = false, attachmentFolder: String? = nil, linkFormat: String? = nil) {
        self.strictLineBreaks = strictLineBreaks; self.attachmentFolder = attachmentFolder; self.linkFormat = linkFormat
    }

    /// Reads `app.json` text; a file that is not a JSON object is a warning and the defaults.
    public static func parse(_ bytes: [UInt8], file: String = ".obsidian/app.json") -> (ObsidianSettings, [Diagnostic]) {
        var settings = ObsidianSettings()
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return (settings, [.warning(.obsidianSettings, "\(file) is not a JSON object; Obsidian's defaults are used",
                                        at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if let strict = object["strictLineBreaks"] as? Bool { settings.strictLineBreaks = strict }
        if let folder = object["attachmentFolderPath"] as? String, !folder.isEmpty { settings.attachmentFolder = folder }
        if let format = object["newLinkFormat"] as? String { settings.linkFormat = format }
        return (settings, [])
    }
}

extension VaultConfig {
    /// Whether a single newline in a paragraph is a line break: `line_breaks:` in `qed.yml`,
    /// else the vault's Obsidian settings, else CommonMark (a space).
    public var hardLineBreaks: Bool {
        if let lineBreaks { return lineBreaks == .obsidian }
        if let obsidian { return !obsidian.strictLineBreaks }
        return false
    }
}
