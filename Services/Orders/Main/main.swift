import OrdersService
import ServiceKit

await ServiceMain.run(OrdersService.descriptor, routes: OrdersService.routes)
