import { must, type CheckContext } from '../../../engine/check';
import type { EksNodegroup } from '../../../model';
import { attempt } from '../../ec2/lib/decide';
import { regionSettings } from '../../ec2/lib/instances';
import { nodeTemplateOf, runsAl2023, type NodeTemplate } from './node-template';

/** One instance metadata setting of a node group's instances, and what decides it (undefined: nothing the inventory holds). */
export interface ImdsSetting<T> {
  readonly value?: T;
  readonly decidedBy: string;
}

export interface NodeImds {
  readonly template: NodeTemplate;
  /** The metadata service is off; undefined when that rests on region defaults that could not be read. */
  readonly endpointDisabled: boolean | undefined;
  /** Read on demand: each may rest on region defaults, which only the settings a check asks about need. */
  tokens(): ImdsSetting<'required' | 'optional'>;
  hopLimit(): ImdsSetting<number>;
}

const AL2023_DEFAULT = 'the EKS default for AL2023 managed nodes';

/**
 * What the node group's instances get, in EC2's order: the launch template version's own setting,
 * then the region's account default, then, for AL2023 node groups, EKS's documented default (see
 * runsAl2023). When EKS generated the template and the inventory does not hold it, only that
 * documented default is known: the generated template may override the account default.
 */
export function nodeImds(nodegroup: EksNodegroup, ctx: CheckContext): NodeImds {
  const template = nodeTemplateOf(nodegroup, ctx);
  if (template.kind === 'eks-generated-unseen') {
    return {
      template,
      endpointDisabled: false,
      tokens: () => (runsAl2023(nodegroup) ? { value: 'required', decidedBy: AL2023_DEFAULT } : { decidedBy: template.label }),
      hopLimit: () => (runsAl2023(nodegroup) ? { value: 1, decidedBy: AL2023_DEFAULT } : { decidedBy: template.label }),
    };
  }
  const own = template.version.metadataOptions;
  // The region's defaults are read only where the version leaves a setting open.
  const defaults = () => regionSettings(ctx).imdsDefaults;
  const region = `the account default of ${ctx.region}`;
  const endpoint = attempt(() => {
    if (own?.httpEndpoint !== undefined) return must(own.httpEndpoint);
    const regionEndpoint = defaults().httpEndpoint;
    return regionEndpoint === undefined ? 'enabled' : must(regionEndpoint);
  });
  const tokens = (): ImdsSetting<'required' | 'optional'> => {
    if (own?.httpTokens !== undefined) return { value: must(own.httpTokens), decidedBy: template.label };
    const regionTokens = defaults().httpTokens;
    return regionTokens !== 'no-preference' ? { value: regionTokens, decidedBy: region } : fallback(nodegroup, 'required', 'the AMI');
  };
  const hopLimit = (): ImdsSetting<number> => {
    if (own?.httpPutResponseHopLimit !== undefined) return { value: must(own.httpPutResponseHopLimit), decidedBy: template.label };
    const regionHops = defaults().httpPutResponseHopLimit;
    return regionHops !== undefined ? { value: regionHops, decidedBy: region } : fallback(nodegroup, 1, 'the AMI (EC2 gives 1, or 2 for AMIs registered with imds-support v2.0)');
  };
  return { template, endpointDisabled: endpoint.ok ? endpoint.value === 'disabled' : undefined, tokens, hopLimit };
}

function fallback<T>(nodegroup: EksNodegroup, al2023Value: T, otherwise: string): ImdsSetting<T> {
  return runsAl2023(nodegroup) ? { value: al2023Value, decidedBy: AL2023_DEFAULT } : { decidedBy: otherwise };
}
