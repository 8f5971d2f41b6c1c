// A stand-in for the stage worker (test/build/pool.test.ts): answers each batch as run on a
// worker (written: ['same']) and throws on its batch number POOL_TEST_FAIL_AT, as a worker that dies.
import { parentPort } from 'node:worker_threads';

let seen = 0;
parentPort.on('message', () => {
  if (++seen === Number(process.env.POOL_TEST_FAIL_AT)) throw new Error(`batch ${seen} failed`);
  parentPort.postMessage({ result: { kind: 'write', written: ['same'] }, counts: {} });
});
parentPort.postMessage('ready');
