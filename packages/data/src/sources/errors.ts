/**
 * The one failure type of the online sources. Every download that does not end in a validated body
 * throws a `SourceError` whose `kind` says what went wrong and whose message says it in words a user can
 * act on. Messages never contain credentials: URLs are shown without user-info or query secrets, and
 * request bodies (where Space-Track's login travels) are never quoted.
 */

export type SourceErrorKind =
  /** The host could not be reached at all (DNS failure, connection refused, no route): probably offline. */
  | 'offline'
  /** A connection was made but broke (reset, closed early) on every attempt. */
  | 'network'
  /** No complete answer within the time limit on every attempt. */
  | 'timeout'
  /** The server answered with an HTTP error status (after retries for 5xx/429). */
  | 'http'
  /** The body ended before its declared length, or its format shows it was cut off. */
  | 'truncated'
  /** A complete body that is not the data asked for (an HTML error page, an empty result, wrong format). */
  | 'invalid-body'
  /** Login refused or credentials missing. */
  | 'auth'
  /** The caller's AbortSignal fired. */
  | 'aborted';

export class SourceError extends Error {
  override readonly name: string = 'SourceError';
  readonly kind: SourceErrorKind;
  /** The URL asked for, with any user-info and query values that could be secret removed. */
  readonly url: string;
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  /** Number of attempts made (1 + retries). */
  readonly attempts: number;

  constructor(kind: SourceErrorKind, url: string, message: string, options: { status?: number; attempts?: number; cause?: unknown } = {}) {
    const shown = redactUrl(url);
    super(`${message} [${shown}]`, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.url = shown;
    this.status = options.status;
    this.attempts = options.attempts ?? 1;
  }
}

const SECRET_QUERY_KEYS = /^(password|passwd|pass|pwd|token|key|apikey|api_key|secret|identity|auth)$/i;

/** The URL without user-info and with the values of secret-looking query parameters replaced by `***`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
  parsed.username = '';
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_KEYS.test(key)) parsed.searchParams.set(key, '***');
  }
  return parsed.toString();
}
