import Markup
import Testing

/// HTML escaping works on UTF-8 bytes with a no-change fast path; it must escape exactly as
/// the scalar-by-scalar definition does.
@Suite struct HTMLEscapeTests {
    /// The definition: the five special characters as entities; tab, newline and carriage
    /// return kept; other C0 controls, DEL and C1 controls dropped.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapesAsDefined() {
        let samples = ["", "plain", "熵 H(P)", "<script>alert('x')</script>", "a & b \"q\"", "\u{0}\u{1}\t\n\r\u{7F}\u{80}\u{9F}\u{A0}é",
                       "Â\u{85}", "\u{C2}", "😀<"]
        for sample in samples { #expect(HTML.escape(sample) == Self.reference(sample), "\(sample.unicodeScalars.map(\.value))") }
        var state: UInt64 = 42
        let pool: [UInt32] = [0x26, 0x3C, 0x3E, 0x22, 0x27, 0x41, 0x09, 0x0A, 0x01, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xC2, 0x4E2D, 0x1F600]
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(state % 12) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                if let scalar = Unicode.Scalar(pool[Int(state >> 33) % pool.count]) { scalars.append(scalar) }
            }
            let text = String(scalars)
            #expect(HTML.escape(text) == Self.reference(text))
        }
    }
}
