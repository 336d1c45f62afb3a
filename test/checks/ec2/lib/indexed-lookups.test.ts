import fc from 'fast-check';
import { ec2SgInUse } from '../../../../lib/checks/ec2/sg-in-use';
import { attempt, mentions, referenceIds, undecided } from '../../../../lib/checks/ec2/lib/decide';
import { evidenceOf, groupLabel, scanWorldIngress, tcpPortVerdicts } from '../../../../lib/checks/ec2/lib/exposure';
import { eksNodeReason, isGone } from '../../../../lib/checks/ec2/lib/instances';
import { versionsInUse } from '../../../../lib/checks/ec2/lib/launch-templates';
import { describeTraffic, opensPort } from '../../../../lib/checks/ec2/lib/rules';
import { Indeterminate, fail, must, notApplicable, pass, type CheckContext, type Verdict } from '../../../../lib/engine/check';
import { describeResolvable, type Instance, type LaunchTemplate, type Resolvable, type Resource, type SecurityGroup } from '../../../../lib/model';
import { EC2_KINDS, contextOver, ec2Arn, fakeEksNodegroup, fakeInstance, fakeLaunchTemplate, fakeSecurityGroup, ltVersion } from '../../../fixtures/ec2';
import { REGION, deniedCoverage, inventoryOf, okCoverage } from '../../../fixtures/model';
import { PREFIX_LISTS, clusters, ingressRules, instances, launchTemplates, networkInterfaces, nodegroups, securityGroups } from '../../../fixtures/performance';

/**
 * The EC2 checks look resources up through indexes built once per inventory (and per-rule caches)
 * instead of scanning every resource of a region for each one they judge. These properties hold
 * them to the scans they replace, written out below as they were: same verdicts, same messages,
 * same order of reasons, including for Unresolved values, gone instances, self-references and
 * kinds that were not collected.
 */

type Outcome<T> = { readonly value: T } | { readonly indeterminate: string };

function outcome<T>(judge: () => T): Outcome<T> {
  try {
    return { value: judge() };
  } catch (error) {
    if (error instanceof Indeterminate) return { indeterminate: error.reason };
    throw error;
  }
}

/** An inventory of one region, every EC2 kind collected, except (sometimes) one kind whose listing was denied. */
const region = fc
  .record({ groups: securityGroups, enis: networkInterfaces, instances, templates: launchTemplates, clusters, nodegroups, denied: fc.option(fc.constantFrom(...EC2_KINDS), { nil: undefined }) })
  .map(({ groups, enis, instances: list, templates, clusters: eks, nodegroups: groupsOfNodes, denied }) => {
    const resources: Resource[] = [...groups, ...enis, ...list, ...templates, ...eks, ...groupsOfNodes];
    const coverage = EC2_KINDS.map((kind) => (kind === denied ? deniedCoverage(kind, REGION, 'Describe') : okCoverage(kind)));
    return { groups, instances: list, templates, ctx: contextOver(inventoryOf(resources, { coverage })) };
  });

// ---- The scans the indexes replace ------------------------------------------------------------

function scannedSgInUse(group: SecurityGroup, ctx: CheckContext): Verdict {
  if (must(group.groupName) === 'default') return notApplicable(`${groupLabel(group)} is a default security group, which cannot be deleted.`);
  const { inventory } = ctx;
  const lists: (() => { by: string; references: readonly Resolvable<string>[] }[])[] = [
    () => inventory.inRegion('ec2.network-interface', ctx.region).map((eni) => ({ by: `network interface ${eni.networkInterfaceId}`, references: eni.securityGroupIds })),
    () =>
      inventory.inRegion('ec2.instance', ctx.region)
        .filter((instance) => !isGone(instance.state))
        .map((instance) => ({ by: `instance ${describeResolvable(instance.instanceId)}`, references: instance.securityGroupIds })),
    () => inventory.inRegion('ec2.launch-template', ctx.region).map((t) => ({ by: `launch template ${describeResolvable(t.name)}`, references: t.versions.flatMap((v) => v.securityGroupIds) })),
    () =>
      inventory.inRegion('ec2.security-group', ctx.region)
        .filter((other) => other.id !== group.id)
        .map((other) => ({
          by: `a rule of ${groupLabel(other)}`,
          references: [...other.ingress, ...other.egress].flatMap((r) => (r.peer.type === 'security-group' ? [r.peer.groupId] : [])),
        })),
    () =>
      inventory.inRegion('eks.cluster', ctx.region).map((c) => ({
        by: `EKS cluster ${describeResolvable(c.name)}`,
        references: [...c.securityGroupIds, ...(c.clusterSecurityGroupId === undefined ? [] : [c.clusterSecurityGroupId])],
      })),
  ];
  const ids = referenceIds(group.id, group.groupId);
  const gaps: string[] = [];
  for (const list of lists) {
    const listed = attempt(list);
    if (!listed.ok) {
      gaps.push(listed.reason);
      continue;
    }
    for (const holder of listed.value) {
      const match = mentions(holder.references, ids);
      if (match === 'yes') return pass(`${groupLabel(group)} is used by ${holder.by}.`, { evidence: { usedBy: holder.by } });
      if (match === 'maybe') gaps.push(`${holder.by} refers to a security group that is unresolved`);
    }
  }
  if (gaps.length > 0) return undecided(`Whether ${groupLabel(group)} is in use`, gaps);
  must(group.groupId);
  return fail(`${groupLabel(group)} is not used by any network interface, instance, launch template, security group rule or EKS cluster.`);
}

/** `versionsInUse` as it was, scanning every instance of the region for each template. */
function scannedVersionsInUse(template: LaunchTemplate, ctx: CheckContext): { uses: { versionNumber: number; usedAs: string[]; version?: unknown }[]; gaps: string[] } {
  const uses = new Map<number, string[]>();
  const gaps: string[] = [];
  const use = (versionNumber: number, by: string) => uses.set(versionNumber, [...(uses.get(versionNumber) ?? []), by]);
  if (template.defaultVersion !== undefined) use(template.defaultVersion, 'default');
  if (template.latestVersion !== undefined) use(template.latestVersion, 'latest');
  if (template.defaultVersion === undefined && template.latestVersion === undefined) for (const v of template.versions) use(v.versionNumber, 'declared');
  const ids = referenceIds(template.id, template.launchTemplateId);
  const names = referenceIds(template.id, template.name);
  const references: { by: string; version: Resolvable<string> }[] = [];
  const listed = attempt(() => ctx.inventory.inRegion('ec2.instance', ctx.region));
  if (!listed.ok) gaps.push(listed.reason);
  for (const instance of listed.ok ? listed.value : []) {
    if (!instance.launchTemplate || isGone(instance.state)) continue;
    const by = `instance ${describeResolvable(instance.instanceId)}`;
    const match = mentions([instance.launchTemplate.launchTemplateId], ids);
    if (match === 'yes') references.push({ by, version: instance.launchTemplate.version });
    else if (match === 'maybe') gaps.push(`${by} launches from a template whose id is unresolved`);
  }
  const nodegroups = attempt(() => ctx.inventory.inRegion('eks.nodegroup', ctx.region));
  if (!nodegroups.ok) gaps.push(nodegroups.reason);
  for (const nodegroup of nodegroups.ok ? nodegroups.value : []) {
    const ref = nodegroup.launchTemplate;
    if (!ref) continue;
    const by = `node group ${describeResolvable(nodegroup.name)}`;
    const match = ref.id !== undefined ? mentions([ref.id], ids) : ref.name !== undefined ? mentions([ref.name], names) : 'no';
    if (match === 'yes') references.push({ by, version: ref.version });
    else if (match === 'maybe') gaps.push(`${by} launches from a template that is unresolved`);
  }
  const single = template.versions.length === 1 ? template.versions[0]! : undefined;
  const only = single && (template.latestVersion ?? single.versionNumber) === single.versionNumber ? single.versionNumber : undefined;
  for (const reference of references) {
    const number = attempt(() => {
      const resolved = attempt(() => must(reference.version));
      if (!resolved.ok) {
        if (only !== undefined) return only;
        throw new Indeterminate(resolved.reason);
      }
      const text = resolved.value.trim();
      const known = text === '$Default' ? template.defaultVersion : text === '$Latest' ? template.latestVersion : Number(text);
      const n = known ?? only;
      if (n === undefined || !Number.isInteger(n)) throw new Indeterminate(`is "${text}", which the template does not record`);
      return n;
    });
    if (number.ok) use(number.value, reference.by);
    else gaps.push(`${reference.by} launches from a version that ${number.reason}`);
  }
  const recorded = new Map(template.versions.map((v) => [v.versionNumber, v]));
  const list = [...uses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([versionNumber, usedAs]) => {
      const version = recorded.get(versionNumber);
      return { versionNumber, usedAs: [...new Set(usedAs)], ...(version ? { version } : {}) };
    });
  return { uses: list, gaps };
}

/** Why an instance is an EKS node, with the template name found by a scan over every template. */
function scannedNodeReason(instance: Instance, ctx: CheckContext): string | undefined {
  const tags = instance.tags ?? {};
  const tag = Object.keys(tags).find((key) => ['eks:cluster-name', 'eks:eks-cluster-name', 'aws:eks:cluster-name'].includes(key) || key.startsWith('kubernetes.io/cluster/'));
  if (tag !== undefined) return `it is tagged ${tag}`;
  if (!instance.launchTemplate) return undefined;
  const templateId = must(instance.launchTemplate.launchTemplateId);
  const name = attempt(() => {
    const template = ctx.inventory.inRegion('ec2.launch-template', ctx.region).find((t) => t.id === templateId || mentions([t.launchTemplateId], new Set([templateId])) === 'yes');
    return template ? must(template.name) : undefined;
  });
  for (const nodegroup of ctx.inventory.inRegion('eks.nodegroup', ctx.region)) {
    const ref = nodegroup.launchTemplate;
    if (!ref) continue;
    if (ref.id === undefined && !name.ok) throw new Indeterminate(name.reason);
    const ids = new Set([templateId, ...(name.ok && name.value !== undefined ? [name.value] : [])]);
    const match = mentions([ref.id ?? ref.name].filter((v) => v !== undefined), ids);
    if (match === 'yes') return `node group ${describeResolvable(nodegroup.name)} launches it from template ${templateId}`;
    if (match === 'maybe') throw new Indeterminate(`node group ${describeResolvable(nodegroup.name)} launches from an unresolved template`);
  }
  return undefined;
}

function scannedPortVerdicts(group: SecurityGroup, ctx: CheckContext, ports: readonly number[], verdictPerPort: boolean, families: readonly ('ipv4' | 'ipv6')[]): Verdict[] {
  const internet = families.length === 1 ? `the ${families[0] === 'ipv4' ? 'IPv4' : 'IPv6'} internet` : 'the internet';
  const verdicts: Verdict[] = [];
  const closed: number[] = [];
  for (const port of ports) {
    const key = `Port::${port}`;
    const scan = scanWorldIngress(group, ctx, (t) => opensPort(t, 'tcp', port), families);
    if (scan.open.length > 0) {
      const sentence = scan.open.map((r) => `${r.source} (${describeTraffic(r.traffic)})`).join(', ');
      verdicts.push(fail(`${groupLabel(group)} admits ${internet} to TCP port ${port}: ${sentence}.`, { key, evidence: { port, rules: evidenceOf(scan.open) } }));
    } else if (scan.undecided.length > 0) verdicts.push(undecided(`Whether ${groupLabel(group)} admits ${internet} to TCP port ${port}`, scan.undecided, key));
    else if (verdictPerPort) verdicts.push(pass(`${groupLabel(group)} does not admit ${internet} to TCP port ${port}.`, { key }));
    else closed.push(port);
  }
  if (!verdictPerPort && verdicts.length === 0) {
    const which = closed.length === 1 ? `TCP port ${closed[0]}` : `the ${closed.length} listed TCP ports`;
    verdicts.push(pass(`${groupLabel(group)} admits ${internet} to none of ${which}.`, { evidence: { ports: closed } }));
  }
  return verdicts;
}

// ---- Properties ---------------------------------------------------------------------------------

describe('indexed lookups judge exactly as a scan of every resource does', () => {
  test('ec2-sg-in-use: the first use in holder order, the same unresolved reasons, its own rules never a use', () => {
    fc.assert(
      fc.property(region, ({ groups, ctx }) => {
        for (const group of groups) {
          expect(outcome(() => ec2SgInUse.evaluate(group, ctx))).toEqual(outcome(() => scannedSgInUse(group, ctx)));
        }
      }),
      { numRuns: 400 },
    );
  });

  test('its own unresolved rule does not make a group undecided', () => {
    const selfish = fakeSecurityGroup({ groupId: 'sg-0self', ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'security-group', groupId: { unresolved: '<Self>' } } }] });
    const ctx = contextOver(inventoryOf([selfish], { alsoCollected: EC2_KINDS }));
    expect(ec2SgInUse.evaluate(selfish, ctx)).toMatchObject({ status: 'FAIL' });
    expect(scannedSgInUse(selfish, ctx)).toMatchObject({ status: 'FAIL' });
  });

  test('launch templates: the versions in use, by whom, in inventory order, and the same gaps', () => {
    fc.assert(
      fc.property(region, ({ templates, ctx }) => {
        for (const template of templates) expect(outcome(() => versionsInUse(template, ctx))).toEqual(outcome(() => scannedVersionsInUse(template, ctx)));
      }),
      { numRuns: 400 },
    );
  });

  test('launch templates: instances naming a template by its ARN and by its id keep their inventory order', () => {
    const template = fakeLaunchTemplate({ launchTemplateId: 'lt-0nodes', versions: [ltVersion(1), ltVersion(2)], defaultVersion: 1, latestVersion: 2 });
    const byId = fakeInstance({ instanceId: 'i-0first', launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } });
    const byArn = fakeInstance({ instanceId: 'i-0second', launchTemplate: { launchTemplateId: template.id, version: '1' } });
    const ctx = contextOver(inventoryOf([template, byId, byArn], { alsoCollected: EC2_KINDS }));
    const { uses } = versionsInUse(template, ctx);
    expect(uses.find((u) => u.versionNumber === 1)?.usedAs).toEqual(['default', 'instance i-0first', 'instance i-0second']);
    expect(versionsInUse(template, ctx)).toEqual(scannedVersionsInUse(template, ctx));
  });

  test('EKS nodes: of two templates answering to one id, the first in inventory order names it', () => {
    const first = fakeLaunchTemplate({ launchTemplateId: 'lt-0shared', name: 'first' });
    const second = fakeLaunchTemplate({ id: ec2Arn('launch-template', 'lt-0other'), launchTemplateId: 'lt-0shared', name: 'second' });
    const instance = fakeInstance({ tags: {}, launchTemplate: { launchTemplateId: 'lt-0shared', version: '1' } });
    const nodegroup = fakeEksNodegroup({ launchTemplate: { name: 'first', version: '1' } });
    const ctx = contextOver(inventoryOf([first, second, instance, nodegroup], { alsoCollected: EC2_KINDS }));
    expect(eksNodeReason(instance, ctx)).toContain('node group workers');
    expect(eksNodeReason(instance, ctx)).toEqual(scannedNodeReason(instance, ctx));
  });

  test('EKS nodes: the template an instance launched from is found by id as the scan found it', () => {
    fc.assert(
      fc.property(region, ({ instances: list, ctx }) => {
        for (const instance of list) expect(outcome(() => eksNodeReason(instance, ctx))).toEqual(outcome(() => scannedNodeReason(instance, ctx)));
      }),
      { numRuns: 400 },
    );
  });

  test('exposure: ports judged over the candidate rules give the verdicts of a full scan per port', () => {
    const portLists = fc.constantFrom([22], [3389], [22, 3389], [20, 21, 22, 23, 25, 80, 443, 3306, 3389, 5432], []);
    fc.assert(
      fc.property(ingressRules, portLists, fc.boolean(), fc.constantFrom<('ipv4' | 'ipv6')[]>(['ipv4', 'ipv6'], ['ipv4'], ['ipv6']), (ingress, ports, perPort, families) => {
        const group = fakeSecurityGroup({ ingress });
        const ctx = contextOver(inventoryOf([group, ...PREFIX_LISTS], { alsoCollected: EC2_KINDS }));
        const judged = outcome(() => tcpPortVerdicts(group, ctx, ports, { verdictPerPort: perPort, families }));
        const scanned = outcome(() => scannedPortVerdicts(group, ctx, ports, perPort, families));
        expect(judged).toEqual(scanned);
      }),
      { numRuns: 500 },
    );
  });

  test('exposure: an unresolved rule is reported for every port, a prefix list is looked up only for ports its traffic reaches', () => {
    const group = fakeSecurityGroup({
      ingress: [
        { protocol: { unresolved: '<Proto>' }, peer: { type: 'ipv4', cidr: '0.0.0.0/0' } },
        { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'prefix-list', prefixListId: 'pl-0missing' } },
      ],
    });
    const ctx = contextOver(inventoryOf([group], { alsoCollected: EC2_KINDS }));
    const verdicts = tcpPortVerdicts(group, ctx, [22, 443], { verdictPerPort: true });
    expect(verdicts.map((v) => [v.key, v.status])).toEqual([
      ['Port::22', 'UNKNOWN'],
      ['Port::443', 'UNKNOWN'],
    ]);
    expect(verdicts[0]!.message).not.toContain('pl-0missing');
    expect(verdicts[1]!.message).toContain('pl-0missing');
  });
});
