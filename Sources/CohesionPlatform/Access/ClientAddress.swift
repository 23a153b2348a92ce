import Vapor

extension Request {
    /// The address of the person asking. Behind a reverse proxy every request comes from the
    /// proxy, so `X-Forwarded-For` is read — but only when the direct peer is one of the configured
    /// `TRUSTED_PROXIES`; anyone else could write any address there. The header is read from the
    /// right, skipping trusted proxies, so a client cannot choose its address by sending one itself.
    package var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unbekannt"
        let trusted = cohesion.config.trustedProxies
        guard trusted.contains(peer) else { return peer }
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return forwarded.reversed().first { !trusted.contains($0) && !$0.isEmpty } ?? peer
    }
}
