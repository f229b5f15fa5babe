import Testing
@testable import Cells

@Suite struct NumberFormatTests {
    @Test func sixSignificantDigitsByDefault() {
        #expect(NumberFormat.format(1.0397207708399179) == "1.03972")
        #expect(NumberFormat.format(3) == "3")
        #expect(NumberFormat.format(-0.5) == "-0.5")
        #expect(NumberFormat.format(1234567) == "1.23457e6")
        #expect(NumberFormat.format(123456) == "123456")
        #expect(NumberFormat.format(0.0001234) == "0.0001234")
        #expect(NumberFormat.format(0.00001234) == "0.00001234")
        #expect(NumberFormat.format(0.000001234) == "1.234e-6")
        #expect(NumberFormat.format(1e300) == "1e300")
        #expect(NumberFormat.format(Double.leastNonzeroMagnitude) == "4.94066e-324")
        #expect(NumberFormat.format(0) == "0")
        #expect(NumberFormat.format(-0.0) == "0")
        #expect(NumberFormat.format(.nan) == "NaN")
        #expect(NumberFormat.format(-.infinity) == "-∞")
        #expect(NumberFormat.format(999999.5) == "1e6")
        #expect(NumberFormat.format(0.1 + 0.2) == "0.3")
    }

    @Test func roundsTheExactBinaryValue() {
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
        #expect(NumberFormat.format(2.675, precision: 3) == "2.67")
        // 0.125 is exact: a true tie rounds half to even.
        #expect(NumberFormat.format(0.125, precision: 2) == "0.12")
        #expect(NumberFormat.format(0.375, precision: 2) == "0.38")
        let (digits, exponent) = NumberFormat.exactDecimal(0.1)
        #expect(exponent == -1)
        #expect(digits.count == 55)
    }

    @Test func seventeenDigitsRoundTrip() {
        let samples: [Double] = [0.1, 1.0 / 3, Double.pi, 1e-300, 123456789.123456789, 2.2250738585072014e-308, 0.30000000000000004]
        for x in samples {
            let text = NumberFormat.format(x, precision: 17)
            #expect(Double(text) == x, "\(text)")
        }
        #expect(NumberFormat.format(0.1, precision: 17) == "0.10000000000000001")
    }

    @Test func jsonForm() {
        #expect(DisplayValue.number(1.0397207708399179, unit: "nats").json()
                == "{\"type\": \"number\", \"value\": 1.0397207708399179, \"unit\": \"nats\"}")
        #expect(DisplayValue.vector([0.5, 1], unit: nil).json(precision: 6)
                == "{\"type\": \"vector\", \"value\": [0.5, 1], \"unit\": null}")
        #expect(DisplayValue.number(.infinity, unit: nil).json().contains("\"Infinity\""))
        #expect(DisplayValue.string("a\"b\n").json() == "{\"type\": \"string\", \"value\": \"a\\\"b\\n\", \"unit\": null}")
        #expect(DisplayValue.boolean(true).json() == "{\"type\": \"boolean\", \"value\": true, \"unit\": null}")
    }

    @Test func longVectorsAreAbbreviated() {
        #expect(text("range(100)") == "[0, 1, 2, 3, …, 97, 98, 99] (100 entries)")
    }

    @Test func precisionOption() {
        var notebook = Notebook(file: "n.md", precision: 17)
        let result = notebook.run(CellSource(code: "H([0.5, 0.25, 0.25])", file: "n.md"))
        #expect(result.outputs.first?.value.text(precision: 17) == "1.0397207708399179 nats")
        #expect(notebook.evaluateInline("1/3", at: .init(file: "n.md", line: 1, column: 1)).text == "0.33333333333333331")
    }
}

@Suite struct ShortestDigitsTests {
    /// The fast path (Swift's shortest digits) agrees with exact rounding on many values.
    @Test func fastPathAgreesWithExactRounding() {
        var state: UInt64 = 0x1234_5678
        func nextDouble() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let bits = (state >> 2) & 0x7FEF_FFFF_FFFF_FFFF
            return Double(bitPattern: bits)
        }
        var samples: [Double] = [0.125, 0.375, 2.675, 1.0397207708399179, 1e-7, 1.5e20, 123456, 0.1, 9.5, 0.95, 1e22, Double.leastNonzeroMagnitude]
        for _ in 0..<400 { samples.append(nextDouble()) }
        for x in samples where x.isFinite && x > 0 {
            for precision in [1, 3, 6, 10, 15] {
                let exact = NumberFormat.exactDecimal(x)
                let fast = NumberFormat.shortestOrExact(x, precision)
                #expect(roundDigits(exact, precision) == roundDigits(fast, precision), "\(x) at \(precision)")
            }
        }
    }

    func roundDigits(_ d: (digits: [UInt8], exponent: Int), _ p: Int) -> String {
        // Round half-even on the digit list, as NumberFormat does.
        var digits = d.digits, exponent = d.exponent
        if digits.count > p {
            let next = digits[p]
            let rest = digits[(p + 1)...].contains { $0 != 0 }
            var up = next > 5 || (next == 5 && (rest || digits[p - 1] % 2 == 1))
            digits.removeSubrange(p...)
            var i = digits.count - 1
            while up && i >= 0 { if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; up = false } }
            if up { digits.insert(1, at: 0); digits.removeLast(); exponent += 1 }
        }
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        return digits.map(String.init).joined() + "e\(exponent)"
    }
}
