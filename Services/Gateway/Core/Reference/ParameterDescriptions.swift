import Catalog
import HTTPCore
import JSON

/// The OpenAPI forms of an operation's business parameters: query parameters for GET, a request body for
/// POST (train with its envelope fields around `data`), and listed parameters for the two `POST /` dialects.
enum ParameterDescriptions {
    /// The OpenAPI parameter objects of one method of an operation: train's `loginKey` header where a
    /// session is needed, and for GET the business parameters (`in: query`).
    static func parameters(of operation: Operation, method: HTTPMethod) -> [JSONValue] {
        var list: [JSONValue] = []
        if operation.dialect == .train && operation.session == .required {
            list.append(
                .object([
                    "name": "loginKey", "in": "header", "required": true,
                    "description": "the session token login answered", "schema": .object(["type": "string"]),
                ]))
        }
        if method == .get {
            list += operation.parameters.map { .object(parameterObject($0, location: "query")) }
        }
        return list
    }

    /// The request body of a POST operation: a form or a JSON object holding the business parameters,
    /// or for train the envelope whose `data` holds them; nil when the operation takes none.
    static func requestBody(of operation: Operation) -> JSONObject? {
        if operation.dialect == .train { return trainRequestBody(of: operation) }
        guard !operation.parameters.isEmpty else { return nil }
        let schema = JSONValue.object(objectSchema(operation.parameters))
        return [
            "required": .bool(operation.parameters.contains { $0.required }),
            "content": .object([
                "application/x-www-form-urlencoded": .object(["schema": schema]),
                "application/json": .object(["schema": schema]),
            ]),
        ]
    }

    /// The parameters of a c2c or yaf operation, for its entry in `x-c2c-operations` / `x-yaf-operations`:
    /// `in` is `body` (the c2c JSON body), `data` (inside the yaf `data` field) or `multipart` (a yaf file part).
    static func listed(_ operation: Operation) -> JSONValue {
        .array(
            operation.parameters.map { parameter in
                let location: String
                switch operation.dialect {
                case .yaf: location = parameter.type == "file" ? "multipart" : "data"
                case .c2c, .train, .o2o, .mobile: location = "body"
                }
                return .object(parameterObject(parameter, location: location))
            })
    }

    /// A JSON Schema object with one property per parameter and the required ones listed.
    static func objectSchema(_ parameters: [OperationParameter]) -> JSONObject {
        var properties = JSONObject()
        for parameter in parameters {
            var schema = valueSchema(parameter)
            schema["description"] = .string(parameter.summary)
            properties[parameter.name] = .object(schema)
        }
        var object: JSONObject = ["type": "object", "properties": .object(properties)]
        let required = parameters.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { object["required"] = .array(required) }
        return object
    }

    /// The envelope of API document 000: `userId`, `userRole`, `appCode` and `data`, which is a JSON object
    /// in a JSON body and the text of one in a form.
    private static func trainRequestBody(of operation: Operation) -> JSONObject {
        var dataSchema = objectSchema(operation.parameters)
        dataSchema["description"] = "the call's fields; every call carries sign, made over them (the signature rule)"
        func envelope(data: JSONObject) -> JSONValue {
            var required: [JSONValue] = ["userRole", "appCode", "data"]
            if operation.session == .required { required.insert("userId", at: 0) }
            return .object([
                "type": "object",
                "required": .array(required),
                "properties": .object([
                    "userId": .object(["type": "string", "description": "用户id，除login接口外其他都需要"]),
                    "userRole": .object(["type": "string", "enum": ["customer", "business"]]),
                    "appCode": .object(["type": "string", "description": "app代码，如 XCX(小程序)"]),
                    "data": .object(data),
                ]),
            ])
        }
        let dataText: JSONObject = [
            "type": "string", "description": "the JSON text of the data object described under application/json",
        ]
        return [
            "required": true,
            "content": .object([
                "application/x-www-form-urlencoded": .object(["schema": envelope(data: dataText)]),
                "application/json": .object(["schema": envelope(data: dataSchema)]),
            ]),
        ]
    }

    private static func parameterObject(_ parameter: OperationParameter, location: String) -> JSONObject {
        [
            "name": .string(parameter.name),
            "in": .string(location),
            "required": .bool(parameter.required),
            "description": .string(parameter.summary),
            "schema": .object(valueSchema(parameter)),
        ]
    }

    /// The JSON Schema type of a document's type name, keeping the document's spelling in `x-type`.
    private static func valueSchema(_ parameter: OperationParameter) -> JSONObject {
        var schema: JSONObject
        switch parameter.type.lowercased() {
        case "int", "integer", "tinyint": schema = ["type": "integer"]
        case "double", "float", "decimal": schema = ["type": "number"]
        case "boolean": schema = ["type": "boolean"]
        case "file": schema = ["type": "string", "format": "binary"]
        default: schema = ["type": "string"]
        }
        schema["x-type"] = .string(parameter.type)
        return schema
    }
}
