/** What every reader returns: the normalised text the report parser reads. */
import type { Diagnostic } from '../diagnostics.ts';

export type ExtractedFormat = 'txt' | 'html' | 'pdf' | 'docx';

export interface Extracted {
  format: ExtractedFormat;
  /**
   * Prose as lines; every table row as one line of cells, opened by `|` and each cell followed
   * by ` |` (`| label | 21 | 0 | | 21 |`), one slot a grid column. A merged cell shows once, at
   * the first row and column it covers.
   */
  text: string;
  /** Things the reader was unsure of or had to work around (section `file`). */
  diagnostics: Diagnostic[];
  /** Why nothing (or nothing usable) could be read; `null` when reading worked. */
  error: string | null;
  /** Set when no reader could take the file: `binary` (not text at all) or `unsupported` (a format not read). */
  refusal?: 'binary' | 'unsupported';
  /** PDF only: number of pages read. */
  pages?: number;
}
