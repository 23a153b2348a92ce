/// An undirected graph of the ties that exist: node 0 is the participant's office, nodes 1…n
/// the actors in the order given. Two actors with several ties (information and a committee)
/// are one edge whose weight is the strongest intensity.
public struct NetworkGraph: Sendable, Equatable {
    public let nodeCount: Int
    /// `weights[u][v]`, 0 where there is no edge.
    public let weights: [[Double]]
    public let neighbours: [[Int]]

    public init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        var weights = Array(repeating: Array(repeating: 0.0, count: nodeCount), count: nodeCount)
        for (u, v, weight) in edges where u != v && weight > 0 {
            weights[u][v] = max(weights[u][v], weight)
            weights[v][u] = weights[u][v]
        }
        self.nodeCount = nodeCount
        self.weights = weights
        neighbours = weights.map { row in row.indices.filter { row[$0] > 0 } }
    }

    public init(_ network: EgoNetwork) {
        let index = Dictionary(uniqueKeysWithValues: network.actors.enumerated().map { ($1.id, $0 + 1) })
        let edges: [(Int, Int, Double)] = network.ties.compactMap { tie in
            guard tie.status == .exists, let to = index[tie.to] else { return nil }
            let from = tie.from.map { index[$0] } ?? 0
            guard let from else { return nil }
            return (from, to, Double(tie.intensity))
        }
        self.init(nodeCount: network.actors.count + 1, edges: edges)
    }

    public func degree(_ node: Int) -> Int { neighbours[node].count }

    // MARK: Burt's structural holes, as networkx computes them for weighted graphs

    /// The tie's share of all of `u`'s ties (Burt's p_uv); `byStrongest` divides by u's strongest tie instead (m_uv).
    func proportion(_ u: Int, _ v: Int, byStrongest: Bool = false) -> Double {
        let row = neighbours[u].map { weights[u][$0] }
        let scale = byStrongest ? (row.max() ?? 0) : row.reduce(0, +)
        return scale == 0 ? 0 : weights[u][v] / scale
    }

    /// Burt's effective size: the number of contacts less their redundancy, Σ_j (1 − Σ_q p_iq m_jq).
    /// Nil for a node without ties.
    public func effectiveSize(of i: Int) -> Double? {
        guard !neighbours[i].isEmpty else { return nil }
        return neighbours[i].reduce(0) { total, j in
            total + 1 - neighbours[i].reduce(0) { $0 + proportion(i, $1) * proportion(j, $1, byStrongest: true) }
        }
    }

    /// Effective size per contact (0–1): 1 when no contact knows another.
    public func efficiency(of i: Int) -> Double? {
        effectiveSize(of: i).map { $0 / Double(degree(i)) }
    }

    /// Burt's constraint, Σ_j (p_ij + Σ_q p_iq p_qj)²: high when the contacts all know each other,
    /// so the node depends on one closed group. Nil for a node without ties.
    public func constraint(of i: Int) -> Double? {
        guard !neighbours[i].isEmpty else { return nil }
        return neighbours[i].reduce(0) { total, j in
            let indirect = neighbours[i].reduce(0) { $0 + proportion(i, $1) * proportion($1, j) }
            let local = proportion(i, j) + indirect
            return total + local * local
        }
    }

    // MARK: Betweenness

    /// Brandes' betweenness on the unweighted graph: for each node, the number of shortest paths
    /// between other pairs that pass through it, each pair counted once and shared among its
    /// shortest paths. `normalized` divides by the number of pairs, (n−1)(n−2)/2, as networkx does.
    public func betweenness(normalized: Bool = false) -> [Double] {
        var centrality = Array(repeating: 0.0, count: nodeCount)
        for source in 0..<nodeCount {
            var stack: [Int] = []
            var predecessors = Array(repeating: [Int](), count: nodeCount)
            var paths = Array(repeating: 0.0, count: nodeCount)
            var distance = Array(repeating: -1, count: nodeCount)
            paths[source] = 1
            distance[source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                stack.append(v)
                for w in neighbours[v] {
                    if distance[w] < 0 {
                        distance[w] = distance[v] + 1
                        queue.append(w)
                    }
                    if distance[w] == distance[v] + 1 {
                        paths[w] += paths[v]
                        predecessors[w].append(v)
                    }
                }
            }
            var dependency = Array(repeating: 0.0, count: nodeCount)
            while let w = stack.popLast() {
                for v in predecessors[w] { dependency[v] += paths[v] / paths[w] * (1 + dependency[w]) }
                if w != source { centrality[w] += dependency[w] }
            }
        }
        // Every pair was counted from both ends.
        var result = centrality.map { $0 / 2 }
        if normalized {
            let pairs = Double((nodeCount - 1) * (nodeCount - 2)) / 2
            result = result.map { pairs > 0 ? $0 / pairs : 0 }
        }
        return result
    }

    /// Edges among the given nodes over the number possible between them.
    public func density(among nodes: [Int]) -> Double {
        guard nodes.count > 1 else { return 0 }
        let set = Set(nodes)
        let edges = nodes.reduce(0) { total, u in total + neighbours[u].filter { set.contains($0) && $0 > u }.count }
        return Double(edges) / Double(nodes.count * (nodes.count - 1) / 2)
    }
}
