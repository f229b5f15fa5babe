/// The spellings formula claims understand, in one place.
enum Vocabulary {
    /// Operator names written with letters (`\operatorname{KL}`, `\mathrm{JS}`, `KL`).
    static let wordHeads: [String: String] = [
        "KL": "KL", "DKL": "KL", "JS": "JS", "JSD": "JS", "D": "D",
    ]
    /// `D_{…}` subscripts that name a divergence.
    static let divergenceSubscripts: [String: String] = [
        "KL": "KL", "kl": "KL", "JS": "JS", "JSD": "JS",
    ]
    /// `\mathcal{X}` and friends: the alphabet of a random variable.
    static let alphabets: [String: String] = ["𝒳": "X", "𝒴": "Y", "𝒵": "Z"]
    /// Random variables drawn from a random joint, in table order.
    static let randomVariables = ["X", "Y", "Z"]
    /// How many values each random variable takes in the random tables. Different sizes, so
    /// a transposed table or a swapped conditional cannot pass by accident.
    static let alphabetSizes: [String: Int] = ["X": 3, "Y": 4, "Z": 2]
    /// Distributions drawn from the simplex when a formula names them.
    static let distributions: Set<String> = ["P", "Q", "p", "q"]
    /// Outcomes per distribution in the distribution-only reading.
    static let outcomes = 4
    /// Other sizes, for formulas that compare with a constant: `H(X) \le \log 3` holds for three
    /// values and not in general, so such a formula is verified only if it holds at both sizes.
    static let otherAlphabetSizes: [String: Int] = ["X": 5, "Y": 6, "Z": 3]
    static let otherOutcomes = 7
    /// Names that are vocabulary, so a formula cannot define them.
    static let reserved: Set<String> = ["X", "Y", "Z", "P", "Q", "p", "q", "x", "y", "z", "H", "I", "D", "h", "e", "i", "j", "k", "n"]
}
