import CohesionCore
import SQLKit
import Vapor

extension Response {
    /// A rendered page. Pages depend on who is signed in, so shared caches must not keep them.
    package static func html(_ page: HTML, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        let bytes = page.render()
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return Response(status: status, headers: headers, body: .init(buffer: buffer))
    }
}

extension Request {
    /// The frame of a page for this request, with the notice named in the query if any.
    package func frame(_ title: String, section: NavSection? = nil) -> PageFrame {
        let notice = (try? query.get(String.self, at: Notice.queryKey)).flatMap(features.notice(named:))
        return PageFrame(title: title, visitor: visitor, features: features, section: section, notice: notice)
    }

    /// The submitted form as typed.
    package func formValues() -> FormValues {
        FormValues(urlEncoded: body.string ?? "")
    }

    package var sql: any SQLDatabase { db.sql }
}
