import Diagnostics

// Locations and diagnostics as records: every cache that keeps findings uses these.

extension SourceLocation {
    public func write(to w: inout RecordWriter) {
        w.write(file)
        w.write(line)
        w.write(column)
    }

    public init(record r: inout RecordReader) throws(CorruptRecord) {
        self.init(file: try r.string(), line: try r.int(), column: try r.int())
    }
}

extension Diagnostic {
    public func write(to w: inout RecordWriter) {
        w.write(severity.rawValue)
        w.write(code.rawValue)
        w.write(message)
        w.write(location != nil)
        location?.write(to: &w)
        w.write(length)
        w.write(hint)
        w.write(detail)
    }

    public init(record r: inout RecordReader) throws(CorruptRecord) {
        let start = r.offset
        guard let severity = Severity(rawValue: try r.string()) else { throw CorruptRecord(offset: start) }
        let codeStart = r.offset
        // A code this version does not know means a cache from another version: corrupt here.
        guard let code = DiagnosticCode(rawValue: try r.string()) else { throw CorruptRecord(offset: codeStart) }
        let message = try r.string()
        let location = try r.bool() ? try SourceLocation(record: &r) : nil
        self.init(severity, code: code, message: message, at: location, length: try r.int(), hint: try r.optionalString())
        self = with(detail: try r.optionalString())
    }
}
