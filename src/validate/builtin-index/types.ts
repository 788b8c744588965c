/**
 * The shape of the generated built-in index. A field shape is `scalar`, `#<Type>` for an object
 * type listed in `types`, `[]<shape>` for a list and `{}<shape>` for a map with string keys.
 */
export interface BuiltinIndex {
  /** Version of the kubernetes-models package the index was read from. */
  modelsVersion: string;
  /** `"<apiVersion> <kind>"` → the type name of the object's root. */
  kinds: Record<string, string>;
  /** Type name → field name → field shape. */
  types: Record<string, Record<string, string>>;
}

/** A module of kubernetes-models' precompiled validators. */
export interface ValidatorModule {
  validate: (data: unknown) => boolean;
}
