import JSON
import ServiceKit

/// Reads a goods item's `specs` and `products` from an admin body.
///
/// `specs` is `[{"name":"颜色","values":["红色","黑色"]}]`: at most 3 specs with distinct names, each with
/// 1 to 20 distinct values (`GoodsSpecs.isValidPart`); `[]` for a single-product item. `products` holds
/// one product per spec combination, each named by `spec_key` (`颜色:::红色|||尺码:::L`) or by `spec`
/// (`{"颜色":"红色","尺码":"L"}`), neither for the single product, with `sku` (1 to 64 letters, digits,
/// `_`, `.` or `-`), `price`, `market_price` (the price when left out) and `stock`. Prices are yuan
/// (`"12.50"`, read as fen) in the voucher and mall catalogues and whole gold coins in the points mall.
enum SpecsInput {
    static let maximumStock: Int64 = 100_000_000
    static let maximumCoins: Int64 = 1_000_000_000
    static let partRule = "须为 1 到 20 个字符，不含 : 和 |"

    /// The specs sent; nil when `specs` is not sent.
    static func specs(_ input: Parameters) throws -> GoodsSpecs? {
        guard let value = input.values["specs"], !value.isNull else { return nil }
        if value == .string("") { return GoodsSpecs([]) }
        guard case .array(let items) = value else {
            throw InputProblem("specs", .malformed("须为 [{\"name\":…,\"values\":[…]}] 形式的列表"))
        }
        guard items.count <= GoodsSpecs.maximumSpecs else {
            throw InputProblem("specs", .malformed("至多 \(GoodsSpecs.maximumSpecs) 个规格"))
        }
        var specs: [GoodsSpecs.Spec] = []
        for (index, item) in items.enumerated() {
            let place = "specs[\(index)]"
            guard case .object(let object) = item else {
                throw InputProblem(place, .malformed("须为 {\"name\":…,\"values\":[…]}"))
            }
            let name = try part(object["name"], "\(place).name")
            guard !specs.contains(where: { $0.name == name }) else {
                throw InputProblem("\(place).name", .malformed("与另一个规格重名"))
            }
            guard case .array(let values)? = object["values"], !values.isEmpty else {
                throw InputProblem("\(place).values", .missing)
            }
            guard values.count <= GoodsSpecs.maximumValues else {
                throw InputProblem("\(place).values", .malformed("至多 \(GoodsSpecs.maximumValues) 个值"))
            }
            var texts: [String] = []
            for (position, value) in values.enumerated() {
                let text = try part(value, "\(place).values[\(position)]")
                guard !texts.contains(text) else {
                    throw InputProblem("\(place).values[\(position)]", .malformed("与同一规格的另一个值重复"))
                }
                texts.append(text)
            }
            specs.append(GoodsSpecs.Spec(name: name, values: texts))
        }
        return GoodsSpecs(specs)
    }

    /// The products sent for an item with `specs` in `catalogue`; nil when `products` is not sent.
    static func products(
        _ input: Parameters, specs: GoodsSpecs, catalogue: GoodsCatalogue
    ) throws -> [ProductDraft]? {
        guard let value = input.values["products"], !value.isNull else { return nil }
        guard case .array(let items) = value, !items.isEmpty else {
            throw InputProblem("products", .malformed("须为非空的商品（SKU）列表"))
        }
        var products: [ProductDraft] = []
        var keys: [String: Int] = [:]
        var skus: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let place = "products[\(index)]"
            guard case .object(let object) = item else { throw InputProblem(place, .malformed("须为对象")) }
            let product = try NestedInput.read(place) {
                try Self.product(Parameters(object), specs: specs, catalogue: catalogue)
            }
            if let earlier = keys[product.specKey] {
                throw InputProblem("\(place).spec_key", .malformed("与 products[\(earlier)] 是同一规格组合"))
            }
            if let earlier = skus[product.sku] {
                throw InputProblem("\(place).sku", .malformed("与 products[\(earlier)] 的 sku 相同"))
            }
            keys[product.specKey] = index
            skus[product.sku] = index
            products.append(product)
        }
        return products
    }

    private static func product(
        _ input: Parameters, specs: GoodsSpecs, catalogue: GoodsCatalogue
    ) throws -> ProductDraft {
        let key = try specKey(input, specs: specs)
        let sku = try input.required("sku", maxLength: 64)
        let skuBytes = sku.utf8.allSatisfy { byte in
            Parameters.isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        guard skuBytes else { throw InputProblem("sku", .malformed("须为 1 到 64 个字母、数字、_、. 或 -")) }
        guard let price = try amount(input, "price", catalogue) else { throw InputProblem("price", .missing) }
        let marketPrice = try amount(input, "market_price", catalogue) ?? price
        let stock = try input.requiredInteger("stock", in: 0...maximumStock)
        return ProductDraft(specKey: key, sku: sku, marketPrice: marketPrice, price: price, stock: stock)
    }

    private static func amount(_ input: Parameters, _ key: String, _ catalogue: GoodsCatalogue) throws -> Int64? {
        catalogue == .points ? try input.integer(key, in: 0...maximumCoins) : try input.fen(key)
    }

    /// The spec key of a product: `spec_key` as written, or built from `spec` in the specs' order.
    private static func specKey(_ input: Parameters, specs: GoodsSpecs) throws -> String {
        let written = try input.text("spec_key", maxLength: 500)
        var built: String?
        if let value = input.values["spec"], !value.isNull {
            guard case .object(let choices) = value else {
                throw InputProblem("spec", .malformed("须为 {\"规格名\":\"值\"} 形式的对象"))
            }
            built = try key(choosing: choices, specs: specs)
        }
        if let written, let built, written != built {
            throw InputProblem("spec_key", .malformed("与 spec 所选的规格不一致"))
        }
        let key = written ?? built ?? ""
        guard specs.choices(of: key) != nil else {
            let example = specs.allKeys.first ?? ""
            throw InputProblem(
                written == nil && built != nil ? "spec" : "spec_key",
                specs.isSingle ? .malformed("该商品没有规格，须省略") : .malformed("须为各规格各取一值，如 \(example)"))
        }
        return key
    }

    /// The key of the values `choices` picks: one value of every spec, nothing else.
    private static func key(choosing choices: JSONObject, specs: GoodsSpecs) throws -> String {
        if let stray = choices.keys.first(where: { name in !specs.specs.contains { $0.name == name } }) {
            throw InputProblem("spec.\(stray)", .malformed("不是该商品的规格"))
        }
        return try specs.specs.map { spec in
            guard let value = choices[spec.name]?.stringValue?.trimmingWhitespace, !value.isEmpty else {
                throw InputProblem("spec.\(spec.name)", .missing)
            }
            guard spec.values.contains(value) else {
                throw InputProblem("spec.\(spec.name)", .malformed("须为 \(spec.values.joined(separator: "、")) 之一"))
            }
            return spec.name + GoodsSpecs.nameValueSeparator + value
        }.joined(separator: GoodsSpecs.specSeparator)
    }

    /// A spec name or value: text (or a number) that `GoodsSpecs.isValidPart` accepts, without control
    /// characters.
    private static func part(_ value: JSONValue?, _ field: String) throws -> String {
        guard let value, !value.isNull else { throw InputProblem(field, .missing) }
        guard let raw = value.stringValue ?? value.numberValue?.text else { throw InputProblem(field, .notScalar) }
        let text = raw.trimmingWhitespace
        guard !text.isEmpty else { throw InputProblem(field, .missing) }
        guard GoodsSpecs.isValidPart(text),
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw InputProblem(field, .malformed(partRule)) }
        return text
    }
}
