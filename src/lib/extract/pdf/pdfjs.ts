/**
 * pdf.js (legacy build) for the PDF reader, loaded so that the JavaScript builtins stay as it
 * found them. Its bundled core-js polyfills replace, process-wide, builtins they judge incomplete:
 * in Node 20, JSON.stringify and JSON.parse (no JSON.rawJSON), Array.prototype.push and
 * Function.prototype.toString become JavaScript functions, and every report a build worker parsed
 * after its first PDF ran ~40% slower. Every property of the builtins that existed before loading
 * is put back as it was; what pdf.js added (Promise.withResolvers, Uint8Array.prototype.toHex,
 * iterator helpers…) stays, as it may need it. Its worker half (pdf.worker.mjs, with polyfills of
 * its own) is loaded here too, before the first document, as the in-thread worker pdf.js looks for
 * (globalThis.pdfjsWorker), rather than by pdf.js itself. The only module that imports pdfjs-dist's code.
 */
type Saved = [target: object, key: PropertyKey, descriptor: PropertyDescriptor];

/** Objects whose properties a polyfill could replace: the globals, their prototypes, hidden intrinsics. */
function builtins(): object[] {
  const found = new Set<object>([globalThis]);
  const add = (value: unknown): void => {
    if ((typeof value === 'object' || typeof value === 'function') && value !== null) found.add(value);
  };
  for (const key of Reflect.ownKeys(globalThis)) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, key);
    if (!descriptor || !('value' in descriptor)) continue; // lazy getters are not read (reading would load them)
    add(descriptor.value);
    if (typeof descriptor.value === 'function') add(Object.getOwnPropertyDescriptor(descriptor.value, 'prototype')?.value);
  }
  const typedArray = Object.getPrototypeOf(Int8Array) as object;
  add(typedArray);
  add((typedArray as { prototype: unknown }).prototype);
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as object;
  add(arrayIterator);
  add(Object.getPrototypeOf(arrayIterator)); // %IteratorPrototype%
  add(Object.getPrototypeOf(''[Symbol.iterator]()));
  add(Object.getPrototypeOf(new Map()[Symbol.iterator]()));
  add(Object.getPrototypeOf(new Set()[Symbol.iterator]()));
  add(Object.getPrototypeOf(/./[Symbol.matchAll]('')));
  return [...found];
}

function saveBuiltins(): Saved[] {
  const saved: Saved[] = [];
  for (const target of builtins()) {
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) saved.push([target, key, descriptor]);
    }
  }
  return saved;
}

const same = (a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean =>
  b !== undefined && Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable;

/** Puts back every saved property that was replaced or removed. */
function restoreBuiltins(saved: readonly Saved[]): void {
  for (const [target, key, descriptor] of saved) {
    if (!same(descriptor, Object.getOwnPropertyDescriptor(target, key))) Object.defineProperty(target, key, descriptor);
  }
}

const saved = saveBuiltins();
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
restoreBuiltins(saved);

export const { OPS } = pdfjs;
export type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

let worker: Promise<void> | null = null;

/** The worker half, loaded with the same care on the first document (~80 ms that files other than PDFs never need). */
function loadWorker(): Promise<void> {
  worker ??= (async () => {
    const saved = saveBuiltins();
    // @ts-expect-error pdf.js ships no types for its worker module (it sets globalThis.pdfjsWorker)
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    restoreBuiltins(saved);
  })();
  return worker;
}

/** pdf.js's getDocument, its worker half loaded first. */
export async function openDocument(...args: Parameters<typeof pdfjs.getDocument>): Promise<ReturnType<typeof pdfjs.getDocument>> {
  await loadWorker();
  return pdfjs.getDocument(...args);
}
