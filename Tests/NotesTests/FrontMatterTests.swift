import Diagnostics
import Testing
@testable import Notes

/// Front matter: typed keys, unknown keys, dates, wrong types, broken YAML.
@Suite struct FrontMatterTests {
    @Test func typedKeys() {
        let n = note("""
        ---
        title: "信息论"
        brief: 熵与 KL 散度
        type: concept
        domain: ai/foundations/math
        created: "2026-02-13"
        updated: 2026-02-14
        tags:
          - ai/foundations/math
          - "#type/concept"
        aliases: [Information Theory, 信息理论]
        qed: {tolerance: 1e-6}
        ---
        Body
        """)
        let fm = n.frontMatter
        #expect(fm.title == "信息论")
        #expect(n.title == "信息论")
        #expect(fm.brief == "熵与 KL 散度")
        #expect(fm.type == "concept")
        #expect(fm.domain == "ai/foundations/math")
        #expect(fm.created == NoteDate(year: 2026, month: 2, day: 13))
        #expect(fm.updated == NoteDate(year: 2026, month: 2, day: 14))
        #expect(fm.tags == ["ai/foundations/math", "type/concept"])
        #expect(fm.aliases == ["Information Theory", "信息理论"])
        #expect(fm.qedTolerance == 1e-6)
        #expect(fm.extra.isEmpty)
        #expect(n.diagnostics.isEmpty)
    }

    @Test func unknownKeysKeptTyped() {
        let n = note("---\nauthor: 张三\nrating: 4.5\ncount: 3\ndraft: true\nnothing: ~\nrefs: [a, 2]\nmeta: {k: v}\n---\n")
        let extra = n.frontMatter.extra
        #expect(extra["author"] == .string("张三"))
        #expect(extra["rating"] == .number(4.5))
        #expect(extra["count"] == .number(3))
        #expect(extra["count"]?.text == "3")
        #expect(extra["draft"] == .bool(true))
        #expect(extra["nothing"] == .null)
        #expect(extra["refs"] == .list([.string("a"), .number(2)]))
        #expect(extra["meta"] == .map(["k": .string("v")]))
    }

    @Test func timestampsAndBadDates() {
        #expect(NoteDate(parsing: "2026-02-13T09:30:00Z")?.description == "2026-02-13T09:30:00Z")
        #expect(NoteDate(parsing: "2026-02-13 09:30")?.hour == 9)
        #expect(NoteDate(parsing: "2026-02-13T09:30:15.250+08:00")?.utcOffsetMinutes == 480)
        #expect(NoteDate(parsing: "2026-02-30") == nil)
        #expect(NoteDate(parsing: "2024-02-29") != nil)
        #expect(NoteDate(parsing: "yesterday") == nil)
        #expect(NoteDate(year: 2026, month: 1, day: 2) < NoteDate(year: 2026, month: 1, day: 3))
        let n = note("---\ncreated: 2026-13-01T00:00:00Z\nupdated: 2026-02-13T10:00:00+01:00\n---\n")
        #expect(n.frontMatter.created == nil)
        #expect(n.frontMatter.updated?.description == "2026-02-13T10:00:00+01:00")
        let d = n.diagnostics.first { $0.code == .frontMatterDate }
        #expect(d?.location?.line == 2)
    }

    @Test func wrongTypesAreLocatedWarnings() throws {
        let n = note("---\ntitle: ok\ntags: 5\naliases: {a: b}\nqed: 3\n---\n# x\n")
        #expect(n.frontMatter.tags.isEmpty)
        #expect(n.frontMatter.title == "ok")
        let tags = try #require(n.diagnostics.first { $0.message.contains("'tags'") })
        #expect(tags.severity == .warning)
        #expect(tags.location == SourceLocation(file: "test.md", line: 3, column: 7))
        #expect(n.diagnostics.contains { $0.message.contains("'aliases'") && $0.location?.line == 4 })
        #expect(n.diagnostics.contains { $0.message.contains("'qed'") && $0.location?.line == 5 })
    }

    @Test func tagsAsOneString() {
        #expect(note("---\ntags: a, b/c\n---\n").frontMatter.tags == ["a", "b/c"])
    }

    @Test func malformedYAMLIsLocatedError() throws {
        let n = note("---\ntitle: fine\ntags: [unclosed\nbrief: x\n---\n# Fallback\n\nText $x$.\n")
        let d = try #require(n.diagnostics.first { $0.code == .frontMatterYAML })
        #expect(d.severity == .error)
        let line = try #require(d.location?.line)
        #expect((3...5).contains(line), "YAML error line \(line) should point into the front matter")
        #expect(n.title == "test")
        #expect(n.math.first?.location.line == 8)
    }

    @Test func frontMatterNeverClosed() throws {
        let n = note("---\ntitle: x\n# Heading\n\nbody\n")
        let d = try #require(n.diagnostics.first { $0.code == .frontMatterUnclosed })
        #expect(d.location == SourceLocation(file: "test.md", line: 1, column: 1))
        #expect(n.headings.first?.location.line == 3)
        #expect(n.title == "test")
    }

    @Test func emptyFrontMatterAndDotsTerminator() {
        #expect(note("---\n---\n# A\n", path: "dir/A note.md").title == "A note")
        #expect(note("---\ntitle: T\n...\nbody\n").title == "T")
        #expect(note("---\n- a\n- b\n---\n").diagnostics.contains { $0.code == .frontMatterType })
    }
}
