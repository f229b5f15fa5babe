import Foundation

/// Where a build puts the site's files: a staging folder beside the output (`qed build`,
/// `StagingWriter`) or memory (`qed serve`, `MemorySite`). Stages only talk to this, so
/// both publish the same pages from the same code.
protocol SiteSink: Sendable {
    /// Keeps the previous build's file at `path` when it was made from the same `key`;
    /// false when the file must be made again.
    func reuse(_ path: String, key: String) -> Bool
    /// Keeps the previous build's file at `path` as it is; false when there is none.
    func carryOver(_ path: String) -> Bool
    /// Puts `data` at `path`.
    func write(_ path: String, _ data: Data) throws(BuildError)
    /// Puts `text`, as UTF-8, at `path`.
    func write(_ path: String, _ text: String) throws(BuildError)
    /// Puts a file of the vault (an image) at `path`.
    func copy(_ source: String, to path: String) throws(BuildError)
    /// Puts at `path` what `make` returns. A sink may call it later, when the file is first
    /// asked for: the preview serves the search index without building it on every edit.
    func write(_ path: String, deferred make: @escaping @Sendable () -> Data) throws(BuildError)
    /// Puts at each of `paths` the pieces `produce` hands out for it (`emit(piece, k)` for
    /// `paths[k]`, `emit(piece, nil)` for all), without holding them all where the sink can
    /// help it (files, made in one pass: the search index as JSON and as a script share
    /// most of their bytes); a sink may also defer it, as above.
    func write(_ paths: [String], streaming produce: @escaping Producer) throws(BuildError)
}

/// Hands the pieces of one or more files, in order, each for one file (by index) or for all (nil).
typealias Producer = @Sendable (_ emit: ([UInt8], Int?) -> Void) -> Void

extension SiteSink {
    func write(_ path: String, _ text: String) throws(BuildError) {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, deferred make: @escaping @Sendable () -> Data) throws(BuildError) {
        try write(path, make())
    }

    /// Each file on its own, deferred, from its pieces of `produce`.
    func write(_ paths: [String], streaming produce: @escaping Producer) throws(BuildError) {
        for (k, path) in paths.enumerated() {
            try write(path, deferred: { collect(file: k, of: produce) })
        }
    }
}

/// Everything a producer hands out for file `k`, in one piece.
func collect(file k: Int, of produce: Producer) -> Data {
    var data = Data()
    produce { piece, file in if file == nil || file == k { data.append(contentsOf: piece) } }
    return data
}
