import type { HttpHandler } from '@azure/functions';
import type { Deps } from './http/endpoint';
import * as h from './handlers/returnsHandlers';
import { exportData } from './handlers/exportHandler';
import { rebuildTalliesRoute } from './handlers/adminHandlers';
import * as r from './handlers/reviewHandlers';
import * as d from './handlers/definitionHandlers';
import { reviewRoutes } from './reviewRoutes';
import { odataResource, odataService } from './odata/odataHandler';

export interface Route {
  name: string;
  methods: ('GET' | 'POST' | 'OPTIONS')[];
  /** Azure Functions route template, under the `api/` prefix. */
  route: string;
  handler: HttpHandler;
}

/** The API: one table, registered with Azure Functions (`index.ts`) and served by the local host alike. */
export function routes(deps: Deps): Route[] {
  return [
    { name: 'submitReturns', methods: ['POST', 'OPTIONS'], route: 'returns', handler: h.submit(deps) },
    { name: 'listReturns', methods: ['GET'], route: 'returns', handler: h.list(deps) },
    { name: 'getReturn', methods: ['GET', 'OPTIONS'], route: 'returns/{form}/{fy}/{period}/{orgUnit}', handler: h.getOne(deps) },
    { name: 'tallies', methods: ['GET', 'OPTIONS'], route: 'tallies', handler: h.tally(deps) },
    { name: 'completeness', methods: ['GET', 'OPTIONS'], route: 'completeness', handler: r.completeness(deps) },
    ...reviewRoutes(deps),
    { name: 'forms', methods: ['GET', 'OPTIONS'], route: 'forms', handler: h.forms(deps) },
    { name: 'orgUnits', methods: ['GET', 'OPTIONS'], route: 'org-units', handler: h.orgUnits(deps) },
    { name: 'definitions', methods: ['GET', 'OPTIONS'], route: 'definitions', handler: d.definitionsOfYear(deps) },
    { name: 'definitionVersions', methods: ['GET', 'OPTIONS'], route: 'definition-versions', handler: d.definitionVersions(deps) },
    { name: 'publishedDefinitions', methods: ['GET', 'OPTIONS'], route: 'published-definitions', handler: d.publishedDefinitions(deps) },
    { name: 'definition', methods: ['GET', 'OPTIONS'], route: 'definitions/{id}', handler: d.definitionOf(deps) },
    { name: 'publishDefinition', methods: ['POST'], route: 'definitions/{id}', handler: d.publish(deps) },
    { name: 'exports', methods: ['GET', 'OPTIONS'], route: 'exports/{kind}', handler: exportData(deps) },
    { name: 'rebuildTallies', methods: ['POST'], route: 'admin/rebuild-tallies', handler: rebuildTalliesRoute(deps) },
    { name: 'odataService', methods: ['GET', 'OPTIONS'], route: 'odata', handler: odataService(deps) },
    { name: 'odataResource', methods: ['GET', 'OPTIONS'], route: 'odata/{resource}', handler: odataResource(deps) },
  ];
}
