import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { CIS_AWS, securityHubIam } from './support/references';

export const iamServerCertificatesNotExpired = defineResourceCheck({
  id: 'iam-server-certificates-not-expired',
  kind: 'iam.server-certificate',
  title: 'No expired SSL/TLS certificate is stored in IAM',
  severity: 'medium',
  description: 'The IAM server certificate has not expired (its expiration is after the audit time).',
  risk: 'An expired certificate deployed by mistake to a load balancer or CloudFront breaks TLS for clients and damages trust in the service.',
  remediation: 'Delete the expired certificate (aws iam delete-server-certificate --server-certificate-name <name>); prefer AWS Certificate Manager, which renews.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html', securityHubIam(26), CIS_AWS],
  frameworks: { securityHub: ['IAM.26'], cisAws: { '3.0': ['1.19'], '4.0': ['1.19'] } },

  evaluate(certificate, ctx) {
    if (certificate.expiration === undefined) return unknown(`The expiration date of ${certificate.name} was not collected.`);
    const expired = Date.parse(certificate.expiration) <= ctx.now.getTime();
    const evidence = { expiration: certificate.expiration };
    return expired ? fail(`${certificate.name} expired on ${certificate.expiration}.`, { evidence }) : pass(`${certificate.name} is valid until ${certificate.expiration}.`, { evidence });
  },
});
