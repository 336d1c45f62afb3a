/**
 * `hardeks/constructs`: CDK integration. aws-cdk-lib is imported only under constructs/ and bin/.
 * HardeksValidation audits every stack's synthesized template at `cdk synth` with the same checks
 * as `hardeks audit`, and records accepted risks in the template metadata.
 */
export { HardeksValidation, AcknowledgementError, type HardeksValidationProps, type HardeksAcknowledgement } from './validation';
