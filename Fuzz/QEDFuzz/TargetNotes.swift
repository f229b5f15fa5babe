@testable import Notes

/// The whole reading of one note: decoding, front matter, math cut-out, Markdown, holes.
func fuzzNote(_ bytes: [UInt8]) {
    _ = Note.parse(bytes: bytes, path: "fuzz.md")
}

/// `qed.yml`.
func fuzzConfig(_ bytes: [UInt8]) {
    _ = VaultConfig.parse(String(decoding: bytes, as: UTF8.self))
}
