/// The largest image the documents accept (the app base API's upload, the mobile mall's head image), in
/// bytes of the image itself; every body and field limit on an image's way is derived from it.
public enum ImageLimit {
    /// 5 MiB of image bytes.
    public static let bytes = 5 * 1024 * 1024

    /// Characters of the padded base64 text of `count` bytes.
    public static func base64Length(ofBytes count: Int) -> Int { (count + 2) / 3 * 4 }

    /// The longest base64 text of an image within the limit, with room for a `data:image/…;base64,` prefix.
    public static var base64Characters: Int { base64Length(ofBytes: bytes) + 64 }
}
