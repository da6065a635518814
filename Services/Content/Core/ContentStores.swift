import Postgres

/// Everything the dialect adapters, the internal operations and the admin operations work with: the
/// settings, the region data, the read cache and one store per kind of content.
struct ContentStores: Sendable {
    let settings: ContentSettings
    let regions: RegionData
    let cache: ReadCache
    let ads: Ads
    let categories: Categories
    let links: Links
    let notices: Notices
    let messages: Messages
    let news: News
    let versions: Versions
    let config: AppConfigStore
    let files: FileStore
    let publications: Publications

    init(database: PostgresPool, settings: ContentSettings, regions: RegionData) {
        self.settings = settings
        self.regions = regions
        cache = ReadCache(lifetime: settings.cacheLifetime)
        ads = Ads(database: database)
        categories = Categories(database: database)
        links = Links(database: database)
        notices = Notices(database: database)
        messages = Messages(database: database)
        news = News(database: database)
        versions = Versions(database: database)
        config = AppConfigStore(database: database)
        files = FileStore(database: database, folder: settings.filesDirectory, maxBytes: settings.maxUploadBytes)
        publications = Publications(database: database)
    }
}
