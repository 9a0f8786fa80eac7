import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpFetch } from './httpFetch';

let server: Server;
let base = '';
const seen: { method?: string; auth?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, auth: req.headers.authorization, body });
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end(JSON.stringify({ got: body, thai: 'กรุงเทพมหานคร' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('httpFetch', () => {
  test('sends method, headers and body; answers status and UTF-8 text', async () => {
    const res = await httpFetch(`${base}/api/returns`, { method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' }, body: '{"ชื่อ":"เขต"}' });
    expect([res.ok, res.status]).toEqual([true, 200]);
    expect(JSON.parse(await res.text())).toEqual({ got: '{"ชื่อ":"เขต"}', thai: 'กรุงเทพมหานคร' });
    expect(seen.at(-1)).toEqual({ method: 'POST', auth: 'Bearer k', body: '{"ชื่อ":"เขต"}' });
  });

  test('an error status is not ok; a refused connection rejects', async () => {
    const res = await httpFetch(`${base}/missing`, { method: 'GET', headers: {} });
    expect([res.ok, res.status]).toEqual([false, 404]);
    await expect(httpFetch('http://127.0.0.1:1/', { method: 'GET', headers: {} })).rejects.toThrow();
  });
});
