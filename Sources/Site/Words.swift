import Foundation
import Notes

/// The interface words of the pages ("Linked from", "Contents", "Search"…) in the site's
/// language: English and Chinese tables ship with QED; a theme's `words.json` replaces single
/// entries (`{"zh": {"linkedFrom": "被引用"}}`). Counts ("14 claims verified") are phrased
/// here, per language, because their grammar differs.
struct Words: Sendable, Hashable {
    let language: SiteLanguage
    /// Every key of `Words.english`, in this language (after the theme's overrides).
    let table: [String: String]

    init(_ language: SiteLanguage, overrides: [SiteLanguage: [String: String]] = [:]) {
        self.language = language
        var table = language == .zh ? Words.chinese : Words.english
        for (key, value) in overrides[language] ?? [:] { table[key] = value }
        self.table = table
    }

    static let english: [String: String] = [
        "linkedFrom": "Linked from", "contents": "Contents", "previous": "Previous", "next": "Next",
        "home": "Home", "tags": "Tags", "search": "Search", "searchPlaceholder": "Search",
        "searchPagePlaceholder": "Search titles, headings, tags and text",
        "searchNeedsScript": "Search needs JavaScript.", "homeListsAll": "The home page lists every note.",
        "searchCount": "{n} notes. Type to search.", "searchNone": "No results for “{q}”.",
        "searchOne": "1 result for “{q}”.", "searchMany": "{n} results for “{q}”.",
        "type": "Type", "domain": "Domain", "created": "Created", "updated": "Updated", "source": "Source",
        "notes": "Notes", "otherNotes": "Other notes", "noNotes": "This vault has no notes yet.",
        "noTags": "No note has tags yet.", "notFound": "Page not found",
        "notFoundText": "There is no page at this address.", "goHome": "Go to the home page", "goSearch": "Search the notes",
        "footer": "Built with QED {version}. The claims on these pages were checked when the site was built; ✓ held, ✗ failed, – did not run.",
        "copy": "Copy", "copied": "Copied", "location": "Location", "folderNotes": "Notes in this folder",
        "tagPath": "Tag path",
    ]

    static let chinese: [String: String] = [
        "linkedFrom": "反向链接", "contents": "目录", "previous": "上一篇", "next": "下一篇",
        "home": "首页", "tags": "标签", "search": "搜索", "searchPlaceholder": "搜索",
        "searchPagePlaceholder": "搜索标题、小标题、标签和正文",
        "searchNeedsScript": "搜索需要 JavaScript。", "homeListsAll": "首页列出了全部笔记。",
        "searchCount": "共 {n} 篇笔记，输入关键词搜索。", "searchNone": "没有找到“{q}”。",
        "searchOne": "“{q}”：1 条结果。", "searchMany": "“{q}”：{n} 条结果。",
        "type": "类型", "domain": "领域", "created": "创建", "updated": "更新", "source": "源文件",
        "notes": "笔记", "otherNotes": "其他笔记", "noNotes": "这个笔记库还没有笔记。",
        "noTags": "还没有笔记带标签。", "notFound": "页面不存在",
        "notFoundText": "这个地址没有页面。", "goHome": "返回首页", "goSearch": "搜索笔记",
        "footer": "由 QED {version} 生成。页面上的断言在生成网站时检查：✓ 成立，✗ 不成立，– 未运行。",
        "copy": "复制", "copied": "已复制", "location": "位置", "folderNotes": "同一文件夹中的笔记",
        "tagPath": "标签路径",
    ]

    subscript(_ key: String) -> String { table[key] ?? Words.english[key] ?? key }

    /// The template variable `words`: every entry, `{version}` filled in.
    func context(version: String) -> [String: String] {
        table.mapValues { $0.replacingOccurrences(of: "{version}", with: version) }
    }

    /// Fingerprint for cache keys: the language and every entry.
    var key: String {
        language.rawValue + "\u{1E}" + table.keys.sorted().map { $0 + "\u{1F}" + (table[$0] ?? "") }.joined(separator: "\u{1E}")
    }

    /// Reads a theme's `words.json`: `{"zh": {"key": "text", …}, "en": {…}}`. Unknown
    /// languages or keys are errors naming what is known, so a typo does not pass silently.
    static func overrides(json data: Data) throws(BuildError) -> [SiteLanguage: [String: String]] {
        guard let object = try? JSONSerialization.jsonObject(with: data), let languages = object as? [String: Any] else {
            throw .template(file: "words.json", message: "should be a JSON object such as {\"zh\": {\"linkedFrom\": \"被引用\"}}")
        }
        var result: [SiteLanguage: [String: String]] = [:]
        for name in languages.keys.sorted() {
            guard let language = SiteLanguage(rawValue: name) else {
                throw .template(file: "words.json", message: "unknown language '\(name)' (known: zh, en)")
            }
            guard let entries = languages[name] as? [String: Any] else {
                throw .template(file: "words.json", message: "'\(name)' should map words to texts")
            }
            for key in entries.keys.sorted() {
                guard english[key] != nil else {
                    throw .template(file: "words.json", message: "unknown word '\(key)' (known: \(english.keys.sorted().joined(separator: ", ")))")
                }
                guard let text = entries[key] as? String else {
                    throw .template(file: "words.json", message: "'\(name).\(key)' should be text")
                }
                result[language, default: [:]][key] = text
            }
        }
        return result
    }

    // MARK: Counts

    /// A note's verification line ("14 claims verified", "14 条断言已验证").
    func verificationText(claims: Int, failed: Int, errors: Int, notRun: Int, formulas: Int, failedFormulas: Int) -> String {
        guard language == .zh else {
            return Pages.verificationText(claims: claims, failed: failed, errors: errors, notRun: notRun,
                                          formulas: formulas, failedFormulas: failedFormulas)
        }
        let base = Words.chineseClaims(claims: claims, failed: failed, errors: errors - failedFormulas, notRun: notRun)
        guard formulas + failedFormulas > 0 else { return base ?? Words.noClaimsChinese }
        let text = failedFormulas > 0 ? "\(formulas + failedFormulas) 个公式中 \(failedFormulas) 个不成立" : "\(formulas) 个公式已验证"
        return base.map { $0 + " · " + text } ?? text
    }

    static let noClaimsChinese = "没有需要检查的断言"

    /// The claims part of the line; nil when there is nothing to say (no claims, no errors).
    private static func chineseClaims(claims: Int, failed: Int, errors: Int, notRun: Int) -> String? {
        if notRun > 0 {
            let total = claims + notRun
            var text = failed > 0 ? "\(total) 条断言中 \(failed) 条不成立" : "\(total) 条断言中 \(claims) 条已验证"
            text += " · \(notRun) 条未运行"
            if errors - failed > 0 { text += " · \(errors - failed) 个\(failed > 0 ? "其他" : "")错误" }
            return text
        }
        if failed > 0 { return "\(claims) 条断言中 \(failed) 条不成立" + (errors > failed ? " · \(errors - failed) 个其他错误" : "") }
        if errors > 0 { return (claims > 0 ? "\(claims) 条断言已验证 · " : "") + "\(errors) 个错误" }
        if claims > 0 { return "\(claims) 条断言已验证" }
        return nil
    }

    /// The home page's totals line.
    func totalsText(notes: Int, claims: Int, failed: Int, notRun: Int, failedNotes: Int) -> String {
        let total = claims + notRun
        if language == .zh {
            var text = "\(notes) 篇笔记 · "
            text += failed > 0 ? "\(total) 条断言中 \(failed) 条不成立"
                : notRun > 0 ? "\(total) 条断言中 \(claims) 条已验证" : "\(claims) 条断言已验证"
            if notRun > 0 { text += " · \(notRun) 条未运行" }
            if failedNotes > 0 { text += " · \(failedNotes) 篇笔记有问题" }
            return text
        }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var text = plural(notes, "note") + " · "
        // Claims that never ran count in the total, as on each note's page.
        text += failed > 0 ? "\(failed) of \(total) claims failed"
            : notRun > 0 ? "\(claims) of \(plural(total, "claim")) verified" : plural(claims, "claim") + " verified"
        if notRun > 0 { text += " · \(notRun) not run" }
        if failedNotes > 0 { text += " · " + plural(failedNotes, "note") + " with problems" }
        return text
    }

    /// "3 errors, 1 warning" / "3 个错误，1 个警告".
    func problemsText(errors: Int, warnings: Int) -> String {
        if language == .zh {
            return [errors > 0 ? "\(errors) 个错误" : nil, warnings > 0 ? "\(warnings) 个警告" : nil]
                .compactMap { $0 }.joined(separator: "，")
        }
        return [errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : nil,
                warnings > 0 ? "\(warnings) warning\(warnings == 1 ? "" : "s")" : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// A front-matter date as readers of the language write it: `2026-02-13` stays in English
    /// pages and reads `2026年2月13日` in Chinese ones (a time after the day is kept as written).
    func date(_ text: String) -> String {
        guard language == .zh else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
              let year = Int(String(String.UnicodeScalarView(scalars[0..<4]))),
              let month = Int(String(String.UnicodeScalarView(scalars[5..<7]))),
              let day = Int(String(String.UnicodeScalarView(scalars[8..<10]))) else { return text }
        var rest = String(String.UnicodeScalarView(scalars[10...]))
        // Most dates have no time: skip Foundation's search then (it showed in profiles).
        if rest.unicodeScalars.contains("T") { rest = rest.replacingOccurrences(of: "T", with: " ") }
        return "\(year)年\(month)月\(day)日" + rest
    }
}
