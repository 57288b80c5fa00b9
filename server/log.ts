/** Structured one-line logs on stderr (JSON), with context fields. */
type Fields = Record<string, unknown>;

const LEVELS = { info: 0, warn: 1, error: 2 } as const;
const threshold = LEVELS[(process.env.LOG_LEVEL as keyof typeof LEVELS) ?? "info"] ?? 0;

function write(level: keyof typeof LEVELS, msg: string, fields?: Fields): void {
  if (LEVELS[level] < threshold) return;
  const entry: Fields = { t: new Date().toISOString(), level, msg, ...fields };
  if (fields?.err instanceof Error) entry.err = { message: fields.err.message, cause: String(fields.err.cause ?? "") };
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}

export const log = {
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
