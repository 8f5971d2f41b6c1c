import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleKey } from '../../scripts/lib/bundle-key.mjs';

const key = (repo: string, options: unknown = { entry: 'a' }, version = '0.27.7') => bundleKey(repo, options, version) as string;

describe('the key a kept bundle is found by', () => {
  let repo = '';
  afterEach(() => repo && rmSync(repo, { recursive: true, force: true }));

  it('changes with any source file, the options or the esbuild version, and with nothing else', () => {
    repo = mkdtempSync(join(tmpdir(), 'bundle-key-'));
    mkdirSync(join(repo, 'src', 'lib'), { recursive: true });
    mkdirSync(join(repo, 'scripts'));
    mkdirSync(join(repo, 'data'));
    writeFileSync(join(repo, 'src', 'lib', 'a.ts'), 'export const a = 1;');
    writeFileSync(join(repo, 'scripts', 'b.ts'), 'import { a } from "../src/lib/a.ts";');
    writeFileSync(join(repo, 'tsconfig.json'), '{}');
    const first = key(repo);
    expect(key(repo)).toBe(first);
    writeFileSync(join(repo, 'data', 'report.txt'), 'not a source');
    expect(key(repo)).toBe(first);
    writeFileSync(join(repo, 'src', 'lib', 'a.ts'), 'export const a = 2;');
    const second = key(repo);
    expect(second).not.toBe(first);
    writeFileSync(join(repo, 'src', 'lib', 'new.json'), '{}');
    expect(key(repo)).not.toBe(second);
    expect(key(repo, { entry: 'b' })).not.toBe(key(repo));
    expect(key(repo, undefined, '0.28.0')).not.toBe(key(repo));
    writeFileSync(join(repo, 'tsconfig.json'), '{"compilerOptions":{}}');
    expect(key(repo)).not.toBe(second);
  });
});
