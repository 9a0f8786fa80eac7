import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The production telemetry path on this Node: the Azure Monitor distro, started by
 * `startTelemetry` from a connection string, delivers spans to the ingestion endpoint the
 * string names (a loopback HTTPS server standing in for Application Insights, in a process of
 * its own so that turning certificate checks off touches nothing else).
 */
test('with a connection string, spans reach the Application Insights ingestion endpoint it names', () => {
  const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', resolve(__dirname, '../support/tls/exportOneSpan.ts'), 'returns.probe-span'], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED_ALL: 'true', // the distro's usage reports would go to Azure: only 127.0.0.1 here
      OTEL_TRACES_SAMPLER: 'always_on', // the default rate-limited sampler may drop a lone span
      NODE_TLS_REJECT_UNAUTHORIZED: '0', // the loopback server's certificate is self-signed (test/support/tls)
      NODE_NO_WARNINGS: '1',
    },
  });
  const received = JSON.parse(out) as { path: string; body: string }[];
  const tracked = received.filter((r) => r.path.includes('/track')).map((r) => r.body);
  expect(tracked.join('\n')).toContain('returns.probe-span');
}, 90_000);
