/**
 * `npm run bench [-- --reports N]`: prints one figure a line as `name: value`.
 * Each section is a module in bench/sections/ exporting `run(args)`; sections run in name order.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface BenchSection {
  run(args: string[]): Promise<Record<string, number | string>>;
}

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'sections');
const args = process.argv.slice(2);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const section = (await import(pathToFileURL(join(dir, file)).href)) as BenchSection;
  const figures = await section.run(args);
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}
