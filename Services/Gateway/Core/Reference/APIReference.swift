import Catalog
import Dialects
import HTTPCore
import JSON
import Mesh

/// The API reference generated from the operation catalog: an HTML page and an OpenAPI document,
/// each telling which operations are served now.
enum APIReference {
    static func html(implemented: Set<String>) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>API reference</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
            td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.no{color:#999}
            ul.p{margin:0;padding-left:1.2em}</style></head><body>
            <h1>API reference</h1>
            <p>Every operation of the five client dialects, from the operation catalog. Operations not served yet
            answer their dialect's "not implemented" code. Parameters are each operation's business parameters; the
            fields every call of a dialect carries (session, signature, envelope) are left out.</p>
            """
        for dialect in Dialect.allCases {
            let operations = OperationCatalog.operations(of: dialect)
            let served = operations.filter { implemented.contains($0.meshName) }.count
            page += "<h2 id=\"\(dialect.rawValue)\">\(dialect.rawValue) — \(served) of \(operations.count) served</h2>"
            page += "<table><tr><th>operation</th><th>title</th><th>path</th><th>methods</th><th>service</th>"
            page += "<th>session</th><th>signed</th><th>served</th><th>parameters</th></tr>"
            for operation in operations {
                let isServed = implemented.contains(operation.meshName)
                page += "<tr\(isServed ? "" : " class=\"no\"")><td>\(escape(operation.name))</td>"
                let addition = operation.traits.platformAddition ? " (platform addition, not in the document)" : ""
                page += "<td>\(escape(operation.title + addition))</td><td>\(escape(operation.path))</td>"
                page += "<td>\(operation.methods.map(\.rawValue).joined(separator: ", "))</td>"
                page += "<td>\(operation.service.rawValue)</td><td>\(operation.session.rawValue)</td>"
                page += "<td>\(operation.signed ? "yes" : "no")</td><td>\(isServed ? "yes" : "not yet")</td>"
                page += "<td>\(parameterList(operation.parameters))</td></tr>"
            }
            page += "</table>"
        }
        return page + "</body></html>"
    }

    /// OpenAPI 3.0: path-routed dialects as paths, their business parameters as query parameters (GET) or
    /// a request body (POST); the two `POST /` dialects (c2c by `_apiname`, the app base API by
    /// `data.method`) as the single operation of `/`, which lists theirs, each with its `parameters`,
    /// in `x-c2c-operations` and `x-yaf-operations`.
    static func openAPI(implemented: Set<String>) -> JSONValue {
        var paths = JSONObject()
        for operation in OperationCatalog.all where operation.dialect != .c2c && operation.dialect != .yaf {
            var item = paths[operation.path]?.objectValue ?? JSONObject()
            for method in operation.methods {
                var description = describe(operation, implemented: implemented)
                let parameters = ParameterDescriptions.parameters(of: operation, method: method)
                if !parameters.isEmpty { description["parameters"] = .array(parameters) }
                if method == .post, let body = ParameterDescriptions.requestBody(of: operation) {
                    description["requestBody"] = .object(body)
                }
                item[method.rawValue.lowercased()] = .object(description)
            }
            paths[operation.path] = .object(item)
        }
        var root = JSONObject()
        for dialect in [Dialect.c2c, .yaf] {
            let names = OperationCatalog.operations(of: dialect).map { operation -> JSONValue in
                var description = describe(operation, implemented: implemented)
                description["parameters"] = ParameterDescriptions.listed(operation)
                return .object(description)
            }
            root["x-\(dialect.rawValue)-operations"] = .array(names)
        }
        root["summary"] = "c2c (query _apiname) and app base API (form fields data and sign) operations"
        root["tags"] = .array([.string("c2c"), .string("yaf")])
        root["responses"] = .object(["200": .object(["description": "the dialect's envelope"])])
        paths["/"] = .object(["post": .object(root)])
        return .object([
            "openapi": "3.0.3",
            "info": .object(["title": "Platform client API", "version": "1.0.0"]),
            "paths": .object(paths),
        ])
    }

    private static func describe(_ operation: Operation, implemented: Set<String>) -> JSONObject {
        [
            "operationId": .string(operation.meshName),
            "summary": .string(operation.title),
            "tags": .array([.string(operation.dialect.rawValue)]),
            "x-service": .string(operation.service.rawValue),
            "x-session": .string(operation.session.rawValue),
            "x-signed": .bool(operation.signed),
            "x-implemented": .bool(implemented.contains(operation.meshName)),
            "x-platform-addition": .bool(operation.traits.platformAddition),
            "responses": .object(["200": .object(["description": "the dialect's envelope"])]),
        ]
    }

    /// `name (type, required) summary`, one line each, or "none".
    private static func parameterList(_ parameters: [OperationParameter]) -> String {
        guard !parameters.isEmpty else { return "none" }
        let items = parameters.map { parameter in
            let need = parameter.required ? "required" : "optional"
            return "<li><code>\(escape(parameter.name))</code> (\(escape(parameter.type)), \(need)) "
                + "\(escape(parameter.summary))</li>"
        }
        return "<ul class=\"p\">\(items.joined())</ul>"
    }

    private static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
