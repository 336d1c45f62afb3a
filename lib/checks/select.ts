import type { Check } from '../engine/check';
import { InputError } from '../errors';

export interface CheckSelection {
  /** Check ids to run; unknown ids are an error. */
  readonly ids?: readonly string[];
  /** Services to run (`eks`, `iam`, …); unknown services are an error. */
  readonly services?: readonly string[];
}

/** Narrows a catalog to the checks asked for, keeping catalog order. Both filters apply when both are given. */
export function selectChecks(catalog: readonly Check[], selection: CheckSelection = {}): Check[] {
  const known = new Set(catalog.map((c) => c.id));
  const services = new Set(catalog.map((c) => c.service));
  const badIds = (selection.ids ?? []).filter((id) => !known.has(id));
  if (badIds.length > 0) {
    throw new InputError('UNKNOWN_CHECK', `unknown check id${badIds.length > 1 ? 's' : ''} ${badIds.join(', ')} (see \`hardeks checks\`)`);
  }
  const badServices = (selection.services ?? []).filter((s) => !services.has(s));
  if (badServices.length > 0) {
    throw new InputError(
      'UNKNOWN_SERVICE',
      `unknown service${badServices.length > 1 ? 's' : ''} ${badServices.join(', ')}; services with checks: ${[...services].sort().join(', ')}`,
    );
  }
  const ids = selection.ids && selection.ids.length > 0 ? new Set(selection.ids) : undefined;
  const wanted = selection.services && selection.services.length > 0 ? new Set(selection.services) : undefined;
  return catalog.filter((c) => (!ids || ids.has(c.id)) && (!wanted || wanted.has(c.service)));
}
