/**
 * A mistake in what the build was given (a folder, a file, a flag), as opposed to a bug: the
 * command prints its message alone, which names the file once and says what to do, without a
 * stack trace.
 */
export class InputError extends Error {
  override name = 'InputError';
}
