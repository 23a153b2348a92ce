import CohesionCore
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The first sheet of an Excel workbook (.xlsx, Office Open XML) as rows of text, as a CSV file
/// would give them: shared and inline strings as text, numbers as the file writes them (an AGS kept
/// as a number loses its leading zero there), booleans as 1 and 0. Dates arrive as Excel's day
/// numbers; no import reads a date from a workbook yet.
///
/// ZIPFoundation opens the archive; the few XML parts are read with Foundation's `XMLParser`.
/// No Swift library for reading workbooks is among the packages this project may use, and the
/// part of the format an import needs is small (ECMA-376 Part 1, §18.3 and §18.4).
package enum XLSXReader {
    package struct Unreadable: Error, Equatable {
        package let reason: String
    }

    /// A sheet larger than this, unpacked, is refused: a list for an import is far smaller, and
    /// a small upload must not unpack into gigabytes.
    package static let maximumPartSize: UInt64 = 32 * 1024 * 1024

    package static func firstSheet(_ data: Data) throws(Unreadable) -> [CSVReader.Row] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Unreadable(reason: "Die Datei ist keine lesbare Excel-Arbeitsmappe.")
        }
        let workbook = try part("xl/workbook.xml", of: archive)
        let relations = try part("xl/_rels/workbook.xml.rels", of: archive)
        guard let relationID = WorkbookParser.firstSheetRelation(workbook),
            let target = RelationsParser.target(of: relationID, in: relations)
        else {
            throw Unreadable(reason: "Die Arbeitsmappe enthält kein Tabellenblatt.")
        }
        // Targets are relative to xl/ unless they start at the package root.
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let shared = archive["xl/sharedStrings.xml"] == nil ? [] : SharedStringsParser.strings(try part("xl/sharedStrings.xml", of: archive))
        return SheetParser.rows(try part(sheetPath, of: archive), shared: shared)
    }

    private static func part(_ path: String, of archive: Archive) throws(Unreadable) -> Data {
        guard let entry = archive[path] else {
            throw Unreadable(reason: "Der Arbeitsmappe fehlt ein Teil (\(path)); bitte in Excel oder LibreOffice neu speichern.")
        }
        guard entry.uncompressedSize <= maximumPartSize else {
            throw Unreadable(reason: "Das Tabellenblatt ist zu groß für einen Import.")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw Unreadable(reason: "Die Arbeitsmappe ist beschädigt; bitte in Excel oder LibreOffice neu speichern.")
        }
        return data
    }
}

/// `xl/workbook.xml`: the relation id of the first `<sheet>`, in the order the tabs are shown.
private final class WorkbookParser: NSObject, XMLParserDelegate {
    private var relationID: String?

    static func firstSheetRelation(_ data: Data) -> String? {
        let delegate = WorkbookParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = true
        _ = parser.parse()
        return delegate.relationID
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard element == "sheet", relationID == nil else { return }
        // The attribute is r:id in the relationships namespace; with namespaces processed its key is "id" or "r:id".
        relationID = attributes["r:id"] ?? attributes["id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
    }
}

/// `xl/_rels/workbook.xml.rels`: where a relation id points.
private final class RelationsParser: NSObject, XMLParserDelegate {
    private let wanted: String
    private var target: String?

    private init(wanted: String) { self.wanted = wanted }

    static func target(of id: String, in data: Data) -> String? {
        let delegate = RelationsParser(wanted: id)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.target
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "Relationship", attributes["Id"] == wanted { target = attributes["Target"] }
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is one string, possibly in several formatted runs;
/// phonetic guides (`<rPh>`) are not part of the text.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    static func strings(_ data: Data) -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// A worksheet's `<sheetData>`: rows of cells placed by their reference (B3 is the second field
/// of line 3), so skipped empty cells keep the columns in place. Empty rows are left out and
/// trailing empty cells dropped, as a CSV export would.
private final class SheetParser: NSObject, XMLParserDelegate {
    private let shared: [String]
    private var rows: [CSVReader.Row] = []
    private var rowNumber = 0
    private var cells: [Int: String] = [:]
    private var column = 0
    private var cellType = ""
    private var value = ""
    private var collecting = false

    private init(shared: [String]) { self.shared = shared }

    static func rows(_ data: Data, shared: [String]) -> [CSVReader.Row] {
        let delegate = SheetParser(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.rows
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = [:]
            column = 0
        case "c":
            column = attributes["r"].flatMap(Self.columnIndex) ?? column
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t":
            collecting = false
        case "c":
            let text = cellType == "s" ? Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "" : value
            if !text.isEmpty { cells[column] = text }
            column += 1
        case "row":
            guard let last = cells.keys.max() else { return }
            rows.append(CSVReader.Row(line: rowNumber, fields: (0...last).map { cells[$0] ?? "" }))
        default: break
        }
    }

    /// "A1" → 0, "C7" → 2, "AA10" → 26.
    static func columnIndex(_ reference: String) -> Int? {
        let letters = reference.prefix { $0.isLetter }.uppercased()
        guard !letters.isEmpty else { return nil }
        return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}
