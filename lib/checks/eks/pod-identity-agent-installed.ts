import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { addonNamed } from './lib/addon-config';
import { partsOf } from './lib/lookup';
import { CIS_EKS, eksGuide } from './lib/references';

const AGENT = 'eks-pod-identity-agent';
/** Add-on states in which the agent is (or is about to be) running. */
const RUNNING = new Set(['ACTIVE', 'CREATING', 'UPDATING']);

export const eksPodIdentityAgentInstalled = defineResourceCheck({
  id: 'eks-pod-identity-agent-installed',
  kind: 'eks.cluster',
  title: 'Clusters with Pod Identity associations run the Pod Identity agent',
  severity: 'low',
  description:
    'A cluster that has EKS Pod Identity associations runs the eks-pod-identity-agent add-on in a working state (ACTIVE, ' +
    'CREATING or UPDATING; a template\'s add-on has no state and counts). EKS Auto Mode clusters have the agent built in and ' +
    'pass. Clusters without associations are NOT_APPLICABLE. An agent installed outside the add-on (a Helm chart) is not ' +
    'visible to the EKS API: suppress the finding for such clusters.',
  risk:
    'Without the agent no pod receives its association\'s credentials: AWS SDKs fall back to the node role through IMDS where ' +
    'it is reachable, so the workloads run with the node\'s permissions, or fail.',
  remediation: 'aws eks create-addon --cluster-name <cluster> --addon-name eks-pod-identity-agent (HardenedEksCluster installs it).',
  references: [eksGuide('pod-id-agent-setup'), eksGuide('pod-identities'), CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const associations = partsOf('eks.pod-identity-association', cluster, ctx);
    if (associations.length === 0) return notApplicable(`Cluster ${name} has no Pod Identity association.`);
    const evidence = { associations: associations.length };
    if (cluster.autoMode !== undefined && must(cluster.autoMode)) return pass(`Cluster ${name} runs EKS Auto Mode, which has the Pod Identity agent built in.`, { evidence });
    const agent = addonNamed(cluster, AGENT, ctx);
    if (!agent) return fail(`Cluster ${name} has ${associations.length} Pod Identity association(s) but no ${AGENT} add-on to serve them.`, { evidence });
    if (agent.status === undefined || RUNNING.has(agent.status)) return pass(`Cluster ${name} runs the ${AGENT} add-on${agent.status ? ` (${agent.status})` : ''}.`, { evidence: { ...evidence, addon: agent.id } });
    return fail(`The ${AGENT} add-on of cluster ${name} is ${agent.status}: its ${associations.length} association(s) get no credentials.`, {
      evidence: { ...evidence, addon: agent.id, status: agent.status },
    });
  },
});
