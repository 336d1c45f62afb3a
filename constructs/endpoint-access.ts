import { Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import ipaddr from 'ipaddr.js';
import { HardeningErrorCode, HardeningValidationError } from './errors';

/**
 * The networks allowed to reach a public API endpoint, each a valid CIDR that is not the whole
 * internet. Any prefix length of 0 is the world (`0.0.0.0/0`, `::/0`, but also `10.0.0.0/0`), and
 * is refused; so is a list of CIDRs that EKS would read as "everyone". Deploy-time tokens cannot be
 * judged here and are refused too: the endpoint must be provably restricted at synth.
 */
export function requirePublicAccessCidrs(cidrs: readonly string[], scope: IConstruct): string[] {
  const world: string[] = [];
  for (const cidr of cidrs) {
    if (Token.isUnresolved(cidr)) {
      throw new HardeningValidationError(HardeningErrorCode.INVALID_CIDR, 'publicAccessCidrs must be literal CIDRs known at synth time, not deploy-time values', scope);
    }
    const prefixLength = parsePrefixLength(cidr, scope);
    if (prefixLength === 0) world.push(cidr);
  }
  if (world.length > 0) {
    throw new HardeningValidationError(
      HardeningErrorCode.WORLD_OPEN_ENDPOINT,
      `publicAccessCidrs must not open the API endpoint to the whole internet (${world.join(', ')}); list the networks that need it, or leave it empty for a private endpoint`,
      scope,
    );
  }
  return [...cidrs];
}

function parsePrefixLength(cidr: string, scope: IConstruct): number {
  try {
    return ipaddr.parseCIDR(cidr)[1];
  } catch {
    throw new HardeningValidationError(HardeningErrorCode.INVALID_CIDR, `"${cidr}" in publicAccessCidrs is not an IPv4 or IPv6 network in CIDR notation`, scope);
  }
}
