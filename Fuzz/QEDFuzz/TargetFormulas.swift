import Formulas
import Notes

/// Formula claims: any bytes, read as a note, must give every formula a verdict (verified,
/// failed or unchecked) without crashing or hanging. The note reader cuts the math and the
/// prose around it (conditions, `%%unchecked%%`); the checker parses the TeX, translates it
/// and runs it over a few random cases.
func fuzzFormulas(_ bytes: [UInt8]) {
    let note = Note.parse(bytes: bytes, path: "fuzz.md")
    _ = FormulaChecker(cases: 4).check(note.math)
    // The same bytes as one formula's TeX, so inputs without `$` reach the TeX reader too.
    let text = String(decoding: bytes.prefix(4_096), as: UTF8.self)
    _ = FormulaChecker(cases: 4).check(formulas: [(tex: text, before: text, after: text)])
}
