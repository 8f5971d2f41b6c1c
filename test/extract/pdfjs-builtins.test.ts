/**
 * pdf.js's legacy build carries core-js polyfills that replace builtins process-wide (in Node 20:
 * JSON.stringify, JSON.parse, Array.prototype.push, Function.prototype.toString) with slower
 * JavaScript versions. Reading a PDF must leave every builtin that existed before as it was.
 */
import { describe, expect, it } from 'vitest';
import { makePdf } from './fixtures/make-pdf.ts';

const typedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype) as object;
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
const BUILTINS: Record<string, object> = {
  JSON, Math, Reflect, Object, Array, Promise, Number, String, Symbol, Function, Uint8Array, ArrayBuffer,
  'Object.prototype': Object.prototype, 'Array.prototype': Array.prototype, 'Function.prototype': Function.prototype,
  'String.prototype': String.prototype, 'Number.prototype': Number.prototype, 'RegExp.prototype': RegExp.prototype,
  'Promise.prototype': Promise.prototype, 'Map.prototype': Map.prototype, 'Set.prototype': Set.prototype,
  'WeakMap.prototype': WeakMap.prototype, 'Uint8Array.prototype': Uint8Array.prototype, '%TypedArray%.prototype': typedArrayPrototype,
  'ArrayBuffer.prototype': ArrayBuffer.prototype, 'Date.prototype': Date.prototype, 'Error.prototype': Error.prototype,
  '%IteratorPrototype%': iteratorPrototype,
};

function properties(): Map<string, PropertyDescriptor> {
  const all = new Map<string, PropertyDescriptor>();
  for (const [name, target] of Object.entries(BUILTINS)) {
    for (const key of Reflect.ownKeys(target)) all.set(`${name}.${String(key)}`, Object.getOwnPropertyDescriptor(target, key)!);
  }
  return all;
}

const before = properties();
const natives = { 'JSON.stringify': JSON.stringify, 'JSON.parse': JSON.parse, 'Array.prototype.push': Array.prototype.push, 'Function.prototype.toString': Function.prototype.toString };

describe('pdf.js leaves the builtins alone', () => {
  it('after reading a PDF through the extractor, no builtin property that existed before was replaced', async () => {
    const { extractText } = await import('../../src/lib/extract/index.ts');
    const pdf = makePdf([{ rules: [], texts: [{ x: 72, y: 700, text: 'Annual report 2024', size: 12 }] }]);
    const result = await extractText(pdf, 'report.pdf');
    expect(result.error).toBeNull();
    expect(result.text).toContain('Annual report 2024');

    const replaced = [...properties()].filter(([key, d]) => {
      const b = before.get(key);
      return b !== undefined && !(Object.is(b.value, d.value) && b.get === d.get && b.set === d.set);
    });
    expect(replaced.map(([key]) => key)).toEqual([]);
    expect(JSON.stringify).toBe(natives['JSON.stringify']);
    expect(JSON.parse).toBe(natives['JSON.parse']);
    expect(Array.prototype.push).toBe(natives['Array.prototype.push']);
    expect(Function.prototype.toString).toBe(natives['Function.prototype.toString']);
  });

  it('they are the engine\'s own functions (a JavaScript replacement has a prototype property; builtin methods have none)', async () => {
    const { extractText } = await import('../../src/lib/extract/index.ts');
    await extractText(makePdf([{ rules: [], texts: [{ x: 72, y: 700, text: 'x', size: 12 }] }]), 'x.pdf');
    for (const [name, fn] of Object.entries({ 'JSON.stringify': JSON.stringify, 'JSON.parse': JSON.parse, 'Array.prototype.push': Array.prototype.push, 'Function.prototype.toString': Function.prototype.toString })) {
      expect(Object.hasOwn(fn, 'prototype'), name).toBe(false);
    }
  });
});
