import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

/// A file sent through an upload form, checked by the rules of unit material: a name, a size
/// under the installation's limit, and content whose kind matches an allowed ending. Unit material
/// and a topic team's documents both take files through it.
struct CheckedUpload: Sendable {
    let fileName: String
    /// The type found in the content, not the one the browser claimed.
    let contentType: String
    let data: Data

    /// Why a file was not taken, in German, with the status to answer.
    struct Refusal: Error, Sendable {
        let message: String
        let status: HTTPStatus
    }

    static func check(_ file: File?, maxMegabytes: Int) -> Result<CheckedUpload, Refusal> {
        let name = UploadKind.cleanFileName(file?.filename ?? "")
        guard let file, file.data.readableBytes > 0, !name.isEmpty else {
            return .failure(Refusal(message: "Bitte eine Datei wählen.", status: .unprocessableEntity))
        }
        guard file.data.readableBytes <= maxMegabytes * 1_048_576 else {
            return .failure(Refusal(message: "Die Datei ist größer als \(maxMegabytes) MB.", status: .payloadTooLarge))
        }
        guard let kind = UploadKind.detect(fileName: name, prefix: Array(file.data.readableBytesView.prefix(4096))) else {
            return .failure(
                Refusal(
                    message: "„\(name)“ wurde nicht angenommen: Inhalt und Endung passen nicht zu einer erlaubten Art. Erlaubt sind \(UploadKind.accepted).",
                    status: .unsupportedMediaType))
        }
        return .success(CheckedUpload(fileName: name, contentType: kind.contentType, data: Data(file.data.readableBytesView)))
    }

    /// A stored file as a download, never rendered in the site's origin: an uploaded HTML file cannot run here.
    static func download(fileName: String, contentType: String, data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType.lowercased().contains("html") ? "application/octet-stream" : contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: MaterialAccess.contentDisposition(fileName: fileName))
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
