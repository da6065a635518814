import ServiceKit
import UserService

await ServiceMain.run(UserService.descriptor, routes: UserService.routes)
