/**
 * The Lambda bundle (`npm run bundle:lambda`): only the SDK clients the handlers and collectors
 * use, a measured size, and the four handlers the constructs name.
 */
import { readFileSync, statSync } from 'node:fs';
import { AUDIT_HANDLERS } from '../../constructs/scheduled-audit';
import { AUDIT_BUNDLE, AUDIT_BUNDLE_META, ensureAuditBundle } from './bundle-support';

beforeAll(() => ensureAuditBundle(), 60_000);

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

const output = () => Object.values((JSON.parse(readFileSync(AUDIT_BUNDLE_META, 'utf8')) as Metafile).outputs).find((o) => o.bytes > 1000)!;

test('only the SDK clients the audit and its deliveries use are bundled', () => {
  const clients = new Set(Object.keys(output().inputs).flatMap((file) => /node_modules\/@aws-sdk\/(client-[^/]+)\//.exec(file)?.[1] ?? []));
  expect([...clients].sort()).toEqual([
    // collectors
    'client-accessanalyzer', 'client-cloudtrail', 'client-ec2', 'client-eks', 'client-guardduty', 'client-iam', 'client-kms', 'client-s3', 'client-sts',
    // deliveries: reports (S3, above), notifications, Security Hub, the organization's accounts
    'client-organizations', 'client-securityhub', 'client-sns',
  ].sort());
});

test('the bundle stays small: under 5 MiB unzipped, nothing from the CDK', () => {
  const bytes = statSync(AUDIT_BUNDLE).size;
  expect(bytes).toBe(output().bytes);
  expect(bytes).toBeLessThan(5 * 1024 * 1024);
  expect(Object.keys(output().inputs).filter((f) => /node_modules\/(aws-cdk-lib|constructs|cdk-nag)\//.test(f))).toEqual([]);
});

test('it exports the handlers the constructs name, and loads without the network', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(AUDIT_BUNDLE) as Record<string, unknown>;
  for (const handler of Object.values(AUDIT_HANDLERS)) expect(typeof bundle[handler.replace(/^index\./, '')]).toBe('function');
});
