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
