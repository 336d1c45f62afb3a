import { Command, CommanderError, Option } from 'commander';
import { HardeksError } from '../../lib/errors';
import { SEVERITIES } from '../../lib/engine/types';
import { TOOL_VERSION } from '../../lib/version';
import { runAudit, type AuditFlags } from './audit';
import { runChecksCommand, type ChecksFlags } from './checks';
import { EXIT } from './exit-codes';

/** Repeatable options accumulate. */
const collect = (value: string, previous: string[]) => [...previous, value];

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Builds the command tree. Actions store their exit code in `result`; nothing here exits the process. */
function buildProgram(io: Io, result: { code: number }): Command {
  const program = new Command('hardeks')
    .description('Audit the AWS cloud layer of EKS: IAM, network, KMS, CloudTrail, GuardDuty and EKS.')
    .version(TOOL_VERSION, '-v, --version', 'print the hardeks version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line, no usage dump: "hardeks: unknown option '--x' (Did you mean --format?)".
      outputError: (s, write) => write(`hardeks: ${s.replace(/^error: /, '').trim()}\n`),
    });

  program
    .command('audit')
    .description('Judge an inventory with the checks and print the findings.')
    .addOption(new Option('--snapshot <file>', 'audit a snapshot file (a serialized inventory)').conflicts(['demo', 'template', 'cdkOut']))
    .addOption(new Option('--demo', 'audit the built-in example account (no AWS account needed)').conflicts(['template', 'cdkOut']))
    .addOption(new Option('--template <files...>', 'audit CloudFormation templates (JSON or YAML) before they are deployed').conflicts('cdkOut'))
    .option('--cdk-out <dir>', 'audit every stack of a CDK cloud assembly (the cdk.out directory of `cdk synth`)')
    .option('--parameter <key=value>', 'template parameter or pseudo-parameter value (repeatable), e.g. AllowedCidr=10.0.0.0/8, AWS::AccountId=123456789012', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--checks <ids>', 'only these check ids, comma-separated', list)
    .option('--services <services>', 'only checks of these services, comma-separated (e.g. eks,iam)', list)
    .addOption(new Option('--severity-threshold <severity>', 'report only findings at or above this severity').choices(SEVERITIES))
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a FAIL at or above this severity remains (default: every FAIL shown)').choices(SEVERITIES),
    )
    .option('--suppressions <file>', 'accepted risks (YAML or JSON): findings are marked, statuses kept')
    .option('--strict', 'exit 3 when findings are UNKNOWN or ERROR (data missing or a check broke)')
    .option('--all', 'text format: also list PASS, NOT_APPLICABLE and suppressed findings')
    .addHelpText(
      'after',
      '\nExit codes: 0 no FAIL at or above the threshold; 1 FAILs; 2 usage or input error; 3 with --strict, UNKNOWN or ERROR findings; 4 internal error.\n' +
        '\nExamples:\n  hardeks audit --demo\n  hardeks audit --snapshot account.json --format json --output report.json --fail-on high\n' +
        '  hardeks audit --template network.yaml cluster.json --parameter AdminCidr=203.0.113.0/24\n  hardeks audit --cdk-out cdk.out --fail-on high\n',
    )
    .action(async (flags: AuditFlags) => {
      result.code = await runAudit(flags, io);
    });

  program
    .command('checks')
    .description('List the check catalog with severities and Security Hub / CIS control ids.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--services <services>', 'only checks of these services, comma-separated', list)
    .action((flags: ChecksFlags) => {
      result.code = runChecksCommand(flags, io);
    });

  return program;
}

/** Runs the CLI and returns the exit code. Every expected failure is one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const result = { code: EXIT.OK as number };
  const program = buildProgram(io, result);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are requested output; everything else commander raises is a usage error it already printed.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (error instanceof HardeksError) {
      io.stderr.write(`hardeks: ${error.message} [${error.code}]\n`);
      return EXIT.USAGE;
    }
    io.stderr.write(`hardeks: internal error: ${error instanceof Error ? error.message : String(error)} (set HARDEKS_DEBUG=1 for details)\n`);
    if (io.env.HARDEKS_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.INTERNAL;
  }
}
