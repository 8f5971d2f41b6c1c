// A stand-in for the stage worker (test/build/pool.test.ts). It answers each batch as run on a
// worker, naming its position (written: ['3']), two at a time in the reverse order (the pool must match answers to
// batches by position, not order), and throws on its batch number POOL_TEST_FAIL_AT, as a worker that dies.
import { parentPort } from 'node:worker_threads';

let seen = 0;
let held = null;
parentPort.on('message', ({ at }) => {
  if (++seen === Number(process.env.POOL_TEST_FAIL_AT)) throw new Error(`batch ${seen} failed`);
  const answer = (position) => parentPort.postMessage({ at: position, result: { kind: 'write', written: [String(position)] }, counts: {} });
  if (held === null) return void (held = at);
  answer(at);
  answer(held);
  held = null;
});
parentPort.postMessage('ready');
