import Hummingbird

/// Responses the web app sends.
enum Reply {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func file(_ data: [UInt8], contentType: String, filename: String) -> Response {
        // RFC 5987 filename* keeps Cyrillic names intact; the ASCII fallback is for old clients.
        let encoded = filename.addingPercentEncodingForHeader()
        return Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"anketa-download\"; filename*=UTF-8''\(encoded)"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 303 See Other: after a POST, the browser GETs the target (post/redirect/get).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

extension String {
    func addingPercentEncodingForHeader() -> String {
        var result = ""
        for byte in utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-._~".utf8.contains(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
