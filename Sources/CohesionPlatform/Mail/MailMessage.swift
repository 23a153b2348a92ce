import Foundation

/// One plain-text message in the Internet Message Format, UTF-8 throughout. Every header value
/// passes through `MailHeader` or `MailAddress`, so no value can add a header or a recipient.
package struct MailMessage {
    package let from: MailAddress
    package let to: MailAddress
    package let subject: String
    package let body: String
    package let date: Date
    package let id: UUID

    package enum Invalid: Error, CustomStringConvertible {
        case recipient(String)
        package var description: String {
            switch self {
            case .recipient(let text): "keine gültige Empfängeradresse: \(MailHeader.singleLine(text))"
            }
        }
    }

    /// Refuses a recipient that is not one plain address: the outbox keeps the message with this error.
    package init(from: MailAddress, to recipient: String, subject: String, body: String, date: Date, id: UUID) throws {
        guard MailAddress.isAddress(recipient), let to = MailAddress(recipient) else { throw Invalid.recipient(recipient) }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.id = id
    }

    package var rfc5322: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let headers = [
            "From: \(from.header)",
            "To: \(to.header)",
            "Subject: \(MailHeader.unstructured(subject))",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(id.uuidString.lowercased())@cohesion>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        let normalisedBody = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + normalisedBody + "\r\n"
    }
}
