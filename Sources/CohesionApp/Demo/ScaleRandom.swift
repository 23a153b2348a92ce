import Foundation

/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so `seed-scale`
/// builds the same site on every machine and database.
struct ScaleRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    /// A UUID from the generator's bits (version 4 layout), so ids are reproducible too.
    mutating func uuid() -> UUID {
        let high = next(), low = next()
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> (8 * $0)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// Picks municipalities in proportion to their population: a large city sends more officers over
/// the years than a village, as in the real programme.
struct PopulationWeights {
    let keys: [String]
    private let cumulative: [Int]

    init(_ places: [(key: String, population: Int)]) {
        keys = places.map(\.key)
        var total = 0
        cumulative = places.map { total += max(1, $0.population); return total }
    }

    func pick(using random: inout ScaleRandom) -> String {
        let target = Int.random(in: 0..<(cumulative.last ?? 1), using: &random)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return keys[low]
    }
}

/// Fictional names: common German first and family names, combined at random.
enum ScaleNames {
    static let first = ["Anna", "Lena", "Sophie", "Marie", "Laura", "Julia", "Sarah", "Katharina", "Miriam", "Elif", "Ayşe", "Fatma",
                        "Olena", "Natalia", "Hanna", "Petra", "Sabine", "Claudia", "Yasmin", "Leyla", "Lukas", "Jonas", "Felix", "Tobias",
                        "Michael", "Thomas", "Stefan", "Andreas", "Mehmet", "Ali", "Ahmad", "Dimitri", "Tomasz", "Jan", "Paul", "David",
                        "Samuel", "Omar", "Karim", "Niklas"]
    static let family = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
                         "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
                         "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Yılmaz", "Kaya",
                         "Demir", "Şahin", "Nowak", "Kowalski", "Popescu", "Haddad", "Rahimi", "Petrović", "Ivanova", "Schäfer"]
}
