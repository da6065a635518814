import Catalog
import HTTPCore
import Mesh

/// The form of a yaf request: the `data` and `sign` fields, from a URL-encoded body or, for
/// uploads, a multipart one whose other parts are the files. URL-encoded fields other than `data`
/// and `sign` are ignored: they are not signed, and the document posts nothing else.
struct YafForm {
    static let dataField = "data"
    static let signField = "sign"

    var data: String?
    var sign: String?
    /// The multipart parts other than `data` and `sign`, by field name, in body order.
    var files: [(field: String, file: YafUploadedFile)] = []

    init(_ request: HTTPRequest) throws(DialectFailure) {
        switch request.contentType {
        case "multipart/form-data":
            try readMultipart(request)
        default:
            let fields: [(name: String, value: String)]
            do {
                fields = try request.strictFormParameters()
            } catch {
                throw DialectFailure(.invalidParams, "the form body: \(error)")
            }
            for (name, value) in fields where name == Self.dataField || name == Self.signField {
                try assign(value, to: name)
            }
        }
    }

    private mutating func readMultipart(_ request: HTTPRequest) throws(DialectFailure) {
        let parts: [MultipartPart]
        do {
            parts = try request.multipartParts()
        } catch {
            throw DialectFailure(.invalidParams, "the multipart body is malformed: \(error)")
        }
        for part in parts {
            guard let name = part.name, !name.isEmpty else {
                throw DialectFailure(.invalidParams, "a multipart part has no field name")
            }
            guard name == Self.dataField || name == Self.signField else {
                guard !files.contains(where: { $0.field == name }) else {
                    throw DialectFailure(.invalidParams, "the multipart field \(name) is given more than once")
                }
                let file = YafUploadedFile(filename: part.filename, contentType: part.contentType, bytes: part.body)
                files.append((field: name, file: file))
                continue
            }
            guard let text = String(validating: part.body, as: UTF8.self) else {
                throw DialectFailure(.invalidParams, "the multipart field \(name) is not UTF-8 text")
            }
            try assign(text, to: name)
        }
    }

    private mutating func assign(_ value: String, to name: String) throws(DialectFailure) {
        let previous = name == Self.dataField ? data : sign
        guard previous == nil else {
            throw DialectFailure(.invalidParams, "the form field \(name) is given more than once")
        }
        if name == Self.dataField { data = value } else { sign = value }
    }
}
