import { defineResourceCheck, fail, must, notApplicable, pass, unknown } from '../../engine/check';
import { lookUpPrincipal } from './lib/lookup';
import { eksGuide, wellArchitected } from './lib/references';

export const eksAccessEntryPrincipalExists = defineResourceCheck({
  id: 'eks-access-entry-principal-exists',
  kind: 'eks.access-entry',
  title: 'EKS access entries name IAM principals that still exist',
  severity: 'low',
  description:
    'The IAM role or user an access entry names exists in the account (roles are matched by name, with or without a path). ' +
    'Principals of other accounts are NOT_APPLICABLE, as are, on a template, principals the template does not declare.',
  risk:
    'EKS keeps an entry when its principal is deleted, and a principal recreated with the same ARN does not inherit it (EKS ' +
    'binds the unique id): stale entries hide who really has access and break the access a rebuilt role was meant to have.',
  remediation: 'aws eks delete-access-entry --cluster-name <cluster> --principal-arn <ARN>; recreate it for a recreated principal.',
  references: [eksGuide('creating-access-entries'), eksGuide('deleting-access-entries'), wellArchitected('sec_permissions_lifecycle')],
  frameworks: { wellArchitected: ['SEC03-BP06'] },

  evaluate(entry, ctx) {
    const principal = must(entry.principalArn);
    const cluster = must(entry.clusterName);
    const lookup = lookUpPrincipal(principal, ctx);
    switch (lookup.state) {
      case 'found':
        return pass(`The ${lookup.type} ${principal} of the access entry on ${cluster} exists.`);
      case 'foreign':
        return notApplicable(`${principal} belongs to account ${lookup.accountId}, outside this inventory.`);
      case 'unrecognised':
        return unknown(`${principal} is neither an IAM role or user ARN nor a principal of the inventory.`);
      case 'missing':
        if (ctx.inventory.inventory.source.type === 'template') return notApplicable(`${principal} is not declared in the template.`);
        return fail(`The access entry on ${cluster} names the IAM ${lookup.type} ${lookup.name}, which no longer exists.`, { evidence: { principalArn: principal } });
    }
  },
});
