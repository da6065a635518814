import Postgres
import ServiceKit

/// Merchants in `merchants.merchants` as the admin sees and edits them, whatever their review and
/// status: new merchants wait for review (`pending`) and clients see them once approved and open.
struct MerchantRegistry: Sendable {
    let database: PostgresPool

    /// Merchant `id`; nil when there is none.
    func find(id: Int64) async throws -> MerchantRecord? {
        try await database.query(
            "SELECT \(unsafeSQL: MerchantRecord.columns) FROM \(unsafeSQL: MerchantRecord.joins) WHERE m.id = \(id)"
        )
        .first.map { try MerchantRecord(row: $0) }
    }

    /// One page of the merchants `filter` keeps, newest first, and how many it keeps in all.
    func page(_ filter: MerchantFilter, _ page: PageRequest) async throws -> (merchants: [MerchantRecord], total: Int) {
        let rows = try await database.query(
            """
            WITH found AS (
                SELECT m.id FROM merchants.merchants m
                 WHERE (\(filter.approval?.rawValue)::text IS NULL OR m.approval = \(filter.approval?.rawValue))
                   AND (\(filter.status)::bigint IS NULL OR m.status = \(filter.status))
                   AND (\(filter.operID)::bigint IS NULL OR m.oper_id = \(filter.operID))
                   AND (\(filter.categoryID)::bigint IS NULL OR m.category_id = \(filter.categoryID))
                   AND (\(filter.keyword)::text IS NULL OR strpos(lower(m.name), lower(\(filter.keyword))) > 0
                        OR strpos(lower(m.brand), lower(\(filter.keyword))) > 0)
            ),
            page AS (SELECT id FROM found ORDER BY id DESC LIMIT \(page.size) OFFSET \(page.offset))
            SELECT t.total, \(unsafeSQL: MerchantRecord.columns)
              FROM (SELECT count(*) AS total FROM found) t
              LEFT JOIN page ON true
              LEFT JOIN \(unsafeSQL: MerchantRecord.joins) ON m.id = page.id
             ORDER BY page.id DESC
            """)
        let total = try rows.first?.decode("total", as: Int64.self) ?? 0
        let merchants = try rows.filter { try $0.decode("id", as: Int64?.self) != nil }.map {
            try MerchantRecord(row: $0)
        }
        return (merchants, Int(total))
    }

    /// A new merchant, pending review; every field the table requires must be in `draft`.
    func create(_ draft: MerchantDraft) async throws -> MerchantRecord {
        let hours = draft.hours ?? BusinessHours(opens: "00:00:00", closes: "23:59:59")
        let rows = try await database.query(
            """
            INSERT INTO merchants.merchants (oper_id, category_id, name, brand, region, address, province,
                province_id, city, city_id, area, area_id, lng, lat, opens_at, closes_at, logo, desc_pic,
                description, contacter, contacter_phone, lowest_amount, weight)
            VALUES (\(draft.operID), \(draft.categoryID), \(draft.name ?? ""), \(draft.brand ?? ""),
                \(draft.region ?? 1), \(draft.address ?? ""), \(draft.place?.province.name ?? ""),
                \(draft.place?.province.code ?? ""), \(draft.place?.city.name ?? ""), \(draft.place?.city.code ?? ""),
                \(draft.place?.county.name ?? ""), \(draft.place?.county.code ?? ""), \(draft.longitude)::numeric,
                \(draft.latitude)::numeric, \(hours.opens)::time, \(hours.closes)::time, \(draft.logo ?? ""),
                \(draft.descriptionPicture ?? ""), \(draft.description ?? ""), \(draft.contacter ?? ""),
                \(draft.contacterPhone ?? ""), \(draft.lowestAmount ?? 0), \(draft.weight ?? 0))
            RETURNING id
            """)
        let id: Int64 = try rows[0].decode("id")
        guard let merchant = try await find(id: id) else { throw PlainRefusal.notFound("no merchant \(id)") }
        return merchant
    }

    /// Applies the given fields of `draft` to merchant `id`; nil when there is no such merchant. New
    /// coordinates come with their `place`.
    func update(id: Int64, _ draft: MerchantDraft) async throws -> MerchantRecord? {
        let place = draft.place
        let updated = try await database.query(
            """
            UPDATE merchants.merchants
               SET oper_id = COALESCE(\(draft.operID), oper_id), category_id = COALESCE(\(draft.categoryID), category_id),
                   name = COALESCE(\(draft.name), name), brand = COALESCE(\(draft.brand), brand),
                   region = COALESCE(\(draft.region), region), address = COALESCE(\(draft.address), address),
                   province = COALESCE(\(place?.province.name), province),
                   province_id = COALESCE(\(place?.province.code), province_id),
                   city = COALESCE(\(place?.city.name), city), city_id = COALESCE(\(place?.city.code), city_id),
                   area = COALESCE(\(place?.county.name), area), area_id = COALESCE(\(place?.county.code), area_id),
                   lng = COALESCE(\(draft.longitude)::numeric, lng), lat = COALESCE(\(draft.latitude)::numeric, lat),
                   opens_at = COALESCE(\(draft.hours?.opens)::time, opens_at),
                   closes_at = COALESCE(\(draft.hours?.closes)::time, closes_at),
                   logo = COALESCE(\(draft.logo), logo), desc_pic = COALESCE(\(draft.descriptionPicture), desc_pic),
                   description = COALESCE(\(draft.description), description),
                   contacter = COALESCE(\(draft.contacter), contacter),
                   contacter_phone = COALESCE(\(draft.contacterPhone), contacter_phone),
                   lowest_amount = COALESCE(\(draft.lowestAmount), lowest_amount),
                   weight = COALESCE(\(draft.weight), weight), updated_at = now()
             WHERE id = \(id)
            RETURNING id
            """)
        guard !updated.isEmpty else { return nil }
        return try await find(id: id)
    }

    /// Moves merchant `id` to `approval` when it stands in one of `from`. Nil when there is no such
    /// merchant; the merchant as it stands (unchanged) when its review is elsewhere.
    func review(
        id: Int64, to approval: MerchantApproval, from: [MerchantApproval]
    ) async throws -> (
        merchant: MerchantRecord, changed: Bool
    )? {
        let allowed = from.map(\.rawValue).joined(separator: ",")
        let changed = try await database.query(
            """
            UPDATE merchants.merchants SET approval = \(approval.rawValue), updated_at = now()
             WHERE id = \(id) AND approval = ANY (string_to_array(\(allowed), ','))
            RETURNING id
            """)
        return try await find(id: id).map { ($0, !changed.isEmpty) }
    }

    /// Opens (1) or suspends (2) merchant `id` when it is not so already. Nil when there is no such
    /// merchant; `changed` false when it already was.
    func setStatus(id: Int64, _ status: Int64) async throws -> (merchant: MerchantRecord, changed: Bool)? {
        let changed = try await database.query(
            """
            UPDATE merchants.merchants SET status = \(status), updated_at = now()
             WHERE id = \(id) AND status <> \(status)
            RETURNING id
            """)
        return try await find(id: id).map { ($0, !changed.isEmpty) }
    }
}
