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

    /// Puts the previous build's file at `path` into the new site as it is: hard-linked (one
    /// system call; the folder is made only when the link says it is missing), else copied.
    func carryOver(_ path: String) -> Bool {
        guard let previous else { return false }
        let old = previous + "/" + path
        let new = staging + "/" + path
        if link(old, new) == 0 { return true }
        if errno == ENOENT {
            guard FileManager.default.fileExists(atPath: old) else { return false }
            makeParent(of: new)
            if link(old, new) == 0 { return true }
        }
        return (try? FileManager.default.copyItem(atPath: old, toPath: new)) != nil
    }

    func write(_ path: String, _ data: Data) throws(BuildError) {
        try writeFiles([path]) { write in _ = data.withUnsafeBytes { write($0, nil) } }
    }

    /// The text's own UTF-8 bytes, written without a copy into `Data` (a page is tens of KB,
    /// and a build writes thousands).
    func write(_ path: String, _ text: String) throws(BuildError) {
        var text = text
        try writeFiles([path]) { write in text.withUTF8 { _ = write(UnsafeRawBufferPointer($0), nil) } }
    }

    /// All the files in one pass of `produce`: pieces meant for all of them are made once.
    func write(_ paths: [String], streaming produce: @escaping Producer) throws(BuildError) {
        try writeFiles(paths) { write in produce { piece, file in _ = piece.withUnsafeBytes { write($0, file) } } }
    }

    /// Opens the files at `paths` afresh and lets `body` write to them (to file `k`, or to
    /// every file for nil); `write` answers false once a write failed (later ones are
    /// skipped), and the failure is thrown at the end.
    private func writeFiles(_ paths: [String], _ body: (_ write: (UnsafeRawBufferPointer, Int?) -> Bool) -> Void) throws(BuildError) {
        var files: [(path: String, fd: Int32)] = []
        defer { for file in files { close(file.fd) } }
        for path in paths {
            let full = staging + "/" + path
            // The path may be a hard link into the previous site: never write through it.
            unlink(full)
            // Plain open/write/close: Foundation's Data.write syncs each file to disk, which made
            // writing a few thousand pages take seconds. Durability against power loss is not
            // what the atomic swap promises; a killed process loses nothing that was written.
            let fd = withParent(of: full) { open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
            guard fd >= 0 else {
                throw .io(path: full, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            files.append((full, fd))
        }
        var failure: (path: String, errno: Int32)? = nil
        body { buffer, target in
            guard failure == nil else { return false }
            for (k, file) in files.enumerated() where target == nil || target == k {
                if let error = Self.writeAll(buffer, to: file.fd) {
                    failure = (file.path, error)
                    return false
                }
            }
            return true
        }
        if let failure {
            throw .io(path: failure.path, message: "cannot write: \(String(cString: strerror(failure.errno)))")
        }
    }

    /// Runs `create` (an `open` of `file`), and once more after making the file's folder when
    /// it failed for want of it: most files go to folders that exist already.
    private func withParent(of file: String, _ create: () -> Int32) -> Int32 {
        let result = create()
        guard result < 0, errno == ENOENT else { return result }
        makeParent(of: file)
        return create()
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
