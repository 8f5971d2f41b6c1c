// A worker module that cannot start (test/build/pool.test.ts): it throws as it is loaded.
throw new Error('this worker cannot start');
