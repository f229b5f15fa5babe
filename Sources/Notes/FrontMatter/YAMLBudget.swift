import CYaml

/// Bounds on a YAML document, checked on libyaml's event stream *before* Yams builds a tree.
///
/// Yams resolves an alias by sharing the anchored node, so composing is cheap, but everything
/// that walks the tree afterwards (hashing mapping keys, converting values for templates)
/// pays for the expanded size: 540 bytes of nested `&a [*b, *b]` expand to 2²⁴ values. The
/// expanded size is computed here in one pass, stopping as soon as it passes the limit, so
/// the check costs at most the limit, whatever the input.
struct YAMLBudget: Sendable, Hashable {
    /// Values (scalars and collections) after expanding every alias.
    var maximumValues: Int
    /// Collections open at once; deeper input would overflow the recursive composer's stack.
    var maximumDepth: Int

    enum Violation: Equatable {
        /// The expanded document passes `maximumValues` at this (1-based) line and column.
        case tooManyValues(limit: Int, line: Int, column: Int)
        case tooDeep(limit: Int, line: Int, column: Int)

        var line: Int {
            switch self { case .tooManyValues(_, let l, _), .tooDeep(_, let l, _): return l }
        }
        var column: Int {
            switch self { case .tooManyValues(_, _, let c), .tooDeep(_, _, let c): return c }
        }
        var problem: String {
            switch self {
            case .tooManyValues(let limit, _, _):
                return "expands to more than \(limit) values (YAML aliases repeat what their anchor holds)"
            case .tooDeep(let limit, _, _):
                return "nests lists and mappings more than \(limit) deep"
            }
        }
    }

    /// The first violation in `yaml`, or nil. Syntax errors are not reported here: the
    /// composer that runs next reports them with its own, better, message.
    func violation(in yaml: String) -> Violation? {
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Violation? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
    }

    private func scan(_ parser: inout yaml_parser_t) -> Violation? {
        var expandedSize: [String: Int] = [:]
        // Each open collection: its anchor and the running total when it opened.
        var open: [(anchor: String?, startTotal: Int)] = []
        var total = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                total += 1
                if let anchor = Self.text(event.data.scalar.anchor) { expandedSize[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                total += Self.text(event.data.alias.anchor).flatMap { expandedSize[$0] } ?? 1
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                total += 1
                let anchor = Self.text(event.type == YAML_SEQUENCE_START_EVENT
                                       ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
                open.append((anchor, total - 1))
                if open.count > maximumDepth { return .tooDeep(limit: maximumDepth, line: line, column: column) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast(), let anchor = closed.anchor {
                    expandedSize[anchor] = total - closed.startTotal
                }
            default:
                break
            }
            if total > maximumValues { return .tooManyValues(limit: maximumValues, line: line, column: column) }
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
