import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the new site into the staging folder, taking unchanged files from the previous
/// output (hard-linked where the file system allows, else copied) instead of rendering them.
struct StagingWriter: SiteSink {
    let staging: String
    /// The previous site, when there is one.
    let previous: String?
    /// The previous build's key for each file.
    let previousKeys: [String: String]

    /// Puts the previous build's file at `path` into the new site if it was made from the same
    /// key; false when the file must be rendered.
    func reuse(_ path: String, key: String) -> Bool {
        guard previousKeys[path] == key else { return false }
        return carryOver(path)
    }

    /// Puts the previous build's file at `path` into the new site as it is.
    func carryOver(_ path: String) -> Bool {
        guard let previous else { return false }
        let old = previous + "/" + path
        let new = staging + "/" + path
        let fm = FileManager.default
        guard fm.fileExists(atPath: old) else { return false }
        makeParent(of: new)
        if (try? fm.linkItem(atPath: old, toPath: new)) != nil { return true }
        return (try? fm.copyItem(atPath: old, toPath: new)) != nil
    }

    func write(_ path: String, _ data: Data) throws(BuildError) {
        try writeFile(path) { write in _ = data.withUnsafeBytes { write($0) } }
    }

    func write(_ path: String, streaming produce: @escaping Producer) throws(BuildError) {
        try writeFile(path) { write in produce { piece in _ = piece.withUnsafeBytes { write($0) } } }
    }

    /// Opens the file at `path` afresh and lets `body` write to it; `write` answers false
    /// once a write failed (later ones are skipped), and the failure is thrown at the end.
    private func writeFile(_ path: String, _ body: (_ write: (UnsafeRawBufferPointer) -> Bool) -> Void) throws(BuildError) {
        let full = staging + "/" + path
        makeParent(of: full)
        // The path may be a hard link into the previous site: never write through it.
        unlink(full)
        // Plain open/write/close: Foundation's Data.write syncs each file to disk, which made
        // writing a few thousand pages take seconds. Durability against power loss is not
        // what the atomic swap promises; a killed process loses nothing that was written.
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .io(path: full, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var failure: Int32? = nil
        body { buffer in
            guard failure == nil else { return false }
            failure = Self.writeAll(buffer, to: fd)
            return failure == nil
        }
        if let failure {
            throw .io(path: full, message: "cannot write: \(String(cString: strerror(failure)))")
        }
    }

    /// Writes every byte, retrying short writes; the errno of a failure.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let n = Foundation.write(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// Copies a file of the vault (an image) into the site.
    func copy(_ source: String, to path: String) throws(BuildError) {
        let full = staging + "/" + path
        makeParent(of: full)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: full)
        } catch {
            throw .io(path: source, message: "cannot copy into the site: \(error.localizedDescription)")
        }
    }

    private func makeParent(of file: String) {
        let parent = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }
}
