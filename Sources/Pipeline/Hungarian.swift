/// A maximum-weight assignment on a dense matrix (Kuhn–Munkres with potentials, O(n²m)), a line
/// for line port of `hungarian_max` in the reference scorer, so that ties fall the same way.
enum Hungarian {
    /// (row, column) pairs of positive weight, sorted.
    static func maximumWeight(_ weights: [[Double]]) -> [(Int, Int)] {
        guard let firstRow = weights.first, !firstRow.isEmpty else { return [] }
        let transposed = weights.count > firstRow.count
        let w =
            transposed
            ? (0..<firstRow.count).map { c in weights.map { $0[c] } } : weights
        let n = w.count
        let m = w[0].count
        let big = w.flatMap { $0 }.max() ?? 0
        let cost = w.map { row in row.map { big - $0 } }
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var p = [Int](repeating: 0, count: m + 1)
        var way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...m where !used[j] {
                    let current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j] {
                        minv[j] = current
                        way[j] = j0
                    }
                    if minv[j] < delta {
                        delta = minv[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[p[j]] += delta
                        v[j] -= delta
                    } else {
                        minv[j] -= delta
                    }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var pairs: [(Int, Int)] = []
        for j in 1...m where p[j] != 0 {
            let (r, c) = (p[j] - 1, j - 1)
            if w[r][c] > 0 { pairs.append(transposed ? (c, r) : (r, c)) }
        }
        return pairs.sorted { $0 < $1 }
    }
}
