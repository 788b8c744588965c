import type { RuleDescriptor } from '../model/rule-descriptor.js';

/**
 * The checks built into loading and schema validation (the rules of `rules/` describe
 * themselves). Reports such as SARIF list them, and `docs/lint.md` explains them in full.
 */
const CHECKS: RuleDescriptor[] = [
  {
    id: 'api-unknown',
    defaultSeverity: 'error',
    description: 'An apiVersion/kind pair that Kubernetes does not serve.',
    help: 'A misspelled kind, a kind in the wrong API group or a version that does not exist: the API server rejects the object.\n\nUse the apiVersion and kind the message suggests.',
  },
  {
    id: 'crd-rule-not-evaluated',
    defaultSeverity: 'info',
    description: 'A CRD validation rule (CEL) kubeplan cannot evaluate.',
    help: 'The rule calls a Kubernetes CEL library function kubeplan does not implement (semver(), format(), ...), so custom resources are not checked against it; the API server still is.\n\nNothing to fix in the CRD; check such rules against a cluster (kubectl apply --dry-run=server).',
  },
  {
    id: 'crd-schema-invalid',
    defaultSeverity: 'warning',
    description: "A CustomResourceDefinition's schema cannot be used to validate its resources.",
    help: 'The openAPIV3Schema does not compile (for example an invalid regular expression), so custom resources of that version are not validated.\n\nFix the schema in the CRD.',
  },
  {
    id: 'directory-loop',
    defaultSeverity: 'warning',
    description: 'A symbolic link leads back into a directory being read.',
    help: 'The link is followed once and not again, so nothing is read twice or forever.\n\nRemove the link or exclude it with --exclude.',
  },
  {
    id: 'document-not-object',
    defaultSeverity: 'error',
    description: 'A YAML document or List item that is not an object.',
    help: 'A string, number or list cannot be applied to a cluster.\n\nMake the document a Kubernetes object or remove it.',
  },
  {
    id: 'file-binary',
    defaultSeverity: 'error',
    description: 'A binary file among the manifests.',
    help: 'The file contains NUL bytes, so it is not YAML or JSON.\n\nRemove it from the inputs or exclude it with --exclude.',
  },
  {
    id: 'file-encoding',
    defaultSeverity: 'error',
    description: 'A file that is not valid UTF-8.',
    help: 'kubectl reads manifests as UTF-8; other encodings garble text or fail.\n\nSave the file as UTF-8.',
  },
  {
    id: 'file-too-large',
    defaultSeverity: 'error',
    description: 'A file larger than the size limit, reported instead of parsed.',
    help: 'Very large files are usually generated dumps.\n\nRaise the limit with --max-file-size or exclude the file.',
  },
  {
    id: 'file-unreadable',
    defaultSeverity: 'error',
    description: 'An input that cannot be read.',
    help: 'A missing path, a dangling link, a pipe or a permission problem. The run exits with code 2.\n\nCheck the path.',
  },
  {
    id: 'internal-error',
    defaultSeverity: 'error',
    description: 'kubeplan itself failed on one object or file.',
    help: 'An unexpected exception in kubeplan while reading a file or checking an object: that file or object is not fully checked, everything else is. Please report it, with the input if you can.\n\nNothing to fix in the manifest, unless the message shows what kubeplan could not handle.',
  },
  {
    id: 'link-outside-inputs',
    defaultSeverity: 'warning',
    description: 'A symbolic link in a walked directory that leads outside the inputs.',
    help: 'The link is not followed, so nothing outside the paths given is read.\n\nPoint the link inside the inputs, name its target as an input, or exclude it with --exclude.',
  },
  {
    id: 'object-missing-type',
    defaultSeverity: 'error',
    description: 'An object without apiVersion or kind.',
    help: 'Every Kubernetes object needs both, or the API server cannot tell what it is.\n\nAdd the missing field.',
  },
  {
    id: 'schema-invalid',
    defaultSeverity: 'error',
    description: 'A field that does not match the Kubernetes API schema.',
    help: 'Wrong types, missing required fields, values outside an enum, malformed quantities, a CRD validation rule (CEL) that does not hold: the API server rejects the object.\n\nFix the field as the message says.',
  },
  {
    id: 'schema-missing',
    defaultSeverity: 'info',
    description: 'A kind with no schema to validate it against.',
    help: 'Neither a built-in kind nor one declared by a CustomResourceDefinition in the inputs, so its fields are not checked. Info, not a warning: nothing is wrong with the object, and custom resources whose CRDs live elsewhere are the normal case.\n\nAdd the CRD to the inputs or pass it with --crd to have them checked.',
  },
  {
    id: 'schema-unknown-field',
    defaultSeverity: 'error',
    description: "A field the object's type does not define.",
    help: 'Without strict validation the API server drops unknown fields silently, so a typo means a setting that never takes effect.\n\nFix the spelling or the indentation as suggested.',
  },
  {
    id: 'yaml-alias-limit',
    defaultSeverity: 'error',
    description: 'A document that expands YAML aliases too many times.',
    help: 'Such documents (an "alias bomb") can exhaust memory; the document is not checked.\n\nRemove the aliases.',
  },
  {
    id: 'yaml-duplicate-key',
    defaultSeverity: 'error',
    description: 'A key that appears twice in one mapping.',
    help: 'kubectl rejects the document; other tools keep one value or the other.\n\nRemove one of the keys.',
  },
  {
    id: 'yaml-empty',
    defaultSeverity: 'info',
    description: 'An empty file or document.',
    help: 'Nothing in it is applied.\n\nRemove it, or ignore this information.',
  },
  {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    description: 'Malformed YAML.',
    help: 'The document cannot be parsed (bad indentation, tabs, unclosed brackets...) and is skipped.\n\nFix the syntax at the position given.',
  },
  {
    id: 'yaml-warning',
    defaultSeverity: 'warning',
    description: 'Something the YAML parser warns about.',
    help: 'For example an unknown tag.\n\nCheck the construct at the position given.',
  },
];

export const CORE_CHECKS: readonly RuleDescriptor[] = CHECKS.map((c) => ({ ...c, tags: ['core'] }));
