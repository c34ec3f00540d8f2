import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake on the command line: the command prints what was wrong and its usage, and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** `--help` or `-h`: the command prints its usage on stdout and exits 0, doing nothing else. */
export class HelpRequested extends Error {
  constructor(readonly usage: string) {
    super('help');
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The command's arguments, parsed strictly: an option it does not know, an option without its
 * value, or a word where none belongs is a UsageError; `--help`/`-h` is HelpRequested.
 */
export function parseCommandLine<O extends Options>(usage: string, options: O, { positionals = false, args = process.argv.slice(2) } = {}) {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested(usage);
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error), usage);
  }
}

/** node:util's messages, shortened to what a person at a terminal needs. */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  // e.g. "Unknown option '--rol'. To specify…", "Option '--role <value>' argument missing"
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument "${quoted}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `option ${quoted.split(' ')[0]} needs a value`;
  return (message ?? String(error)).split('\n')[0];
}
