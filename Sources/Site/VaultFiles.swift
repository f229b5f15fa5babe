import Foundation

/// Images and other media in the vault, copied to the site at the same paths so a note's
/// `![](figures/plot.png)` works on its page (pages mirror the vault's folders).
///
/// Only files with a known media extension are copied, never hidden files or folders, the
/// vault's top-level `output/` (which the vault loader skips too) or the output folder itself.
enum VaultFiles {
    static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico",
                                          "pdf", "mp3", "mp4", "webm", "ogg", "wav"]

    struct File: Sendable {
        /// Vault-relative path, which is also its path in the site.
        var path: String
        var absolute: String
        /// Size and modification time: a cheap key that changes when the file does.
        var key: String
    }

    static func list(root: String, excluding output: String) -> [File] {
        let fm = FileManager.default
        var files: [File] = []
        var stack = [""]
        while let relativeFolder = stack.popLast() {
            let folder = relativeFolder.isEmpty ? root : root + "/" + relativeFolder
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                let absolute = root + "/" + relative
                guard let attributes = try? fm.attributesOfItem(atPath: absolute),
                      let type = attributes[.type] as? FileAttributeType else { continue }
                if type == .typeDirectory {
                    if relativeFolder.isEmpty && name == "output" { continue }
                    if absolute == output || absolute.hasPrefix(output + "/") { continue }
                    if relative.hasPrefix(SitePaths.generatedFolder) && relativeFolder.isEmpty { continue }
                    stack.append(relative)
                } else if type == .typeRegular,
                          let dot = name.lastIndex(of: "."),
                          extensions.contains(name[name.index(after: dot)...].lowercased()) {
                    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
                    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    files.append(File(path: relative, absolute: absolute, key: "\(size):\(modified)"))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
