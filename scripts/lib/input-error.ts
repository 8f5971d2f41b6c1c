/**
 * A mistake in what the build was given (a folder, a file, a flag), as opposed to a bug: the
 * command prints its message alone, which names the file once and says what to do, without a
 * stack trace. And what any thrown value says, for such messages and warnings.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** What a thrown value says: an Error's message, anything else as text. */
export const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));
