import AuthService
import ServiceKit

await ServiceMain.run(AuthService.descriptor, routes: AuthService.routes)
