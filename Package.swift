// swift-tools-version: 6.0
// QED: a verified knowledge base from a vault of Markdown notes.
//
// Data flows one way:  files ─▶ Notes ─▶ Cells ─▶ Site ─▶ output/
// and every module below `qed` is a library that knows nothing of the command line.
import PackageDescription

let package = Package(
    name: "QED",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "InfoTheory", targets: ["InfoTheory"]),
        .library(name: "TeXMath", targets: ["TeXMath"]),
        .library(name: "QEDKit", targets: ["Diagnostics", "Cells", "Notes", "Formulas", "Verification", "Site"]),
        .executable(name: "qed", targets: ["qed"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The preview server of `qed serve`: small, pure Swift on sockets, no SwiftNIO.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Source locations, diagnostics and their compiler-style rendering.
        .target(name: "Diagnostics"),
        // Pins a crash on the note being worked on, so the supervisor can leave it out.
        .target(name: "Containment"),
        // HTML/XML escaping shared by pages, SVG plots and JUnit reports.
        .target(name: "Markup"),
        // The information-theory math library. Depends on nothing.
        .target(name: "InfoTheory"),
        // LaTeX → MathML Core. Depends on nothing.
        .target(name: "TeXMath"),
        // Debian's libcmark-dev.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Content fingerprints and the compact binary records QED's caches are made of.
        .target(name: "Storage", dependencies: ["Diagnostics"]),
        // The `qed` cell language: lexer, parser, evaluator, claims, plots.
        .target(name: "Cells", dependencies: ["InfoTheory", "Diagnostics", "Markup", "Storage"]),
        // Vault loading, front matter, Markdown with math and wiki-links, cells.
        .target(name: "Notes", dependencies: [
            "CCmark", "Diagnostics", "Containment", "Storage",
            .product(name: "Yams", package: "Yams"),
        ]),
        // A note's formulas read as claims (TeX parse tree → Cells syntax tree) and checked
        // over random distributions.
        .target(name: "Formulas", dependencies: ["Notes", "Cells", "TeXMath", "Diagnostics"]),
        // Runs a vault's cells, resolves its links, converts its math, and reports (text, JSON, JUnit, GitHub).
        .target(name: "Verification", dependencies: ["Notes", "Cells", "TeXMath", "Diagnostics", "Markup", "Containment", "Formulas", "Storage"]),
        // Pages through templates, MathML insertion, search index, output writing, cache.
        .target(name: "Site", dependencies: [
            "Verification", "Notes", "Cells", "TeXMath", "Diagnostics", "Markup", "Containment", "Formulas", "Storage",
            .product(name: "Mustache", package: "swift-mustache"),
        ],
        // The default theme is templates/ (linked in as DefaultThemeFiles), compiled into the
        // binary so an installed qed needs no files beside it.
        exclude: ["DefaultThemeFiles/README.md"],
        resources: [.embedInCode("DefaultThemeFiles")]),
        // `qed serve`: the site built in a private folder, served on loopback, rebuilt on change.
        .target(name: "Preview", dependencies: ["Site", "Notes", "Diagnostics", "Markup", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(name: "qed", dependencies: [
            "Preview",
            "InfoTheory", "TeXMath", "Cells", "Notes", "Verification", "Site", "Diagnostics", "Containment", "Formulas", "Storage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Release-mode benchmarks, one executable per module; `scripts/bench` runs them.
        .executableTarget(name: "InfoTheoryBench", dependencies: ["InfoTheory"], path: "Benchmarks/InfoTheoryBench"),
        .executableTarget(name: "TeXMathBench", dependencies: ["TeXMath"], path: "Benchmarks/TeXMathBench"),
        .executableTarget(name: "CellsBench", dependencies: ["Cells", "InfoTheory"], path: "Benchmarks/CellsBench"),
        .executableTarget(name: "NotesBench", dependencies: ["Notes"], path: "Benchmarks/NotesBench"),
        // One fuzz binary for every parser: libFuzzer when built by scripts/fuzz, a replayer otherwise.
        .executableTarget(name: "QEDFuzz", dependencies: ["Notes", "Cells", "TeXMath", "Site", "Formulas", "Verification", "Storage"], path: "Fuzz/QEDFuzz"),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Diagnostics"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview"]),
        .testTarget(name: "InfoTheoryTests", dependencies: ["InfoTheory"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TeXMathTests", dependencies: ["TeXMath", "InfoTheory"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CellsTests", dependencies: ["Cells", "InfoTheory", "Diagnostics"]),
        .testTarget(name: "NotesTests", dependencies: ["Notes", "Diagnostics", "InfoTheory", "Storage"]),
        .testTarget(name: "FormulasTests", dependencies: ["Formulas", "Notes", "Cells", "Diagnostics", "InfoTheory"]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "Notes", "Cells", "TeXMath", "Formulas", "Diagnostics", "Storage", "InfoTheory"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Notes", "Cells", "TeXMath", "Markup"]),
        // Fixtures/ holds notes the end-to-end tests copy into vaults (read by path, not bundled).
        .testTarget(name: "QEDTests", dependencies: ["qed"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
