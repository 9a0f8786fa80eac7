// Run as its own process by test/integration/telemetryExport.test.ts (certificate checks are off
// for this process only): starts a loopback HTTPS server standing in for Application Insights,
// starts telemetry as the Functions do, ends one span, flushes, and prints what arrived as JSON.
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { trace } from '@opentelemetry/api';
import { shutdownAzureMonitor } from '@azure/monitor-opentelemetry';
import { startTelemetry } from '@returns-hub/functions/telemetry/startTelemetry';

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const raw = Buffer.concat(parts);
      done((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
    });
  });
}

async function main() {
  const received: { path: string; body: string }[] = [];
  const ingestion = createServer({ key: readFileSync(resolve(__dirname, 'loopback-test.key')), cert: readFileSync(resolve(__dirname, 'loopback-test.crt')) }, async (req, res) => {
    received.push({ path: req.url ?? '', body: await bodyOf(req) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
  });
  await new Promise<void>((done) => ingestion.listen(0, '127.0.0.1', done));
  const port = (ingestion.address() as { port: number }).port;
  startTelemetry(`InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:${port}/`);
  trace
    .getTracer('returns-hub-test')
    .startSpan(process.argv[2] ?? 'returns.test-span')
    .end();
  await shutdownAzureMonitor(); // flushes what is pending
  ingestion.close();
  process.stdout.write(JSON.stringify(received));
}

void main();
