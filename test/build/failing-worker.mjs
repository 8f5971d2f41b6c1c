// A stand-in for the stage worker (test/build/pool.test.ts), run by the pool's piscina. It answers
// each batch with the batch's position (written: ['3']), later batches sooner (so answers come out
// of order); on position POOL_TEST_THROW_AT it throws, and on POOL_TEST_DIE_AT its thread dies (an
// uncaught error, as when a worker runs out of memory), taking any other batch it had with it.
export default async function answer(batch) {
  if (batch.position === Number(process.env.POOL_TEST_THROW_AT)) throw new Error(`batch ${batch.position} failed`);
  if (batch.position === Number(process.env.POOL_TEST_DIE_AT)) {
    setTimeout(() => {
      throw new Error(`worker died on batch ${batch.position}`);
    });
    return new Promise(() => {});
  }
  await new Promise((resolve) => setTimeout(resolve, 40 - 3 * batch.position));
  return { result: { kind: 'write', written: [String(batch.position)] }, counts: {} };
}
