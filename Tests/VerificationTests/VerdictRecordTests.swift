import Foundation
import InfoTheory
import Notes
import Testing
@testable import Verification

/// Verdicts as cache records: every verdict of real vaults reads back as it was, and no bytes,
/// however damaged, trap the reader or pass for a verdict they are not.
@Suite struct VerdictRecordTests {
    /// The verdicts of the troubled vault and of the repository's notes, verified now.
    static func verdicts() throws -> [NoteVerdict] {
        var all: [NoteVerdict] = []
        for vault in [try VaultFolder(troubledVault), try VaultFolder(copying: repositoryNotes)] {
            all += try CheckRun(vault, cache: false).report.notes
        }
        return all
    }

    @Test func everyVerdictOfRealVaultsRoundTrips() throws {
        let verdicts = try Self.verdicts()
        #expect(verdicts.count > 10)
        // The sample covers every field, so a field the record forgets fails here.
        #expect(verdicts.contains { !$0.notRunClaims.isEmpty } && verdicts.contains { !$0.formulas.isEmpty })
        #expect(verdicts.contains { $0.claims.contains { $0.failure != nil && $0.counterexample != nil } })
        #expect(verdicts.contains { $0.diagnostics.contains { $0.detail != nil } && $0.diagnostics.contains { $0.hint != nil } })
        for verdict in verdicts {
            let record = verdict.record
            #expect(NoteVerdict.fromRecord(record) == verdict, "\(verdict.path)")
            #expect(NoteVerdict.fromRecord(record)?.record == record)
            #expect(NoteVerdict.fromRecord(Array(record.dropLast())) == nil, "a truncated record read back")
            #expect(NoteVerdict.fromRecord(record + [0]) == nil, "a record with trailing bytes read back")
        }
    }

    /// The same entry point as the fuzz target `verdict-record`, over thousands of mutated
    /// records: never a trap, and whatever reads back writes the same bytes again.
    @Test func mutatedRecordsNeverTrap() throws {
        let seeds = try Self.verdicts().map(\.record)
        var rng = SeededGenerator(seed: 14)
        let start = Date()
        var readBack = 0
        for round in 0..<4000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 4 {
                case 0: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(rng.next() % 16))) }
                case 2: bytes.insert(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F].prefix(1 + Int(rng.next() % 9)), at: at)
                default: bytes = Array(bytes.prefix(at))
                }
            }
            if let verdict = NoteVerdict.fromRecord(bytes) {
                readBack += 1
                #expect(NoteVerdict.fromRecord(verdict.record) == verdict)
                _ = (verdict.status, verdict.passedClaims, verdict.claims.map(\.diagnostic))
            }
        }
        #expect(readBack < 4000, "mutations that all read back were not mutations")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// Damage anywhere in a verdict cache file: each note's lookup either finds nothing or
    /// finds exactly the verdict that was stored, never a damaged one.
    @Test func aMutatedCacheFileNeverYieldsAWrongVerdict() throws {
        let vault = try VaultFolder(troubledVault)
        let loaded = try Vault.load(at: vault.root)
        let verifier = Verifier(vault: loaded, options: VerificationOptions(jobs: 1))
        let writing = VerdictCache(loadingFrom: vault.cacheFile)
        let truth = verifier.verdicts(of: loaded.notes, cache: writing)
        writing.save(keeping: loaded.notes.map(\.path))
        let keys = loaded.notes.map { verifier.verificationKey(of: $0) }
        let valid = [UInt8](try #require(FileManager.default.contents(atPath: vault.cacheFile)))
        // The file as written serves every verdict.
        let intact = VerdictCache(loadingFrom: vault.cacheFile)
        #expect(zip(loaded.notes, keys).allSatisfy { intact.verdict(path: $0.path, key: $1) != nil })
        var rng = SeededGenerator(seed: 1014)
        let start = Date()
        var refused = 0
        for _ in 0..<600 {
            var bytes = valid
            let at = Int(rng.next() % UInt64(bytes.count))
            if rng.next() % 3 == 0 {
                bytes = Array(bytes.prefix(at))
            } else {
                bytes[at] ^= UInt8(truncatingIfNeeded: 1 + rng.next() % 255)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: vault.cacheFile))
            let cache = VerdictCache(loadingFrom: vault.cacheFile)
            for ((note, key), verdict) in zip(zip(loaded.notes, keys), truth) {
                if let found = cache.verdict(path: note.path, key: key) {
                    #expect(found == verdict, "a damaged cache file gave a wrong verdict for \(note.path)")
                } else {
                    refused += 1
                }
            }
        }
        #expect(refused > 0)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
