/** The CLI's whole contact with the outside world, injected so commands are testable in-process. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A failure the user caused (bad flag, unreadable file): printed as `stationkeeper: message`, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The `error` events of an output stream, as `process.stdout` emits them. */
export interface ErrorEmitter {
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

/**
 * A reader that closes the pipe early (`stationkeeper passes … | head`) ends the command quietly with status 0,
 * as Unix tools do, instead of an unhandled EPIPE stack trace; any other stream error is rethrown.
 */
export function exitOnBrokenPipe(stream: ErrorEmitter, exit: (code: number) => void): void {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}
