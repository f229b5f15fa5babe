import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import TeXMath

/// Parses `xml` with Foundation's XML parser; returns the parse error, or nil when well-formed.
func xmlError(_ xml: String) -> String? {
    let parser = XMLParser(data: Data(xml.utf8))
    let delegate = ElementCollector()
    parser.delegate = delegate
    if parser.parse() { return nil }
    return parser.parserError.map { "\($0)" } ?? "unknown XML error"
}

/// Element names and attributes seen while parsing, to check structure without string matching.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}

/// The elements of a well-formed MathML string (empty if it does not parse).
func elements(_ xml: String) -> [(name: String, attributes: [String: String])] {
    let parser = XMLParser(data: Data(xml.utf8))
    let delegate = ElementCollector()
    parser.delegate = delegate
    guard parser.parse() else { return [] }
    return delegate.elements
}

let converter = TeXMathConverter()

func inline(_ tex: String) -> MathConversion { converter.convert(tex, display: false) }
func display(_ tex: String) -> MathConversion { converter.convert(tex, display: true) }

/// The MathML between `<semantics>` and `<annotation`, i.e. without the wrapper.
func body(_ conversion: MathConversion) -> String {
    let xml = conversion.mathML
    guard let start = xml.range(of: "<semantics>"), let end = xml.range(of: "<annotation") else { return xml }
    return String(xml[start.upperBound..<end.lowerBound])
}

/// Byte range of `needle`'s first occurrence in `haystack`, for checking diagnostic offsets.
func byteRange(of needle: String, in haystack: String) -> Range<Int>? {
    guard let range = haystack.range(of: needle) else { return nil }
    let lower = haystack.utf8.distance(from: haystack.startIndex, to: range.lowerBound)
    return lower..<(lower + needle.utf8.count)
}
