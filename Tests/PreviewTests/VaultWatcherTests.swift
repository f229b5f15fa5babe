import Foundation
import Synchronization
import Testing
@testable import Preview

/// The preview's watcher: a save is noticed quickly, a burst of writes makes one rebuild, and
/// changes nobody previews (hidden folders) make none; with inotify and with polling alike.
@Suite(.serialized) struct VaultWatcherTests {
    final class Calls: Sendable {
        let count = Atomic<Int>(0)
    }

    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/qed-watch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path + "/.hidden", withIntermediateDirectories: true)
        try "# A\n".write(toFile: path + "/sub/a.md", atomically: false, encoding: .utf8)
        return path
    }

    /// Starts a watcher, lets it take its first fingerprint, runs `change`, and counts the
    /// change reports over `window` seconds.
    private func reports(notifications: Bool, window: Double, _ change: (String) throws -> Void) async throws -> (count: Int, first: Double?) {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let calls = Calls()
        let firstAt = Mutex<Date?>(nil)
        let watcher = VaultWatcher(root: root, excluded: [])
        let task = Task {
            await watcher.watch(notifications: notifications) {
                calls.count.add(1, ordering: .relaxed)
                firstAt.withLock { if $0 == nil { $0 = Date() } }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let start = Date()
        try change(root)
        try await Task.sleep(for: .seconds(window))
        task.cancel()
        _ = await task.value
        return (calls.count.load(ordering: .relaxed), firstAt.withLock { $0 }.map { $0.timeIntervalSince(start) })
    }

    @Test(arguments: [true, false]) func aSaveIsNoticedOnce(notifications: Bool) async throws {
        let result = try await reports(notifications: notifications, window: 1.5) { root in
            try "# A edited\n".write(toFile: root + "/sub/a.md", atomically: true, encoding: .utf8)
        }
        #expect(result.count == 1)
        #expect((result.first ?? 99) < 1.0)
    }

    @Test(arguments: [true, false]) func aBurstOfWritesIsOneChange(notifications: Bool) async throws {
        let result = try await reports(notifications: notifications, window: 2.0) { root in
            try FileManager.default.createDirectory(atPath: root + "/new/deeper", withIntermediateDirectories: true)
            for i in 0..<300 { try "# \(i)\n".write(toFile: root + "/new/deeper/n\(i).md", atomically: false, encoding: .utf8) }
        }
        #expect(result.count >= 1 && result.count <= 2, "\(result.count) rebuilds for one burst")
    }

    @Test(arguments: [true, false]) func hiddenFilesChangeNothing(notifications: Bool) async throws {
        let result = try await reports(notifications: notifications, window: 1.0) { root in
            try "swap".write(toFile: root + "/.hidden/a.swp", atomically: false, encoding: .utf8)
            try "swap".write(toFile: root + "/sub/.a.md.swp", atomically: false, encoding: .utf8)
        }
        #expect(result.count == 0)
    }

    @Test func aFolderCreatedLaterIsWatchedToo() async throws {
        let result = try await reports(notifications: true, window: 2.0) { root in
            try FileManager.default.createDirectory(atPath: root + "/later", withIntermediateDirectories: true)
            Thread.sleep(forTimeInterval: 0.6)
            try "# L\n".write(toFile: root + "/later/l.md", atomically: false, encoding: .utf8)
        }
        // The folder (a change of the parent) and then the note inside it: two changes.
        #expect(result.count == 2)
    }
}
