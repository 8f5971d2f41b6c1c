import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSite } from './fixture-site.ts';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/collect.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run collect (the command)', () => {
  let site: FixtureSite;
  let dir: string;
  beforeAll(async () => {
    site = await startFixtureSite();
    dir = mkdtempSync(join(tmpdir(), 'collect-cli-'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a summary with every failure and its reason, and exits 1 when anything failed', async () => {
    const list = join(dir, 'list.txt');
    writeFileSync(list, `# XX市\n${site.origin}/xxgk/ndbg/index.html 年报专栏\nnot-an-address\n`);
    const { code, stdout, stderr } = await run(['--from', list, '--reports', join(dir, 'reports'), '--sources', join(dir, 'sources.csv'), '--delay', '0.01', '--timeout', '1', '--retries', '1', '--backoff', '0.01']);
    expect(code).toBe(1);
    expect(stderr).toContain('line 3: not an http(s) address: not-an-address');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^collect: 3 list pages read; 9 files saved; 0 already collected; 5 links skipped; 3 failed; \d+ requests$/);
    expect(lines).toContain(`  FAILED: ${site.origin}/xxgk/ndbg/202401/missing.html: HTTP 404 — on ${site.origin}/xxgk/ndbg/index_1.html`);
    expect(lines).toContain(`  skipped: ${site.origin}/xwzx/202401/t20240110_9.html 「XX市召开2024年全市经济工作会议」: link text does not name a 政府信息公开工作年度报告/年报 — on ${site.origin}/xxgk/ndbg/index.html`);
    expect(readdirSync(join(dir, 'reports'))).toHaveLength(9);
  });

  it('explains itself without --from', async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run collect -- --from FILE');
  });
});
