import Testing
@testable import TeXMath

/// The MathML escaper copies runs of plain bytes at once; it must give exactly the bytes the
/// byte-by-byte escaper gave (kept here as the reference).
@Suite struct EscapeTests {
    static func reference(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        func raw(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x26: raw("&amp;")
            case 0x22: raw("&quot;")
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20: raw("\u{FFFD}")
            case 0xEF:
                guard let second = utf8.next() else { out.append(byte); continue }
                guard let third = utf8.next() else { out.append(byte); out.append(second); continue }
                if second == 0xBF, third == 0xBE || third == 0xBF {
                    raw("\u{FFFD}")
                } else {
                    out.append(byte)
                    out.append(second)
                    pending.append(third)
                }
            default: out.append(byte)
            }
        }
        return out
    }

    static let pieces = ["a", "<", ">", "&", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}",
                         "\u{FFFD}", "\u{FEFF}", "\u{EFFF}", "熵", "𝔼", " ", "x", "\u{F000}"]

    @Test func runsEscapeLikeTheReference() {
        var state: UInt64 = 0x7E57
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var samples = ["", "plain", "a<b & c>\"d\"", "\u{FFFE}\u{FFFF}\u{FFFD}", "x\u{1}y"]
        for _ in 0..<3000 {
            samples.append((0..<(next() % 12)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined())
        }
        for s in samples {
            var writer = MathWriter(capacity: 0)
            writer.escape(s)
            #expect(writer.bytes == Self.reference(s), "\(s.debugDescription)")
        }
    }
}
