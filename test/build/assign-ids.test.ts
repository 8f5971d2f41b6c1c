import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignIds } from '../../scripts/lib/build.ts';

describe('report ids from file names', () => {
  it('is the file name without its extension; a name two files share gets its extension appended', () => {
    expect(assignIds(['a.txt', 'dir/b.report.pdf', '广东/东莞/厚街镇.html', 'noext', 'trailing.', 'x/.hidden'])).toEqual(['a', 'b.report', '厚街镇', 'noext', 'trailing.', '']);
    expect(assignIds(['x.txt', 'more/x.PDF', 'y.txt'])).toEqual(['x-txt', 'x-pdf', 'y']);
    // An id taken already (by a file before it, in listing order) gets a number instead.
    expect(assignIds(['x.txt', 'x-txt.html', 'more/x.txt'])).toEqual(['x-txt', 'x-txt-2', 'x-2']);
  });

  it('gives every file an id of its own, its base name when no other file shares it', () => {
    const path = fc.array(fc.constantFrom('a', 'b', '.', '/', 'txt', '局'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 20 }), (files) => {
        const ids = assignIds(files);
        expect(new Set(ids).size).toBe(files.length);
        const base = files.map((f) => (f.split('/').pop() ?? f).replace(/\.[^.]+$/, ''));
        base.forEach((b, i) => {
          if (base.indexOf(b) === base.lastIndexOf(b)) expect(ids[i]).toBe(b);
          else expect(ids[i]?.startsWith(`${b}-`)).toBe(true);
        });
      }),
    );
  });
});
