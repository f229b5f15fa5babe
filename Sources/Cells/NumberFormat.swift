/// Number formatting that is identical on every platform: digits come from an exact decimal
/// expansion of the Double (big-integer arithmetic), rounded half-to-even, never from printf
/// or the locale.
public enum NumberFormat {
    /// `value` to `precision` significant digits (1…17), trailing zeros dropped, plain notation
    /// for exponents in [-5, precision) and `1.5e-7` style otherwise. `NaN`, `∞`, `-∞` for
    /// non-finite values.
    public static func format(_ value: Double, precision: Int = 6) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        if value == 0 { return "0" }
        let digitsWanted = min(max(precision, 1), 17)
        var (digits, exponent) = exactDecimal(abs(value))
        if digits.count > digitsWanted {
            let next = digits[digitsWanted]
            let restNonZero = digits[(digitsWanted + 1)...].contains { $0 != 0 }
            var roundUp = next > 5 || (next == 5 && (restNonZero || digits[digitsWanted - 1] % 2 == 1))
            digits.removeSubrange(digitsWanted...)
            var i = digits.count - 1
            while roundUp && i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; roundUp = false }
            }
            if roundUp { digits.insert(1, at: 0); digits.removeLast(); exponent += 1 }
        }
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        let text = digits.map { Character(Unicode.Scalar($0 + 48)) }
        if exponent >= -5 && exponent < digitsWanted {
            if exponent >= 0 {
                var integer = String(text.prefix(exponent + 1))
                if text.count < exponent + 1 { integer += String(repeating: "0", count: exponent + 1 - text.count) }
                let fraction = text.count > exponent + 1 ? "." + String(text[(exponent + 1)...]) : ""
                return sign + integer + fraction
            }
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + String(text)
        }
        let mantissa = text.count > 1 ? String(text[0]) + "." + String(text[1...]) : String(text[0])
        return sign + mantissa + "e" + String(exponent)
    }

    /// The exact decimal digits of a positive finite Double and the power of ten of the first
    /// digit: 0.1 → ([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, …], -1).
    static func exactDecimal(_ x: Double) -> (digits: [UInt8], exponent: Int) {
        var mantissa = x.significandBitPattern
        var binaryExponent: Int
        if x.exponentBitPattern == 0 {
            binaryExponent = -1074
        } else {
            mantissa |= 1 << 52
            binaryExponent = Int(x.exponentBitPattern) - 1075
        }
        // Drop trailing zero bits so the big multiplications stay small.
        let zeros = mantissa.trailingZeroBitCount
        mantissa >>= UInt64(zeros)
        binaryExponent += zeros
        // Limbs in base 10^9, least significant first.
        var limbs: [UInt64] = []
        var m = mantissa
        while m > 0 { limbs.append(m % 1_000_000_000); m /= 1_000_000_000 }
        var scale = 0
        if binaryExponent >= 0 {
            var remaining = binaryExponent
            while remaining > 0 {
                let step = min(remaining, 29)
                multiply(&limbs, by: UInt64(1) << UInt64(step))
                remaining -= step
            }
        } else {
            // m·2^-k = m·5^k / 10^k.
            var remaining = -binaryExponent
            scale = remaining
            while remaining > 0 {
                let step = min(remaining, 12)
                var factor: UInt64 = 1
                for _ in 0..<step { factor *= 5 }
                multiply(&limbs, by: factor)
                remaining -= step
            }
        }
        var digits: [UInt8] = []
        for (i, limb) in limbs.reversed().enumerated() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var v = limb
            for j in stride(from: 8, through: 0, by: -1) { chunk[j] = UInt8(v % 10); v /= 10 }
            if i == 0 {
                let firstNonZero = chunk.firstIndex { $0 != 0 } ?? 8
                digits.append(contentsOf: chunk[firstNonZero...])
            } else {
                digits.append(contentsOf: chunk)
            }
        }
        return (digits, digits.count - 1 - scale)
    }

    private static func multiply(_ limbs: inout [UInt64], by factor: UInt64) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = limbs[i] * factor + carry
            limbs[i] = product % 1_000_000_000
            carry = product / 1_000_000_000
        }
        while carry > 0 { limbs.append(carry % 1_000_000_000); carry /= 1_000_000_000 }
    }

    /// A JSON number token (or a string for non-finite values, which JSON cannot express).
    public static func json(_ value: Double, precision: Int = 17) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        return format(value, precision: precision)
    }
}

/// JSON string escaping (RFC 8259): quotes, backslashes and control characters.
func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
