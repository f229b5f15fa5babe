import Markup
import Testing

/// The JSON string writer copies runs whole; it must still escape exactly as defined.
@Suite struct JSONTextTests {
    /// The definition, one byte at a time.
    static func reference(_ s: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        func escaped(_ v: UInt32) -> [UInt8] {
            [0x5C, UInt8(ascii: "u"), hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)], hex[Int(v >> 4 & 0xF)], hex[Int(v & 0xF)]]
        }
        var out: [UInt8] = [0x22]
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x3C, 0x3E, 0x26, 0..<0x20: out += escaped(UInt32(b))
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out += escaped(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        return out + [0x22]
    }

    @Test func escapesAsDefinedOnRandomText() {
        let pieces = ["a", "熵", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "<", ">", "&", "\u{2028}", "\u{2029}",
                      "\u{2027}", "\u{20AC}", "😀", " ", "/", "\u{7F}"]
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 24)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            var out: [UInt8] = []
            JSONText.append(text, to: &out)
            #expect(out == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test func plainTextIsQuotedAsItIs() {
        #expect(JSONText.quoted("信息论 entropy") == "\"信息论 entropy\"")
        #expect(JSONText.quoted("") == "\"\"")
        #expect(JSONText.quoted("a\u{2028}b</script>") == "\"a\\u2028b\\u003c/script\\u003e\"")
    }
}
