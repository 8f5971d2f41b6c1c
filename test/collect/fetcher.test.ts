import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../scripts/collect/fetcher.ts';

/** A server whose answers the tests set per path; it records the paths asked for. */
let server: Server;
let origin = '';
const asked: string[] = [];
const counts = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    asked.push(path);
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    if (path === '/robots.txt') res.writeHead(200).end('User-agent: *\nDisallow: /secret\n');
    else if (path === '/busy') (n < 3 ? res.writeHead(429, { 'retry-after': '0' }) : res.writeHead(200)).end(n < 3 ? '' : 'ok');
    else if (path === '/down') res.writeHead(503).end();
    else if (path === '/big-declared') res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
    else if (path === '/big-streamed') {
      res.writeHead(200);
      res.write('x'.repeat(3000));
      res.end('x'.repeat(3000));
    } else if (path === '/to-secret') res.writeHead(302, { location: '/secret/a.html' }).end();
    else if (path === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (path === '/etag') req.headers['if-none-match'] === '"v1"' ? res.writeHead(304).end() : res.writeHead(200, { etag: '"v1"' }).end('body');
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const fetcher = () => new Fetcher({ delayMs: 5, timeoutMs: 2000, retries: 2, backoffMs: 5, maxBytes: 4096, maxRedirects: 3 });

describe('Fetcher', () => {
  it('retries a 429 and gets the answer', async () => {
    const result = await fetcher().get(`${origin}/busy`);
    expect(result.ok && new TextDecoder().decode(result.value.bytes)).toBe('ok');
    expect(counts.get('/busy')).toBe(3);
  });

  it('gives up on a 5xx after its retries, saying how many attempts', async () => {
    expect(await fetcher().get(`${origin}/down`)).toEqual({ ok: false, kind: 'http', reason: 'HTTP 503 (3 attempts)', finalAddress: `${origin}/down` });
  });

  it('refuses a file over the size limit, declared or streamed', async () => {
    expect(await fetcher().get(`${origin}/big-declared`)).toMatchObject({ ok: false, kind: 'too_large' });
    expect(await fetcher().get(`${origin}/big-streamed`)).toMatchObject({ ok: false, kind: 'too_large' });
  });

  it('checks robots.txt on every redirect hop, and stops at too many', async () => {
    expect(await fetcher().get(`${origin}/to-secret`)).toMatchObject({ ok: false, kind: 'robots', finalAddress: `${origin}/secret/a.html` });
    expect(asked).not.toContain('/secret/a.html');
    expect(await fetcher().get(`${origin}/loop`)).toMatchObject({ ok: false, kind: 'redirects' });
  });

  it('asks conditionally with validators, and a 304 is not modified', async () => {
    const f = fetcher();
    const plain = await f.get(`${origin}/etag`);
    expect(plain.ok && plain.value.etag).toBe('"v1"');
    const again = await f.get(`${origin}/etag`, { etag: '"v1"', lastModified: null });
    expect(again.ok && again.value.notModified).toBe(true);
  });

  it('reports a refused connection as a network failure after its retries', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    // robots.txt cannot be read either: nothing on that host is fetched.
    expect(await fetcher().get(`http://127.0.0.1:${port}/a.html`)).toMatchObject({ ok: false, kind: 'robots' });
  });

  it('asks for robots.txt once per host and keeps the delay', async () => {
    const f = new Fetcher({ delayMs: 40, timeoutMs: 2000, retries: 0, backoffMs: 5 });
    await Promise.all([f.get(`${origin}/etag`), f.get(`${origin}/nothing`), f.get(`${origin}/etag`)]);
    expect(f.requests.map((r) => r.address.slice(origin.length))).toEqual(['/robots.txt', '/etag', '/nothing', '/etag']);
    for (let i = 1; i < f.requests.length; i++) expect((f.requests[i]?.at as number) - (f.requests[i - 1]?.at as number)).toBeGreaterThanOrEqual(40);
  });

  it('follows a redirected robots.txt, and takes a missing one as allowing everything', async () => {
    const other = createServer((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(301, { location: `${origin}/robots.txt` }).end();
      else res.writeHead(200).end('page');
    });
    const bare = createServer((req, res) => (req.url === '/robots.txt' ? res.writeHead(404).end() : res.writeHead(200).end('page')));
    await Promise.all([other, bare].map((s) => new Promise<void>((done) => s.listen(0, '127.0.0.1', done))));
    const at = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    try {
      expect(await fetcher().get(`${at(other)}/secret/x.html`)).toMatchObject({ ok: false, kind: 'robots' });
      expect(await fetcher().get(`${at(other)}/open.html`)).toMatchObject({ ok: true });
      expect(await fetcher().get(`${at(bare)}/secret/x.html`)).toMatchObject({ ok: true });
    } finally {
      await Promise.all([other, bare].map((s) => new Promise<void>((done) => s.close(() => done()))));
    }
  });
});
