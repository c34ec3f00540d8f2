import { Writable } from 'node:stream';
import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { REDACTED, REDACTED_PATHS, withoutCredentials } from './log-redaction';

/**
 * Structured logs (pino): one JSON object a line on stderr, or coloured lines for a person in
 * development. Callers pass a message and, where useful, fields; fields named like a secret or
 * a resident's data are redacted, and credential-shaped text is cut out of messages. Callers
 * still pass only what may be logged: never a key, a token, a password or anything about a
 * resident's health.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** What a line says besides its message: `{ feed: 'iot.footfall_reading', rows: 120 }`. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Coloured, human-readable lines (NODE_ENV=development) instead of JSON. */
  pretty?: boolean;
}

/**
 * A logger at `level`. `write` receives each line without its newline (tests capture them);
 * by default lines go to stderr, synchronously, so that none is lost when the process exits.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void, options: LoggerOptions = {}): Logger {
  const destination = write ? lineWriter(write) : pino.destination({ fd: 2, sync: true });
  const stream = options.pretty ? pinoPretty({ sync: true, destination, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) : destination;
  const log = pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  const at =
    (lineLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      if (!log.isLevelEnabled(lineLevel)) return;
      log[lineLevel](fields ?? {}, withoutCredentials(message));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A stream that hands each line, without its newline, to `write`. */
function lineWriter(write: (line: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line !== '') write(line);
      done();
    },
  });
}
