/**
 * The IAM policy analyser: pure functions over the canonical PolicyDocument (lib/model/policy-document.ts).
 * Every answer that an Unresolved value could change is `unknown`, never a guess.
 */
export * from './tri';
export * from './wildcard';
export * from './actions';
export * from './statements';
export * from './permissions';
export * from './principals';
export * from './conditions';
export * from './resource-policy';
export * from './web-identity';
export * from './escalation';
