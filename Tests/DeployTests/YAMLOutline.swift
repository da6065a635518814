import Foundation

/// One entry of a block-style YAML document with the entries nested under it: `key: value`, `key:`
/// or a `- item` (whose `- key: value` form becomes an item holding that mapping). It reads the
/// subset of YAML the deployment files use; anchors, multi-line scalars and flow mappings are not
/// understood.
struct YAMLNode: Sendable, Equatable {
    /// The mapping key; nil for a `- item` entry and for the document itself.
    var key: String?
    /// The unquoted inline value; nil when nothing follows `key:` or `-`.
    var value: String?
    var children: [YAMLNode] = []
    /// 1-based line number in the document (0 for the document node).
    var line: Int

    subscript(key: String) -> YAMLNode? {
        children.first { $0.key == key }
    }

    /// Keys of the nested mapping, in file order.
    var keys: [String] {
        children.compactMap(\.key)
    }

    /// The nested `- item` entries.
    var items: [YAMLNode] {
        children.filter { $0.key == nil }
    }

    /// The inline value read as a flow sequence such as `["CMD", "curl"]`; nil when it is not one.
    var flowSequence: [String]? {
        guard let value, value.hasPrefix("["), value.hasSuffix("]") else {
            return nil
        }
        let inner = value.dropFirst().dropLast()
        if inner.trimmingSpaces().isEmpty {
            return []
        }
        return YAMLOutline.splitOutsideQuotes(String(inner), at: ",").map { YAMLOutline.unquoted($0.trimmingSpaces()) }
    }
}

/// A line that the outline reader cannot place.
struct YAMLOutlineError: Error, CustomStringConvertible {
    let line: Int
    let reason: String

    var description: String { "line \(line): \(reason)" }
}

/// An indentation-based reader for block-style YAML documents.
enum YAMLOutline {
    /// Reads one document; `---` separator lines are not allowed (use `parseDocuments`).
    static func parse(_ text: String) throws -> YAMLNode {
        let entries = try tokenize(text)
        var index = 0
        let children = try block(entries, from: &index, indent: entries.first?.indent ?? 0)
        if index < entries.count {
            throw YAMLOutlineError(line: entries[index].line, reason: "indentation does not match any open block")
        }
        return YAMLNode(key: nil, value: nil, children: children, line: 0)
    }

    /// Reads a stream of documents separated by `---` lines.
    static func parseDocuments(_ text: String) throws -> [YAMLNode] {
        var documents: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingSpaces() == "---" {
                documents.append(current.joined(separator: "\n"))
                // Blank lines keep the line numbers of the next document equal to the file's.
                current = Array(repeating: "", count: current.count + 1)
            } else {
                current.append(line)
            }
        }
        documents.append(current.joined(separator: "\n"))
        return try documents.map(parse).filter { !$0.children.isEmpty }
    }

    private struct Entry {
        var indent: Int
        var line: Int
        var key: String?
        var value: String?
    }

    private static func tokenize(_ text: String) throws -> [Entry] {
        var entries: [Entry] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") {
                continue
            }
            if content.hasPrefix("\t") {
                throw YAMLOutlineError(line: number, reason: "tabs are not allowed in indentation")
            }
            try appendEntries(for: String(content), indent: line.count - content.count, line: number, to: &entries)
        }
        return entries
    }

    private static func appendEntries(for content: String, indent: Int, line: Int, to entries: inout [Entry]) throws {
        if content == "-" || content.hasPrefix("- ") {
            let rest = content.dropFirst().drop { $0 == " " }
            if rest.isEmpty {
                entries.append(Entry(indent: indent, line: line, key: nil, value: nil))
            } else if let (key, value) = keyValue(String(rest)) {
                entries.append(Entry(indent: indent, line: line, key: nil, value: nil))
                let nestedIndent = indent + (content.count - rest.count)
                entries.append(Entry(indent: nestedIndent, line: line, key: key, value: value))
            } else {
                entries.append(Entry(indent: indent, line: line, key: nil, value: unquoted(String(rest))))
            }
            return
        }
        guard let (key, value) = keyValue(content) else {
            throw YAMLOutlineError(line: line, reason: "expected `key: value`, `key:` or `- item`, found `\(content)`")
        }
        entries.append(Entry(indent: indent, line: line, key: key, value: value))
    }

    /// Splits `key: value` at the first colon outside quotes that ends the line or precedes a space.
    private static func keyValue(_ content: String) -> (String, String?)? {
        var quote: Character?
        var index = content.startIndex
        while index < content.endIndex {
            let character = content[index]
            let next = content.index(after: index)
            if let open = quote {
                if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ":" && (next == content.endIndex || content[next] == " ") {
                let key = unquoted(String(content[..<index]).trimmingSpaces())
                let value = String(content[next...]).trimmingSpaces()
                return (key, value.isEmpty ? nil : unquoted(value))
            }
            index = next
        }
        return nil
    }

    private static func block(_ entries: [Entry], from index: inout Int, indent: Int) throws -> [YAMLNode] {
        var nodes: [YAMLNode] = []
        while index < entries.count {
            let entry = entries[index]
            if entry.indent < indent {
                break
            }
            if entry.indent > indent {
                throw YAMLOutlineError(line: entry.line, reason: "unexpected indentation")
            }
            index += 1
            var node = YAMLNode(key: entry.key, value: entry.value, line: entry.line)
            if index < entries.count && entries[index].indent > indent {
                node.children = try block(entries, from: &index, indent: entries[index].indent)
            }
            nodes.append(node)
        }
        return nodes
    }

    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }

    static func splitOutsideQuotes(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open {
                    quote = nil
                }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        trimmingCharacters(in: .whitespaces)
    }
}
