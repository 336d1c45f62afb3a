import { fixture, resource } from './fixture';
import { mapTemplate } from '../../../lib/sources/cloudformation/template';
import { parseTemplateText } from '../../../lib/sources/cloudformation/parse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES } from './fixture';

const inventory = fixture('iam.json');

describe('AWS::IAM::Role', () => {
  test('inline policies, defaults and attached AWS managed policies', () => {
    const role = resource(inventory, 'iam.role', 'AppRole');
    expect(role).toMatchObject({ name: 'cfn:Test/AppRole', arn: 'cfn:Test/AppRole', path: '/', maxSessionDurationSeconds: 7200 });
    // The deploying account, unknown until given: a readable Unresolved rather than a guess.
    expect(role.trustPolicy).toMatchObject({ Statement: [{ Principal: { AWS: [{ unresolved: 'arn:<AWS::Partition>:iam::<AWS::AccountId>:root' }] } }] });
    expect(role.inlinePolicies[0]).toEqual({ name: 'inline', document: { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }] } });
    expect(role.attachedPolicies).toEqual([
      { unresolved: 'arn:<AWS::Partition>:iam::aws:policy/ReadOnlyAccess' },
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      'cfn:Test/Shared',
    ]);
    expect(role.instanceProfiles).toEqual(['cfn:Test/AppProfile']);
  });

  test('AWS managed policies get a record whose document is unknown, never "absent"', () => {
    const viewOnly = inventory.resources['iam.policy']!.find((p) => p.id === 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess');
    expect(viewOnly).toMatchObject({ awsManaged: true, name: 'ViewOnlyAccess', path: '/job-function/', document: { unresolved: '<AWS managed policy ViewOnlyAccess>' } });
  });

  test('a literal RoleName is the role name and, with account and partition known, its ARN', () => {
    const known = fixture('iam.json', { accountId: '111122223333', parameters: { 'AWS::Partition': 'aws' } });
    expect(resource(known, 'iam.role', 'NamedRole')).toMatchObject({ name: 'deployer', arn: 'arn:aws:iam::111122223333:role/ci/deployer', path: '/ci/' });
    expect(resource(known, 'iam.role', 'AppRole').trustPolicy).toMatchObject({ Statement: [{ Principal: { AWS: ['arn:aws:iam::111122223333:root'] } }] });
  });
});

describe('AWS::IAM::Policy and AWS::IAM::RolePolicy (folded)', () => {
  test('a separate policy becomes an inline policy of every role and user it names', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['cfn:Test/Key'] }] };
    expect(resource(inventory, 'iam.role', 'AppRole').inlinePolicies).toContainEqual({ name: 'AppRoleDefaultPolicy', document: doc });
    expect(resource(inventory, 'iam.user', 'Alice').inlinePolicies).toEqual([{ name: 'AppRoleDefaultPolicy', document: doc }]);
  });

  test('a role policy finds its role by literal name', () => {
    expect(resource(inventory, 'iam.role', 'NamedRole').inlinePolicies).toEqual([
      { name: 'deploy', document: { Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] } },
    ]);
  });

  test('acceptances in a folded policy metadata apply to what it was folded into', () => {
    const file = join(TEMPLATES, 'iam.json');
    const { template } = parseTemplateText(readFileSync(file, 'utf8'));
    const { suppressions } = mapTemplate(template, { stack: 'Test' });
    expect(suppressions.map((s) => [s.checkId, s.resource, s.source])).toEqual([
      ['iam-*', 'cfn:Test/AppRole', 'cfn-metadata'],
      ['iam-*', 'cfn:Test/Alice', 'cfn-metadata'],
    ]);
  });
});

describe('AWS::IAM::ManagedPolicy', () => {
  test('customer managed: parsed document, attached to the principals it names', () => {
    expect(resource(inventory, 'iam.policy', 'Shared')).toMatchObject({
      awsManaged: false,
      arn: 'cfn:Test/Shared',
      document: { Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: ['*'] }] },
      attachmentCount: 2,
    });
    expect(resource(inventory, 'iam.group', 'Developers').attachedPolicies).toEqual(['cfn:Test/Shared']);
  });
});

describe('AWS::IAM::Group and AWS::IAM::GroupPolicy', () => {
  test('a group policy is folded into the group', () => {
    expect(resource(inventory, 'iam.group', 'Developers')).toMatchObject({ name: 'developers', inlinePolicies: [{ name: 'dev' }] });
  });
});

describe('AWS::IAM::User and AWS::IAM::UserToGroupAddition', () => {
  test('groups by id, a login profile is a console password', () => {
    const alice = resource(inventory, 'iam.user', 'Alice');
    expect(alice.hasConsolePassword).toBe(true);
    expect(alice.groups).toEqual([{ unresolved: 'arn:<AWS::Partition>:iam::<AWS::AccountId>:group/ops' }, 'cfn:Test/Developers']);
    expect(resource(inventory, 'iam.user', 'Bob')).toMatchObject({ name: 'bob', hasConsolePassword: false, groups: [], inlinePolicies: [] });
  });
});

describe('AWS::IAM::InstanceProfile', () => {
  test('is recorded on the role it carries (see AWS::IAM::Role)', () => {
    expect(resource(inventory, 'iam.role', 'NamedRole').instanceProfiles).toEqual([]);
    expect(resource(inventory, 'iam.role', 'AppRole').instanceProfiles).toEqual(['cfn:Test/AppProfile']);
  });
});

describe('AWS::IAM::OIDCProvider', () => {
  test('the url is stored without its scheme, as IAM stores it', () => {
    expect(resource(inventory, 'iam.oidc-provider', 'Provider')).toMatchObject({
      url: 'token.actions.githubusercontent.com',
      clientIds: ['sts.amazonaws.com'],
      thumbprints: [],
    });
  });
});

describe('AWS::AccessAnalyzer::Analyzer', () => {
  test('a declared analyzer is active', () => {
    expect(resource(inventory, 'accessanalyzer.analyzer', 'Analyzer')).toMatchObject({ name: 'account', type: 'ACCOUNT', status: 'ACTIVE' });
  });
});
