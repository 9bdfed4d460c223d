import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { shortHash } from '../../src/model/graph.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock across the test processes (vitest runs test files in parallel forks) on one shared
 * database, named by `key`: waits until no other process holds it, then holds it until the
 * returned function is called. A lock left by a process that died is taken over.
 */
export async function lockDatabase(key: string): Promise<() => Promise<void>> {
  const dir = join(tmpdir(), `kg-test-lock-${shortHash(key)}`);
  const pidFile = join(dir, 'pid');
  for (;;) {
    try {
      await mkdir(dir);
      await writeFile(pidFile, String(process.pid));
      return () => rm(dir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
      if (holder > 0 && !isAlive(holder)) await rm(dir, { recursive: true, force: true });
      else await sleep(200);
    }
  }
}
