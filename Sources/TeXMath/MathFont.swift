/// A math alphabet. Letters are mapped to the Unicode Mathematical Alphanumeric
/// Symbols (U+1D400…) instead of using `mathvariant`, which Chromium ignores except
/// for `normal`.
enum MathFont: Sendable, Equatable {
    case roman, bold, italic, boldItalic, boldSymbol, script, boldScript, fraktur
    case boldFraktur, doubleStruck, sansSerif, sansSerifBold, sansSerifItalic, monospace

    static let commands: [(String, MathFont)] = [
        ("mathrm", .roman), ("mathup", .roman), ("mathbf", .bold), ("mathit", .italic),
        ("mathnormal", .italic), ("boldsymbol", .boldSymbol), ("bm", .boldSymbol),
        ("pmb", .boldSymbol), ("mathbfit", .boldItalic), ("mathcal", .script),
        ("mathscr", .script), ("mathbfcal", .boldScript), ("mathbfscr", .boldScript),
        ("mathfrak", .fraktur), ("mathbffrak", .boldFraktur), ("mathbb", .doubleStruck), ("mathds", .doubleStruck), ("mathbbm", .doubleStruck),
        ("Bbb", .doubleStruck), ("mathsf", .sansSerif), ("mathsfbf", .sansSerifBold),
        ("mathbfsf", .sansSerifBold), ("mathsfit", .sansSerifItalic), ("mathtt", .monospace),
    ]

    /// Old-style switches that apply to the rest of the group (`{\bf x}`).
    static let switches: [(String, MathFont)] = [
        ("rm", .roman), ("bf", .bold), ("it", .italic), ("cal", .script), ("sf", .sansSerif),
        ("tt", .monospace), ("frak", .fraktur), ("Bbb", .doubleStruck),
    ]

    /// Offsets of capital A, small a and digit 0 in the Mathematical Alphanumeric block.
    private var latinBases: (upper: UInt32, lower: UInt32, digit: UInt32?)? {
        switch self {
        case .roman: nil
        case .bold: (0x1D400, 0x1D41A, 0x1D7CE)
        case .italic: (0x1D434, 0x1D44E, nil)
        case .boldItalic, .boldSymbol: (0x1D468, 0x1D482, 0x1D7CE)
        case .script: (0x1D49C, 0x1D4B6, nil)
        case .boldScript: (0x1D4D0, 0x1D4EA, 0x1D7CE)
        case .fraktur: (0x1D504, 0x1D51E, nil)
        case .boldFraktur: (0x1D56C, 0x1D586, 0x1D7CE)
        case .doubleStruck: (0x1D538, 0x1D552, 0x1D7D8)
        case .sansSerif: (0x1D5A0, 0x1D5BA, 0x1D7E2)
        case .sansSerifBold: (0x1D5D4, 0x1D5EE, 0x1D7EC)
        case .sansSerifItalic: (0x1D608, 0x1D622, 0x1D7E2)
        case .monospace: (0x1D670, 0x1D68A, 0x1D7F6)
        }
    }

    /// Base of capital Alpha in the Greek part of the block, for the fonts that have Greek.
    private var greekBase: UInt32? {
        switch self {
        case .bold, .sansSerifBold: self == .bold ? 0x1D6A8 : 0x1D756
        case .italic: 0x1D6E2
        case .boldItalic, .boldSymbol: 0x1D71C
        default: nil
        }
    }

    /// Holes in the block, filled by earlier Letterlike Symbols.
    private static let exceptions: [MathFont: [UInt32: UInt32]] = [
        .italic: [0x68: 0x210E],
        .script: [0x42: 0x212C, 0x45: 0x2130, 0x46: 0x2131, 0x48: 0x210B, 0x49: 0x2110,
                  0x4C: 0x2112, 0x4D: 0x2133, 0x52: 0x211B, 0x65: 0x212F, 0x67: 0x210A,
                  0x6F: 0x2134],
        .fraktur: [0x43: 0x212D, 0x48: 0x210C, 0x49: 0x2111, 0x52: 0x211C, 0x5A: 0x2128],
        .doubleStruck: [0x43: 0x2102, 0x48: 0x210D, 0x4E: 0x2115, 0x50: 0x2119,
                        0x51: 0x211A, 0x52: 0x211D, 0x5A: 0x2124],
    ]

    /// Whether letters in this font are set upright when left as ASCII (`\mathrm`).
    var isRoman: Bool { self == .roman }

    /// The styled form of `scalar`, or `scalar` itself when the alphabet has no such letter.
    func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if let exception = Self.exceptions[self]?[value] {
            return Unicode.Scalar(exception) ?? scalar
        }
        if let bases = latinBases {
            switch value {
            case 0x41...0x5A: return Unicode.Scalar(bases.upper + value - 0x41) ?? scalar
            case 0x61...0x7A: return Unicode.Scalar(bases.lower + value - 0x61) ?? scalar
            case 0x30...0x39:
                if let digit = bases.digit { return Unicode.Scalar(digit + value - 0x30) ?? scalar }
                return scalar
            default: break
            }
        }
        guard let greek = greekBase else { return scalar }
        let offset: UInt32?
        switch value {
        case 0x0391...0x03A9: offset = value - 0x0391
        case 0x03B1...0x03C9: offset = value - 0x03B1 + 0x1A
        case 0x2207: offset = 0x19
        case 0x2202: offset = 0x33
        case 0x03F5: offset = 0x34
        case 0x03D1: offset = 0x35
        case 0x03F0: offset = 0x36
        case 0x03D5: offset = 0x37
        case 0x03F1: offset = 0x38
        case 0x03D6: offset = 0x39
        default: offset = nil
        }
        guard let offset else { return scalar }
        return Unicode.Scalar(greek + offset) ?? scalar
    }

    func map(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { result.unicodeScalars.append(map(scalar)) }
        return result
    }
}
