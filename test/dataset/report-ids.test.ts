import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignIds, safeId } from '../../src/lib/dataset/report-ids.ts';

/** What an id must never be or hold: it names a page address and a file. */
function expectSafe(id: string) {
  expect(id).not.toBe('');
  expect(id).not.toMatch(/^\.{1,2}$/);
  expect(id).not.toMatch(/^[.\s]|[.\s]$/);
  // eslint-disable-next-line no-control-regex
  expect(id).not.toMatch(/[/\\?#%:*"<>|\u0000-\u001f\u007f-\u009f]/);
}

describe('report ids from file names', () => {
  it('is the file name without its extension; a name two files share gets its extension appended', () => {
    expect([...assignIds(['a.txt', 'dir/b.report.pdf', '广东/东莞/厚街镇.html', 'noext'])]).toEqual(['a', 'b.report', '厚街镇', 'noext']);
    expect([...assignIds(['x.txt', 'more/x.PDF', 'y.txt'])]).toEqual(['x-txt', 'x-pdf', 'y']);
  });

  it('numbers the files that still share an id in code-point order of their paths; a file whose own name is the id keeps it', () => {
    // more/x.txt and x.txt both become x-txt, which x-txt.html is called: it keeps it.
    expect([...assignIds(['x.txt', 'x-txt.html', 'more/x.txt'])]).toEqual(['x-txt-3', 'x-txt', 'x-txt-2']);
    // A number already taken by a file's own name is skipped.
    expect([...assignIds(['a/x.txt', 'b/x.txt', 'x-txt-2.txt'])]).toEqual(['x-txt', 'x-txt-3', 'x-txt-2']);
  });

  it('makes names that would break an address or a file name safe, and notes each', () => {
    const files = ['.txt', '...txt', '..', 'trailing.', 'a?b#c%d.txt', 'tab\there.txt', 'con.txt', ' spaced .pdf', '.hidden', '年报：2023.pdf'];
    const ids = assignIds(files);
    expect([...ids]).toEqual(['_txt', '__-txt', '__-file', 'trailing_', 'a_b_c_d', 'tab_here', 'con_', '_spaced_', '_hidden', '年报：2023']);
    ids.forEach(expectSafe);
    // '...txt' (base name '..') and '..' (no extension) both come to '__': each gets its extension, or 'file'.
    expect(ids.notes).toEqual([
      { file: ' spaced .pdf', id: '_spaced_', note: 'unsafe_name' },
      { file: '..', id: '__-file', note: 'shared_name' },
      { file: '...txt', id: '__-txt', note: 'shared_name' },
      { file: '.hidden', id: '_hidden', note: 'unsafe_name' },
      { file: '.txt', id: '_txt', note: 'unsafe_name' },
      { file: 'a?b#c%d.txt', id: 'a_b_c_d', note: 'unsafe_name' },
      { file: 'con.txt', id: 'con_', note: 'unsafe_name' },
      { file: 'tab\there.txt', id: 'tab_here', note: 'unsafe_name' },
      { file: 'trailing.', id: 'trailing_', note: 'unsafe_name' },
    ]);
    expect(assignIds(['a.txt', '广东/厚街镇.html']).notes).toEqual([]);
  });

  it('notes files told apart by their extension or a number', () => {
    expect(assignIds(['b/x.txt', 'a/x.txt', 'x.pdf']).notes).toEqual([
      { file: 'a/x.txt', id: 'x-txt', note: 'shared_name' },
      { file: 'b/x.txt', id: 'x-txt-2', note: 'shared_name' },
      { file: 'x.pdf', id: 'x-pdf', note: 'shared_name' },
    ]);
  });

  it('safeId keeps letters of any script and never gives an empty id, . or ..', () => {
    expect(safeId('厚街镇 2023')).toBe('厚街镇 2023');
    expect(safeId('')).toBe('_');
    expect(safeId('.')).toBe('_');
    expect(safeId('..')).toBe('__');
    expect(safeId('a/../b')).toBe('a_.._b');
  });

  it('gives every file a safe id of its own, its base name when that is safe and no other file shares it, whatever the order', () => {
    const path = fc.array(fc.constantFrom('a', 'b', '.', '/', 'txt', '局', '-2', ' ', '#'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 20 }), (files) => {
        const ids = assignIds(files);
        expect(new Set(ids).size).toBe(files.length);
        ids.forEach(expectSafe);
        // Stable: each file's id is the same with the files in another order.
        const reversed = assignIds([...files].reverse());
        files.forEach((f, i) => expect(reversed[files.length - 1 - i]).toBe(ids[i]));
        const base = files.map((f) => (f.split('/').pop() ?? f).replace(/\.[^.]+$/, ''));
        const noted = new Set(ids.notes.map((n) => n.file));
        base.forEach((b, i) => {
          if (ids[i] === b) expect(noted.has(files[i] as string)).toBe(false);
          else expect(noted.has(files[i] as string)).toBe(true);
        });
      }),
    );
  });
});
