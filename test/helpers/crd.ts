/**
 * A CustomResourceDefinition of `kind` in group example.com (plural: the kind in lower case with
 * an `s`), served and stored as v1, whose `spec` schema is `spec`: YAML lines already indented
 * under `spec:` (12 spaces).
 */
export function crdWithSpec(kind: string, spec: string): string {
  const plural = `${kind.toLowerCase()}s`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${plural}.example.com}
spec:
  group: example.com
  names: {kind: ${kind}, plural: ${plural}}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
${spec}`;
}
