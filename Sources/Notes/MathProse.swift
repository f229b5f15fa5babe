/// The prose around a math span, cut from the raw source: formula claims read conditions
/// ("if", "当且仅当") and the `%%unchecked%%` opt-out there. Bounded, so a note of one long
/// line costs no more than a short one.
enum MathProse {
    static let maxBytes = 240

    /// The rest of the line before `end` and, when `lines` > 1, the previous non-blank lines.
    static func before(_ b: UnsafeBufferPointer<UInt8>, _ end: Int, lines: Int) -> String {
        decode(b, reach(b, from: end, forward: false, lines: lines), end)
    }

    /// The rest of the line from `start` and, when `lines` > 1, the next non-blank lines.
    static func after(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, lines: Int) -> String {
        decode(b, start, reach(b, from: start, forward: true, lines: lines))
    }

    /// How far the prose reaches from `origin`, backwards or forwards: to the end of the
    /// current line and `lines − 1` further non-blank lines, at most `maxBytes`.
    private static func reach(_ b: UnsafeBufferPointer<UInt8>, from origin: Int, forward: Bool, lines: Int) -> Int {
        var position = origin
        var extra = lines - 1
        var onCurrentLine = true
        var lineHasText = false
        while forward ? position < b.count : position > 0, abs(position - origin) < maxBytes {
            let c = forward ? b[position] : b[position - 1]
            if c == 0x0A {
                if onCurrentLine {
                    if extra == 0 { break }
                    onCurrentLine = false
                } else if lineHasText {
                    extra -= 1
                    if extra == 0 { break }
                }
                lineHasText = false
            } else if c != 0x20 && c != 0x0D && c != 0x09 {
                lineHasText = true
            }
            position += forward ? 1 : -1
        }
        return position
    }

    /// Decodes, dropping a character cut in half at either end (the byte bound can split one).
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var s = start, e = end
        while s < e, b[s] & 0xC0 == 0x80 { s += 1 }
        if e > s {
            // Back off an incomplete trailing sequence.
            var k = e - 1
            while k > s, b[k] & 0xC0 == 0x80 { k -= 1 }
            let lead = b[k]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if k + length > e { e = k }
        }
        guard s < e else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }
}
