import JSON
import Postgres
import ServiceKit

/// Goods and their products as the admin makes and edits them, in `merchants.goods` and
/// `merchants.products`. An item and its products are written in one transaction and checked against
/// `GoodsRules` as they would stand; a new item starts withdrawn. Once an order has reserved any of its
/// stock, an item's specs and products stay as they are (sending them again unchanged is fine).
struct GoodsEditor: Sendable {
    let database: PostgresPool

    /// A new goods item with its products, each starting stock in the ledger by `actor`; answers its id.
    func create(_ draft: GoodsDraft, catalogue: GoodsCatalogue, actor: String) async throws -> Int64 {
        let specs = draft.specs ?? GoodsSpecs([])
        let products = draft.products ?? []
        try GoodsRules.check(
            GoodsRules.Item(
                catalogue: catalogue, merchantID: draft.merchantID ?? nil, categoryID: draft.categoryID ?? nil,
                startDate: draft.startDate ?? nil, endDate: draft.endDate ?? nil, specs: specs,
                productKeys: products.map(\.specKey)))
        return try await database.transaction { transaction in
            if let merchantID = draft.merchantID ?? nil { try await Self.checkMerchant(merchantID, on: transaction) }
            try await Self.checkSKUs(products, besides: nil, on: transaction)
            let hours = draft.hours ?? nil
            let rows = try await transaction.query(
                """
                INSERT INTO merchants.goods (catalogue, merchant_id, category_id, name, description, buy_info,
                    thumb_url, pic, pic_list, start_date, end_date, opens_at, closes_at, limit_count, specs, sort_order,
                    status)
                VALUES (\(catalogue.rawValue), \(draft.merchantID ?? nil), \(draft.categoryID ?? nil), \(draft.name ?? ""),
                    \(draft.description ?? ""), \(draft.buyInfo ?? ""), \(draft.thumbURL ?? ""), \(draft.pic ?? ""),
                    \(Self.json(draft.picList ?? []))::jsonb, \(draft.startDate ?? nil)::date,
                    \(draft.endDate ?? nil)::date, \(hours?.opens)::time, \(hours?.closes)::time,
                    \(draft.limitCount ?? 0), \(specs.storedJSON)::jsonb, \(draft.sortOrder ?? 0),
                    \(GoodsRecord.withdrawn))
                RETURNING id
                """)
            let id: Int64 = try rows[0].decode("id")
            try await Self.insert(products, of: id, actor: actor, on: transaction)
            return id
        }
    }

    /// Applies `draft` to goods item `id`; false when there is no such item. A product whose stock the
    /// draft changes gets an `adjust` row in the stock ledger by `actor`.
    func update(id: Int64, _ draft: GoodsDraft, actor: String) async throws -> Bool {
        try await database.transaction { transaction in
            let found = try await transaction.query(
                """
                SELECT catalogue, merchant_id, category_id, to_char(start_date, 'YYYY-MM-DD') AS start_date,
                       to_char(end_date, 'YYYY-MM-DD') AS end_date, specs::text AS specs
                  FROM merchants.goods WHERE id = \(id) FOR UPDATE
                """)
            guard let row = found.first else { return false }
            let catalogue = GoodsCatalogue(rawValue: try row.decode("catalogue", as: String.self)) ?? .mall
            if let asked = draft.catalogue, asked != catalogue {
                throw PlainRefusal.invalid("catalogue cannot change: goods item \(id) is in \(catalogue.rawValue)")
            }
            let touchesProducts = draft.specs != nil || draft.products != nil
            let existing = try await transaction.query(
                """
                SELECT id, spec_key, sku, market_price, price, stock FROM merchants.products WHERE goods_id = \(id)
                 ORDER BY id \(unsafeSQL: touchesProducts ? "FOR UPDATE" : "")
                """)
            let storedSpecs = GoodsSpecs(storedJSON: try row.decode("specs", as: String.self)) ?? GoodsSpecs([])
            let storedProducts = try existing.map(Self.product(row:))
            let specs = draft.specs ?? storedSpecs
            let changesProducts =
                specs != storedSpecs || draft.products.map { Set($0) != Set(storedProducts) } ?? false
            if changesProducts {
                let reserved = try await transaction.query(
                    "SELECT 1 FROM merchants.reservations WHERE goods_id = \(id) LIMIT 1")
                guard reserved.isEmpty else {
                    throw PlainRefusal(
                        .invalidState, "goods item \(id) has reservations, so its specs and products cannot change")
                }
            }
            let keys = (draft.products ?? storedProducts).map(\.specKey)
            try GoodsRules.check(
                GoodsRules.Item(
                    catalogue: catalogue, merchantID: try draft.merchantID ?? row.decode("merchant_id"),
                    categoryID: try draft.categoryID ?? row.decode("category_id"),
                    startDate: try draft.startDate ?? row.decode("start_date"),
                    endDate: try draft.endDate ?? row.decode("end_date"), specs: specs, productKeys: keys))
            if let merchantID = draft.merchantID ?? nil { try await Self.checkMerchant(merchantID, on: transaction) }
            try await Self.write(id: id, draft, on: transaction)
            if let products = draft.products, changesProducts {
                try await Self.replace(products, of: id, existing: existing, actor: actor, on: transaction)
            }
            return true
        }
    }

    /// Puts goods item `id` on sale; refused while it has no product.
    func publish(id: Int64) async throws {
        let rows = try await database.query(
            """
            UPDATE merchants.goods g SET status = \(GoodsRecord.onSale), updated_at = now()
             WHERE g.id = \(id) AND EXISTS (SELECT 1 FROM merchants.products p WHERE p.goods_id = g.id)
            RETURNING g.id
            """)
        guard rows.isEmpty else { return }
        guard try await !database.query("SELECT 1 FROM merchants.goods WHERE id = \(id)").isEmpty else {
            throw PlainRefusal.notFound("no goods item with goods_id \(id)")
        }
        throw PlainRefusal(.invalidState, "goods item \(id) has no product, so it cannot go on sale")
    }

    /// Takes goods item `id` off sale.
    func withdraw(id: Int64) async throws {
        let rows = try await database.query(
            """
            UPDATE merchants.goods SET status = \(GoodsRecord.withdrawn), updated_at = now() WHERE id = \(id)
            RETURNING id
            """)
        guard !rows.isEmpty else { throw PlainRefusal.notFound("no goods item with goods_id \(id)") }
    }

    /// Writes the item's own fields that `draft` gives.
    private static func write(id: Int64, _ draft: GoodsDraft, on transaction: PostgresTransaction) async throws {
        let hours = draft.hours ?? nil
        try await transaction.execute(
            """
            UPDATE merchants.goods
               SET merchant_id = CASE WHEN \(draft.merchantID != nil) THEN \(draft.merchantID ?? nil) ELSE merchant_id END,
                   category_id = CASE WHEN \(draft.categoryID != nil) THEN \(draft.categoryID ?? nil) ELSE category_id END,
                   name = COALESCE(\(draft.name), name), description = COALESCE(\(draft.description), description),
                   buy_info = COALESCE(\(draft.buyInfo), buy_info), thumb_url = COALESCE(\(draft.thumbURL), thumb_url),
                   pic = COALESCE(\(draft.pic), pic),
                   pic_list = COALESCE(\(draft.picList.map(Self.json))::jsonb, pic_list),
                   start_date = CASE WHEN \(draft.startDate != nil) THEN \(draft.startDate ?? nil)::date
                                     ELSE start_date END,
                   end_date = CASE WHEN \(draft.endDate != nil) THEN \(draft.endDate ?? nil)::date ELSE end_date END,
                   opens_at = CASE WHEN \(draft.hours != nil) THEN \(hours?.opens)::time ELSE opens_at END,
                   closes_at = CASE WHEN \(draft.hours != nil) THEN \(hours?.closes)::time ELSE closes_at END,
                   limit_count = COALESCE(\(draft.limitCount), limit_count),
                   sort_order = COALESCE(\(draft.sortOrder), sort_order),
                   specs = COALESCE(\(draft.specs?.storedJSON)::jsonb, specs), updated_at = now()
             WHERE id = \(id)
            """)
    }

    /// Makes `products` the products of item `id`: a product keeps its id while its spec key stays,
    /// products of keys that went are removed (with their ledger rows: without reservations those are
    /// only adjustments), new keys get new products.
    private static func replace(
        _ products: [ProductDraft], of id: Int64, existing: PostgresRows, actor: String,
        on transaction: PostgresTransaction
    ) async throws {
        var stored: [String: (id: Int64, stock: Int64)] = [:]
        for row in existing { stored[try row.decode("spec_key")] = (try row.decode("id"), try row.decode("stock")) }
        let kept = Set(products.map(\.specKey))
        let removed = stored.filter { !kept.contains($0.key) }.map { String($0.value.id) }.joined(separator: ",")
        if !removed.isEmpty {
            try await transaction.execute(
                """
                DELETE FROM merchants.stock_ledger
                 WHERE product_id = ANY (string_to_array(\(removed), ',')::bigint[])
                """)
            try await transaction.execute(
                "DELETE FROM merchants.products WHERE id = ANY (string_to_array(\(removed), ',')::bigint[])")
        }
        try await checkSKUs(products, besides: id, on: transaction)
        let changed = products.filter { stored[$0.specKey] != nil }
        if !changed.isEmpty {
            try await transaction.execute(
                """
                WITH given AS (
                    SELECT * FROM jsonb_to_recordset(\(json(changed))::jsonb)
                        AS x(spec_key text, sku text, market_price bigint, price bigint, stock integer)
                ),
                before AS (
                    SELECT p.id, p.stock FROM merchants.products p JOIN given x ON x.spec_key = p.spec_key
                     WHERE p.goods_id = \(id)
                ),
                updated AS (
                    UPDATE merchants.products p
                       SET sku = x.sku, market_price = x.market_price, price = x.price, stock = x.stock,
                           updated_at = now()
                      FROM given x
                     WHERE p.goods_id = \(id) AND p.spec_key = x.spec_key
                    RETURNING p.id, p.stock
                )
                INSERT INTO merchants.stock_ledger (product_id, change, stock_after, kind, reason, actor)
                SELECT u.id, u.stock - b.stock, u.stock, 'adjust', 'stock set by goods.update', \(actor)
                  FROM updated u JOIN before b ON b.id = u.id
                 WHERE u.stock <> b.stock
                """)
        }
        try await insert(products.filter { stored[$0.specKey] == nil }, of: id, actor: actor, on: transaction)
    }

    /// Adds `products` to item `id`, with an `adjust` row in the ledger for each stock they start with.
    private static func insert(
        _ products: [ProductDraft], of id: Int64, actor: String, on transaction: PostgresTransaction
    ) async throws {
        guard !products.isEmpty else { return }
        try await transaction.execute(
            """
            WITH made AS (
                INSERT INTO merchants.products (goods_id, spec_key, sku, market_price, price, stock)
                SELECT \(id), x.spec_key, x.sku, x.market_price, x.price, x.stock
                  FROM jsonb_to_recordset(\(json(products))::jsonb)
                    AS x(spec_key text, sku text, market_price bigint, price bigint, stock integer)
                RETURNING id, stock
            )
            INSERT INTO merchants.stock_ledger (product_id, change, stock_after, kind, reason, actor)
            SELECT id, stock, stock, 'adjust', 'starting stock', \(actor) FROM made WHERE stock > 0
            """)
    }

    /// Refuses a new or changed SKU that a product of another item (or of any item, when `besides` is
    /// nil) already has.
    private static func checkSKUs(
        _ products: [ProductDraft], besides goodsID: Int64?, on transaction: PostgresTransaction
    ) async throws {
        guard !products.isEmpty else { return }
        let skus = products.map(\.sku).joined(separator: ",")
        let taken = try await transaction.query(
            """
            SELECT sku FROM merchants.products
             WHERE sku = ANY (string_to_array(\(skus), ',')) AND goods_id IS DISTINCT FROM \(goodsID)
             LIMIT 1
            """)
        if let row = taken.first {
            throw PlainRefusal(
                .alreadyExists, "sku \(try row.decode("sku", as: String.self)) is already used by another product")
        }
    }

    private static func checkMerchant(_ id: Int64, on transaction: PostgresTransaction) async throws {
        guard try await !transaction.query("SELECT 1 FROM merchants.merchants WHERE id = \(id)").isEmpty else {
            throw PlainRefusal.notFound("no merchant with merchant_id \(id)")
        }
    }

    private static func product(row: PostgresRow) throws -> ProductDraft {
        ProductDraft(
            specKey: try row.decode("spec_key"), sku: try row.decode("sku"),
            marketPrice: try row.decode("market_price"),
            price: try row.decode("price"), stock: try row.decode("stock"))
    }

    private static func json(_ texts: [String]) -> String { JSONValue.array(texts.map(JSONValue.string)).serialized() }

    private static func json(_ products: [ProductDraft]) -> String {
        JSONValue.array(
            products.map {
                .object([
                    "spec_key": .string($0.specKey), "sku": .string($0.sku),
                    "market_price": .number(JSONNumber($0.marketPrice)), "price": .number(JSONNumber($0.price)),
                    "stock": .number(JSONNumber($0.stock)),
                ])
            }
        ).serialized()
    }
}
