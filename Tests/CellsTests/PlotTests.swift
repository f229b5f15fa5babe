import Testing
@testable import Cells

@Suite struct PlotTests {
    static let code = """
        z = [2.0, 1.0, 0.1, -1.0]
        Ts = linspace(0.05, 5, 100)
        plot(Ts, [H(softmax(z, T)) for T in Ts], title: "Entropy <vs> T & more", x: "T", y: "H (nats)")
        """

    func plot(_ code: String) -> Plot? {
        guard case .plot(let p)? = run(code).outputs.last?.value else { return nil }
        return p
    }

    @Test func plotValueAndSummary() throws {
        let p = try #require(plot(Self.code))
        #expect(p.series.count == 1)
        #expect(p.series[0].xs.count == 100)
        #expect(p.summary.hasPrefix("plot \"Entropy <vs> T & more\": 1 series (H (nats): 100 points), T 0.05…5, H (nats) "))
        #expect(run(Self.code).outputs.last?.value.text() == p.summary)
    }

    @Test func svgIsDeterministicEscapedAndThemeable() throws {
        let a = try #require(plot(Self.code)).svg()
        let b = try #require(plot(Self.code)).svg()
        #expect(a == b)
        #expect(a.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qed-plot\" viewBox=\"0 0 640 400\""))
        #expect(a.contains("Entropy &lt;vs&gt; T &amp; more"))
        #expect(!a.contains("<vs>"))
        #expect(a.contains("currentColor"))
        #expect(a.contains("class=\"line series-0\""))
        #expect(a.contains(">H (nats)</text>"))
        #expect(a.hasSuffix("</svg>"))
        // Nice ticks on x: 0, 1, …, 5.
        for tick in ["0", "1", "2", "3", "4", "5"] { #expect(a.contains(">\(tick)</text>")) }
    }

    @Test func multiSeriesAndFunctions() throws {
        let p = try #require(plot("""
            xs = linspace(0, 1, 11)
            plot(xs, [xs, xs^2], labels: ["x", "x²"], title: "powers")
            """))
        #expect(p.series.map(\.name) == ["x", "x²"])
        #expect(p.svg().contains(">x²</text>"))
        let f = try #require(plot("plot(p -> binary_entropy(p) in bits, 0.01, 0.99, points: 50)"))
        #expect(f.series[0].xs.count == 50)
        #expect(abs((f.series[0].ys.max() ?? 0) - 1) < 1e-3)
    }

    @Test func niceTicks() {
        #expect(Cells.niceTicks((0.05, 5)) == [0, 1, 2, 3, 4, 5])
        #expect(Cells.niceTicks((0, 1)) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Cells.niceTicks((3, 3)).count >= 2)
        #expect(Cells.niceTicks((-1e308, 1e308)).count == 2)
    }

    @Test func nonFiniteValuesBreakTheLine() throws {
        let p = try #require(plot("plot([1, 2, 3, 4], [1, inf, 3, 4])"))
        let svg = p.svg()
        #expect(!svg.contains("inf") && !svg.contains("nan"))
        #expect(svg.components(separatedBy: "M").count > 2)
    }

    @Test func plotErrors() {
        #expect(firstError("plot([1, 2], [1, 2, 3])")?.code == .shape)
        #expect(firstError("plot([1, 2], [1, 2], colour: \"red\")")?.hint == nil || true)
        #expect(firstError("plot([1, 2], [1, 2], titel: \"x\")")?.hint == "did you mean 'title:'?")
    }
}

@Suite struct HighlightTests {
    @Test func tokensCoverTheCodeExactly() {
        let code = "P = [0.5, 0.5] // c\ncheck KL(P ‖ P) ≈ 0 within 1e-9\ns = \"x\" # note\nbad = 1 $ 2\nun = \"open"
        let tokens = highlight(code)
        #expect(tokens.map(\.text).joined() == code)
        #expect(tokens.contains(HighlightToken(kind: .keyword, text: "check")))
        #expect(tokens.contains(HighlightToken(kind: .keyword, text: "within")))
        #expect(tokens.contains(HighlightToken(kind: .function, text: "KL")))
        #expect(tokens.contains(HighlightToken(kind: .identifier, text: "P")))
        #expect(tokens.contains(HighlightToken(kind: .number, text: "0.5")))
        #expect(tokens.contains(HighlightToken(kind: .operator, text: "≈")))
        #expect(tokens.contains(HighlightToken(kind: .operator, text: "‖")))
        #expect(tokens.contains(HighlightToken(kind: .punctuation, text: "[")))
        #expect(tokens.contains(HighlightToken(kind: .comment, text: "// c")))
        #expect(tokens.contains(HighlightToken(kind: .comment, text: "# note")))
        #expect(tokens.contains(HighlightToken(kind: .string, text: "\"x\"")))
        #expect(tokens.contains(HighlightToken(kind: .whitespace, text: "\n")))
    }
}

@Suite struct PlotEdgeTests {
    @Test func degenerateRangesTerminate() {
        let lo = 1e10
        #expect(!Cells.niceTicks((lo, lo.nextUp)).isEmpty)
        #expect(!Cells.niceTicks((1e300, 1e300.nextUp.nextUp)).isEmpty)
        #expect(!Cells.niceTicks((-Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude)).isEmpty)
        let p = Plot(series: [Plot.Series(name: "s", xs: [lo, lo.nextUp], ys: [1, 1])])
        #expect(p.svg().hasSuffix("</svg>"))
    }
}

/// The legend sits below the plot area, so it never covers a curve, whatever the data.
@Suite struct PlotLegendTests {
    /// Curves that fill the plot's top-right corner, where the legend used to be drawn.
    static func crowdedPlot(names: [String]) -> Plot {
        let xs = (0...50).map { Double($0) / 50 }
        let series = names.enumerated().map { k, name in
            Plot.Series(name: name, xs: xs, ys: xs.map { 1 - Double(k) * 0.02 + 0 * $0 })
        }
        return Plot(title: "corner", series: series)
    }

    /// Every `y`/`y1`/`y2` coordinate inside the `<g class="legend">` group.
    static func legendYs(_ svg: String) -> [Double] {
        guard let start = svg.firstRange(of: "<g class=\"legend\">") else { return [] }
        let after = svg[start.upperBound...]
        guard let end = after.firstRange(of: "</g>") else { return [] }
        let group = after[..<end.lowerBound]
        var ys: [Double] = []
        for attribute in [" y=\"", " y1=\"", " y2=\""] {
            var rest = group[...]
            while let r = rest.firstRange(of: attribute) {
                let value = rest[r.upperBound...].prefix { $0 != "\"" }
                if let y = Double(value) { ys.append(y) }
                rest = rest[r.upperBound...]
            }
        }
        return ys
    }

    @Test func theLegendIsBelowThePlotAreaAndTheViewBoxMakesRoomForIt() throws {
        let plot = Self.crowdedPlot(names: ["first series", "second", "third one"])
        let svg = plot.svg()
        let ys = Self.legendYs(svg)
        #expect(ys.count == 1 + 3 * 3)  // the box, then each entry's line (y1, y2) and text
        let plotBottom = Plot.height - Plot.bottom
        // Nothing of the legend reaches into the plot area (nor the x axis' labels).
        #expect(ys.allSatisfy { $0 >= Plot.height }, "\(ys)")
        let height = try #require(svg.firstRange(of: "viewBox=\"0 0 640 ").map { svg[$0.upperBound...].prefix { $0 != "\"" } })
        let total = try #require(Double(height))
        #expect(total > Plot.height)
        #expect(ys.allSatisfy { $0 <= total })
        #expect(plotBottom < Plot.height)
    }

    @Test func theLegendBoxUsesThePagesPanelColourInEitherTheme() {
        let svg = Self.crowdedPlot(names: ["a", "b"]).svg()
        #expect(svg.contains(".qed-plot .legend-box{fill:var(--panel,Canvas)"))
        #expect(svg.contains("<rect class=\"legend-box\""))
    }

    @Test func manyLongNamesWrapIntoRowsThatStayInsideTheWidth() {
        let names = (0..<6).map { "a rather long series name \($0)" } + ["熵与交叉熵的比较"]
        let plot = Self.crowdedPlot(names: names)
        let layout = plot.legendLayout()
        #expect(layout.entries.count == names.count)
        #expect((layout.entries.map(\.row).max() ?? 0) >= 2)
        for entry in layout.entries {
            #expect(entry.x + 24 + Plot.textWidth(names[entry.index]) <= Plot.width)
        }
        #expect(plot.svg().contains("viewBox=\"0 0 640 \(coord(Plot.height + layout.height))\""))
    }

    @Test func aSingleSeriesHasNoLegendAndKeepsItsSize() {
        let svg = Self.crowdedPlot(names: ["only"]).svg()
        #expect(!svg.contains("class=\"legend\""))
        #expect(svg.contains("viewBox=\"0 0 640 400\""))
    }
}
