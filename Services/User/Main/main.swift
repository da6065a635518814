import UserService
import ServiceKit

await ServiceMain.run(UserService.descriptor, routes: UserService.routes)
