import Foundation

// Logits: unnormalised log-probabilities. −∞ entries are allowed (a masked class); +∞ entries
// take all the mass, shared equally; NaN is rejected. Temperature T divides the logits:
// T = 0 is the one-hot limit on the argmax (ties share), T = +∞ the uniform limit.

/// log Σ exp(xᵢ), stable: m + log1p(Σ_{i≠argmax} exp(xᵢ − m)). All −∞ gives −∞; any +∞ gives +∞.
public func logSumExp(_ x: [Double], name: String = "Z") throws(InfoTheoryError) -> Double {
    try validateReal(x, name: name, allowInfinity: true)
    return logSumExpKernel(x)
}

func logSumExpKernel(_ x: [Double]) -> Double {
    x.withUnsafeBufferPointer { b in
        let m = maxPass(b).max
        if m == .infinity || m == -.infinity { return m }
        // Σ_{i≠argmax} exp(xᵢ − m) = (Σ_i exp(xᵢ − m)) − 1, the argmax term being exactly 1.
        let rest = expShiftedPass(b, nil, shift: m, temperature: 1, bias: -1)
        return m + log1p(max(rest, 0))
    }
}

/// Log-probabilities x/T − LSE(x/T), computed from the shifted logits (never as log(softmax)).
func logSoftmaxKernel(_ z: [Double], temperature t: Double, name: String) throws(InfoTheoryError) -> [Double] {
    let m = z.withUnsafeBufferPointer { maxPass($0).max }
    if m == -.infinity { throw .allMasked(argument: name) }
    if m == .infinity {
        let k = Double(z.lazy.filter { $0 == .infinity }.count)
        return z.map { $0 == .infinity ? -log(k) : -.infinity }
    }
    if t == 0 {
        let k = Double(z.lazy.filter { $0 == m }.count)
        return z.map { $0 == m ? -log(k) : -.infinity }
    }
    if t == .infinity {
        let k = Double(z.lazy.filter { $0 > -.infinity }.count)
        return z.map { $0 > -.infinity ? -log(k) : -.infinity }
    }
    let lse = z.withUnsafeBufferPointer { b in
        log1p(max(expShiftedPass(b, nil, shift: m, temperature: t, bias: -1), 0))
    }
    return z.map { ($0 - m) / t - lse }
}

/// softmax(z/T): probabilities proportional to exp(zᵢ/T). See the file notes for T = 0, T = ∞,
/// and infinite logits.
public func softmax(_ z: [Double], temperature: Double = 1, name: String = "Z") throws(InfoTheoryError) -> [Double] {
    if z.isEmpty || z.count > maximumSize { try validateReal(z, name: name, allowInfinity: true) }
    try validateTemperature(temperature)
    let (m, _, hasNaN) = z.withUnsafeBufferPointer { maxPass($0) }
    if hasNaN { try validateReal(z, name: name, allowInfinity: true) }
    if temperature == 0 || temperature == .infinity || m == .infinity {
        return try logSoftmaxKernel(z, temperature: temperature, name: name).map { exp($0) }
    }
    return try softmaxKernel(z, temperature: temperature, name: name, max: m)
}

/// exp((zᵢ − m)/T) / Σ, in two vectorisable passes (no logs).
func softmaxKernel(_ z: [Double], temperature t: Double, name: String, max m: Double) throws(InfoTheoryError) -> [Double] {
    if m == -.infinity { throw .allMasked(argument: name) }
    var out = [Double](repeating: 0, count: z.count)
    let s = z.withUnsafeBufferPointer { zb in
        out.withUnsafeMutableBufferPointer { ob in expShiftedPass(zb, ob, shift: m, temperature: t) }
    }
    out.withUnsafeMutableBufferPointer { ob in
        let sv = D4(repeating: s)
        var i = 0
        while i &+ 4 <= ob.count {
            let v = D4(ob[i], ob[i &+ 1], ob[i &+ 2], ob[i &+ 3]) / sv
            ob[i] = v[0]; ob[i &+ 1] = v[1]; ob[i &+ 2] = v[2]; ob[i &+ 3] = v[3]
            i &+= 4
        }
        while i < ob.count { ob[i] /= s; i &+= 1 }
    }
    return out
}

/// log softmax(z/T) = z/T − LSE(z/T).
public func logSoftmax(_ z: [Double], temperature: Double = 1, name: String = "Z") throws(InfoTheoryError) -> [Double] {
    try validateReal(z, name: name, allowInfinity: true)
    try validateTemperature(temperature)
    return try logSoftmaxKernel(z, temperature: temperature, name: name)
}

/// Entropy of softmax(z/T), as −Σ pᵢ log pᵢ with log pᵢ from log-softmax (every term ≥ 0).
/// Non-decreasing in T: from log(#ties at the max) at T = 0 to log(#finite logits) at T = ∞.
public func entropyFromLogits(_ z: [Double], temperature: Double = 1, base: LogBase = .nats,
                              name: String = "Z") throws(InfoTheoryError) -> Double {
    try validateReal(z, name: name, allowInfinity: true)
    try validateTemperature(temperature)
    let l = try logSoftmaxKernel(z, temperature: temperature, name: name)
    let h = l.withUnsafeBufferPointer { b in
        fastSum(count: b.count) { i in
            let v = b[i]
            return v == -.infinity ? 0 : -exp(v) * v
        }
    }
    return base.fromNats(max(h, 0))
}

/// D(softmax(p/T) ‖ softmax(q/T)), with every term p·(e^d − 1 − d) ≥ 0, d = log q − log p.
public func klDivergenceFromLogits(_ p: [Double], _ q: [Double], temperature: Double = 1, base: LogBase = .nats,
                                   pName: String = "ZP", qName: String = "ZQ") throws(InfoTheoryError) -> Double {
    try validateReal(p, name: pName, allowInfinity: true)
    try validateReal(q, name: qName, allowInfinity: true)
    try validateSameLength(p, pName, q, qName)
    try validateTemperature(temperature)
    let lp = try logSoftmaxKernel(p, temperature: temperature, name: pName)
    let lq = try logSoftmaxKernel(q, temperature: temperature, name: qName)
    return base.fromNats(klFromLogProbabilities(lp, lq))
}

/// KL between two distributions given as log-probabilities (exactly normalised in exact
/// arithmetic): Σ_{p>0} p·(e^d − 1 − d) + Σ_{p=0} q.
func klFromLogProbabilities(_ lp: [Double], _ lq: [Double]) -> Double {
    var acc = NeumaierSum()
    for i in 0..<min(lp.count, lq.count) {
        let a = lp[i], b = lq[i]
        if a == -.infinity {
            acc.add(exp(b))
            continue
        }
        if b == -.infinity { return .infinity }
        let d = b - a
        if abs(d) <= 0.5 {
            acc.add(exp(a) * expm1MinusX(d))
        } else {
            // q − p + p·(log p − log q), written so an underflowing p cannot make 0·∞.
            let pa = exp(a)
            acc.add(exp(b)); acc.add(-pa); acc.add(pa * -d)
        }
    }
    let v = acc.value
    return v > 0 ? v : 0
}
