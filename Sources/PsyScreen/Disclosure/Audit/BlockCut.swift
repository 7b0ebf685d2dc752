/// A cut of one group of schools into blocks that each share every figure tying the group (docs/report.md,
/// "Blocks"): for each figure, a block's schools hiding it are none, all of the group's, or two or more whose
/// values less the largest come to the protection (a column's sums: two or more). Blocks are any sets of schools,
/// chosen by each figure's spread — schools hiding a figure with small values beside schools hiding it with larger
/// ones — for every figure at once, of at most ``limit`` schools and preferably two or three.
///
/// Deterministic and solving no program: schools in sorted order, every choice by a total order. First the
/// hardest schools (the largest shortfall alone, then the smallest values) each seed a block and take, one after
/// another, the school that leaves the block's shortfall smallest, then its values beyond the protection smallest
/// (what one block holds beyond its need another may lack; a second start leaves this out, and the start with the
/// smaller shortfall after the next step is kept), then the one with the largest values; then a short
/// block and any other are cut again as two, every way, while that lowers the total shortfall; then blocks of four
/// give a school to a block of two, or split in two, where both still share. A block still short is merged with
/// the block that shares best with it until none is short: those blocks are larger than ``limit`` (at worst the
/// whole group, exact).
struct BlockCut {
    /// Schools that have to share a block: those hiding a figure that fewer than four schools hide (a part of
    /// them alone in a block would have its figure pinned by the block's total).
    let clusters: [[String]]
    let protection: Int
    let limit: Int
    /// Per figure: whether it is a count (a column's sums only need two schools) and how many schools hide it.
    private let isCount: [Bool]
    private let hiders: [Int]
    /// Per cluster and figure: how many of its schools hide it, their values' sum and the largest.
    private let count: [[Int]]
    private let sum: [[Int]]
    private let largest: [[Int]]
    /// Per cluster: its schools' values of the counts they hide, each capped at the protection (a value of at
    /// least the protection shares a count with any larger one): how much it can lend a block.
    private let strength: [Int]

    init(
        schools: [String], figures: [AuditComponent.Tie], protection: Int,
        limit: Int = AuditComponent.exactSchools
    ) {
        self.protection = protection
        self.limit = limit
        var root = Dictionary(uniqueKeysWithValues: schools.map { ($0, $0) })
        func find(_ school: String) -> String {
            var current = school
            while root[current]! != current { current = root[current]! }
            return current
        }
        let hiding = figures.map { figure in schools.filter { figure.hiding[$0] != nil } }
        for members in hiding where members.count < 4 {
            for other in members.dropFirst() {
                let (a, b) = (find(members[0]), find(other))
                if a != b { root[max(a, b)] = min(a, b) }
            }
        }
        let clusters = Dictionary(grouping: schools, by: find).values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        self.clusters = clusters
        isCount = figures.map(\.isCount)
        hiders = hiding.map(\.count)
        count = clusters.map { schools in figures.map { figure in schools.count { figure.hiding[$0] != nil } } }
        sum = clusters.map { schools in figures.map { figure in schools.reduce(0) { $0 + (figure.hiding[$1] ?? 0) } } }
        largest = clusters.map { schools in
            figures.map { figure in schools.compactMap { figure.hiding[$0] }.max() ?? 0 }
        }
        strength = clusters.map { schools in
            figures.filter(\.isCount).reduce(0) { total, figure in
                schools.reduce(total) { $0 + min(figure.hiding[$1] ?? 0, protection) }
            }
        }
    }

    /// The blocks, each sorted, in school order.
    func blocks() -> [[String]] {
        // Two starts, the excess weighed and not (each finds cuts the other misses); the better one goes on.
        let starts = [true, false].map { weighingExcess -> (blocks: [[Int]], short: Int, squares: Int) in
            var blocks = greedy(weighingExcess: weighingExcess)
            improve(&blocks)
            let sizes = blocks.map(size)
            return (blocks, blocks.reduce(0) { $0 + shortfall($1) }, sizes.reduce(0) { $0 + $1 * $1 })
        }
        var blocks = starts.min { ($0.short, $0.squares) < ($1.short, $1.squares) }!.blocks
        preferSmall(&blocks)
        merge(&blocks)
        return blocks.map { $0.flatMap { clusters[$0] }.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// How far a block (cluster indices) is from sharing every figure: per figure some of the group's schools
    /// (not all) hide, one if only one of them does, plus what its values less the largest lack of the protection.
    func shortfall(_ block: [Int]) -> Int { measure(block).short }

    /// The ``shortfall(_:)``, and the excess: what the values less the largest of the counts it shares have
    /// beyond the protection — values a block holds beyond its need that other blocks may lack.
    private func measure(_ block: [Int]) -> (short: Int, excess: Int) {
        var short = 0, excess = 0
        for figure in hiders.indices {
            var hidden = 0, values = 0, top = 0
            for cluster in block {
                hidden += count[cluster][figure]
                values += sum[cluster][figure]
                top = max(top, largest[cluster][figure])
            }
            guard hidden > 0, hidden < hiders[figure] else { continue }
            if hidden == 1 { short += 1 }
            guard isCount[figure] else { continue }
            short += max(0, protection - (values - top))
            if hidden > 1 { excess += max(0, values - top - protection) }
        }
        return (short, excess)
    }

    private func size(_ block: [Int]) -> Int { block.reduce(0) { $0 + clusters[$1].count } }

    /// The hardest cluster left (the largest shortfall alone, then the larger, then the weaker) seeds a block,
    /// which takes the cluster that leaves its shortfall smallest — then the smallest excess, the smaller
    /// cluster, the stronger (small values beside large ones), the harder — while that lowers it and the block
    /// has room.
    private func greedy(weighingExcess: Bool) -> [[Int]] {
        let alone = clusters.indices.map { shortfall([$0]) }
        let order = clusters.indices.sorted {
            (-alone[$0], -clusters[$0].count, strength[$0], $0) < (-alone[$1], -clusters[$1].count, strength[$1], $1)
        }
        var taken = Array(repeating: false, count: clusters.count)
        var blocks: [[Int]] = []
        for seed in order where !taken[seed] {
            var block = [seed], short = alone[seed], room = limit - clusters[seed].count
            taken[seed] = true
            while short > 0 {
                var best: (short: Int, excess: Int, size: Int, weakness: Int, rank: Int)?
                for (rank, cluster) in order.enumerated() where !taken[cluster] && clusters[cluster].count <= room {
                    let (short, excess) = measure(block + [cluster])
                    let candidate = (short, weighingExcess ? excess : 0, clusters[cluster].count, -strength[cluster], rank)
                    if best.map({ candidate < $0 }) ?? true { best = candidate }
                }
                guard let best, best.short < short else { break }
                let cluster = order[best.rank]
                block.append(cluster)
                taken[cluster] = true
                short = best.short
                room -= clusters[cluster].count
            }
            blocks.append(block)
        }
        return blocks
    }

    /// A short block and another are cut again, into the two blocks (every way of parting their clusters) that
    /// lower the total shortfall most, while some pair can: a move of one cluster, a swap, or more at once. The
    /// first short block that can, with the other block that lowers it most (the first on a tie).
    private func improve(_ blocks: inout [[Int]]) {
        var short = blocks.map(shortfall)
        // A short block no recut helped is tried again only with blocks changed since (the others still would not
        // help): the same cut, without trying every pair again after each move.
        var moves = 0
        var changed = Array(repeating: 0, count: blocks.count)
        var stuck: [Int?] = Array(repeating: nil, count: blocks.count)
        for _ in 0..<(4 * clusters.count + 16) {
            var applied = false
            for a in blocks.indices where short[a] > 0 {
                var best: (gain: Int, parts: ([Int], [Int]), other: Int)?
                for b in blocks.indices where b != a && stuck[a].map({ changed[b] > $0 }) ?? true {
                    guard let parts = recut(blocks[a], blocks[b]) else { continue }
                    let gain = short[a] + short[b] - parts.short
                    guard gain > 0, best.map({ gain > $0.gain }) ?? true else { continue }
                    best = (gain, (parts.left, parts.right), b)
                }
                guard let best else {
                    stuck[a] = moves
                    continue
                }
                moves += 1
                let (left, right) = best.parts
                (blocks[a], blocks[best.other]) = (left, right)
                (short[a], short[best.other]) = (shortfall(left), shortfall(right))
                for index in [a, best.other] { (changed[index], stuck[index]) = (moves, nil) }
                // A block left empty goes (a part is empty only if the other takes every cluster).
                for index in [a, best.other].sorted(by: >) where blocks[index].isEmpty {
                    blocks.remove(at: index)
                    short.remove(at: index)
                    changed.remove(at: index)
                    stuck.remove(at: index)
                }
                applied = true
                break
            }
            if !applied { return }
        }
    }

    /// The best cut of two blocks' clusters into two of at most ``limit`` schools: the lowest total shortfall,
    /// then the lowest sum of squared sizes, then the first by a subset mask.
    private func recut(_ a: [Int], _ b: [Int]) -> (left: [Int], right: [Int], short: Int, squares: Int)? {
        let items = a + b
        var best: (left: [Int], right: [Int], short: Int, squares: Int)?
        for mask in 0..<(1 << (items.count - 1)) {
            var left: [Int] = [], right: [Int] = []
            for (index, item) in items.enumerated() {
                if mask & (1 << index) != 0 { left.append(item) } else { right.append(item) }
            }
            let (x, y) = (size(left), size(right))
            guard x <= limit, y <= limit else { continue }
            let short = shortfall(left) + shortfall(right)
            let squares = x * x + y * y
            if best.map({ (short, squares) < ($0.short, $0.squares) }) ?? true { best = (left, right, short, squares) }
        }
        return best
    }

    /// Blocks of two or three rather than four where every block still shares: a block of four schools gives a
    /// cluster to a block of two, or splits in two.
    private func preferSmall(_ blocks: inout [[Int]]) {
        var changed = true
        while changed {
            changed = false
            for a in blocks.indices where size(blocks[a]) == limit && limit > 3 && shortfall(blocks[a]) == 0 {
                if let (left, right) = split(blocks[a]) {
                    blocks[a] = left
                    blocks.append(right)
                    changed = true
                    break
                }
                for (i, x) in blocks[a].enumerated() {
                    var rest = blocks[a]
                    rest.remove(at: i)
                    guard !rest.isEmpty, shortfall(rest) == 0,
                        let b = blocks.indices.first(where: {
                            $0 != a && size(blocks[$0]) + clusters[x].count < limit && shortfall(blocks[$0]) == 0
                                && shortfall(blocks[$0] + [x]) == 0
                        })
                    else { continue }
                    blocks[a] = rest
                    blocks[b].append(x)
                    changed = true
                    break
                }
                if changed { break }
            }
        }
    }

    /// Two non-empty parts of `block` that each share every figure, if some are (the first by a subset mask).
    private func split(_ block: [Int]) -> ([Int], [Int])? {
        guard block.count > 1 else { return nil }
        for mask in 1..<(1 << (block.count - 1)) {
            let left = block.indices.filter { mask & (1 << $0) != 0 }.map { block[$0] }
            let right = block.indices.filter { mask & (1 << $0) == 0 }.map { block[$0] }
            if shortfall(left) == 0, shortfall(right) == 0 { return (left, right) }
        }
        return nil
    }

    /// A short block merged with the block that leaves the union's shortfall smallest (then the smaller union),
    /// until none is short: the whole group, at worst, shares every figure exactly.
    private func merge(_ blocks: inout [[Int]]) {
        while let a = blocks.indices.first(where: { shortfall(blocks[$0]) > 0 }) {
            guard
                let b = blocks.indices.filter({ $0 != a }).min(by: {
                    (shortfall(blocks[a] + blocks[$0]), size(blocks[$0]), $0)
                        < (shortfall(blocks[a] + blocks[$1]), size(blocks[$1]), $1)
                })
            else { return }
            blocks[a] += blocks[b]
            blocks.remove(at: b)
        }
    }
}
