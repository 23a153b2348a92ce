/// The eight data masks of ISO/IEC 18004 and the penalty rules (§7.8.3) by which the encoder picks one:
/// the chosen mask avoids long runs, blocks and finder-like stripes that confuse a scanner.
enum QRMask {
    static func inverts(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    static func penalty(_ modules: [[Bool]]) -> Int {
        let size = modules.count
        let rows = modules
        let columns = (0..<size).map { x in (0..<size).map { y in modules[y][x] } }
        var total = 0
        for line in rows + columns {
            total += runPenalty(line) + finderLikePenalty(line)
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = modules[y][x]
                if colour == modules[y][x + 1] && colour == modules[y + 1][x] && colour == modules[y + 1][x + 1] { total += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let cells = size * size
        // 10 points for every 5 % the dark share lies away from half.
        let steps = (abs(dark * 20 - cells * 10) + cells - 1) / cells - 1
        total += max(0, steps) * 10
        return total
    }

    /// Runs of five or more modules of one colour: 3 points, plus 1 for each module beyond five.
    private static func runPenalty(_ line: [Bool]) -> Int {
        var total = 0
        var run = 1
        for index in 1...line.count {
            if index < line.count && line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { total += run - 2 }
                run = 1
            }
        }
        return total
    }

    /// Dark-light-dark-dark-dark-light-dark with four light modules on either side (light outside the symbol): 40 points each.
    private static func finderLikePenalty(_ line: [Bool]) -> Int {
        let pattern: [Bool] = [true, false, true, true, true, false, true]
        let padded = [Bool](repeating: false, count: 4) + line + [Bool](repeating: false, count: 4)
        var total = 0
        for start in 0...(padded.count - 7) where Array(padded[start..<start + 7]) == pattern {
            let before = start >= 4 && padded[(start - 4)..<start].allSatisfy { !$0 }
            let after = start + 11 <= padded.count && padded[(start + 7)..<(start + 11)].allSatisfy { !$0 }
            if before || after { total += 40 }
        }
        return total
    }
}
