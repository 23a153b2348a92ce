import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// Turns filled OpenDocument files into PDF/A-2b with LibreOffice headless: all of a batch in one
/// run of `soffice` (a start costs about two seconds; a hundred certificates take one start).
/// Each run has its own profile directory, so runs may overlap.
enum PDFRenderer {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static let exportFilter = #"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"#

    /// `documents` (OpenDocument texts, packed or flat) by a name unique in the batch; returns the PDFs by the same names.
    static func pdfs(_ documents: [String: (data: Data, format: OpenDocumentFile.Format)]) async throws -> [String: Data] {
        guard !documents.isEmpty else { return [:] }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-pdf-\(UUID().uuidString)")
        let output = directory.appendingPathComponent("pdf")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var inputs: [String] = []
        for (name, document) in documents {
            let file = directory.appendingPathComponent(name + "." + document.format.rawValue)
            try document.data.write(to: file)
            inputs.append(file.path)
        }
        let arguments =
            [
                "-env:UserInstallation=file://" + directory.appendingPathComponent("profile").path, "--headless", "--norestore",
                "--convert-to", exportFilter, "--outdir", output.path,
            ] + inputs
        try await run(executable(), arguments)
        var result: [String: Data] = [:]
        for name in documents.keys {
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(name + ".pdf").path) else {
                throw Failed(description: "LibreOffice hat keine PDF-Datei für \(name) erzeugt.")
            }
            result[name] = data
        }
        return result
    }

    /// One filled document as a downloaded PDF/A; 503 with the renderer's reason when LibreOffice fails.
    static func download(_ document: Data, format: OpenDocumentFile.Format, fileName: String) async throws -> Response {
        try await download(fileName: fileName) { (document, format) }
    }

    /// The same, kept under `key` until the report counter moves: a conversion costs LibreOffice a
    /// second or more, and a report's PDF is asked for again while its rows stay. `key` names all
    /// the document depends on beyond the watched tables (the day it is dated, the reader's level).
    static func download(
        kept key: String, cache: ReportCache?, on db: any SQLDatabase, fileName: String,
        document: @escaping @Sendable () async throws -> (Data, OpenDocumentFile.Format)
    ) async throws -> Response {
        let pdf: Data = try await cache.value("pdf:" + key, on: db) { try await converted(document) }
        return response(pdf, fileName: fileName)
    }

    private static func download(
        fileName: String, document: @Sendable () async throws -> (Data, OpenDocumentFile.Format)
    ) async throws -> Response {
        response(try await converted(document), fileName: fileName)
    }

    private static func converted(_ document: @Sendable () async throws -> (Data, OpenDocumentFile.Format)) async throws -> Data {
        let (data, format) = try await document()
        do {
            return try await pdfs(["dokument": (data, format)])["dokument"] ?? Data()
        } catch let failed as Failed {
            throw AppError.unavailable(failed.description, retryAfter: 60)
        }
    }

    private static func response(_ pdf: Data, fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: pdf))
    }

    static func executable() throws -> String {
        for candidate in ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"]
        where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        throw Failed(description: "LibreOffice (soffice) ist nicht installiert: apt-get install libreoffice-writer-nogui fonts-dejavu-core")
    }

    /// Runs the process off the event loops and waits for it.
    private static func run(_ executable: String, _ arguments: [String]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.terminationHandler = { finished in
                if finished.terminationStatus == 0 {
                    continuation.resume()
                } else {
                    continuation.resume(throwing: Failed(description: "LibreOffice endete mit Status \(finished.terminationStatus)."))
                }
            }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
    }
}
