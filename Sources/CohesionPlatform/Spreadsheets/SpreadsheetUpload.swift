import CohesionCore
import Foundation

/// An uploaded list, whatever people saved it as: an Excel workbook (.xlsx, first sheet), or CSV in
/// UTF-8 (with or without BOM) or Windows-1252, separated by `;` or `,`. Every import reads its
/// rows through here, so all of them accept the same files and say the same about the others.
package enum SpreadsheetUpload {
    package struct Unreadable: Error, Equatable {
        package let message: String
    }

    package static func rows(of bytes: [UInt8]) throws(Unreadable) -> [CSVReader.Row] {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {  // "PK": a ZIP archive, as .xlsx files are
            do {
                return try XLSXReader.firstSheet(Data(bytes))
            } catch {
                throw Unreadable(message: error.reason + " " + saveAsHint)
            }
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {  // the binary format of Excel 97–2003
            throw Unreadable(message: "Dateien im alten Excel-Format (.xls) lassen sich nicht lesen. " + saveAsHint)
        }
        let text = SpreadsheetText.decode(bytes).text
        do {
            return try CSVReader.detectingDelimiter(in: text).rows(of: text)
        } catch {
            throw Unreadable(message: "Zeile \(error.line): \(error.problem)")
        }
    }

    /// For a file input's `accept`: what the file picker offers.
    package static let accept = ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    package static let saveAsHint =
        "Bitte in Excel „Datei → Speichern unter“ wählen und „Excel-Arbeitsmappe (.xlsx)“ oder "
        + "„CSV (Trennzeichen-getrennt)“ einstellen."
}
