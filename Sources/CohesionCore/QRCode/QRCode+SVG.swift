extension QRCode {
    /// The code as a standalone SVG image with the four-module quiet zone the standard asks for.
    /// Each run of dark modules in a row is one rectangle, which keeps the image small.
    public func svg(sizeInMillimetres: Int = 30) -> String {
        let side = size + 8
        var rectangles = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard modules[y][x] else { x += 1; continue }
                let start = x
                while x < size && modules[y][x] { x += 1 }
                rectangles += "<rect x=\"\(start + 4)\" y=\"\(y + 4)\" width=\"\(x - start)\" height=\"1\"/>"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(sizeInMillimetres)mm" height="\(sizeInMillimetres)mm" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <g fill="#000">\(rectangles)</g></svg>
            """
    }
}
