import Foundation
@testable import Site

/// A vault in a fresh temporary folder, with an output folder beside it.
struct TemporaryVault {
    let base: String
    var root: String { base + "/vault" }
    var output: String { base + "/site" }

    init(_ files: [String: String] = [:]) throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("qed-site-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base + "/vault", withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func read(_ page: String) -> String {
        (try? String(contentsOfFile: output + "/" + page, encoding: .utf8)) ?? ""
    }

    func exists(_ page: String) -> Bool { FileManager.default.fileExists(atPath: output + "/" + page) }

    func build(keepGoing: Bool = false, strict: Bool = false, jobs: Int = 2, output: String? = nil,
               templates: String? = nil, baseURL: String? = nil) throws -> BuildResult {
        try SiteBuilder(options: BuildOptions(vault: root, output: output ?? self.output, templates: templates,
                                              baseURL: baseURL, keepGoing: keepGoing, strict: strict, jobs: jobs)).build()
    }

    /// A build with options changed from the defaults (`qed build`'s).
    func build(_ change: (inout BuildOptions) -> Void) throws -> BuildResult {
        var options = BuildOptions(vault: root, output: output)
        change(&options)
        return try SiteBuilder(options: options).build()
    }

    /// Every file under the output (relative path → contents), the cache manifest excluded.
    func snapshot(_ folder: String? = nil) -> [String: Data] {
        let root = folder ?? output
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  // Build metadata, not the site: the cache, and the marker whose id is
                  // signed for the folder's own path (OutputSafetyTests checks it).
                  !relative.hasPrefix(".qed-cache"), relative != OutputFolder.marker else { continue }
            files[relative] = FileManager.default.contents(atPath: full)
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(atPath: base) }
}

/// A small vault like the seed: Chinese prose, math, a cell with claims, wiki-links, tags.
enum Samples {
    static let infoTheory = """
    ---
    title: "信息论"
    brief: "熵、KL 散度与交叉熵的数学定义"
    type: concept
    domain: ai/foundations/math
    created: "2026-02-13"
    updated: "2026-02-14"
    tags:
      - ai/foundations/math
      - type/concept
    ---
    # 信息论

    随机变量 $X$ 的熵是信息量的期望：

    $$H(X) = -\\sum_{x} P(x) \\log P(x)$$

    ```qed
    P = [0.5, 0.25, 0.25]
    Q = [0.4, 0.4, 0.2]
    H(P)
    check H(P, Q) ≈ H(P) + KL(P ‖ Q)
    ```

    均匀分布的熵是 `= log(3)`。

    ## See Also

    - [[AI/KL散度|KL 散度]] — 专项讲解
    - [[不存在的笔记]]

    """

    static let kl = """
    ---
    title: "KL 散度"
    brief: "两个分布之间的非对称差异"
    domain: ai/foundations/math
    tags: [ai/foundations]
    ---
    # KL 散度

    $D_{\\text{KL}}(P \\| Q) \\geq 0$，见 [[信息论]]。

    """

    static let plain = """
    # Plain

    Some *plain* text with `code` and a [link](https://example.org).

    """
}
