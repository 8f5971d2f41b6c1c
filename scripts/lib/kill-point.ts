/**
 * A point where the fault tests (test/build/faults.test.ts) stop the build as `kill -9` would:
 * BUILD_DATA_KILL_AT=name (or name:N, the Nth time this thread passes it).
 */
const [KILL_AT, TIMES] = (process.env.BUILD_DATA_KILL_AT ?? '').split(':');
let passed = 0;

export function killPoint(name: string): void {
  if (name === KILL_AT && ++passed >= Number(TIMES ?? 1)) process.kill(process.pid, 'SIGKILL');
}
