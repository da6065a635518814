import Postgres
import ServiceKit

/// Everything the merchants service's operations read and write, over one database pool.
struct MerchantsStores: Sendable {
    let settings: MerchantsSettings
    let centres: OperationCentres
    let categories: MerchantCategories
    let merchants: MerchantDirectory
    let goods: GoodsCatalog
    let stock: StockKeeper
    /// The admin's view and edits of merchants, goods and the stock ledger.
    let registry: MerchantRegistry
    let editor: GoodsEditor
    let ledger: StockLedger
    /// The accounts that work for merchants.
    let staff: MerchantStaffDirectory
    let mesh: MeshClient

    init(database: PostgresPool, settings: MerchantsSettings, mesh: MeshClient) {
        self.settings = settings
        centres = OperationCentres(database: database)
        categories = MerchantCategories(database: database)
        merchants = MerchantDirectory(database: database)
        goods = GoodsCatalog(database: database)
        stock = StockKeeper(
            database: database, idempotency: IdempotencyStore(table: "merchants.idempotency_replies"))
        registry = MerchantRegistry(database: database)
        editor = GoodsEditor(database: database)
        ledger = StockLedger(database: database)
        staff = MerchantStaffDirectory(database: database)
        self.mesh = mesh
    }

    /// What this service asks the content service.
    var content: ContentLookups { ContentLookups(mesh: mesh) }

    /// `url` as clients load it.
    func imageURL(_ url: String) -> String {
        url.isEmpty ? "" : settings.publicBase.absolute(url)
    }
}
