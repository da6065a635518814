import JSON
import Mesh
import ServiceKit

/// The region list of the mobile mall (document 004, `area/list`): `pcode` 1 lists the provinces, a
/// province's code its cities, a city's code its counties (without `pcode`, the provinces). Each item is
/// `{"code","name","pcode"}`.
struct MobileAreaOperations: Sendable {
    /// The `pcode` that asks for the provinces.
    static let provincesCode = "1"

    let regions: RegionData

    func register(on handlers: inout OperationHandlers) {
        let regions = self.regions
        handlers.on(.mobile, "area/list") { call in
            let code = call.mesh.parameters["pcode"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? Self.provincesCode
            let catalog = regions.catalog
            let list: [Region]
            if code == Self.provincesCode {
                list = catalog.provinces
            } else {
                guard code.utf8.count == 6, catalog.region(code) != nil else {
                    throw PlainRefusal.notFound("pcode \(code.prefix(12)) 不是已知的行政区划编码")
                }
                list = catalog.children(of: code)
            }
            return .ok(
                .array(
                    list.map { region in
                        .object([
                            "code": .string(region.code), "name": .string(region.name),
                            "pcode": .string(region.parentCode ?? Self.provincesCode),
                        ])
                    }))
        }
    }
}
