import type { KeyGrant } from '@returns-hub/functions/config';
import { builtInDefinitions } from '@returns-hub/functions/definitions/builtInDefinitions';
import type { OrgUnitKind } from '@returns-hub/shared/orgUnits/orgUnit';

/** The built-in org units (the ones the development keys are made from). */
const UNITS = builtInDefinitions().forYear(null).units;

/** What `npm start` has started, for the lines it prints once everything is up. */
export interface StartedProduct {
  /** The API's origin, without `/api` (what the CLI and the pane's Settings take). */
  apiOrigin: string;
  /** The task pane's address, when it is served (not with `--api-only`). */
  paneUrl?: string;
  /** The development manifest for the pane's port, to sideload into Excel (a path from the repository's root). */
  manifestPath?: string;
  /** The clerks' web page, when it is served. */
  pageUrl?: string;
  /** The development keys, when they exist (development, no RETURNS_API_KEYS). */
  devKeys?: Record<string, KeyGrant>;
}

const UNIT_KINDS: Partial<Record<OrgUnitKind, [one: string, many: string]>> = {
  district: ['district', 'districts'],
  region: ['region', 'regions'],
  department: ['department', 'departments'],
};

/** Key patterns in one column, what they are in the next. */
const entry = (key: string, what: string) => `  ${key.padEnd(22)} ${what}`;

/** The kinds of development key, one entry each: the pattern, who it is, how many and an example. */
function keyLines(keys: Record<string, KeyGrant>): string[] {
  const grants = Object.entries(keys);
  const unitOf = (g: KeyGrant) => UNITS.byCode(g.orgUnit ?? '');
  const zones = grants.filter(([, g]) => g.role === 'zone');
  const units = grants.filter(([, g]) => g.role === 'unit');
  const byKind = Object.entries(UNIT_KINDS).flatMap(([kind, [one, many]]) => {
    const ofKind = units.filter(([, g]) => unitOf(g)?.kind === kind);
    if (!ofKind.length) return [];
    const [key, grant] = ofKind[0];
    return [`${ofKind.length} ${ofKind.length === 1 ? one : many} (${key} ${unitOf(grant)?.name_th ?? ''})`];
  });
  return [
    ...grants.filter(([, g]) => g.role === 'hq').map(([k]) => entry(k, 'headquarters: reads and reviews every unit')),
    ...(zones.length ? [entry('dev-zone-<zone code>', `a zone's reviewer: ${zones.map(([, g]) => g.orgUnit).join(', ')} (${zones[0][0]})`)] : []),
    ...(units.length ? [entry('dev-unit-<unit code>', "a unit's clerk, one key per unit:"), ...byKind.map((k) => entry('', k))] : []),
  ];
}

/**
 * The lines `npm start` prints when it is ready: where the pane, the clerks' page and the API
 * are, the exact line to paste for the command line, and every kind of development key.
 */
export function startBanner(s: StartedProduct): string[] {
  const key = s.devKeys && 'dev-hq' in s.devKeys ? 'dev-hq' : '<your key>';
  return [
    '',
    ...(s.paneUrl ? [`  Task pane (Excel)   ${s.paneUrl}`] : []),
    ...(s.manifestPath ? [`  Excel manifest      ${s.manifestPath}`] : []),
    ...(s.pageUrl ? [`  Clerks' page        ${s.pageUrl}`] : []),
    `  API                 ${s.apiOrigin}/api`,
    '',
    'For the command line (`npx returns …`), paste this in the terminal you use it from:',
    `  export RETURNS_API_URL=${s.apiOrigin} RETURNS_API_KEY=${key}`,
    ...(s.devKeys ? ['', "Development keys (only while RETURNS_ENV=development; never in Azure), for the pane's Settings or RETURNS_API_KEY:", ...keyLines(s.devKeys)] : []),
    '',
  ];
}
