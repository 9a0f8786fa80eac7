import { devApiKeys } from '@returns-hub/functions/config';
import { builtInDefinitions } from '@returns-hub/functions/definitions/builtInDefinitions';
import { startBanner } from '../../scripts/startBanner';

/** The built-in org units (the ones the development keys are made from). */
const UNITS = builtInDefinitions().forYear(null).units;

describe('what npm start prints when it is ready', () => {
  const keys = devApiKeys();
  const text = startBanner({
    apiOrigin: 'http://127.0.0.1:7126',
    paneUrl: 'https://localhost:3026/taskpane.html',
    manifestPath: 'addin/dist/manifest.development.xml',
    pageUrl: 'https://localhost:3026/send/',
    devKeys: keys,
  }).join('\n');

  test('the pane, the page and the API, and the exact line to paste for the command line (the API without /api)', () => {
    expect(text).toContain('Task pane (Excel)   https://localhost:3026/taskpane.html');
    expect(text).toContain('Excel manifest      addin/dist/manifest.development.xml');
    expect(text).toContain("Clerks' page        https://localhost:3026/send/");
    expect(text).toContain('API                 http://127.0.0.1:7126/api');
    expect(text.split('\n')).toContain('  export RETURNS_API_URL=http://127.0.0.1:7126 RETURNS_API_KEY=dev-hq');
  });

  test('every kind of development key, each zone by code, and how many units of each kind', () => {
    const zones = Object.values(keys).filter((g) => g.role === 'zone');
    expect(zones.length).toBe(6);
    expect(text).toMatch(/^ {2}dev-hq +headquarters/m);
    expect(text).toMatch(new RegExp(`^ {2}dev-zone-<zone code> +a zone's reviewer: ${zones.map((z) => z.orgUnit).join(', ')} \\(dev-zone-Z-C\\)$`, 'm'));
    expect(text).toMatch(/^ {2}dev-unit-<unit code> +a unit's clerk/m);
    const units = Object.values(keys).filter((g) => g.role === 'unit');
    const count = (kind: string) => units.filter((g) => UNITS.byCode(g.orgUnit!)?.kind === kind).length;
    expect(text).toContain(`${count('district')} districts (dev-unit-1001 พระนคร)`);
    expect(text).toContain(`${count('region')} regions (dev-unit-N ภาคเหนือ)`);
    expect(count('department')).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`${count('department')} departments? \\(dev-unit-`));
    // Every key exists in one of the kinds printed: no role the banner leaves out.
    expect(new Set(Object.values(keys).map((g) => g.role))).toEqual(new Set(['hq', 'zone', 'unit']));
  });

  test('with keys of its own (RETURNS_API_KEYS) and without the pane: no development keys, no pane line, a placeholder key', () => {
    const lines = startBanner({ apiOrigin: 'http://127.0.0.1:7071' });
    expect(lines.join('\n')).not.toMatch(/Task pane|Excel manifest|Clerks' page|dev-hq|Development keys/);
    expect(lines).toContain('  export RETURNS_API_URL=http://127.0.0.1:7071 RETURNS_API_KEY=<your key>');
  });
});
