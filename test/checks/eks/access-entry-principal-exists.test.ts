import { eksAccessEntryPrincipalExists } from '../../../lib/checks/eks/access-entry-principal-exists';
import { ACCOUNT, unresolved } from '../../fixtures/model';
import { fakeRole, fakeUser } from '../../fixtures/iam';
import { accessEntry, cluster, coverageDenying, judge, roleArn, statusesOf, userArn } from '../../fixtures/eks';

const CHECK = eksAccessEntryPrincipalExists;
const prod = cluster();

describe('eks-access-entry-principal-exists', () => {
  test('the role exists → PASS', () => {
    const entry = accessEntry(prod, roleArn('platform-admins'));
    expect(judge(CHECK, [entry, fakeRole('platform-admins')])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: entry.id }]);
  });

  test('trap: an entry ARN without the role path still finds the role that has one', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/ci/deployer`;
    const withPath = fakeRole('deployer', { path: '/ci/', arn, id: arn });
    expect(statusesOf(judge(CHECK, [accessEntry(prod, roleArn('deployer')), withPath]))).toEqual(['PASS']);
  });

  test('the user exists → PASS; the user was deleted → FAIL', () => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, userArn('bob')), fakeUser('bob')]))).toEqual(['PASS']);
    expect(statusesOf(judge(CHECK, [accessEntry(prod, userArn('bob'))]))).toEqual(['FAIL']);
  });

  test('the role was deleted → FAIL', () => expect(statusesOf(judge(CHECK, [accessEntry(prod, roleArn('gone'))]))).toEqual(['FAIL']));

  test('a principal of another account → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, 'arn:aws:iam::444455556666:role/vendor')]))).toEqual(['NOT_APPLICABLE']);
  });

  test('the principal is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, roleArn('x'), [], { principalArn: unresolved('<PrincipalArn>') })]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed: a missing role is not a deleted one → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, roleArn('gone'))], { coverage: coverageDenying('iam.role') }))).toEqual(['UNKNOWN']);
  });
});
