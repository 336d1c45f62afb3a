import type { Check } from '../../engine/check';
import { vpcFlowLogsEnabled } from './flow-logs-enabled';
import { vpcSubnetNoAutoPublicIp } from './subnet-no-auto-public-ip';

/** VPC checks in report order. */
export const VPC_CHECKS: readonly Check[] = [vpcFlowLogsEnabled, vpcSubnetNoAutoPublicIp];
