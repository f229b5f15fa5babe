import InfoTheory
import Diagnostics
import Testing
@testable import Notes

/// Heading slugs and source decoding are built a run or a scalar at a time; they must give
/// exactly what the straightforward versions (kept here as references) gave.
@Suite struct SlugAndDecodingTests {
    static func referenceSlug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x5F {
                    slug.unicodeScalars.append(scalar)
                } else if v == 0x20 || v == 0x09 || v == 0x2D {
                    slug += "-"
                }
                continue
            }
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil { slug.unicodeScalars.append(scalar) }
        }
        return slug.isEmpty ? "section" : slug
    }

    static let slugPieces = [
        "A", "z", "Q", "0", "9", "_", "-", " ", "\t", "!", "熵", "信", "\u{9FFF}", "\u{4E00}", "Σ", "ς", "Ω", "İ", "ß", "Ǆ",
        "É", "é", "\u{301}", "Ⅻ", "①", "٣", "ﬁ", "😀", "Ａ", "ﾞ", "\u{3099}", "ㄱ", "가", "ア", "Ɐ", "ᏸ", "𐐀", ".",
    ]

    @Test func slugsMatchTheReference() {
        var rng = SeededGenerator(seed: 0x51A6)
        var samples = ["", "信息论 总览", "KL 散度 (Kullback-Leibler)", "ΑΣ Σ", "İstanbul", "Straße", "---", "!!!"]
        for _ in 0..<4000 {
            samples.append((0..<(rng.next() % 10)).map { _ in Self.slugPieces[Int(rng.next() % UInt64(Self.slugPieces.count))] }.joined())
        }
        for s in samples {
            #expect(slug(s) == Self.referenceSlug(s), "\(s.debugDescription)")
        }
    }

    /// The shortcut for U+4E00…U+9FFF assumes each is alphabetic and its own lowercase.
    @Test func everyCJKIdeographIsAlphabeticAndCaseless() {
        for v in UInt32(0x4E00)...0x9FFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(scalar.properties.isAlphabetic && scalar.properties.lowercaseMapping == String(scalar), "U+\(String(v, radix: 16))")
        }
    }

    /// The byte-at-a-time decoder this one replaced: output, and where the first problems are.
    static func referenceDecode(_ raw: [UInt8]) -> (bytes: [UInt8], invalid: (Int, Int, Int), forged: (Int, Int, Int)) {
        var out: [UInt8] = []
        var invalid = (0, 0, 0), forged = (0, 0, 0)
        var line = 1, column = 1, i = 0
        let n = raw.count
        if n >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { i = 3 }
        raw.withUnsafeBufferPointer { b in
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c == 0x0D {
                        out.append(0x0A)
                        if i + 1 < n, b[i + 1] == 0x0A { i += 1 }
                        line += 1; column = 1
                    } else {
                        out.append(c)
                        if c == 0x0A { line += 1; column = 1 } else { column += 1 }
                    }
                    i += 1
                    continue
                }
                let length = DecodedSource.validSequenceLength(b, i)
                if length == 0 {
                    if invalid.0 == 0 { invalid = (0, line, column) }
                    invalid.0 += 1
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD]); column += 1; i += 1
                    continue
                }
                if length == 3, c == 0xEE, b[i + 1] == 0x80, b[i + 2] <= 0x9F {
                    if forged.0 == 0 { forged = (0, line, column) }
                    forged.0 += 1
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    for k in 0..<length { out.append(b[i + k]) }
                }
                column += 1
                i += length
            }
        }
        return (out, invalid, forged)
    }

    static let bytePieces: [[UInt8]] = [
        [0x61], [0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0xE7, 0x86, 0xB5], [0xEE, 0x80, 0x81], [0xEE, 0x80, 0xA0],
        [0xFF], [0xC3], [0xC3, 0xA9], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xEF, 0xBB, 0xBF], [0xE0, 0x80, 0x80], [0x80], [0x20],
    ]

    @Test func decodingMatchesTheReference() {
        var rng = SeededGenerator(seed: 0xDEC0)
        var samples: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xFF, 0x0D]]
        for _ in 0..<4000 {
            samples.append((0..<(rng.next() % 14)).flatMap { _ in Self.bytePieces[Int(rng.next() % UInt64(Self.bytePieces.count))] })
        }
        for raw in samples {
            let decoded = DecodedSource(raw: raw, file: "n.md")
            let expected = Self.referenceDecode(raw)
            #expect(decoded.bytes == expected.bytes, "\(raw)")
            var locations: [Diagnostics.SourceLocation?] = []
            if expected.invalid.0 > 0 { locations.append(Diagnostics.SourceLocation(file: "n.md", line: expected.invalid.1, column: expected.invalid.2)) }
            if expected.forged.0 > 0 { locations.append(Diagnostics.SourceLocation(file: "n.md", line: expected.forged.1, column: expected.forged.2)) }
            #expect(decoded.diagnostics.map(\.location) == locations, "\(raw)")
        }
    }
}
