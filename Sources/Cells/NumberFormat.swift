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
        var (digits, exponent) = shortestOrExact(abs(value), digitsWanted)
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
        // Assemble ASCII bytes directly: cheaper than string concatenation.
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 12)
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let zero = UInt8(ascii: "0")
        if exponent >= -5 && exponent < digitsWanted {
            if exponent >= 0 {
                for i in 0...exponent { out.append(i < digits.count ? zero + digits[i] : zero) }
                if digits.count > exponent + 1 {
                    out.append(UInt8(ascii: "."))
                    for d in digits[(exponent + 1)...] { out.append(zero + d) }
                }
            } else {
                out.append(zero)
                out.append(UInt8(ascii: "."))
                for _ in 0..<(-exponent - 1) { out.append(zero) }
                for d in digits { out.append(zero + d) }
            }
        } else {
            out.append(zero + digits[0])
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                for d in digits[1...] { out.append(zero + d) }
            }
            out.append(UInt8(ascii: "e"))
            if exponent < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: String(abs(exponent)).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decimal digits to round: the shortest round-trip digits when they decide the rounding the
    /// same way the exact value would (always, unless they end exactly on a tie at the cut or more
    /// than 15 digits are wanted), else the exact expansion. Both come from Swift's own
    /// platform-independent algorithms, never from the C library.
    static func shortestOrExact(_ x: Double, _ wanted: Int) -> (digits: [UInt8], exponent: Int) {
        if wanted <= 15, x.isNormal, let (digits, exponent) = shortestDigits(x) {
            if digits.count <= wanted { return (digits, exponent) }
            // A tail of exactly "5" is a tie in the short form that the exact value may not share.
            if !(digits.count == wanted + 1 && digits[wanted] == 5) { return (digits, exponent) }
        }
        return exactDecimal(x)
    }

    /// The digits of Swift's shortest round-trip representation ("1.0397207708399179",
    /// "1e-07", "1.5e+20") and the power of ten of the first digit.
    static func shortestDigits(_ x: Double) -> (digits: [UInt8], exponent: Int)? {
        var digits: [UInt8] = []
        digits.reserveCapacity(17)
        var pointPosition: Int? = nil
        var exponent = 0
        var sawExponent = false
        var exponentSign = 1
        for byte in x.description.utf8 {
            if sawExponent {
                if byte == UInt8(ascii: "-") { exponentSign = -1 } else if byte == UInt8(ascii: "+") { continue } else {
                    guard byte >= 48 && byte <= 57 else { return nil }
                    exponent = exponent * 10 + Int(byte - 48)
                }
            } else if byte == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                sawExponent = true
            } else if byte >= 48 && byte <= 57 {
                digits.append(byte - 48)
            } else {
                return nil
            }
        }
        let integerDigits = pointPosition ?? digits.count
        // Drop leading zeros (0.00123 → 123), adjusting the position of the first digit.
        var leading = 0
        while leading < digits.count - 1 && digits[leading] == 0 { leading += 1 }
        guard leading < digits.count, digits[leading] != 0 else { return nil }
        digits.removeFirst(leading)
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        return (digits, integerDigits - 1 - leading + exponentSign * exponent)
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
