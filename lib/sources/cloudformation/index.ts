/**
 * CloudFormation templates (hand-written, or `cdk synth` output) as inventories: the same checks
 * judge a stack before it is deployed.
 */
export { inventoryFromTemplate, suppressionsFromTemplate, mapTemplate, METADATA_KEY, METADATA_SOURCE } from './template';
export { parseTemplateText, asTemplate, type ParsedTemplate } from './parse';
export { loadTemplates, readCloudAssembly, stacksFromFiles, stackNameOf, mergeInventories, type StackFile, type LoadOptions, type LoadedTemplates } from './files';
export { Evaluator, evaluateCfnJson, finalize, type EvaluationScope, type Resolved } from './intrinsics';
export { MAPPED_TYPES, TEMPLATE_KINDS } from './mappers';
export { TemplateError, type CfnTemplate, type CfnResource, type TemplateOptions } from './types';
