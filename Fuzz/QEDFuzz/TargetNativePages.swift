import Site

/// Differential target: page models made from the bytes (`NativePageCheck`) are written natively
/// and through the default theme's Mustache templates; different bytes are a bug, reported as
/// a crash. A crash inside either writer is one too.
func fuzzNativePages(_ bytes: [UInt8]) {
    let failed = NativePageCheck.mismatches(String(decoding: bytes, as: UTF8.self))
    if !failed.isEmpty { fatalError("native pages differ from Mustache: \(failed.joined(separator: ", "))") }
}
