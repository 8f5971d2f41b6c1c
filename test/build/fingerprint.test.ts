import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../scripts/lib/fingerprint.ts';

const repo = mkdtempSync(join(tmpdir(), 'fingerprint-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};

describe("a stage's fingerprint", () => {
  write('node_modules/pkg/package.json', '{"version":"1.0.0"}');
  write('src/stage.ts', "import { helper } from './lib/helper.ts';\nimport type { Shape } from './types.ts';\nimport pkg from 'pkg/sub';\nexport const run = () => helper();\n");
  write('src/lib/helper.ts', "export * from './deep/index.ts';\nexport const helper = () => 1;\n");
  write('src/lib/deep/index.ts', 'export const deep = 2;\n');
  write('src/types.ts', 'export type Shape = { a: number };\n');
  write('src/other.ts', 'export const other = 3;\n');
  const now = () => fingerprint(repo, ['src/stage.ts']);

  it('changes with any file the stage imports, however deep, and with the version of a package it imports', () => {
    const before = now();
    expect(now()).toBe(before);
    for (const path of ['src/stage.ts', 'src/lib/deep/index.ts', 'src/lib/helper.ts']) {
      const was = now();
      writeFileSync(join(repo, path), `${readFileSync(join(repo, path), 'utf8')}// changed\n`);
      expect(now(), path).not.toBe(was);
    }
    const was = now();
    write('node_modules/pkg/package.json', '{"version":"1.0.1"}');
    expect(now()).not.toBe(was);
    expect(now()).not.toBe(before);
  });

  it('does not change with code the stage does not run: other files, files it imports only as types', () => {
    const before = now();
    write('src/other.ts', 'export const other = 4;\n');
    write('src/types.ts', 'export type Shape = { a: string };\n');
    expect(now()).toBe(before);
  });
});
