import { type Command, CommanderError } from 'commander';

/**
 * Parses argv with commander without letting it exit the process: returns null when the command
 * should run, or the exit code to stop with — 0 after --help/--version, 2 after a usage error
 * (commander has already printed the message).
 */
export function parseCommandLine(program: Command, argv: string[]): number | null {
  program.exitOverride((err: CommanderError) => {
    throw err;
  });
  try {
    program.parse(argv, { from: 'node' });
    return null;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}

/**
 * Runs a command's main function: its result is the exit code; an unexpected error is printed
 * with the command's name and exits 1.
 */
export function runCommand(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
