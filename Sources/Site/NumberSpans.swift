import Markup

/// Escapes text for HTML and wraps every number in `<span class="num">`, which the theme
/// keeps on one line: a browser may otherwise break `3.04823e-83` after its hyphen.
public enum NumberSpans {
    /// `text` escaped, each number (`-0.5`, `1.03972`, `3.04823e-83`, `1e+300`) in a `num` span.
    /// Digits inside a word (`x1`, `H2O`, `3rd`) are left as they are. Linear in the text.
    public static func html(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        // Where each scalar starts in `text`, so a run of scalars is a slice of `text`.
        let starts = Array(text.unicodeScalars.indices) + [text.endIndex]
        // Bytes, and runs of text escaped where they end: collecting scalars one by one into
        // a String (and emptying it after each number) was most of this function's time.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        func escaped(_ from: Int, _ to: Int) {
            guard from < to else { return }
            HTML.appendEscaped(String(text.unicodeScalars[starts[from]..<starts[to]]), to: &out)
        }
        var plainStart = 0
        var i = 0
        while i < scalars.count {
            if let end = numberEnd(scalars, from: i) {
                escaped(plainStart, i)
                out.append(contentsOf: "<span class=\"num\">".utf8)
                escaped(i, end)
                out.append(contentsOf: "</span>".utf8)
                i = end
                plainStart = end
            } else {
                i += 1
            }
        }
        escaped(plainStart, scalars.count)
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the number starting at `start` ends, or nil when none starts there.
    static func numberEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        // Not inside a word or after a decimal point; a sign after an operand ("a-1") is the operator's.
        if start > 0, isWordScalar(s[start - 1]) || s[start - 1] == "." { return nil }
        var i = start
        if s[i] == "-" || s[i] == "−" || s[i] == "+" { i += 1 }
        guard i < s.count, isDigit(s[i]) else { return nil }
        while i < s.count, isDigit(s[i]) { i += 1 }
        if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
            i += 1
            while i < s.count, isDigit(s[i]) { i += 1 }
        }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            var j = i + 1
            if j < s.count, s[j] == "-" || s[j] == "+" || s[j] == "−" { j += 1 }
            if j < s.count, isDigit(s[j]) {
                while j < s.count, isDigit(s[j]) { j += 1 }
                i = j
            }
        }
        if i < s.count, isWordScalar(s[i]) { return nil }
        return i
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || isDigit(c) || c.properties.isAlphabetic
    }
}
