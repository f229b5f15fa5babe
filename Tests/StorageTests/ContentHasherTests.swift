import Testing
import Storage

@Suite struct ContentHasherTests {
    /// Output folders carry markers made with this hash: its values must never change.
    @Test func valuesArePinned() {
        // Values from an independent implementation of the same two FNV-1a streams (Python).
        #expect(ContentHasher.hash("") == "af64724c8602eb6ee53d1b91621dc2f2")
        #expect(ContentHasher.hash("abc", "d") == "581bb0424aadb1d54f73a787206d6eb9")
        #expect(ContentHasher.hash("熵", "qed") == "9ca6f8268f8da3578e9690020d1a6f32")
        #expect(ContentHasher.hash("abc", "d") != ContentHasher.hash("ab", "cd"))
        #expect(fnv1aHex(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(fnv1aHex([UInt8]()) == "cbf29ce484222325")
    }

    /// The fast path over contiguous bytes and the byte-by-byte path agree.
    @Test func contiguousAndGenericPathsAgree() {
        var state: UInt64 = 7
        for length in [0, 1, 7, 64, 1000] {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
            var fast = ContentHasher()
            fast.add(bytes)
            var slow = ContentHasher()
            slow.add(AnySequence(bytes))
            #expect(fast.hex == slow.hex)
            #expect(fnv1aHex(bytes) == fnv1aHex(AnySequence(bytes)))
        }
    }
}
