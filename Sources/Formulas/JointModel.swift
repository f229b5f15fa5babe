import Cells
import Foundation
import Synchronization

/// The random variables of a formula (`X`, `Y`, `Z`) as one random joint table `J`: a flat
/// probability vector, row-major in X, Y, Z order. Marginals and products of marginals are
/// matrix products with constant 0/1 matrices, so every table is a vector over its
/// variables in that same order and tables over the same variables compare entry by entry.
struct JointModel: Sendable {
    static let tableName = "J"

    /// The formula's variables in table order.
    let variables: [String]
    let sizes: [Int]
    /// Draw the variables independently (one distribution each, `J_X`, `J_Y`, …) and make the
    /// table their product: the special case many formulas are stated for.
    var independent = false

    init(variables: Set<String>, otherSizes: Bool = false) {
        self.variables = Vocabulary.randomVariables.filter(variables.contains)
        let table = otherSizes ? Vocabulary.otherAlphabetSizes : Vocabulary.alphabetSizes
        sizes = self.variables.map { table[$0] ?? 2 }
    }

    var total: Int { sizes.reduce(1, *) }

    func size(of variable: String) -> Int? {
        variables.firstIndex(of: variable).map { sizes[$0] }
    }

    /// A set of variables in table order.
    func ordered(_ set: Set<String>) -> [String] {
        variables.filter(set.contains)
    }

    private func count(_ subset: [String]) -> Int {
        subset.reduce(1) { $0 * (size(of: $1) ?? 1) }
    }

    /// The 0/1 matrix mapping a table over `superset` to its marginal over `subset`
    /// (rows: superset entries, columns: subset entries).
    ///
    /// Row u has its 1 at the flat index over `subset` of u's coordinates over `superset` (a
    /// variable not in `superset` at coordinate 0). Coordinates are worked out in place, not
    /// as a dictionary per entry: building these matrices was a fifth of checking formulas.
    private func projection(from superset: [String], to subset: [String]) -> [[Double]] {
        let superSizes = superset.map { size(of: $0) ?? 1 }
        let subSizes = subset.map { size(of: $0) ?? 1 }
        // A variable's coordinate is read at its first place in `superset`, as `coordinates`
        // (which assigns from the last place to the first) leaves it.
        let places = subset.map { superset.firstIndex(of: $0) }
        let columns = count(subset)
        var coordinate = [Int](repeating: 0, count: superset.count)
        return (0..<count(superset)).map { u in
            var rest = u
            for k in superset.indices.reversed() {
                coordinate[k] = rest % superSizes[k]
                rest /= superSizes[k]
            }
            var target = 0
            for (k, place) in places.enumerated() { target = target * subSizes[k] + (place.map { coordinate[$0] } ?? 0) }
            var row = [Double](repeating: 0, count: columns)
            if target >= 0, target < columns { row[target] = 1 }
            return row
        }
    }

    /// The name a variable's own distribution is drawn under when the variables are independent.
    static func factorName(_ variable: String) -> String { "\(tableName)_\(variable)" }

    /// The joint table: drawn as `J`, or the product of independent factors.
    var table: Expr {
        guard independent else { return Build.name(JointModel.tableName) }
        var product: Expr?
        for variable in variables {
            let factor = expand(Build.name(JointModel.factorName(variable)), from: [variable], to: variables)
            product = product.map { Build.binary(.multiply, $0, factor) } ?? factor
        }
        return product ?? Build.name(JointModel.tableName)
    }

    /// The marginal table of `subset` (all variables: the table itself).
    func marginal(_ subset: [String]) -> Expr {
        if subset == variables { return table }
        return Build.call("matmul", [table, projectionMatrix(from: variables, to: subset, transposed: false)])
    }

    /// A table over `subset` spread over `superset`: entry u of the result is the table's
    /// entry at u's coordinates in `subset`.
    func expand(_ table: Expr, from subset: [String], to superset: [String]) -> Expr {
        if subset == superset { return table }
        return Build.call("matmul", [table, projectionMatrix(from: superset, to: subset, transposed: true)])
    }

    /// `projection(from:to:)` (or its transpose) as a matrix literal, built once per process:
    /// the same few matrices served every formula, and building and freeing their literal
    /// trees was most of the cost of a marginal.
    private func projectionMatrix(from superset: [String], to subset: [String], transposed: Bool) -> Expr {
        let key = ProjectionKey(variables: variables, sizes: sizes, from: superset, to: subset, transposed: transposed)
        if let built = projectionMatrices.withLock({ $0[key] }) { return built }
        let p = projection(from: superset, to: subset)
        let matrix = Build.matrix(transposed ? (0..<count(subset)).map { s in p.map { $0[s] } } : p)
        projectionMatrices.withLock { if $0.count < ProjectionKey.cacheLimit { $0[key] = matrix } }
        return matrix
    }

    /// The flat index into a table over `subset` of the index variables bound to its variables.
    func flatIndex(_ subset: [String], _ indexNames: [String: String]) -> Expr? {
        var expr: Expr?
        for variable in subset {
            guard let name = indexNames[variable], let n = size(of: variable) else { return nil }
            let coordinate = Build.name(name)
            if let previous = expr {
                expr = Build.binary(.add, Build.binary(.multiply, previous, Build.number(Double(n))), coordinate)
            } else {
                expr = coordinate
            }
        }
        return expr
    }
}

/// What a projection matrix depends on: the model's variables and sizes, and the two sets.
private struct ProjectionKey: Hashable, Sendable {
    var variables: [String]
    var sizes: [Int]
    var from: [String]
    var to: [String]
    var transposed: Bool
    /// Variables come from `Vocabulary.randomVariables`, so there are few keys; the bound
    /// only keeps the cache finite whatever the vocabulary becomes.
    static let cacheLimit = 4_096
}

private let projectionMatrices = Mutex<[ProjectionKey: Expr]>([:])

extension JointModel {
    /// A drawn table as the formula's reader thinks of it: `J = [a, b, …]` becomes
    /// `P(X, Y) = [[a, b, c, d], …] (rows X, columns Y)`.
    func describe(_ example: String) -> String {
        let prefix = JointModel.tableName + " = ["
        guard example.hasPrefix(prefix), example.hasSuffix("]") else { return example }
        let entries = example.dropFirst(prefix.count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let names = variables.joined(separator: ", ")
        guard entries.count == total, let rows = sizes.first, rows > 0, variables.count > 1 else {
            return "P(\(names)) = [\(entries.joined(separator: ", "))]"
        }
        let width = total / rows
        let table = (0..<rows).map { r in "[" + entries[(r * width)..<(r * width + width)].joined(separator: ", ") + "]" }
        let columns = variables.dropFirst().joined(separator: ", ")
        return "P(\(names)) = [\(table.joined(separator: ", "))] (rows \(variables[0]), columns \(columns))"
    }
}
