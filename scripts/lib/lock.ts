/**
 * One build at a time on a folder: a lock file `.build-data.lock` in it, made with O_EXCL and
 * holding the builder's pid. A second build exits at once (LockHeld, naming the pid); a lock
 * whose process is gone (a killed build) is taken over, with a note. Released when the build
 * ends, or its process exits.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.build-data.lock';

export class LockHeld extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`another build-data (pid ${pid}) is writing ${path.slice(0, -LOCK_FILE.length - 1)}; wait for it to end, or remove ${path} if that process is not a build`);
  }
}

/** Whether a process of this pid runs on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of one folder (made if need be); returns its release. `note` hears of a stale lock taken over. */
function lockOne(dir: string, note: (message: string) => void): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const mine = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; ; attempt++) {
    // Written whole under a name of its own, then linked: the lock never exists half-written.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, mine);
    try {
      linkSync(tmp, path);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw e;
    } finally {
      rmSync(tmp, { force: true });
    }
    let held = '';
    try {
      held = readFileSync(path, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    const [pidText, host] = held.trim().split(' ');
    const pid = Number(pidText);
    // A lock of a live process, or of another machine (its process cannot be asked), is held.
    if (Number.isInteger(pid) && pid > 0 && (host !== hostname() || alive(pid))) throw new LockHeld(path, pid);
    note(`build-data: taking over the lock ${path} of process ${pidText}, which is gone (a build that was stopped)`);
    // Only if it is still the stale lock read above (another build may have taken it over meanwhile).
    if (readFileSync(path, 'utf8') === held) rmSync(path, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
    } catch {
      // gone already
    }
  };
  process.on('exit', release);
  return release;
}

/** Locks each folder in turn (all or none); returns the release of all. */
export function lockFolders(dirs: readonly string[], note: (message: string) => void): () => void {
  const releases: (() => void)[] = [];
  try {
    for (const dir of dirs) releases.push(lockOne(dir, note));
  } catch (e) {
    for (const release of releases) release();
    throw e;
  }
  return () => releases.forEach((release) => release());
}
