import { app } from '@azure/functions';
import { makeDeps } from './deps';
import { routes } from './routes';

/** Azure Functions entry (`func start`, or deployed): registers every route of the API. */
const deps = makeDeps();
for (const r of routes(deps)) app.http(r.name, { methods: r.methods, authLevel: 'anonymous', route: r.route, handler: r.handler });
