import Postgres

/// The listed merchants as clients find them (approved and open), in `merchants.merchants`.
///
/// The nearby search is two steps on the partial GiST index of `geo`: the box that holds the circle
/// narrows the rows by index, the great-circle distance keeps those inside the circle and orders
/// them. The work grows with the merchants near the point, not with the table. The distance is taken
/// from `geo`'s two doubles, not from the `numeric` columns: each `numeric` to `double precision`
/// conversion goes through text, three per row in the box (at 100,000 merchants that was about 30%
/// of the query's time, bench/merchants.sh); a search by distance reads only `id` and `geo` of the rows in
/// the box, so an index that also held `id` could answer it without the table.
struct MerchantDirectory: Sendable {
    let database: PostgresPool

    /// One page of the merchants `search` finds, and how many it finds in all.
    func search(_ search: MerchantSearch) async throws -> (merchants: [MerchantRecord], total: Int) {
        var sql = SQLText()
        let here = search.point.map { sql.point($0) }
        var conditions = ["m.approval = 'approved'", "m.status = 1"]
        if let point = search.point, let radius = search.radiusMetres {
            let box = MerchantSearch.boundingBox(around: point, radius: radius)
            conditions.append(
                "m.geo <@ box(point(\(sql.bind(point.longitude - box.longitude)), \(sql.bind(point.latitude - box.latitude))), "
                    + "point(\(sql.bind(point.longitude + box.longitude)), \(sql.bind(point.latitude + box.latitude))))"
            )
        }
        if let city = search.cityID { conditions.append("m.city_id = \(sql.bind(city))") }
        if let keyword = search.keyword {
            let bound = sql.bind(keyword)
            conditions.append(
                "(strpos(lower(m.name), lower(\(bound))) > 0 OR strpos(lower(m.brand), lower(\(bound))) > 0)")
        }
        if let category = search.categoryID {
            let bound = sql.bind(category)
            conditions.append(
                """
                m.category_id IN (SELECT k.id FROM merchants.merchant_categories k
                                   WHERE k.status = 1 AND (k.id = \(bound) OR k.parent_id = \(bound)))
                """)
        }
        let distance = here.map { Self.distance(from: $0) } ?? "NULL::bigint"
        var within = ""
        var keys = "m.id, m.weight"
        var order = (inner: "weight DESC, id DESC", outer: "page.weight DESC, page.id DESC")
        if search.point != nil, let radius = search.radiusMetres {
            within = "WHERE distance <= \(sql.bind(radius))"
            keys = "m.id"
            order = ("distance, id", "page.distance, page.id")
        }
        let limit = sql.bind(Int64(search.pageSize))
        let offset = sql.bind(Int64(search.offset))
        let rows = try await database.query(
            PostgresQuery(
                unsafeSQL: """
                    WITH found AS (
                        SELECT \(keys), \(distance) AS distance
                          FROM merchants.merchants m
                         WHERE \(conditions.joined(separator: "\n   AND "))
                    ),
                    within AS (SELECT * FROM found \(within)),
                    page AS (SELECT * FROM within ORDER BY \(order.inner) LIMIT \(limit) OFFSET \(offset))
                    SELECT t.total, \(MerchantRecord.columns), page.distance
                      FROM (SELECT count(*) AS total FROM within) t
                      LEFT JOIN page ON true
                      LEFT JOIN \(MerchantRecord.joins) ON m.id = page.id
                     ORDER BY \(order.outer)
                    """, binds: sql.binds))
        let total = try rows.first?.decode("total", as: Int64.self) ?? 0
        let merchants = try rows.filter { try $0.decode("id", as: Int64?.self) != nil }.map {
            try MerchantRecord(row: $0, hasDistance: search.point != nil)
        }
        return (merchants, Int(total))
    }

    /// The listed merchant `id`, with its distance from `point` when one is given; nil when there is no
    /// such merchant or it is not listed.
    func listed(id: Int64, from point: MerchantSearch.Point?) async throws -> MerchantRecord? {
        var sql = SQLText()
        let here = point.map { sql.point($0) }
        let distance = here.map { Self.distance(from: $0) } ?? "NULL::bigint"
        let rows = try await database.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(MerchantRecord.columns), \(distance) AS distance
                      FROM \(MerchantRecord.joins)
                     WHERE m.id = \(sql.bind(id)) AND m.approval = 'approved' AND m.status = 1
                    """, binds: sql.binds))
        return try rows.first.map { try MerchantRecord(row: $0, hasDistance: point != nil) }
    }

    /// The great-circle distance in whole metres from the bound point to merchant `m` (haversine), from
    /// `m.geo` (`geo[0]` the longitude, `geo[1]` the latitude, the same doubles as `lng` and `lat`).
    private static func distance(from here: (longitude: String, latitude: String)) -> String {
        """
        round(\(MerchantSearch.earthRadiusMetres) * 2 * asin(least(1, sqrt(
            power(sin(radians(m.geo[1] - \(here.latitude)) / 2), 2)
            + cos(radians(\(here.latitude))) * cos(radians(m.geo[1]))
              * power(sin(radians(m.geo[0] - \(here.longitude)) / 2), 2)))))::bigint
        """
    }
}
