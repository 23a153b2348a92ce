import CohesionCore
import CohesionPlatform
import Foundation

/// Picks municipalities in proportion to their population: a large city sends more officers over
/// the years than a village, as in the real programme.
struct PopulationWeights {
    let keys: [String]
    private let cumulative: [Int]

    init(_ places: [(key: String, population: Int)]) {
        keys = places.map(\.key)
        var total = 0
        cumulative = places.map {
            total += max(1, $0.population); return total
        }
    }

    func pick(using random: inout SeededRandom) -> String {
        let target = Int.random(in: 0..<(cumulative.last ?? 1), using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return keys[low]
    }
}

/// Fictional names: common German first and family names, combined at random.
enum ScaleNames {
    static let first = [
        "Anna", "Lena", "Sophie", "Marie", "Laura", "Julia", "Sarah", "Katharina", "Miriam", "Elif", "Ayşe", "Fatma",
        "Olena", "Natalia", "Hanna", "Petra", "Sabine", "Claudia", "Yasmin", "Leyla", "Lukas", "Jonas", "Felix", "Tobias",
        "Michael", "Thomas", "Stefan", "Andreas", "Mehmet", "Ali", "Ahmad", "Dimitri", "Tomasz", "Jan", "Paul", "David",
        "Samuel", "Omar", "Karim", "Niklas",
    ]
    static let family = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
        "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Yılmaz", "Kaya",
        "Demir", "Şahin", "Nowak", "Kowalski", "Popescu", "Haddad", "Rahimi", "Petrović", "Ivanova", "Schäfer",
    ]
}
