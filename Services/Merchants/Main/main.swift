import MerchantsService
import ServiceKit

await ServiceMain.run(MerchantsService.descriptor, routes: MerchantsService.routes)
