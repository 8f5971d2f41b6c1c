/**
 * Push or replace: a change made right after another change to the same control (arrow keys
 * moving through a select fire one `change` a step) replaces the history entry instead of adding
 * one, so Back goes to the view before the reader started on that control. Pure: the caller passes
 * the clock.
 */
export interface LastChange {
  control: string;
  at: number;
}

/** Changes to one control closer together than this are one step in the history. */
export const STEP_MS = 1500;

export function historyMode(last: LastChange | null, control: string, now: number, stepMs = STEP_MS): 'push' | 'replace' {
  return last !== null && last.control === control && now - last.at < stepMs ? 'replace' : 'push';
}
