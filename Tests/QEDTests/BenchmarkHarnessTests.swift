import Foundation
import Testing

/// The site benchmark's harness runs end to end on a tiny vault (its figures are not asserted:
/// speed is judged by `scripts/bench-site`, never by a timed test).
@Suite struct BenchmarkHarnessTests {
    @Test func quickRunMeasuresQedAndWritesTheTable() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("qed-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("Benchmarks/site/bench_site.py").path,
                             "--quick", "--no-build", "--tools", "qed,cmark",
                             "--qed", QEDProcess.binary.path, "--work", work.path]
        process.currentDirectoryURL = repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let table = try String(contentsOf: work.appendingPathComponent("results.md"), encoding: .utf8)
        for row in ["qed build (full)", "qed build (no change)", "qed build (one note touched)", "qed check", "cmark"] {
            #expect(table.contains("| \(row)"), "missing row \(row)")
        }
        #expect(table.contains("0 failed"))
    }
}
