extension QRCode {
    /// The symbol as a standalone SVG document.
    ///
    /// One `<path>` draws every dark module (horizontal runs merged into one rectangle each) in
    /// user units of one module, over a white background `<rect>`; `moduleSize` only sets the
    /// intrinsic width and height in pixels. The `<title>` (default "QR code") names the image
    /// for screen readers.
    /// - Parameters:
    ///   - moduleSize: pixels per module, at least 1.
    ///   - quietZone: light modules around the symbol; the standard asks for 4.
    ///   - title: accessible name of the image.
    public func svg(moduleSize: Int = 8, quietZone: Int = 4, title: String? = nil) -> String {
        let moduleSize = max(1, moduleSize)
        let quietZone = max(0, quietZone)
        let extent = size + 2 * quietZone
        let pixels = extent * moduleSize

        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                var run = 1
                while x + run < size && self[x + run, y] { run += 1 }
                path += "M\(x + quietZone) \(y + quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }

        let name = Self.escapeXML(title ?? "QR code")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(extent) \(extent)" shape-rendering="crispEdges" role="img">
            <title>\(name)</title>
            <rect width="\(extent)" height="\(extent)" fill="#fff"/>
            <path fill="#000" d="\(path)"/>
            </svg>

            """
    }

    /// Escapes the characters that would break XML text or an attribute value.
    static func escapeXML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
