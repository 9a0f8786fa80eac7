import type { Deps } from './http/endpoint';
import type { Route } from './routes';
import * as r from './handlers/reviewHandlers';

const RETURN = 'returns/{form}/{fy}/{period}/{orgUnit}';

/** Headquarters' review of returns: status, accept / send back / reopen, bulk accept, history, lock exceptions. */
export function reviewRoutes(deps: Deps): Route[] {
  return [
    { name: 'whoAmI', methods: ['GET', 'OPTIONS'], route: 'me', handler: r.whoAmI(deps) },
    { name: 'reviewList', methods: ['GET', 'OPTIONS'], route: 'reviews', handler: r.reviewList(deps) },
    { name: 'bulkAccept', methods: ['POST', 'OPTIONS'], route: 'reviews/accept', handler: r.bulkAcceptRoute(deps) },
    { name: 'reviewOfReturn', methods: ['GET', 'OPTIONS'], route: `${RETURN}/review`, handler: r.reviewGet(deps) },
    { name: 'historyOfReturn', methods: ['GET', 'OPTIONS'], route: `${RETURN}/history`, handler: r.history(deps) },
    { name: 'acceptReturn', methods: ['POST', 'OPTIONS'], route: `${RETURN}/accept`, handler: r.reviewAction(deps, 'accept') },
    { name: 'sendBackReturn', methods: ['POST', 'OPTIONS'], route: `${RETURN}/send-back`, handler: r.reviewAction(deps, 'send_back') },
    { name: 'reopenReturn', methods: ['POST', 'OPTIONS'], route: `${RETURN}/reopen`, handler: r.reviewAction(deps, 'reopen') },
    { name: 'grantException', methods: ['POST', 'OPTIONS'], route: 'exceptions', handler: r.exceptionGrant(deps) },
    { name: 'listExceptions', methods: ['GET'], route: 'exceptions', handler: r.exceptionList(deps) },
  ];
}
