/**
 * Whether this code runs from the bundle scripts/run-bundled.mjs makes (plain .mjs beside the
 * bundle's worker entries), not as TypeScript through tsx or vitest: the worker threads start
 * differently in each case.
 */
export const RUNS_BUNDLED = !import.meta.url.endsWith('.ts');
