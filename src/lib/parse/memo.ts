/**
 * A function's answers remembered per input: reports repeat the template's words, so a label,
 * heading or table line has almost always been read before. Bounded (cleared when full), so a
 * hostile file cannot grow it without end; the functions it wraps stay pure.
 */
export function remembered<V>(read: (text: string) => V, limit = 10_000): (text: string) => V {
  const memo = new Map<string, V>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined && !memo.has(text)) {
      value = read(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, value);
    }
    return value as V;
  };
}
