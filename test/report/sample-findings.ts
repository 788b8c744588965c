import type { Finding } from '../../src/model/finding.js';
import type { RuleDescriptor } from '../../src/model/rule-descriptor.js';

/** A fixed set of findings that exercises every field the formatters print. */
export const SAMPLE_FINDINGS: Finding[] = [
  {
    ruleId: 'schema-invalid',
    severity: 'error',
    message: 'spec.replicas: expected integer, got string "2"',
    file: 'deploy/api.yaml',
    line: 10,
    column: 13,
    endLine: 10,
    endColumn: 16,
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' },
    pointer: '/spec/replicas',
    phase: 'schema',
  },
  {
    ruleId: 'image-tag-latest',
    severity: 'warning',
    message:
      'spec.template.spec.containers[0].image: "nginx:latest" uses the latest tag, 100% mutable: pods, nodes, rollbacks, all differ',
    file: 'deploy/web, v2.yaml',
    line: 21,
    column: 18,
    endLine: 21,
    endColumn: 30,
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
    pointer: '/spec/template/spec/containers/0/image',
    phase: 'rule',
    remediation: 'Pin a version tag or a digest.',
  },
  {
    ruleId: 'yaml-empty',
    severity: 'info',
    message: 'file is empty',
    file: 'deploy/empty.yaml',
    line: 1,
    column: 1,
    pointer: '',
    phase: 'parse',
  },
];

export const SAMPLE_RULES: RuleDescriptor[] = [
  {
    id: 'schema-invalid',
    description: 'A field does not match the Kubernetes API schema.',
    help: 'The API server rejects the object.\n\nFix the field.',
    defaultSeverity: 'error',
  },
  {
    id: 'image-tag-latest',
    description: 'An image uses the latest tag or no tag.',
    help: 'Pods of one workload may run different images.\n\nPin a version.',
    defaultSeverity: 'warning',
    docsUrl: 'https://example.org/rules#image-tag-latest',
    tags: ['images'],
  },
  { id: 'yaml-empty', description: 'An empty file or document.', help: 'Nothing to apply.', defaultSeverity: 'info' },
];
