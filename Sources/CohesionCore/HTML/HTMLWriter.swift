/// The one output buffer a page is written into.
///
/// Text and attribute values are escaped on the way in, so markup can only reach the
/// buffer through `writeTrusted`, which `HTML.raw` alone calls. Non-copyable: a copy would share
/// the buffer and keep a pointer to it after `finish` (or a growth) freed it, so the compiler
/// refuses one; `finish` consumes the writer, and a writer dropped unfinished frees its buffer.
public struct HTMLWriter: ~Copyable, @unchecked Sendable {
    // The buffer is managed by hand: a page is written by one call on one thread, and
    // `HTML.render` frees it after copying the bytes out. Neither `Array.append` nor a class
    // holding the buffer (retained and released on every write) kept up with the many small
    // writes of a page. Hence unchecked Sendable: the pointer never leaves that call.
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Copies the page out and frees the buffer; the writer is gone afterwards.
    consuming func finish() -> [UInt8] {
        let bytes = Array(UnsafeBufferPointer(start: base, count: count))
        base.deallocate()
        discard self
        return bytes
    }

    deinit { base.deallocate() }

    @inline(__always)
    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let address = source.baseAddress, source.count > 0 else { return }
        if count + source.count > capacity { grow(toFit: count + source.count) }
        (base + count).update(from: address, count: source.count)
        count += source.count
    }

    private mutating func grow(toFit needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Markup known at compile time (tag names, `<`, `="`). A separate name from `writeTrusted`,
    /// because a string literal would otherwise pick the slower `String` overload.
    mutating func writeStatic(_ string: StaticString) {
        string.withUTF8Buffer { append($0) }
    }

    mutating func writeTrusted(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    mutating func writeRendered(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Escapes `& < > " '`, which is enough for text content and for quoted attribute values.
    mutating func writeEscaped(_ string: String) {
        var string = string
        string.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let byte = source[index]
                // Every character that needs escaping is at most ">" (0x3E); letters are above it.
                if byte > UInt8(ascii: ">") { continue }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
                writeStatic(replacement)
                runStart = index + 1
            }
            append(UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
    }
}
