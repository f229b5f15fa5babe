import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder and its safe replacement.
///
/// A build writes a complete new site into a staging folder beside the target
/// (`.NAME.qed-tmp-PID`) and swaps it in at the end, so a failed or killed build never
/// leaves a half-written site. Every folder QED creates carries a marker file; QED only
/// ever deletes folders that carry it.
struct OutputFolder: Sendable {
    static let marker = ".qed-site"
    static let markerText = "This folder is written by `qed build` and replaced as a whole on each build.\n"

    /// The marker's contents: the explanation, then the site's id (see `SiteKey`).
    var markerContents: String { OutputFolder.markerText + "id: \(key.id(for: path))\n" }

    /// Whether `folder` (the output, or a staging or old folder beside it) is this site as this
    /// user's qed made it: its marker carries the id for `path`.
    func isOurs(_ folder: String) -> Bool {
        guard let text = try? String(contentsOfFile: folder + "/" + OutputFolder.marker, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0 == "id: \(key.id(for: path))" }
    }

    /// Absolute, with symbolic links resolved.
    let path: String
    /// The output's path inside the vault when it sits there (the vault loader skips it).
    let insideVault: String?
    /// Signs this user's markers.
    let key: SiteKey

    private var parent: String { (path as NSString).deletingLastPathComponent }
    private var name: String { (path as NSString).lastPathComponent }
    private var stagingPrefix: String { ".\(name).qed-tmp-" }
    private var oldPrefix: String { ".\(name).qed-old-" }

    /// Checks that `output` is a folder QED may replace, given the vault it renders.
    init(output: String, vault: String, key: SiteKey? = nil) throws(BuildError) {
        let out = OutputFolder.resolve(output)
        let vaultPath = OutputFolder.resolve(vault)
        let home = OutputFolder.resolve(NSHomeDirectory())
        func refuse(_ reason: String) -> BuildError { .unsafeOutput(path: out, reason: reason) }
        if out == "/" { throw refuse("it is the file system root") }
        if out == vaultPath { throw refuse("it is the vault itself") }
        if OutputFolder.isInside(vaultPath, out) { throw refuse("it contains the vault \(vaultPath)") }
        if out == home || OutputFolder.isInside(home, out) { throw refuse("it is or contains the home folder") }
        path = out
        insideVault = OutputFolder.isInside(out, vaultPath) ? String(out.dropFirst(vaultPath.count + 1)) : nil
        if let key { self.key = key } else { self.key = try SiteKey.standard() }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: out, isDirectory: &isDirectory) else { return }
        if !isDirectory.boolValue { throw refuse("it is a file, not a folder") }
        let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        if entries.isEmpty { return }
        if !entries.contains(OutputFolder.marker) {
            throw refuse("it is a non-empty folder that qed did not create (no \(OutputFolder.marker) marker); "
                         + "empty it or choose another output folder")
        }
        if !isOurs(out) {
            throw refuse("its \(OutputFolder.marker) marker was not made by a build of yours on this machine "
                         + "(copied, placed by hand, or from an older qed); delete the folder yourself if it may go, "
                         + "or choose another output folder")
        }
    }

    /// Absolute and standardized, with symbolic links resolved as far as the path exists.
    static func resolve(_ path: String) -> String {
        var url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        url = url.resolvingSymlinksInPath()
        var result = url.path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result.isEmpty ? "/" : result
    }

    /// Whether `inner` is strictly inside `outer` (both resolved).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        let prefix = outer == "/" ? "/" : outer + "/"
        return inner.hasPrefix(prefix) && inner != outer
    }

    /// Folders the vault loader must skip: the output when it sits inside the vault. (Staging
    /// folders beside it start with a dot, and the loader skips hidden folders.)
    var vaultExclusions: [String] { insideVault == nil ? [] : [path] }

    /// Removes staging and old folders that earlier builds left behind (killed, crashed), and
    /// restores a previous site a build killed between its two renames had moved away.
    func cleanLeftovers() {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries.sorted() {
            let isStaging = entry.hasPrefix(stagingPrefix)
            let isOld = entry.hasPrefix(oldPrefix)
            guard isStaging || isOld else { continue }
            let pidText = entry.dropFirst(isStaging ? stagingPrefix.count : oldPrefix.count)
            let full = parent + "/" + entry
            guard isOurs(full) else {
                // Killed between creating the folder and finishing its marker: empty, or
                // holding a marker cut short. Anything more is not ours to delete.
                if isStaging, ((try? fm.contentsOfDirectory(atPath: full)) ?? []).allSatisfy({ $0 == OutputFolder.marker }) {
                    unlink(full + "/" + OutputFolder.marker)
                    rmdir(full)
                }
                continue
            }
            if let pid = Int32(pidText), pid != getpid(), OutputFolder.isRunning(pid) { continue }  // a live build
            if isOld && !fm.fileExists(atPath: path) {
                try? fm.moveItem(atPath: full, toPath: path)
                continue
            }
            OutputFolder.removeSite(at: full)
        }
    }

    /// Deletes a folder QED made, marker last: a deletion cut short by a kill still carries
    /// the marker, so the next build recognises the rest and finishes the job.
    static func removeSite(at folder: String) {
        let fm = FileManager.default
        for entry in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []) where entry != marker {
            try? fm.removeItem(atPath: folder + "/" + entry)
        }
        try? fm.removeItem(atPath: folder + "/" + marker)
        rmdir(folder)
    }

    /// Whether a process with this id exists and has not exited (a killed build that its parent
    /// has not reaped yet is a zombie: it exists, but it will never finish its staging folder).
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
            if state == "Z" || state == "X" { return false }
        }
        // Process ids are reused: a live process that is not this program is not a build.
        let fm = FileManager.default
        if let mine = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
           let theirs = try? fm.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe"), mine != theirs {
            return false
        }
        #endif
        return true
    }

    /// A fresh, empty staging folder (with the marker) beside the output.
    func makeStaging() throws(BuildError) -> String {
        let staging = parent + "/" + stagingPrefix + String(getpid())
        let fm = FileManager.default
        do {
            if fm.fileExists(atPath: staging) {
                // Left by an earlier process with our id; ours only if it carries the marker.
                if isOurs(staging) { OutputFolder.removeSite(at: staging) }
                else { rmdir(staging) }
            }
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try Data(markerContents.utf8).write(to: URL(fileURLWithPath: staging + "/" + OutputFolder.marker))
        } catch {
            throw .io(path: staging, message: "cannot create the staging folder: \(error.localizedDescription)")
        }
        return staging
    }

    /// Puts the staging folder in the output's place, then deletes the previous site.
    ///
    /// On Linux the two folders trade places in one atomic `renameat2(RENAME_EXCHANGE)`,
    /// so there is no moment without a site. Elsewhere the old site is renamed away first;
    /// a build killed between the two renames is repaired by the next one (`cleanLeftovers`).
    func commit(staging: String) throws(BuildError) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard rename(staging, path) == 0 else { throw errnoError(path, "cannot move the new site in") }
            return
        }
        if OutputFolder.exchange(staging, path) {
            OutputFolder.removeSite(at: staging)  // now holds the previous site
            return
        }
        let old = parent + "/" + oldPrefix + String(getpid())
        guard rename(path, old) == 0 else { throw errnoError(path, "cannot move the previous site away") }
        guard rename(staging, path) == 0 else {
            _ = rename(old, path)
            throw errnoError(path, "cannot move the new site in")
        }
        OutputFolder.removeSite(at: old)
    }

    /// Deletes a staging folder after a failed build; the previous site stays as it was.
    func discard(staging: String) {
        guard isOurs(staging) else { return }
        OutputFolder.removeSite(at: staging)
    }

    private func errnoError(_ path: String, _ what: String) -> BuildError {
        .io(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }

    /// Atomically swaps two paths where the system can; false when it cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, not exported to Swift by Glibc
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }
}
