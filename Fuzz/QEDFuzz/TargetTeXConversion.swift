import TeXMath

/// LaTeX → MathML, inline and display.
func fuzzTeXConversion(_ bytes: [UInt8]) {
    let tex = String(decoding: bytes, as: UTF8.self)
    let converter = TeXMathConverter()
    _ = converter.convert(tex, display: false)
    _ = converter.convert(tex, display: true)
}
