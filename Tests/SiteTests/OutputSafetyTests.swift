import Foundation
import Testing
@testable import Site

/// The failure policy and the output folder's safety rules.
@Suite struct OutputSafetyTests {
    static let good = ["A.md": "# A\n\n```qed\ncheck 1 + 1 == 2\n```\n", "B.md": "# B\n\nSee [[A]].\n"]
    static let failing = "# Bad\n\n```qed\ncheck 1 + 1 == 3\n```\n"

    func leftovers(beside vault: TemporaryVault) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: vault.base)) ?? []).filter { $0.contains(".qed-") }
    }

    @Test func aFailingBuildLeavesThePreviousSiteUntouched() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        let first = try vault.build()
        #expect(first.succeeded && first.wroteSite)
        let before = vault.snapshot()
        try vault.write("Bad.md", Self.failing)
        let second = try vault.build()
        #expect(!second.succeeded)
        #expect(!second.wroteSite)
        #expect(second.stats.failedClaims == 1)
        #expect(second.diagnostics.contains { $0.code == .claimFailed && $0.location?.file == "Bad.md" })
        #expect(vault.snapshot() == before)
        #expect(!vault.exists("Bad.html"))
        #expect(leftovers(beside: vault).isEmpty)
    }

    @Test func keepGoingWritesTheSiteWithFailuresShownAndStillFails() throws {
        let vault = try TemporaryVault(Self.good.merging(["Bad.md": Self.failing]) { a, _ in a })
        defer { vault.remove() }
        let result = try vault.build(keepGoing: true)
        #expect(!result.succeeded)
        #expect(result.wroteSite)
        let page = vault.read("Bad.html")
        #expect(page.contains("claim-fail"))
        #expect(page.contains("1 of 1 claim failed"))
        #expect(vault.read("index.html").contains("status-failed"))
    }

    /// A FIFO named like a note is reported as unreadable, and the build ends: hashing the
    /// vault's files must not open it and wait for a writer (a regression of this round).
    @Test(.timeLimit(.minutes(1))) func aFIFONamedLikeANoteDoesNotHangTheBuild() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        #expect(mkfifo(vault.root + "/Pipe.md", 0o600) == 0)
        let result = try vault.build(keepGoing: true)
        #expect(result.diagnostics.contains { $0.code == .unreadableFile && $0.location?.file == "Pipe.md" })
        #expect(vault.exists("A.html") && vault.exists("B.html"))
        // Again with the cache of the first build, through the unchanged-vault check.
        _ = try vault.build(keepGoing: true)
    }

    @Test func refusesDangerousOutputFolders() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        func refused(_ output: String) -> Bool {
            do { _ = try vault.build(output: output); return false } catch {
                if case BuildError.unsafeOutput = error { return true }
                return false
            }
        }
        #expect(refused(vault.root))
        #expect(refused(vault.root + "/."))
        #expect(refused(vault.base))
        #expect(refused("/"))
        #expect(refused(NSHomeDirectory()))
        // A folder with someone else's files.
        let foreign = vault.base + "/foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "keep me".write(toFile: foreign + "/precious.txt", atomically: true, encoding: .utf8)
        #expect(refused(foreign))
        #expect(FileManager.default.contents(atPath: foreign + "/precious.txt") == Data("keep me".utf8))
        // A file.
        try "x".write(toFile: vault.base + "/file", atomically: true, encoding: .utf8)
        #expect(refused(vault.base + "/file"))
        // An empty folder is fine, and so is our own.
        let empty = vault.base + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(try vault.build(output: empty).wroteSite)
        #expect(try vault.build(output: empty).wroteSite)
    }

    @Test func outputInsideTheVaultIsSkippedByTheLoader() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        let output = vault.root + "/public"
        let first = try vault.build(output: output)
        #expect(first.stats.notes == 2)
        try "# Stray\n".write(toFile: output + "/Stray.md", atomically: true, encoding: .utf8)
        let second = try vault.build(output: output)
        #expect(second.stats.notes == 2)
    }

    @Test func leftoversOfKilledBuildsAreCleanedAndAMovedAwaySiteIsRestored() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        _ = try vault.build()
        let fm = FileManager.default
        // A staging folder of a build that died (no such process), and one that is not ours.
        let dead = vault.base + "/.site.qed-tmp-2147483000"
        try fm.createDirectory(atPath: dead, withIntermediateDirectories: true)
        let folder = try OutputFolder(output: vault.output, vault: vault.root)
        try folder.markerContents.write(toFile: dead + "/" + OutputFolder.marker, atomically: true, encoding: .utf8)
        let notOurs = vault.base + "/.site.qed-tmp-2147483001"
        try fm.createDirectory(atPath: notOurs, withIntermediateDirectories: true)
        try "keep".write(toFile: notOurs + "/file", atomically: true, encoding: .utf8)
        // An empty one is what a build killed before writing its marker leaves.
        let empty = vault.base + "/.site.qed-tmp-2147483003"
        try fm.createDirectory(atPath: empty, withIntermediateDirectories: true)
        // And one killed while writing it: a marker cut short, nothing else.
        let cut = vault.base + "/.site.qed-tmp-2147483004"
        try fm.createDirectory(atPath: cut, withIntermediateDirectories: true)
        try String(folder.markerContents.prefix(20)).write(toFile: cut + "/" + OutputFolder.marker, atomically: false, encoding: .utf8)
        _ = try vault.build()
        #expect(!fm.fileExists(atPath: empty))
        #expect(!fm.fileExists(atPath: cut))
        #expect(!fm.fileExists(atPath: dead))
        #expect(fm.fileExists(atPath: notOurs))
        try fm.removeItem(atPath: notOurs)
        // A build killed between "move the old site away" and "move the new one in".
        let before = vault.snapshot()
        try fm.moveItem(atPath: vault.output, toPath: vault.base + "/.site.qed-old-2147483002")
        folder.cleanLeftovers()
        #expect(vault.snapshot() == before)
        #expect(leftovers(beside: vault).isEmpty)
    }

    /// Issue 17 #10: a hand-placed marker let QED empty a folder it did not make.
    @Test func aForgedOrCopiedMarkerIsNotEnough() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: vault.output, withIntermediateDirectories: true)
        try "precious".write(toFile: vault.output + "/thesis.tex", atomically: true, encoding: .utf8)
        for forged in [OutputFolder.markerText, OutputFolder.markerText + "id: 0123456789abcdef0123456789abcdef\n"] {
            try forged.write(toFile: vault.output + "/" + OutputFolder.marker, atomically: true, encoding: .utf8)
            #expect(throws: BuildError.self) { try vault.build() }
            #expect(fm.fileExists(atPath: vault.output + "/thesis.tex"))
        }
        // A marker copied from another site of the same user is signed for that site's path.
        let other = vault.base + "/other-site"
        _ = try vault.build(output: other)
        try fm.copyItem(atPath: other + "/" + OutputFolder.marker, toPath: vault.output + "/copied")
        try fm.removeItem(atPath: vault.output + "/" + OutputFolder.marker)
        try fm.moveItem(atPath: vault.output + "/copied", toPath: vault.output + "/" + OutputFolder.marker)
        #expect(throws: BuildError.self) { try vault.build() }
        #expect(fm.fileExists(atPath: vault.output + "/thesis.tex"))
    }

    @Test func theMarkerIsTheSameOnEveryRebuild() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        _ = try vault.build()
        let first = try String(contentsOfFile: vault.output + "/" + OutputFolder.marker, encoding: .utf8)
        _ = try vault.build(jobs: 1)
        try vault.write("C.md", "# C\n")
        _ = try vault.build()
        #expect(try String(contentsOfFile: vault.output + "/" + OutputFolder.marker, encoding: .utf8) == first)
        #expect(first.contains("id: "))
    }

    @Test func theSwapReplacesTheWholeFolder() throws {
        let vault = try TemporaryVault(Self.good)
        defer { vault.remove() }
        _ = try vault.build()
        try FileManager.default.removeItem(atPath: vault.root + "/B.md")
        _ = try vault.build()
        #expect(!vault.exists("B.html"))
        #expect(vault.exists("A.html"))
        #expect(leftovers(beside: vault).isEmpty)
    }
}

@Suite struct VaultMediaTests {
    @Test func imagesAreCopiedBesideTheirNotesAndHiddenFilesAreNot() throws {
        let vault = try TemporaryVault([
            "AI/Note.md": "# Note\n\n![plot](figures/图.png)\n",
            "AI/figures/图.png": "PNG",
            ".obsidian/icon.png": "hidden",
            "secret.env": "TOKEN=1",
        ])
        defer { vault.remove() }
        _ = try vault.build()
        #expect(vault.read("AI/figures/图.png") == "PNG")
        #expect(!vault.exists(".obsidian/icon.png"))
        #expect(!vault.exists("secret.env"))
        #expect(vault.read("AI/Note.html").contains("src=\"figures/%E5%9B%BE.png\""))
        try vault.write("AI/figures/图.png", "PNG2")
        _ = try vault.build()
        #expect(vault.read("AI/figures/图.png") == "PNG2")
    }
}
