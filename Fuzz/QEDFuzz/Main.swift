// The fuzz targets of QED's parsers and evaluators, one binary for all of them.
//
// Built two ways (see scripts/fuzz):
// - with `-sanitize=fuzzer,address -D QED_LIBFUZZER`: a libFuzzer binary; the target is
//   chosen by the environment variable QED_FUZZ_TARGET;
// - plainly, as part of the package: `QEDFuzz TARGET FILE…` replays inputs (a corpus, a
//   crash found earlier) through the same entry point, which is what regression tests use.
#if canImport(Glibc)
import Glibc
#endif

/// Every target: its name and the function that feeds it one input.
let fuzzTargets: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
    ("note", fuzzNote),
    ("markdown", fuzzMarkdown),
    ("front-matter", fuzzFrontMatter),
    ("config", fuzzConfig),
    ("cells", fuzzCells),
    ("claims", fuzzCellClaims),
    ("tex", fuzzTeX),
    ("formulas", fuzzFormulas),
    ("number-spans", fuzzNumberSpans),
    ("note-record", fuzzNoteRecord),
    ("verdict-record", fuzzVerdictRecord),
    ("record-archive", fuzzRecordArchive),
    ("page-readers", fuzzPageReaders),
    ("native-pages", fuzzNativePages),
]

func fuzzTarget(named name: String) -> (@Sendable ([UInt8]) -> Void)? {
    fuzzTargets.first { $0.name == name }?.run
}

#if QED_LIBFUZZER
nonisolated(unsafe) private var selected: (@Sendable ([UInt8]) -> Void)?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if selected == nil {
        let name = getenv("QED_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = fuzzTarget(named: name) else {
            print("QED_FUZZ_TARGET must be one of: \(fuzzTargets.map(\.name).joined(separator: ", "))")
            exit(2)
        }
        selected = target
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected?(bytes)
    return 0
}

/// libFuzzer's entry for programs with their own `main` (SwiftPM names the executable's).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOne))
    }
}
#else
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = fuzzTarget(named: name) else {
            print("usage: QEDFuzz TARGET FILE…   targets: \(fuzzTargets.map(\.name).joined(separator: ", "))")
            exit(2)
        }
        for file in arguments.dropFirst() {
            guard let handle = fopen(file, "rb") else { print("cannot read \(file)"); exit(2) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&chunk, 1, chunk.count, handle)
                if n == 0 { break }
                bytes += chunk[0..<n]
            }
            fclose(handle)
            target(bytes)
        }
        print("replayed \(arguments.count - 1) input(s) through \(name): no crash")
    }
}
#endif
