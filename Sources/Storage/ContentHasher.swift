/// A 128-bit content fingerprint (two independent FNV-1a 64 streams), as 32 hex digits.
///
/// Used for cache keys only, where a collision would mean a stale page, never a security
/// problem; two seeds make an accidental collision vanishingly unlikely without needing a
/// cryptographic library that Linux's Foundation does not ship.
public struct ContentHasher: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    public init() {}

    /// Adds bytes as they are.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        // Contiguous bytes (arrays, Data, UTF-8 strings) take the tight loop: the generic
        // iterator cost more than the hashing did.
        let done: Void? = bytes.withContiguousStorageIfAvailable { add(buffer: $0) }
        if done != nil { return }
        for byte in bytes { step(byte) }
    }

    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        var a = self.a
        var b = self.b
        for byte in buffer {
            a = (a ^ UInt64(byte)) &* ContentHasher.prime
            b = (b ^ UInt64(byte ^ 0x5A)) &* ContentHasher.prime
            b = (b << 7) | (b >> 57)
        }
        self.a = a
        self.b = b
    }

    @inline(__always)
    private mutating func step(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* ContentHasher.prime
        b = (b ^ UInt64(byte ^ 0x5A)) &* ContentHasher.prime
        b = (b << 7) | (b >> 57)
    }

    /// Adds a string followed by a separator no UTF-8 string contains, so `("ab","c")` and
    /// `("a","bc")` hash differently.
    public mutating func add(_ string: String) {
        var string = string
        string.withUTF8 { add(buffer: $0) }
        step(0xFF)
    }

    /// The fingerprint so far, as 32 lowercase hex digits.
    public var hex: String {
        func hex64(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex64(a) + hex64(b)
    }

    /// The fingerprint of `parts`, each followed by a separator.
    public static func hash(_ parts: String...) -> String {
        var hasher = ContentHasher()
        for part in parts { hasher.add(part) }
        return hasher.hex
    }
}

/// 64-bit FNV-1a: a small, stable hash of bytes (the same on every platform and Swift
/// version), for seeds and short content keys.
public func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}

/// `fnv1a64` as 16 lowercase hex digits.
public func fnv1aHex(_ bytes: some Sequence<UInt8>) -> String {
    let hex = String(fnv1a64(bytes), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
