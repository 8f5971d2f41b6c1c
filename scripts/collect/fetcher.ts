/**
 * The collector's only door to the network: Node's fetch, one request at a time per host with
 * a delay between them (robots.txt's Crawl-delay if longer), robots.txt honoured for every
 * address and every redirect hop, a User-Agent naming the project, retries with back-off on
 * 429, 5xx, time-outs and network errors, a size limit per file, and conditional requests when
 * a validator is known. Redirects are followed here, hop by hop, so each hop keeps the delay.
 */
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, robotsAllow, type Robots } from '../../src/lib/collect/robots.ts';

export const PRODUCT_TOKEN = 'gov-transparency-dashboard';
export const USER_AGENT = `${PRODUCT_TOKEN}/0.1 (collects government information disclosure annual reports; one request at a time; npm run collect)`;

export interface FetchOptions {
  userAgent: string;
  /** Pause between the end of one request to a host and the start of the next. */
  delayMs: number;
  /** Time allowed for one attempt, body included. */
  timeoutMs: number;
  /** Further attempts after a 429, a 5xx, a time-out or a network error. */
  retries: number;
  /** Pause before the first retry; doubled for each further one (a Retry-After header wins, up to a minute). */
  backoffMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  userAgent: USER_AGENT,
  delayMs: 1000,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 2000,
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 5,
};

export interface Fetched {
  /** The address asked for, and where it led after redirects. */
  address: string;
  finalAddress: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  disposition: string | null;
  /** Empty when the server answered 304 Not Modified. */
  bytes: Uint8Array;
  notModified: boolean;
}

export type FailureKind = 'robots' | 'http' | 'timeout' | 'network' | 'too_large' | 'redirects';

export type FetchResult = { ok: true; value: Fetched } | { ok: false; kind: FailureKind; reason: string; finalAddress: string };

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, Math.max(0, ms)));

type Attempt =
  | { kind: 'response'; status: number; headers: Headers; bytes: Uint8Array }
  | { kind: 'redirect'; status: number; location: string | null }
  | { kind: 'failed'; failure: FailureKind; reason: string; retryable: boolean; retryAfterMs?: number };

export class Fetcher {
  private readonly options: FetchOptions;
  /** Per host: the end of the queue of requests to it (requests to one host never overlap). */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastEnd = new Map<string, number>();
  private readonly robots = new Map<string, Promise<Robots>>();
  /** Every request sent, in order (for the summary and the tests). */
  readonly requests: { address: string; at: number }[] = [];

  constructor(options: Partial<FetchOptions> = {}) {
    this.options = { ...DEFAULT_FETCH_OPTIONS, ...options };
  }

  /** GET an address, following redirects; conditional when validators are given. */
  async get(address: string, validators: Validators | null = null): Promise<FetchResult> {
    let current = address;
    for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
      const url = new URL(current);
      const robots = await this.robotsOf(url.origin);
      if (!robotsAllow(robots, url.pathname + url.search)) return { ok: false, kind: 'robots', reason: `robots.txt of ${url.host} forbids ${url.pathname}`, finalAddress: current };
      const attempt = await this.withRetries(current, validators, robots);
      if (attempt.kind === 'failed') return { ok: false, kind: attempt.failure, reason: attempt.reason, finalAddress: current };
      if (attempt.kind === 'redirect') {
        if (!attempt.location) return { ok: false, kind: 'http', reason: `HTTP ${attempt.status} without a Location`, finalAddress: current };
        current = new URL(attempt.location, current).href;
        continue;
      }
      const { status, headers, bytes } = attempt;
      return {
        ok: true,
        value: {
          address,
          finalAddress: current,
          status,
          contentType: headers.get('content-type'),
          etag: headers.get('etag'),
          lastModified: headers.get('last-modified'),
          disposition: headers.get('content-disposition'),
          bytes,
          notModified: status === 304,
        },
      };
    }
    return { ok: false, kind: 'redirects', reason: `more than ${this.options.maxRedirects} redirects`, finalAddress: current };
  }

  /** The robots.txt rules for an origin, fetched once, redirects followed (404: everything allowed; unreachable: nothing). */
  private robotsOf(origin: string): Promise<Robots> {
    let rules = this.robots.get(origin);
    if (!rules) {
      rules = (async () => {
        let address = `${origin}/robots.txt`;
        for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
          const attempt = await this.withRetries(address, null, ALLOW_ALL);
          if (attempt.kind === 'redirect' && attempt.location) {
            address = new URL(attempt.location, address).href;
            continue;
          }
          if (attempt.kind === 'response' && attempt.status === 200) return parseRobots(new TextDecoder().decode(attempt.bytes), PRODUCT_TOKEN);
          if (attempt.kind === 'failed' && attempt.failure === 'http' && !attempt.retryable) return ALLOW_ALL;
          return DISALLOW_ALL;
        }
        return DISALLOW_ALL;
      })();
      this.robots.set(origin, rules);
    }
    return rules;
  }

  private async withRetries(address: string, validators: Validators | null, robots: Robots): Promise<Attempt> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.politely(address, () => this.once(address, validators), robots);
      if (result.kind !== 'failed' || !result.retryable || attempt >= this.options.retries) {
        if (result.kind === 'failed' && result.retryable && attempt > 0) return { ...result, reason: `${result.reason} (${attempt + 1} attempts)` };
        return result;
      }
      await sleep(result.retryAfterMs ?? this.options.backoffMs * 2 ** attempt);
    }
  }

  /** Runs one request to the address's host after the previous one has ended and the delay has passed. */
  private politely<T>(address: string, request: () => Promise<T>, robots: Robots): Promise<T> {
    const host = new URL(address).host;
    const delay = Math.max(this.options.delayMs, (robots.crawlDelay ?? 0) * 1000);
    const run = async () => {
      const last = this.lastEnd.get(host);
      // A timer may fire a fraction of a millisecond early: wait until the delay has really passed.
      if (last !== undefined) while (performance.now() < last + delay) await sleep(last + delay - performance.now());
      this.requests.push({ address, at: performance.now() });
      try {
        return await request();
      } finally {
        this.lastEnd.set(host, performance.now());
      }
    };
    const queued = (this.queues.get(host) ?? Promise.resolve()).then(run, run);
    this.queues.set(host, queued.catch(() => undefined));
    return queued;
  }

  private async once(address: string, validators: Validators | null): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const tooLarge = (size: string): Attempt => ({ kind: 'failed', failure: 'too_large', reason: `${size}, over the limit of ${this.options.maxBytes} bytes`, retryable: false });
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: '*/*' };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    try {
      const response = await fetch(address, { headers, redirect: 'manual', signal: controller.signal });
      const { status } = response;
      if (status >= 300 && status < 400 && status !== 304) {
        await response.body?.cancel();
        return { kind: 'redirect', status, location: response.headers.get('location') };
      }
      if (status === 429 || status >= 500) {
        await response.body?.cancel();
        const after = Number(response.headers.get('retry-after'));
        return { kind: 'failed', failure: 'http', reason: `HTTP ${status}`, retryable: true, ...(after > 0 ? { retryAfterMs: Math.min(after, 60) * 1000 } : {}) };
      }
      if (status >= 400) {
        await response.body?.cancel();
        return { kind: 'failed', failure: 'http', reason: `HTTP ${status}`, retryable: false };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > this.options.maxBytes) {
        await response.body?.cancel();
        return tooLarge(`${declared} bytes`);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > this.options.maxBytes) {
            await reader.cancel();
            return tooLarge(`more than ${total} bytes`);
          }
          chunks.push(value);
        }
      }
      return { kind: 'response', status, headers: response.headers, bytes: Buffer.concat(chunks) };
    } catch (error) {
      if (timedOut) return { kind: 'failed', failure: 'timeout', reason: `no complete answer within ${this.options.timeoutMs} ms`, retryable: true };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { kind: 'failed', failure: 'network', reason: cause?.code ?? cause?.message ?? String(error), retryable: true };
    } finally {
      clearTimeout(timer);
    }
  }
}
