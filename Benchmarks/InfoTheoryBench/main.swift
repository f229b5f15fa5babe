import InfoTheory

// Smoke run; the full benchmark replaces this.
let p = [0.5, 0.25, 0.25], q = [0.4, 0.4, 0.2]
print(try entropy(p), try klDivergence(p, q), try crossEntropy(p, q), try jsDivergence(p, q))
print(try softmax([1, 2, 3]), try logSumExp([1, 2, 3]), try entropyFromLogits([1, 2, 3], temperature: 0))
print(try mutualInformation([[0.3, 0.2], [0.1, 0.4]]), try mutualInformation([[0.3, 0.2], [0.1, 0.4]], method: .entropySum))
print(try Gamma(shape: 2.5, scale: 1.5).differentialEntropy(), try numericalDifferentialEntropy(try Gamma(shape: 2.5, scale: 1.5)))
print(try Beta(alpha: 2, beta: 3).differentialEntropy(), try numericalDifferentialEntropy(try Beta(alpha: 2, beta: 3)))
print(try binomialEntropy(trials: 1000, probability: 0.3), try poissonEntropy(rate: 7.5))
print(klDivergence(try Normal(mean: 0, standardDeviation: 1), try Normal(mean: 1, standardDeviation: 2)), klDivergence(try Normal(mean: 0, standardDeviation: 1), try Normal(mean: 1, variance: 2)))
do { _ = try entropy([0.5, 0.48]) } catch { print(error) }
do { _ = try klDivergence([0.5, 0.5], [1.0]) } catch { print(error) }
print(try crossEntropyLoss(logits: [[1, 2, 3], [1, -1, 0]], targets: .classIndices([2, 0]), weights: [1, 2, 3], labelSmoothing: 0.1))
