import { iamServerCertificatesNotExpired } from '../../../lib/checks/iam/server-certificates-not-expired';
import { deniedCoverage } from '../../fixtures/model';
import { fakeServerCertificate, run, statusesOf } from '../../fixtures/iam';

describe('iam-server-certificates-not-expired', () => {
  test('expired → FAIL', () => expect(run(iamServerCertificatesNotExpired, [fakeServerCertificate('old', '2024-03-01T23:59:59Z')])[0]).toMatchObject({ status: 'FAIL', resource: { id: 'arn:aws:iam::111122223333:server-certificate/old' } }));
  test('valid → PASS', () => expect(statusesOf(run(iamServerCertificatesNotExpired, [fakeServerCertificate('new', '2027-02-10T23:59:59Z')]))).toEqual(['PASS']));
  test('no expiration collected → UNKNOWN', () => expect(statusesOf(run(iamServerCertificatesNotExpired, [fakeServerCertificate('x')]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(iamServerCertificatesNotExpired, [fakeServerCertificate('new', '2027-02-10T23:59:59Z')], { coverage: [deniedCoverage('iam.server-certificate')] })))).toEqual(new Set(['UNKNOWN'])));
});
