import ExchangeService
import ServiceKit

await ServiceMain.run(ExchangeService.descriptor, routes: ExchangeService.routes)
