/// A 128-bit content fingerprint (two independent FNV-1a 64 streams), as 32 hex digits.
///
/// Used for cache keys only, where a collision would mean a stale page, never a security
/// problem; two seeds make an accidental collision vanishingly unlikely without needing a
/// cryptographic library that Linux's Foundation does not ship.
struct ContentHasher: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    init() {}

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* ContentHasher.prime
            b = (b ^ UInt64(byte ^ 0x5A)) &* ContentHasher.prime
            b = (b << 7) | (b >> 57)
        }
    }

    /// Adds a string followed by a separator no UTF-8 string contains, so `("ab","c")` and
    /// `("a","bc")` hash differently.
    mutating func add(_ string: String) {
        add(string.utf8)
        add(CollectionOfOne(0xFF))
    }

    var hex: String {
        func hex64(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex64(a) + hex64(b)
    }

    static func hash(_ parts: String...) -> String {
        var hasher = ContentHasher()
        for part in parts { hasher.add(part) }
        return hasher.hex
    }
}
