import Foundation
import Testing
@testable import Site

/// A build killed with SIGKILL at any moment leaves a complete site: the previous one, or the
/// new one if the swap had happened. The test runs builds in a child process (this test
/// binary, running `childBuild`) and kills it at spread-out moments.
@Suite(.serialized) struct KillTests {
    static let vaultVariable = "QED_SITE_TEST_CHILD_VAULT"
    static let outputVariable = "QED_SITE_TEST_CHILD_OUTPUT"

    /// Runs only as the child: builds the vault named in the environment.
    @Test func childBuild() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let vault = environment[Self.vaultVariable], let output = environment[Self.outputVariable] else { return }
        _ = try SiteBuilder(options: BuildOptions(vault: vault, output: output, useCache: false)).build()
    }

    static func files(title: String) -> [String: String] {
        var files: [String: String] = [:]
        for i in 0..<60 {
            files["N/笔记\(i).md"] = """
            ---
            title: "\(i == 0 ? title : "笔记 \(i)")"
            tags: [kill/t\(i % 5)]
            ---
            熵 $H(X) = -\\sum_x p(x) \\log p(x)$ and [[N/笔记\((i + 1) % 60)]].

            ```qed
            P = [0.5, 0.25, 0.25]
            H(P)
            check H(P) > \(i % 2)e-3
            ```
            """
        }
        return files
    }

    @Test func aBuildKilledAtAnyMomentLeavesACompleteSite() throws {
        #if os(Linux)
        let runner = ProcessInfo.processInfo.arguments[0]
        guard runner.hasSuffix(".xctest"), FileManager.default.isExecutableFile(atPath: runner) else {
            print("KillTests: skipped, the test runner \(runner) cannot be started as a child")
            return
        }
        let vault = try TemporaryVault(Self.files(title: "Old"))
        defer { vault.remove() }
        let first = try vault.build()
        #expect(first.succeeded, "\(first.diagnostics.prefix(3))")
        let old = vault.snapshot()
        // What the killed builds would write if they finished.
        let reference = try TemporaryVault(Self.files(title: "New"))
        defer { reference.remove() }
        _ = try reference.build()
        let new = reference.snapshot()
        try vault.write("N/笔记0.md", Self.files(title: "New")["N/笔记0.md"] ?? "")

        func child() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: runner)
            process.arguments = ["--testing-library", "swift-testing", "--filter", "KillTests/childBuild"]
            var environment = ProcessInfo.processInfo.environment
            environment[Self.vaultVariable] = vault.root
            environment[Self.outputVariable] = vault.output
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // How long a whole child run takes, then kills spread over it.
        let started = Date()
        let timing = try child()
        timing.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        #expect(vault.snapshot() == new)
        try vault.write("N/笔记0.md", Self.files(title: "Old")["N/笔记0.md"] ?? "")
        _ = try vault.build()
        try vault.write("N/笔记0.md", Self.files(title: "New")["N/笔记0.md"] ?? "")
        for fraction in [0.3, 0.6, 0.8, 0.9, 0.95, 1.0, 1.05, 1.15] {
            if vault.snapshot() != old {
                // The previous kill came too late: put the old site back and try again.
                try vault.write("N/笔记0.md", Self.files(title: "Old")["N/笔记0.md"] ?? "")
                _ = try vault.build()
                try vault.write("N/笔记0.md", Self.files(title: "New")["N/笔记0.md"] ?? "")
            }
            let process = try child()
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = vault.snapshot()
            #expect(now == old || now == new, "killed at \(fraction) of a build: the site is neither the old nor the new one")
            if ProcessInfo.processInfo.environment["QED_SITE_TEST_VERBOSE"] != nil {
                print("kill at \(fraction) of \(duration) s: \(now == old ? "old" : now == new ? "new" : "BROKEN")")
            }
        }
        _ = try vault.build()
        #expect(vault.snapshot() == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: vault.base).filter { $0.contains(".qed-") }
        #expect(leftovers.isEmpty, "\(leftovers.map { name in (name, (try? FileManager.default.contentsOfDirectory(atPath: vault.base + "/" + name))?.sorted().prefix(5) ?? [], OutputFolder.isRunning(Int32(name.split(separator: "-").last ?? "") ?? 0)) })")
        #else
        print("KillTests: skipped (Linux only)")
        #endif
    }
}
