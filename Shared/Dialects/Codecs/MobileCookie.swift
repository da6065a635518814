import Catalog
import Mesh

/// The `Set-Cookie` values the mobile dialect writes: HttpOnly, `SameSite=Lax`, for the whole context path,
/// ending with the browser session. `Secure` is left out: the scheme the client used is not known here.
enum MobileCookie {
    /// `name=value; Path=…; HttpOnly; SameSite=Lax`, or nil when the name is not a token or the value has a
    /// character a cookie value may not hold (space, `"`, `,`, `;`, `\`, controls, non-ASCII) or is empty.
    static func setCookie(name: String, value: String, path: String) -> String? {
        guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte), !value.isEmpty, value.utf8.allSatisfy(isValueByte)
        else { return nil }
        return "\(name)=\(value); Path=\(path); HttpOnly; SameSite=Lax"
    }

    /// RFC 6265 cookie-octet.
    private static func isValueByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E: true
        default: false
        }
    }

    /// RFC 9110 tchar.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
