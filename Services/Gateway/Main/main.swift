import GatewayService
import ServiceKit

await ServiceMain.run(GatewayService.descriptor, routes: GatewayService.routes)
