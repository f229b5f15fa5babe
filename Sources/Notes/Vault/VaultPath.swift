/// Vault-relative paths as Obsidian treats them in links: `/`-separated, `..` allowed while
/// it stays inside the vault.
public enum VaultPath {
    /// Extensions of files a note can embed or link to besides notes (Obsidian's "Accepted
    /// file formats"): images, audio, video and PDF.
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico"]
    public static let audioExtensions: Set<String> = ["mp3", "wav", "m4a", "ogg", "oga", "3gp", "flac", "webm"]
    public static let videoExtensions: Set<String> = ["mp4", "webm", "ogv", "mov", "mkv"]
    public static let documentExtensions: Set<String> = ["pdf"]
    public static let mediaExtensions = imageExtensions.union(audioExtensions).union(videoExtensions).union(documentExtensions)

    /// What kind of media a path names, by its extension.
    public enum Kind: Sendable, Hashable { case image, audio, video, document, other }

    public static func kind(of path: String) -> Kind {
        let ext = fileExtension(path)
        if imageExtensions.contains(ext) { return .image }
        // `.webm` is video unless it can only be audio; Obsidian plays it as video.
        if videoExtensions.contains(ext) { return .video }
        if audioExtensions.contains(ext) { return .audio }
        if documentExtensions.contains(ext) { return .document }
        return .other
    }

    /// The lower-cased extension of the last path segment ("" when there is none).
    public static func fileExtension(_ path: String) -> String {
        // The last non-empty `/`-separated part's text after its last dot (none when the dot
        // starts the part), found by one backward scan of the UTF-8: every link of every note
        // asks, and splitting the path into parts was a twentieth of a cached `qed check`.
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
        var i = end
        while i > utf8.startIndex {
            let j = utf8.index(before: i)
            switch utf8[j] {
            case UInt8(ascii: "/"): return ""
            case UInt8(ascii: "."):
                guard j > utf8.startIndex, utf8[utf8.index(before: j)] != UInt8(ascii: "/") else { return "" }
                return path[path.index(after: j)..<end].lowercased()
            default: i = j
            }
        }
        return ""
    }

    /// Whether the path ends in an extension other than `.md` (so it names a file, not a note).
    static func hasFileExtension(_ path: String) -> Bool {
        let ext = fileExtension(path)
        return !ext.isEmpty && ext != "md" && mediaExtensions.contains(ext)
    }

    /// Whether the path names a media file by its extension.
    public static func isMediaFile(_ path: String) -> Bool { mediaExtensions.contains(fileExtension(path)) }

    /// The folder of a vault path or note id (`a/b/c` → `a/b`, `c` → ``).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `relative` (which may hold `.` and `..` segments) read from `folder`; nil when it
    /// climbs above the vault root.
    static func join(_ folder: String, _ relative: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for segment in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// The vault's non-note files by path, by name and by path suffix, for embeds such as
/// `![[Pasted image 2024.png]]` or `![[../../images/x.svg]]`.
struct FileTable: Sendable {
    private var byPath: [String: String] = [:]
    private var byName: [String: [String]] = [:]
    /// Obsidian's `attachmentFolderPath`, where pasted files go (`./x` is beside the note).
    private var attachmentFolder: String?

    init(paths: [String], attachmentFolder: String? = nil) {
        self.attachmentFolder = attachmentFolder
        for path in paths {
            byPath[path] = path
            byPath[path.lowercased()] = byPath[path.lowercased()] ?? path
            let name = path.split(separator: "/").last.map(String.init) ?? path
            byName[name, default: []].append(path)
            if name.lowercased() != name { byName[name.lowercased(), default: []].append(path) }
        }
    }

    /// Obsidian's order: relative to the linking note's folder, then the vault path, then a
    /// file name (the one nearest the note when several share it), then a path suffix.
    func lookup(_ target: String, from folder: String) -> String? {
        var written = target
        while written.hasPrefix("/") { written.removeFirst() }
        guard !written.isEmpty else { return nil }
        if let relative = VaultPath.join(folder, written), let found = exact(relative) { return found }
        if let found = exact(VaultPath.join("", written) ?? written) { return found }
        if var attachments = attachmentFolder {
            if attachments.hasPrefix("./") || attachments == "." {
                attachments = VaultPath.join(folder, attachments) ?? ""
            }
            if let inFolder = VaultPath.join(attachments.hasPrefix("/") ? String(attachments.dropFirst()) : attachments, written),
               let found = exact(inFolder) { return found }
        }
        let name = written.split(separator: "/").last.map(String.init) ?? written
        let candidates = byName[name] ?? byName[name.lowercased()] ?? []
        // A relative path that did not resolve still names its tail (`../../images/x.svg`).
        let tail = written.split(separator: "/").drop { $0 == ".." || $0 == "." }.joined(separator: "/")
        let suffix = "/" + tail.lowercased()
        let matching = tail.contains("/") ? candidates.filter { ("/" + $0.lowercased()).hasSuffix(suffix) } : candidates
        return nearest(Array(Set(matching)), to: folder)
    }

    private func exact(_ path: String) -> String? { byPath[path] ?? byPath[path.lowercased()] }

    /// The candidate sharing the longest folder prefix with `folder`, ties to the shortest path.
    private func nearest(_ candidates: [String], to folder: String) -> String? {
        let here = folder.split(separator: "/")
        func shared(_ path: String) -> Int {
            let parts = path.split(separator: "/").dropLast()
            var k = 0
            while k < parts.count, k < here.count, parts[parts.startIndex + k] == here[k] { k += 1 }
            return k
        }
        return candidates.min { a, b in
            let (sa, sb) = (shared(a), shared(b))
            if sa != sb { return sa > sb }
            if a.count != b.count { return a.count < b.count }
            return a < b
        }
    }
}
