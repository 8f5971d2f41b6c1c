/**
 * The list `npm run collect -- --from FILE` reads: one address a line, optionally followed by a
 * note (whitespace between); blank lines and lines starting with `#` are ignored. Pure.
 */
import { parseAddress } from './urls.ts';

export interface InputAddress {
  /** 1-based line in the list. */
  line: number;
  address: string;
  note: string;
}

export interface InputProblem {
  line: number;
  text: string;
}

export function parseAddressList(text: string): { addresses: InputAddress[]; problems: InputProblem[] } {
  const addresses: InputAddress[] = [];
  const problems: InputProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const [first = '', ...rest] = line.split(/\s+/);
      const address = parseAddress(first);
      if (address) addresses.push({ line: i + 1, address, note: rest.join(' ') });
      else problems.push({ line: i + 1, text: line });
    });
  return { addresses, problems };
}
