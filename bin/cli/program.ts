import { Command, CommanderError, Option } from 'commander';
import { HardeksError } from '../../lib/errors';
import { SEVERITIES } from '../../lib/engine/types';
import { TOOL_VERSION } from '../../lib/version';
import { runAudit, type AuditFlags } from './audit';
import { runChecksCommand, type ChecksFlags } from './checks';
import { runCollect, type CollectFlags } from './collect';
import { runPermissions, type PermissionsFlags } from './permissions';
import { runDiff, type DiffFlags } from './diff';
import { runSuppressionsValidate } from './suppressions';
import { EXIT } from './exit-codes';
import { REPORT_FORMATS } from '../../lib/report/formats';
import { PACK_IDS } from '../../lib/packs';

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

  const auditCommand = program
    .command('audit')
    .description('Judge an AWS account (live, by default), a snapshot or CloudFormation templates with the checks and print the findings.')
    .addOption(new Option('--snapshot <file>', 'audit a snapshot file (a serialized inventory)').conflicts(['demo', 'template', 'cdkOut']))
    .addOption(new Option('--demo', 'audit the built-in example account (no AWS account needed)').conflicts(['template', 'cdkOut']))
    .addOption(new Option('--template <files...>', 'audit CloudFormation templates (JSON or YAML) before they are deployed').conflicts('cdkOut'))
    .option('--cdk-out <dir>', 'audit every stack of a CDK cloud assembly (the cdk.out directory of `cdk synth`)')
    .option('--parameter <key=value>', 'template parameter or pseudo-parameter value (repeatable), e.g. AllowedCidr=10.0.0.0/8, AWS::AccountId=123456789012', collect, [])
    .addOption(
      new Option('-f, --format <format>', 'output format: text (terminal), json, sarif (code scanning), asff (Security Hub), ocsf, junit, csv, html')
        .choices(REPORT_FORMATS)
        .default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--framework <framework>', "only the checks of a framework's controls, with a per-control status table (text format)").choices(PACK_IDS))
    .option('--security-hub-region <region>', 'asff format: the region the findings are imported into (default: each finding\'s own)')
    .option('--checks <ids>', 'only these check ids, comma-separated', list)
    .option('--services <services>', 'only checks of these services, comma-separated (e.g. eks,iam)', list)
    .addOption(new Option('--severity-threshold <severity>', 'report only findings at or above this severity').choices(SEVERITIES))
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a FAIL at or above this severity remains (default: every FAIL shown)').choices(SEVERITIES),
    )
    .option('--suppressions <file>', 'accepted risks (YAML or JSON): findings are marked, statuses kept')
    .option('--strict', 'exit 3 when findings are UNKNOWN or ERROR (data missing or a check broke)')
    .option('--all', 'text format: also list PASS, NOT_APPLICABLE and suppressed findings')
    .option('--config <file>', 'check options (YAML or JSON): { checks: { <check-id>: { <option>: value } } }');
  addLiveOptions(auditCommand)
    .addHelpText(
      'after',
      '\nExit codes: 0 no FAIL at or above the threshold; 1 FAILs; 2 usage or input error; 3 with --strict, UNKNOWN or ERROR findings; 4 internal error.\n' +
        '\nExamples:\n  hardeks audit --demo\n  hardeks audit --snapshot account.json --format json --output report.json --fail-on high\n' +
        '  hardeks audit --demo --format html --output report.html\n  hardeks audit --demo --framework cis-aws-3.0\n' +
        '  hardeks audit --template network.yaml cluster.json --parameter AdminCidr=203.0.113.0/24\n  hardeks audit --cdk-out cdk.out --fail-on high\n' +
        '  hardeks audit --regions eu-west-1,us-east-1 --profile audit         (live: the account of the credentials)\n' +
        '  hardeks audit --role-arn arn:aws:iam::123456789012:role/Auditor --external-id ...\n',
    )
    .action(async (flags: AuditFlags) => {
      result.code = await runAudit(flags, io);
    });

  const collectCommand = program
    .command('collect')
    .description('Collect a live account into a snapshot file, to audit later or elsewhere with `audit --snapshot`.')
    .requiredOption('-o, --output <file>', 'where to write the snapshot (JSON)')
    .option('--services <services>', 'only collect what checks of these services read, comma-separated', list);
  addLiveOptions(collectCommand)
    .addHelpText('after', '\nExample:\n  hardeks collect --regions eu-west-1 --output account.json && hardeks audit --snapshot account.json\n')
    .action(async (flags: CollectFlags) => {
      result.code = await runCollect(flags, io);
    });

  program
    .command('permissions')
    .description('Print the read-only IAM policy a live audit needs (generated from what the collectors call).')
    .addOption(new Option('-f, --format <format>', 'json: an IAM policy document; text: one action per line').choices(['text', 'json']).default('json'))
    .option('--services <services>', 'only what checks of these services need, comma-separated', list)
    .action((flags: PermissionsFlags) => {
      result.code = runPermissions(flags, io);
    });

  program
    .command('checks')
    .description('List the check catalog with severities and Security Hub / CIS control ids.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--services <services>', 'only checks of these services, comma-separated', list)
    .action((flags: ChecksFlags) => {
      result.code = runChecksCommand(flags, io);
    });

  const suppressionsCommand = program.command('suppressions').description('Work with suppression (accepted risk) files.');
  suppressionsCommand
    .command('validate <file>')
    .description('Check a suppressions file: every problem at once; expired entries and entries that match no check are reported.')
    .addHelpText('after', '\nExit codes: 0 valid; 1 valid, but some entries are expired or match no known check; 2 not a valid suppressions file.\n')
    .action(async (file: string) => {
      result.code = await runSuppressionsValidate(file, io);
    });

  program
    .command('diff <old> <new>')
    .description('Compare two JSON reports (audit --format json): new, resolved and changed findings.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a new unsuppressed FAIL at or above this severity appears (default: any)').choices(SEVERITIES))
    .addHelpText(
      'after',
      '\nA finding is the same finding in both reports when its check id, resource id and key are (and its region, for account-wide findings).\n' +
        'Exit codes: 0 no regression; 1 new FAILs (or FAILs that were PASS or suppressed before); 2 unreadable or invalid report.\n' +
        '\nExample:\n  hardeks diff last-week.json today.json --fail-on high\n',
    )
    .action(async (oldFile: string, newFile: string, flags: DiffFlags) => {
      result.code = await runDiff(oldFile, newFile, flags, io);
    });

  return program;
}

/** Options of a live collection, shared by `audit` and `collect`. */
function addLiveOptions(command: Command): Command {
  return command
    .option('--regions <regions>', 'live: regions to audit, comma-separated (default: every enabled region)', list)
    .option('--profile <name>', 'live: shared config / SSO profile for credentials')
    .option('--role-arn <arn>', 'live: role to assume for the audit (STS AssumeRole, refreshed before it expires)')
    .option('--external-id <id>', 'live: external id for --role-arn')
    .option('--role-session-name <name>', 'live: session name for --role-arn')
    .option('--endpoint-url <url>', 'live: send every AWS call to this endpoint (an emulator); AWS_ENDPOINT_URL works too')
    .option('--concurrency <n>', 'live: AWS calls in flight at once, overall (default 96; at most 8 per service in each region)')
    .option('-q, --quiet', 'live: no progress display on stderr');
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
