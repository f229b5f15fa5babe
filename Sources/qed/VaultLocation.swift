import Foundation

/// Where a command finds its vault when none is named.
enum VaultLocation {
    /// The nearest folder at or above the working directory holding a `qed.yml`;
    /// otherwise `notes/` when it exists (QED's own layout); otherwise the working directory,
    /// which is said on standard error so a command run in the wrong folder does not pass quietly.
    static func defaultVault() -> String {
        let found = findDefaultVault()
        if found == "." {
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
            Terminal.writeError("qed: no qed.yml in \(here) or above it and no ./notes folder; "
                                + "using the current folder as the vault\n")
        }
        return found
    }

    private static func findDefaultVault() -> String {
        let fileManager = FileManager.default
        var folder = URL(fileURLWithPath: fileManager.currentDirectoryPath).standardizedFileURL
        while true {
            if fileManager.fileExists(atPath: folder.appendingPathComponent("qed.yml").path) {
                return relativeToWorkingDirectory(folder.path)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: "notes", isDirectory: &isDirectory), isDirectory.boolValue {
            return "notes"
        }
        return "."
    }

    /// The vault that holds `file`: the nearest ancestor with a `qed.yml`, else the file's folder.
    static func vault(containing file: String) -> String {
        let fileManager = FileManager.default
        let start = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        var folder = start
        while true {
            if fileManager.fileExists(atPath: folder.appendingPathComponent("qed.yml").path) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return start.path }
            folder = parent
        }
    }

    /// The prefix that turns vault-relative paths into paths from the working directory.
    static func displayPrefix(for vault: String) -> String {
        let shown = relativeToWorkingDirectory(vault)
        if shown == "." || shown.isEmpty { return "" }
        return shown.hasSuffix("/") ? shown : shown + "/"
    }

    private static func relativeToWorkingDirectory(_ path: String) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if absolute == cwd { return "." }
        if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
        return path
    }
}
