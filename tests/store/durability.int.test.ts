/**
 * Nothing committed is lost when the process dies: a child process ingests the seed reports and
 * exits without closing the embedded store; the store then opens with all five reports.
 * (LadybugDB 0.19 cannot replay a write-ahead log holding a string of 4 KiB or more, such as a
 * report's text — "Corrupted wal file" — so the adapter checkpoints after every commit.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as q from '../../src/store/catalogue.js';
import { LadybugStore } from '../../src/store/ladybug/LadybugStore.js';
import { SEED_DIR } from '../helpers/seedGraph.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-durable-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('embedded store durability', () => {
  it('keeps every committed report when the writing process exits without closing', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const { stdout } = await run(tsx, [join('tests', 'fixtures', 'ingestAndExit.ts'), dir, SEED_DIR]);
    expect(JSON.parse(stdout)).toEqual([true, true, true, true, true]);
    const store = await LadybugStore.open({ dataDir: dir });
    try {
      const [counts] = await store.read(q.countGraph, {});
      expect(counts?.reports).toBe(5);
      expect(counts?.observations).toBeGreaterThan(300);
    } finally {
      await store.close();
    }
  });
});
