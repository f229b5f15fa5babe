import Diagnostics
import Testing
@testable import Notes

/// `language:` in qed.yml, and how a text's language is judged.
@Suite struct LanguageConfigTests {
    @Test func knownLanguagesAreRead() {
        for (text, language) in [("zh", SiteLanguage.zh), ("en", .en), ("ZH", .zh), (" en ", .en)] {
            let (config, problems) = VaultConfig.parse("title: T\nlanguage: '\(text)'\n")
            #expect(config.language == language, "\(text)")
            #expect(problems.isEmpty, "\(text): \(problems)")
        }
        #expect(VaultConfig.parse("title: T\n").0.language == nil)
    }

    @Test func anUnknownLanguageIsALocatedWarningWithADidYouMean() throws {
        let (config, problems) = VaultConfig.parse("title: T\nlanguage: cn\n", file: "vault/qed.yml")
        #expect(config.language == nil)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.code == .configLanguage)
        #expect(problem.severity == .warning)
        #expect(problem.location == SourceLocation(file: "vault/qed.yml", line: 2, column: 11))
        #expect(problem.message.contains("'cn'"))
        #expect(problem.hint == "did you mean 'zh'? (zh or en)")
    }

    @Test func suggestionsFollowAliasesThenSpelling() {
        #expect(SiteLanguage.suggestion(for: "zh-CN") == .zh)
        #expect(SiteLanguage.suggestion(for: "Chinese") == .zh)
        #expect(SiteLanguage.suggestion(for: "中文") == .zh)
        #expect(SiteLanguage.suggestion(for: "english") == .en)
        #expect(SiteLanguage.suggestion(for: "en-GB") == .en)
        #expect(SiteLanguage.suggestion(for: "enn") == .en)
        #expect(SiteLanguage.suggestion(for: "klingon") == nil)
        #expect(SiteLanguage.suggestion(for: "") == nil)
        // Nothing close: the hint says what to write instead.
        let (_, problems) = VaultConfig.parse("language: klingon\n")
        #expect(problems.first?.hint == "write 'language: zh' or 'language: en'")
        // Not text at all.
        let (_, listProblems) = VaultConfig.parse("language: [zh]\n")
        #expect(listProblems.first?.code == .configLanguage)
    }

    @Test func aTextsLanguageIsJudgedByProportionNotByAnyCJKCharacter() {
        // English quoting one Chinese word stays English.
        #expect(SiteLanguage.judged(from: ["The entropy (熵) of a distribution is its expected information content."]) == .en)
        // Chinese with English terms and formula text stays Chinese.
        #expect(SiteLanguage.judged(from: ["随机变量的熵是信息量的期望，KL divergence 衡量 P 与 Q 的差异：H(P, Q) = H(P) + KL(P || Q)"]) == .zh)
        #expect(SiteLanguage.judged(from: ["信息论"]) == .zh)
        #expect(SiteLanguage.judged(from: ["", "1 + 2 = 3"]) == .en)
    }
}
