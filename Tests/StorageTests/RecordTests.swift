import Foundation
import Testing
import Storage

@Suite struct RecordTests {
    @Test func valuesReadBackAsWritten() throws {
        var w = RecordWriter()
        for n in [0, 1, -1, 63, -64, 64, 300, Int.max, Int.min] { w.write(n) }
        w.write(true)
        w.write(false)
        for d in [0.0, -0.0, 1.5, .pi, .infinity, -.infinity, .leastNonzeroMagnitude] { w.write(d) }
        w.write("熵 H(P) = −∑")
        w.write(String?.none)
        w.write(String?.some(""))
        w.write(["a", "", "ü"])
        w.write(bytes: [1, 2, 3])
        var r = RecordReader(w.bytes)
        for n in [0, 1, -1, 63, -64, 64, 300, Int.max, Int.min] { #expect(try r.int() == n) }
        #expect(try r.bool() == true)
        #expect(try r.bool() == false)
        for d in [0.0, -0.0, 1.5, .pi, .infinity, -.infinity, .leastNonzeroMagnitude] { #expect(try r.double().bitPattern == d.bitPattern) }
        #expect(try r.string() == "熵 H(P) = −∑")
        #expect(try r.optionalString() == nil)
        #expect(try r.optionalString() == "")
        #expect(try r.strings() == ["a", "", "ü"])
        #expect(try r.bytes() == [1, 2, 3])
        #expect(r.isAtEnd)
        let nan = { var w = RecordWriter(); w.write(Double.nan); var r = RecordReader(w.bytes); return try r.double() }
        #expect(try nan().isNaN)
    }

    /// A cache file cut short or damaged throws; it never traps or allocates what it claims.
    @Test func damagedRecordsThrow() {
        var w = RecordWriter()
        w.write(["first", "second", "third"])
        w.write(12345)
        let good = w.bytes
        for cut in 0..<good.count {
            var r = RecordReader(Array(good[..<cut]))
            #expect(throws: CorruptRecord.self) {
                _ = try r.strings()
                _ = try r.int()
            }
        }
        // A count of 2^62 elements in a five-byte record.
        var huge = RecordWriter()
        huge.write(1 << 62)
        var r = RecordReader(huge.bytes + [0, 0])
        #expect(throws: CorruptRecord.self) { _ = try r.strings() }
        // A varint that never ends, and a boolean that is neither 0 nor 1.
        var endless = RecordReader([UInt8](repeating: 0xFF, count: 20))
        #expect(throws: CorruptRecord.self) { _ = try endless.int() }
        var notBool = RecordReader([7])
        #expect(throws: CorruptRecord.self) { _ = try notBool.bool() }
    }

    /// Random bytes: every read either succeeds or throws.
    @Test func randomBytesNeverTrap() {
        var state: UInt64 = 0x5EED
        for _ in 0..<3000 {
            let bytes = (0..<Int(state % 40)).map { _ -> UInt8 in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
            var r = RecordReader(bytes)
            _ = try? r.strings()
            _ = try? r.double()
            _ = try? r.optionalString()
            _ = try? r.bytes()
        }
    }
}

@Suite struct RecordFileTests {
    @Test func piecesLandInOrderAndOnlyACommittedFileReplacesTheOldOne() throws {
        let folder = NSTemporaryDirectory() + "qed-recordfile-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/cache.bin"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let file = try #require(RecordFile(path: path))
            var w = RecordWriter()
            w.write("first")
            file.append(&w)
            #expect(w.bytes.isEmpty)
            // Dropped without commit: the old file stays, no temporary is left.
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["cache.bin"])
        let file = try #require(RecordFile(path: path))
        var w = RecordWriter()
        for piece in ["a", "bc", "熵"] {
            w.write(piece)
            file.append(&w)
        }
        #expect(file.commit())
        var r = RecordReader([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(try r.string() == "a" && r.string() == "bc" && r.string() == "熵" && r.isAtEnd)
        #expect(RecordFile(path: folder + "/no/such/folder/x.bin") == nil)
    }
}
