import { describe, expect, it } from '@jest/globals';
import { validateYaml } from '../helpers/validate.js';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: workflows.argoproj.io}
spec:
  group: argoproj.io
  names: {kind: Workflow, plural: workflows, singular: workflow, listKind: WorkflowList}
  scope: Namespaced
  versions:
  - name: v1alpha1
    served: true
    storage: true
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
---
`;

describe('a kind no schema describes', () => {
  it('in a custom group: unchecked (a warning), even when another CRD of the group is in the input', async () => {
    expect(
      await validateYaml(`${CRD}apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: app}\n`),
    ).toEqual([
      '16:7 schema-missing no schema for Application (argoproj.io/v1alpha1): not a built-in kind and no CustomResourceDefinition declares it; add the CRD to the input or pass --crd',
    ]);
  });

  it('in a built-in group: an error, with the closest kind', async () => {
    expect(await validateYaml('apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n')).toEqual([
      '2:7 api-unknown apps/v1 has no kind "Deploymnet"; did you mean "Deployment"?',
    ]);
  });
});
