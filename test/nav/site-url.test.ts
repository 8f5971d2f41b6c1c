/** The build says loudly when SITE_URL is unset (canonical and Open Graph links would name localhost). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Load astro.config.mjs as Astro does, TypeScript imports included (through tsx). */
function loadConfig(env: Record<string, string | undefined>): string {
  const clean = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "process.argv.push('build'); await import('./astro.config.mjs');"], { env: clean, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr + run.stdout;
}

describe('SITE_URL', () => {
  it('warns when a build has no SITE_URL, and is quiet when it has one', () => {
    expect(loadConfig({ SITE_URL: undefined })).toContain('SITE_URL is not set');
    expect(loadConfig({ SITE_URL: 'https://data.example.org' })).not.toContain('SITE_URL');
  });
});
