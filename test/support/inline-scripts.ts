/** The inline scripts the site may write (src/components/csp.ts), for the tests that look for any other. */
import { createHash } from 'node:crypto';
import { VIEW_IMAGE_SCRIPT, viewInUrlScript } from '../../src/components/csp.ts';

/** One of the site's two lines: the picture's, or the head's with some list of views. */
export function isSiteInlineScript(text: string): boolean {
  if (text === VIEW_IMAGE_SCRIPT) return true;
  const keys = /^\(function\(\)\{var keys=(\[[^\]]*\])/.exec(text)?.[1];
  return keys !== undefined && viewInUrlScript(JSON.parse(keys) as string[]) === text;
}

/** A script's CSP source expression. */
export const scriptHash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
