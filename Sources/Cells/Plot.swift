import Markup

/// A line plot: one or more series over a shared x axis. Rendered as self-contained,
/// deterministic SVG for pages and as a one-paragraph summary in the terminal.
public struct Plot: Sendable, Hashable {
    /// One line: a named list of points.
    public struct Series: Sendable, Hashable {
        /// The legend entry.
        public var name: String
        /// Abscissae, in drawing order.
        public var xs: [Double]
        /// Ordinates; non-finite values break the line.
        public var ys: [Double]

        /// A series of points (xs and ys of equal length).
        public init(name: String, xs: [Double], ys: [Double]) {
            self.name = name
            self.xs = xs
            self.ys = ys
        }
    }

    /// Shown above the plot; empty for none.
    public var title: String
    /// The x axis's label.
    public var xLabel: String
    /// The y axis's label.
    public var yLabel: String
    /// The lines, drawn in order.
    public var series: [Series]

    /// A plot of the given series.
    public init(title: String = "", xLabel: String = "", yLabel: String = "", series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// `plot "Entropy vs T": 1 series (H: 100 points), x 0.05…5, y 0.0123…1.09861`.
    public var summary: String {
        let (xr, yr) = ranges()
        let title = self.title.isEmpty ? "plot" : "plot \"\(self.title)\""
        let list = series.map { "\($0.name): \($0.xs.count) points" }.joined(separator: ", ")
        func r(_ range: (Double, Double)?) -> String {
            guard let range else { return "empty" }
            return "\(NumberFormat.format(range.0))…\(NumberFormat.format(range.1))"
        }
        let xName = xLabel.isEmpty ? "x" : xLabel, yName = yLabel.isEmpty ? "y" : yLabel
        return "\(title): \(series.count) series (\(list)), \(xName) \(r(xr)), \(yName) \(r(yr))"
    }

    private func ranges() -> ((Double, Double)?, (Double, Double)?) {
        func extent(_ values: [Double]) -> (Double, Double)? {
            var lo = Double.infinity, hi = -Double.infinity
            for v in values where v.isFinite {
                lo = min(lo, v)
                hi = max(hi, v)
            }
            return lo <= hi ? (lo, hi) : nil
        }
        return (extent(series.flatMap(\.xs)), extent(series.flatMap(\.ys)))
    }

    static let width = 640.0, height = 400.0
    static let legendRow = 18.0
    static let left = 64.0, right = 16.0, top = 36.0, bottom = 48.0

    /// The plot as an `<svg>` element: `viewBox` sizing, text escaped, colours from CSS classes
    /// (`qed-plot`, `series-N`) and `currentColor`, so a page's dark mode restyles it.
    public func svg() -> String {
        let (xr, yr) = ranges()
        let xTicks = niceTicks(xr ?? (0, 1)), yTicks = niceTicks(yr ?? (0, 1))
        let x0 = xTicks.first ?? 0, x1 = xTicks.last ?? 1, y0 = yTicks.first ?? 0, y1 = yTicks.last ?? 1
        let plotWidth = Plot.width - Plot.left - Plot.right, plotHeight = Plot.height - Plot.top - Plot.bottom
        func px(_ x: Double) -> Double { Plot.left + (x - x0) / (x1 - x0) * plotWidth }
        func py(_ y: Double) -> Double { Plot.top + plotHeight - (y - y0) / (y1 - y0) * plotHeight }

        let legend = legendLayout()
        let totalHeight = Plot.height + legend.height
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qed-plot\" viewBox=\"0 0 \(coord(Plot.width)) \(coord(totalHeight))\" role=\"img\" aria-label=\"\(HTML.escape(title.isEmpty ? "plot" : title))\">\n"
        out += "<style>.qed-plot{color:inherit;font:12px sans-serif}.qed-plot text{fill:currentColor}"
        out += ".qed-plot .axis{fill:none;stroke:currentColor;stroke-width:1}.qed-plot .grid{stroke:currentColor;stroke-opacity:.15}"
        out += ".qed-plot .line{fill:none;stroke-width:2}.qed-plot .series-0{stroke:currentColor}"
        out += ".qed-plot .series-1{stroke:#1f77b4}.qed-plot .series-2{stroke:#d62728}.qed-plot .series-3{stroke:#2ca02c}"
        out += ".qed-plot .series-4{stroke:#9467bd}.qed-plot .series-5{stroke:#ff7f0e}.qed-plot .title{font-size:14px;font-weight:bold}"
        out += ".qed-plot .legend-box{fill:var(--panel,Canvas);stroke:currentColor;stroke-opacity:.2}</style>\n"
        if !title.isEmpty {
            out += "<text class=\"title\" x=\"\(coord(Plot.width / 2))\" y=\"20\" text-anchor=\"middle\">\(HTML.escape(title))</text>\n"
        }
        for t in xTicks {
            let x = coord(px(t))
            out += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(coord(Plot.top))\" x2=\"\(x)\" y2=\"\(coord(Plot.top + plotHeight))\"/>"
            out += "<text x=\"\(x)\" y=\"\(coord(Plot.top + plotHeight + 16))\" text-anchor=\"middle\">\(HTML.escape(NumberFormat.format(t, precision: 6)))</text>\n"
        }
        for t in yTicks {
            let y = coord(py(t))
            out += "<line class=\"grid\" x1=\"\(coord(Plot.left))\" y1=\"\(y)\" x2=\"\(coord(Plot.left + plotWidth))\" y2=\"\(y)\"/>"
            out += "<text x=\"\(coord(Plot.left - 6))\" y=\"\(coord(py(t) + 4))\" text-anchor=\"end\">\(HTML.escape(NumberFormat.format(t, precision: 6)))</text>\n"
        }
        out += "<path class=\"axis\" d=\"M\(coord(Plot.left)) \(coord(Plot.top))V\(coord(Plot.top + plotHeight))H\(coord(Plot.left + plotWidth))\"/>\n"
        if !xLabel.isEmpty {
            out += "<text class=\"label\" x=\"\(coord(Plot.left + plotWidth / 2))\" y=\"\(coord(Plot.height - 8))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>\n"
        }
        if !yLabel.isEmpty {
            out += "<text class=\"label\" transform=\"translate(14 \(coord(Plot.top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTML.escape(yLabel))</text>\n"
        }
        for (i, s) in series.enumerated() {
            var d = ""
            var penDown = false
            for (x, y) in zip(s.xs, s.ys) {
                guard x.isFinite, y.isFinite else { penDown = false; continue }
                d += (penDown ? "L" : "M") + coord(px(x)) + " " + coord(py(y))
                penDown = true
            }
            out += "<path class=\"line series-\(i % 6)\" d=\"\(d)\"><title>\(HTML.escape(s.name))</title></path>\n"
        }
        if !legend.entries.isEmpty {
            // Below the plot area, never over the data; a panel-coloured box in either theme.
            out += "<g class=\"legend\">"
            out += "<rect class=\"legend-box\" x=\"\(coord(Plot.left))\" y=\"\(coord(Plot.height))\" width=\"\(coord(Plot.width - Plot.left - Plot.right))\" height=\"\(coord(legend.height - 6))\" rx=\"4\"/>\n"
            for entry in legend.entries {
                let y = Plot.height + 4 + Double(entry.row) * Plot.legendRow + Plot.legendRow / 2
                out += "<line class=\"line series-\(entry.index % 6)\" x1=\"\(coord(entry.x))\" y1=\"\(coord(y))\" x2=\"\(coord(entry.x + 18))\" y2=\"\(coord(y))\"/>"
                out += "<text x=\"\(coord(entry.x + 24))\" y=\"\(coord(y + 4))\">\(HTML.escape(series[entry.index].name))</text>\n"
            }
            out += "</g>\n"
        }
        return out + "</svg>"
    }
}

extension Plot {
    /// Where each legend entry goes: rows below the plot area, entries side by side while
    /// they fit the plot's width. Empty (and no height) for a single series.
    func legendLayout() -> (entries: [(index: Int, row: Int, x: Double)], height: Double) {
        guard series.count > 1 else { return ([], 0) }
        let start = Plot.left + 10, limit = Plot.width - Plot.right - 10
        var entries: [(index: Int, row: Int, x: Double)] = []
        var row = 0, x = start
        for (i, s) in series.enumerated() {
            let width = 24 + Plot.textWidth(s.name) + 20
            if x > start, x + width > limit { row += 1; x = start }
            entries.append((i, row, x))
            x += width
        }
        return (entries, Double(row + 1) * Plot.legendRow + 14)
    }

    /// A text's width at 12 px, estimated (wide CJK characters count double): enough to lay
    /// legend entries out without measuring fonts.
    static func textWidth(_ text: String) -> Double {
        var width = 0.0
        for scalar in text.unicodeScalars.prefix(200) {
            width += scalar.value >= 0x1100 && scalar.properties.isAlphabetic ? 12 : 7
        }
        return min(width, 400)
    }
}

/// Round tick values (1, 2 or 5 times a power of ten) covering [lo, hi], about five of them.
func niceTicks(_ range: (Double, Double)) -> [Double] {
    var (lo, hi) = range
    if lo == hi {
        let pad = lo == 0 ? 1 : abs(lo) * 0.1
        lo -= pad
        hi += pad
    }
    let rough = (hi - lo) / 5
    guard rough.isFinite, rough > 0 else { return [lo, hi] }
    let magnitude = pow10(Int((log10Approx(rough)).rounded(.down)))
    let residual = rough / magnitude
    let step = (residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10) * magnitude
    let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
    // Tick indices must be exact integers (a range a few ulps wide would otherwise loop).
    guard last - first < 1000, abs(first) < 1e15, abs(last) < 1e15 else { return [lo, hi] }
    var ticks: [Double] = []
    for i in 0...Int(last - first) {
        let t = (first + Double(i)) * step
        // Snap to the written decimal so 0.30000000000000004 shows as 0.3.
        ticks.append(Double(NumberFormat.format(t, precision: 12)) ?? t)
    }
    return ticks
}

private func log10Approx(_ x: Double) -> Double {
    var exponent = 0.0
    var v = x
    while v >= 10 { v /= 10; exponent += 1 }
    while v < 1 && v > 0 { v *= 10; exponent -= 1 }
    return exponent
}

/// A coordinate with at most two decimals, formatted without locale or printf.
func coord(_ v: Double) -> String {
    guard v.isFinite, abs(v) < 1e12 else { return "0" }
    let hundredths = Int((v * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let whole = magnitude / 100, fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
    return sign + "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
}

