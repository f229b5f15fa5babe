/// A front-matter date: a calendar day, optionally with a time and a UTC offset.
///
/// Kept as written (no time-zone conversion, no Foundation `Date`), so output is stable.
public struct NoteDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Calendar fields as written.
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// Offset from UTC in minutes, when the timestamp gave one (`Z` is 0).
    public var utcOffsetMinutes: Int?

    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil,
                second: Int? = nil, utcOffsetMinutes: Int? = nil) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses `2026-02-13`, `2026-02-13 09:30`, `2026-02-13T09:30:00Z`, `…+08:00`,
    /// with optional fractional seconds (dropped). Returns nil for anything else.
    public init?(parsing text: String) {
        let s = Array(text.trimmingSpaces.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var v = 0
            for k in 0..<digits {
                let c = s[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += digits
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = number(4), expect(0x2D), let m = number(2), expect(0x2D), let d = number(2),
              (1...12).contains(m), d >= 1, d <= NoteDate.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
        if i == s.count { return }
        guard s[i] == 0x54 || s[i] == 0x74 || s[i] == 0x20 else { return nil }
        i += 1
        while i < s.count, s[i] == 0x20 { i += 1 }
        guard let h = number(2), expect(0x3A), let mi = number(2), h < 24, mi < 60 else { return nil }
        hour = h; minute = mi
        if expect(0x3A) {
            guard let sec = number(2), sec < 61 else { return nil }
            second = sec
            if expect(0x2E) {
                let start = i
                while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        while i < s.count, s[i] == 0x20 { i += 1 }
        if i == s.count { return }
        if s[i] == 0x5A || s[i] == 0x7A { i += 1; utcOffsetMinutes = 0 } else if s[i] == 0x2B || s[i] == 0x2D {
            let sign = s[i] == 0x2D ? -1 : 1
            i += 1
            guard let oh = number(2), oh <= 23 else { return nil }
            _ = expect(0x3A)
            let om = number(2) ?? 0
            guard om < 60 else { return nil }
            utcOffsetMinutes = sign * (oh * 60 + om)
        } else {
            return nil
        }
        guard i == s.count else { return nil }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-02-13`, the day as ISO 8601.
    public var day8601: String {
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// ISO 8601 as precise as written: `2026-02-13` or `2026-02-13T09:30:00+08:00`.
    public var description: String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        guard let hour, let minute else { return day8601 }
        var s = "\(day8601)T\(pad(hour)):\(pad(minute)):\(pad(second ?? 0))"
        if let offset = utcOffsetMinutes {
            if offset == 0 { s += "Z" } else {
                let a = abs(offset)
                s += "\(offset < 0 ? "-" : "+")\(pad(a / 60)):\(pad(a % 60))"
            }
        }
        return s
    }

    /// Chronological on the written fields (offsets are not normalised).
    public static func < (a: NoteDate, b: NoteDate) -> Bool {
        (a.year, a.month, a.day, a.hour ?? -1, a.minute ?? -1, a.second ?? -1)
            < (b.year, b.month, b.day, b.hour ?? -1, b.minute ?? -1, b.second ?? -1)
    }
}
