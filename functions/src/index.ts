import { app } from '@azure/functions';
import { loadConfig } from './config';
import { makeDeps } from './deps';
import { routes } from './routes';
import { startTelemetry } from './telemetry/startTelemetry';
import { REPAIR_SCHEDULE, repairTimer } from './admin/repairTimer';

/**
 * Azure Functions entry (`func start`, or deployed): reads the configuration once and
 * registers every route of the API, and the repair's timer. A configuration that fails (in Azure without Entra
 * settings, a malformed setting) stops the worker before anything is served: one log line says why.
 */
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(`returns-hub refuses to start: ${loaded.errors.join('; ')}`);
  process.exit(1);
} else {
  startTelemetry(loaded.config.appInsightsConnectionString);
  const deps = makeDeps(loaded.config);
  for (const r of routes(deps)) app.http(r.name, { methods: r.methods, authLevel: 'anonymous', route: r.route, handler: r.handler });
  app.timer('repair', { schedule: REPAIR_SCHEDULE, handler: repairTimer(deps) });
}
