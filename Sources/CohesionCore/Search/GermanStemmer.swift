/// The German Snowball stemmer (snowballstem.org, `german.sbl` as of Snowball 3.1), for one
/// lower-case word: "wohnungen" → "wohnung", "geflüchtete" → "gefluchtet", "straße" → "strass".
/// Its output has no umlauts and no ß. `GermanStemmerTests` checks it word by word against
/// PyPI's `snowballstemmer` on a list of 2,400 words.
///
/// Written here rather than taken from a package: there is no Swift package of Snowball's stemmers,
/// and the algorithm is short. Positions are indexes into the word's Unicode scalars, as Snowball's.
public enum GermanStemmer {
    public static func stem(_ word: String) -> String {
        var word = Word(Array(word.unicodeScalars))
        word.prelude()
        word.markRegions()
        word.removeSuffixes()
        word.postlude()
        var result = String.UnicodeScalarView()
        result.append(contentsOf: word.letters)
        return String(result)
    }
}

private struct Word {
    var letters: [Unicode.Scalar]
    /// Where the regions R1 and R2 begin; a suffix is removed only if it starts inside its region.
    var r1 = 0
    var r2 = 0

    init(_ letters: [Unicode.Scalar]) { self.letters = letters }

    static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y", "ä", "ö", "ü"]
    static let sEnding: Set<Unicode.Scalar> = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "t"]
    static let stEnding: Set<Unicode.Scalar> = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "t"]
    /// "U" is a "u" between vowels, marked by the prelude.
    static let etEnding: Set<Unicode.Scalar> = ["U", "d", "f", "g", "k", "l", "m", "n", "r", "s", "t", "z", "ä"]

    func isVowel(at index: Int) -> Bool { index < letters.count && Self.vowels.contains(letters[index]) }

    /// Marks "u" and "y" between vowels (so "frauen" keeps its "u"), then writes ß as "ss" and
    /// "ae", "oe", "ue" as umlauts, except in "qu".
    mutating func prelude() {
        var index = 0
        while index + 2 < letters.count {
            if isVowel(at: index) && isVowel(at: index + 2) {
                if letters[index + 1] == "u" {
                    letters[index + 1] = "U"
                } else if letters[index + 1] == "y" {
                    letters[index + 1] = "Y"
                }
            }
            index += 1
        }
        var rewritten: [Unicode.Scalar] = []
        rewritten.reserveCapacity(letters.count + 2)
        index = 0
        while index < letters.count {
            let letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            switch (letter, next) {
            case ("ß", _): rewritten += ["s", "s"]
            case ("q", "u"): rewritten += ["q", "u"]
            case ("a", "e"): rewritten.append("ä")
            case ("o", "e"): rewritten.append("ö")
            case ("u", "e"): rewritten.append("ü")
            default:
                rewritten.append(letter)
                index += 1
                continue
            }
            index += letter == "ß" ? 1 : 2
        }
        letters = rewritten
    }

    /// R1 begins after the first non-vowel that follows a vowel, but not before the fourth letter;
    /// R2 is the same rule applied again inside R1.
    mutating func markRegions() {
        r1 = letters.count
        r2 = letters.count
        guard letters.count >= 3 else { return }
        guard let afterFirst = endOfVowelThenConsonant(from: 0) else { return }
        r1 = max(afterFirst, 3)
        guard let afterSecond = endOfVowelThenConsonant(from: afterFirst) else { return }
        r2 = afterSecond
    }

    private func endOfVowelThenConsonant(from start: Int) -> Int? {
        var index = start
        while index < letters.count && !isVowel(at: index) { index += 1 }
        guard index < letters.count else { return nil }
        index += 1
        while index < letters.count && isVowel(at: index) { index += 1 }
        guard index < letters.count else { return nil }
        return index + 1
    }

    mutating func postlude() {
        letters = letters.map { letter in
            switch letter {
            case "Y": "y"
            case "U", "ü": "u"
            case "ä": "a"
            case "ö": "o"
            default: letter
            }
        }
    }

    // MARK: Suffixes

    /// Compared scalar by scalar from the end, without copying: the stemmer runs for every word of every snippet.
    func hasSuffix(_ suffix: String, endingAt end: Int) -> Bool {
        guard end <= letters.count else { return false }
        var index = end
        for scalar in suffix.unicodeScalars.reversed() {
            index -= 1
            guard index >= 0, letters[index] == scalar else { return false }
        }
        return true
    }

    /// The longest of `candidates` the word ends with, as Snowball's `among` chooses.
    func longestSuffix(of candidates: [String], endingAt end: Int) -> String? {
        var longest: String?
        var length = 0
        for candidate in candidates where hasSuffix(candidate, endingAt: end) {
            let count = candidate.unicodeScalars.count
            if count > length { (longest, length) = (candidate, count) }
        }
        return longest
    }

    func letter(before index: Int) -> Unicode.Scalar? { index > 0 && index <= letters.count ? letters[index - 1] : nil }

    mutating func delete(from start: Int) { letters.removeSubrange(start...) }

    mutating func removeSuffixes() {
        removeInflection()
        removeSecondInflection()
        removeDerivation()
        removeApostrophe()
    }

    /// Step 1: "-em", "-ern", "-er", "-e", "-en", "-es", "-s", "-erin(nen)", "-ln(s)".
    private mutating func removeInflection() {
        let end = letters.count
        guard let suffix = longestSuffix(of: ["e", "em", "en", "erinnen", "erin", "ln", "ern", "er", "s", "es", "lns"], endingAt: end)
        else { return }
        let start = end - suffix.unicodeScalars.count
        guard start >= r1 else { return }
        switch suffix {
        case "em":
            if !hasSuffix("syst", endingAt: start) { delete(from: start) }
        case "erinnen", "erin", "ern", "er":
            delete(from: start)
        case "e", "en", "es":
            delete(from: start)
            // "Kenntnisse" → "kenntnis", not "kenntniss".
            if letter(before: start) == "s" && hasSuffix("nis", endingAt: start - 1) { delete(from: start - 1) }
        case "s":
            if let before = letter(before: start), Self.sEnding.contains(before) { delete(from: start) }
        default:  // "ln", "lns"
            delete(from: start)
            letters.append("l")
        }
    }

    /// Step 2: "-en", "-er", "-est", "-st" after a valid ending, "-et" after a valid ending.
    private mutating func removeSecondInflection() {
        let end = letters.count
        guard let suffix = longestSuffix(of: ["en", "er", "et", "st", "est"], endingAt: end) else { return }
        let start = end - suffix.unicodeScalars.count
        guard start >= r1 else { return }
        switch suffix {
        case "st":
            guard let before = letter(before: start), Self.stEnding.contains(before), start - 1 - 3 >= 0 else { return }
            delete(from: start)
        case "et":
            guard let before = letter(before: start), Self.etEnding.contains(before) else { return }
            if longestSuffix(of: ["tick", "plan", "geordn", "intern", "tr"], endingAt: start) != nil { return }
            delete(from: start)
        default:
            delete(from: start)
        }
    }

    /// Step 3: derivational suffixes in R2 ("-ung", "-end", "-ig", "-isch", "-ik", "-lich", "-heit", "-keit").
    private mutating func removeDerivation() {
        let end = letters.count
        guard let suffix = longestSuffix(of: ["end", "ig", "ung", "lich", "isch", "ik", "heit", "keit"], endingAt: end) else { return }
        let start = end - suffix.unicodeScalars.count
        guard start >= r2 else { return }
        switch suffix {
        case "end", "ung":
            delete(from: start)
            if hasSuffix("ig", endingAt: start) && letter(before: start - 2) != "e" && start - 2 >= r2 { delete(from: start - 2) }
        case "ig", "isch", "ik":
            if letter(before: start) != "e" { delete(from: start) }
        case "lich", "heit":
            delete(from: start)
            if (hasSuffix("er", endingAt: start) || hasSuffix("en", endingAt: start)) && start - 2 >= r1 { delete(from: start - 2) }
        default:  // "keit"
            delete(from: start)
            if let more = longestSuffix(of: ["ig", "lich"], endingAt: start), start - more.unicodeScalars.count >= r2 {
                delete(from: start - more.unicodeScalars.count)
            }
        }
    }

    /// Step 4: a genitive apostrophe ("Müller's") after at least two letters.
    private mutating func removeApostrophe() {
        guard let suffix = longestSuffix(of: ["'", "'sch", "'s"], endingAt: letters.count) else { return }
        let start = letters.count - suffix.unicodeScalars.count
        guard start >= 2 else { return }
        delete(from: start)
    }
}
