import { FieldSet } from './field-set.js';
import { fieldRef, isNamedField, type SsaRef, shapeOf } from './ssa-schema.js';

/**
 * The set with every struct field on its paths made a member too (`.spec` for `.spec.replicas`,
 * not `.metadata.labels` for a label): what the field manager compares when it decides which
 * fields an apply stops setting, so that a struct emptied by the apply goes with its fields.
 */
export function withNamedFields(set: FieldSet, ref: SsaRef | undefined): FieldSet {
  const shape = shapeOf(ref);
  const out = new FieldSet();
  for (const [id, element] of set.members) out.members.set(id, element);
  for (const [id, { element, set: child }] of set.children) {
    let childRef: SsaRef | undefined;
    if ('field' in element && shape.map) {
      if (isNamedField(shape.map, element.field)) out.members.set(id, element);
      childRef = fieldRef(shape.map, element.field);
    } else if ('key' in element && shape.list) {
      childRef = shape.list.element;
    }
    out.children.set(id, { element, set: withNamedFields(child, childRef) });
  }
  return out;
}
