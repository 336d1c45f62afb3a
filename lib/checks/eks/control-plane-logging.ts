import { defineResourceCheck, fail, mustAll, pass, type Verdict } from '../../engine/check';
import { EKS_LOG_TYPES } from '../../model';

export const eksControlPlaneLogging = defineResourceCheck({
  id: 'eks-control-plane-logging',
  kind: 'eks.cluster',
  title: 'EKS control-plane logs are shipped to CloudWatch Logs',
  severity: 'medium',
  description:
    'Each required control-plane log type is enabled, reported one finding per type (key `LogType::<type>`). ' +
    'Option `requiredLogTypes` (default: all five: api, audit, authenticator, controllerManager, scheduler) ' +
    'lists the types that must be on; the audit log is the one Security Hub EKS.8 and CIS EKS 2.1.1 require.',
  risk:
    'Without the audit and authenticator logs there is no record of who did what through the Kubernetes API: ' +
    'an intrusion cannot be detected or investigated, and GuardDuty-independent detections have nothing to read.',
  remediation:
    'Enable the missing log types (aws eks update-cluster-config --logging ' +
    '\'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}\'). ' +
    'HardenedEksCluster enables all five into a retained, encrypted log group.',
  references: [
    'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-8',
  ],
  frameworks: { securityHub: ['EKS.8'], cisEks: { '1.7': ['2.1.1'] } },
  defaultOptions: { requiredLogTypes: [...EKS_LOG_TYPES] },

  evaluate(cluster, ctx) {
    const required = ctx.options.requiredLogTypes as readonly string[];
    const enabled = new Set(mustAll(cluster.enabledLogTypes));
    return required.map((type): Verdict => {
      const key = `LogType::${type}`;
      return enabled.has(type)
        ? pass(`The ${type} log is enabled.`, { key })
        : fail(`The ${type} log is not enabled.`, { key, evidence: { enabledLogTypes: [...enabled] } });
    });
  },
});
