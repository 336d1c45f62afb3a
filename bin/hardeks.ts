#!/usr/bin/env node
import { main } from './cli/program';

// `hardeks … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// The SDK's notice about its own future Node.js requirement would precede every report; hardeks supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

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
