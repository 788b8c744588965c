import { fieldOf, isString, WRONG_TYPE } from './field-of.js';
import type { RuleContext, RuleOptions } from './rule.js';
import type { KubeObject } from '../model/manifest.js';
import type { GroupKind } from '../model/group-kind.js';

/**
 * The option every missing-reference rule has. By default a reference to an object that is
 * not in the input is reported only when the input defines at least one object of that kind
 * in the same namespace: then the input looks like the whole set and the name is probably
 * wrong. When it defines none, the object is taken to be managed elsewhere (created by
 * another repository, a controller or by hand) and nothing is said. `assumeComplete: true`
 * reports every reference that the input does not satisfy.
 */
export interface ReferenceOptions {
  assumeComplete: boolean;
}

export const REFERENCE_OPTIONS: RuleOptions = {
  schema: {
    type: 'object',
    properties: {
      assumeComplete: {
        type: 'boolean',
        description: 'report references to objects of kinds the input does not define at all',
      },
    },
    additionalProperties: false,
  },
  defaults: { assumeComplete: false },
};

export const REFERENCE_NOTES =
  'A reference to an object that is not in the input is reported only when the input defines other objects of that kind in the same namespace (it then looks complete, and the name is likely wrong). When the input has none of that kind there, the object is assumed to be created elsewhere and nothing is reported; set the option `assumeComplete: true` to report those too.';

/**
 * False when `metadata.namespace` is there but not a string: where the object lands is unknown,
 * so rules that look up other objects in its namespace say nothing (the schema reports it).
 */
export function namespaceIsKnown(object: KubeObject): boolean {
  return fieldOf(object, ['metadata', 'namespace'], isString) !== WRONG_TYPE;
}

/** Whether a reference to a `kind` object that the input lacks should be reported. */
export function reportsMissing(ctx: RuleContext<ReferenceOptions>, kind: GroupKind, namespace: string): boolean {
  if (!namespaceIsKnown(ctx.object)) return false;
  return ctx.options.assumeComplete === true || ctx.index.hasKindIn(kind, namespace);
}

export const SELECTOR_NOTES =
  'Reported only when the input has pod templates (workloads or pods) in the namespace; when it has none, the pods are taken to be defined elsewhere. The option `assumeComplete: true` reports it in every case.';

/** Whether a selector that matches no pod template of the input should be reported. */
export function reportsNoPods(ctx: RuleContext<ReferenceOptions>): boolean {
  if (!namespaceIsKnown(ctx.object)) return false;
  return ctx.options.assumeComplete === true || ctx.index.podOwnersIn(ctx.namespace).length > 0;
}
