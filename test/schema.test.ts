import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS, emptyApplications } from '../src/lib/schema.ts';

describe('schema', () => {
  it('has the 25 rows of the 2021 template, each with 7 null cells', () => {
    const apps = emptyApplications();
    expect(Object.keys(apps)).toEqual([...APPLICATION_ROWS]);
    expect(APPLICATION_ROWS).toHaveLength(25);
    for (const row of APPLICATION_ROWS) expect(Object.values(apps[row])).toEqual(Array(7).fill(null));
  });
});
