import ContentService
import ServiceKit

await ServiceMain.run(ContentService.descriptor, routes: ContentService.routes)
