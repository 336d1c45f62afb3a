#!/usr/bin/env node
import { main } from './cli/program';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  // main() turns every error into an exit code; this is the last line of defence.
  (error: unknown) => {
    process.stderr.write(`hardeks: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 4;
  },
);
