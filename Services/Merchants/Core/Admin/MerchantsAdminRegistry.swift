import ServiceKit

/// Registers the merchants service's admin operations (`/admin/api/merchants/{operation}` on the
/// gateway): operations centres, merchant categories, merchants, goods with their products, stock, and
/// merchants' staff.
enum MerchantsAdminRegistry {
    static func handlers(stores: MerchantsStores) -> AdminHandlers {
        var handlers = AdminHandlers()
        CentresAdmin(stores: stores).register(on: &handlers)
        CategoriesAdmin(stores: stores).register(on: &handlers)
        MerchantsAdmin(stores: stores).register(on: &handlers)
        GoodsAdmin(stores: stores).register(on: &handlers)
        StockAdmin(stores: stores).register(on: &handlers)
        StaffAdmin(staff: stores.staff).register(on: &handlers)
        return handlers
    }
}
