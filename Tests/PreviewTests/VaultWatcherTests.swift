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
    /// change reports: until `expected` have come (at most 30 s: the suite runs on loaded
    /// machines, so no latency is asserted here; `scripts/bench-serve` measures it), then
    /// `window` seconds more for any extra one.
    private func reports(notifications: Bool, expected: Int, window: Double, _ change: (String) throws -> Void) async throws -> Int {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let calls = Calls()
        let watcher = VaultWatcher(root: root, excluded: [])
        let task = Task {
            await watcher.watch(notifications: notifications) {
                calls.count.add(1, ordering: .relaxed)
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        try change(root)
        let deadline = Date().addingTimeInterval(30)
        while calls.count.load(ordering: .relaxed) < expected, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .seconds(window))
        task.cancel()
        _ = await task.value
        return calls.count.load(ordering: .relaxed)
    }

    @Test(arguments: [true, false]) func aSaveIsNoticedOnce(notifications: Bool) async throws {
        let count = try await reports(notifications: notifications, expected: 1, window: 1.0) { root in
            try "# A edited\n".write(toFile: root + "/sub/a.md", atomically: true, encoding: .utf8)
        }
        #expect(count == 1)
    }

    @Test(arguments: [true, false]) func aBurstOfWritesIsOneChange(notifications: Bool) async throws {
        let count = try await reports(notifications: notifications, expected: 1, window: 1.0) { root in
            try FileManager.default.createDirectory(atPath: root + "/new/deeper", withIntermediateDirectories: true)
            for i in 0..<300 { try "# \(i)\n".write(toFile: root + "/new/deeper/n\(i).md", atomically: false, encoding: .utf8) }
        }
        #expect(count >= 1 && count <= 2, "\(count) rebuilds for one burst")
    }

    @Test(arguments: [true, false]) func hiddenFilesChangeNothing(notifications: Bool) async throws {
        let count = try await reports(notifications: notifications, expected: 0, window: 1.0) { root in
            try "swap".write(toFile: root + "/.hidden/a.swp", atomically: false, encoding: .utf8)
            try "swap".write(toFile: root + "/sub/.a.md.swp", atomically: false, encoding: .utf8)
        }
        #expect(count == 0)
    }

    /// A note saved in a folder made after the watch began is seen: the new folder is
    /// watched as soon as its creation is noticed.
    @Test func aFolderCreatedLaterIsWatchedToo() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let calls = Calls()
        let watcher = VaultWatcher(root: root, excluded: [])
        let task = Task { await watcher.watch { calls.count.add(1, ordering: .relaxed) } }
        defer { task.cancel() }
        func waitFor(_ n: Int) async throws {
            let deadline = Date().addingTimeInterval(30)
            while calls.count.load(ordering: .relaxed) < n, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        }
        try await Task.sleep(for: .milliseconds(300))
        try FileManager.default.createDirectory(atPath: root + "/later", withIntermediateDirectories: true)
        try await waitFor(1)
        #expect(calls.count.load(ordering: .relaxed) == 1)
        try "# L\n".write(toFile: root + "/later/l.md", atomically: false, encoding: .utf8)
        try await waitFor(2)
        #expect(calls.count.load(ordering: .relaxed) == 2)
    }
}
