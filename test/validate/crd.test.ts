import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/index.js';
import { evaluateValidationRules } from '../../src/validate/crd/validation-rules.js';
import { brief, notRule } from '../helpers/findings.js';
import { validateYaml } from '../helpers/validate.js';

const EXPECTED_BACKUP_FINDINGS = [
  'fixtures/crds/backups.yaml:22:3 error schema-unknown-field metadata.lables: unknown field "lables"; did you mean "labels"?',
  'fixtures/crds/backups.yaml:24:13 error schema-invalid spec.schedule: expected string, got number 5',
  'fixtures/crds/backups.yaml:25:14 error schema-invalid spec.retention: expected integer or string, got boolean true',
  'fixtures/crds/backups.yaml:26:16 error schema-invalid spec.parallelism: must be <= 8',
  'fixtures/crds/backups.yaml:28:5 error schema-invalid spec.target.claimName: required field is missing',
  'fixtures/crds/backups.yaml:28:11 error schema-invalid spec.target.mode: "Mirror" is not one of "Snapshot", "Copy"',
  'fixtures/crds/backups.yaml:29:3 error schema-unknown-field spec.schedual: unknown field "schedual"; did you mean "schedule"?',
  'fixtures/crds/backups.yaml:32:7 info schema-missing the CustomResourceDefinition backups.storage.example.com has no schema for storage.example.com/v1alpha1; Backup objects are not validated',
  'fixtures/crds/backups.yaml:39:7 info schema-missing no schema for Backups (storage.example.com/v1): no CustomResourceDefinition of the input declares it; did you mean "Backup"? If not, add its CRD to the input or pass --crd',
];

describe('custom resources validated by their CRD', () => {
  it('uses a CRD found among the inputs', async () => {
    const result = await lint(['fixtures/crds']);
    expect(result.findings.filter(notRule).map(brief)).toEqual(EXPECTED_BACKUP_FINDINGS);
  });

  it('uses a CRD passed with --crd, without reporting on the CRD file itself', async () => {
    const result = await lint(['fixtures/crds/backups.yaml'], { crds: ['fixtures/crds/backup-crd.yaml'] });
    expect(result.findings.filter(notRule).map(brief)).toEqual(EXPECTED_BACKUP_FINDINGS);
    expect(result.summary.objects).toBe(4);
  });

  it('honours int-or-string, preserve-unknown-fields, nullable and maps', async () => {
    const result = await lint(['fixtures/crds']);
    expect(result.findings.filter((f) => f.object?.name === 'nightly')).toEqual([]);
  });

  it('reports unknown fields only in strict mode', async () => {
    const result = await lint(['fixtures/crds'], { strict: false });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('schema-unknown-field');
    expect(result.findings).toHaveLength(EXPECTED_BACKUP_FINDINGS.length - 2);
  });

  it('reports a schema that cannot be compiled on the CRD, and goes on', async () => {
    const text = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: things.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Thing, plural: things}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                code: {type: string, minLength: -1}
---
apiVersion: example.com/v1
kind: Thing
metadata: {name: t}
spec: {code: x}
`;
    const lines = await validateYaml(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^14:11 crd-schema-invalid this schema cannot be used to validate things\.example\.com resources: .*minLength must be >= 0/,
    );
  });

  it('accepts embedded resources in a schema marked x-kubernetes-embedded-resource', async () => {
    const text = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: wrappers.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Wrapper, plural: wrappers}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                template:
                  type: object
                  x-kubernetes-embedded-resource: true
                  x-kubernetes-preserve-unknown-fields: true
---
apiVersion: example.com/v1
kind: Wrapper
metadata: {name: w}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: inner}
`;
    expect(await validateYaml(text)).toEqual([]);
  });
});

describe('x-kubernetes-list-type of a CRD', () => {
  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: routes.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Route, plural: routes}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                headers:
                  type: array
                  x-kubernetes-list-type: map
                  x-kubernetes-list-map-keys: [name, scope]
                  items:
                    type: object
                    required: [name]
                    properties:
                      name: {type: string}
                      scope: {type: string, default: request}
                      value: {type: string}
                remove:
                  type: array
                  x-kubernetes-list-type: set
                  items: {type: string}
                ports:
                  type: array
                  x-kubernetes-list-type: atomic
                  items: {type: integer}
---
`;

  it('refuses a repeated key of a map list (after defaults) and a repeated item of a set, at its first repeat only', async () => {
    const route = `apiVersion: example.com/v1
kind: Route
metadata: {name: r}
spec:
  headers:
    - {name: a, value: "1"}
    - {name: a, scope: response, value: "2"}
    - {name: a, scope: request, value: "3"}
  remove: [x, z, x, x]
  ports: [80, 80]
`;
    expect(await validateYaml(crd + route)).toEqual([
      '46:7 schema-invalid spec.headers[2]: Duplicate value: {"name":"a","scope":"request"}',
      '47:18 schema-invalid spec.remove[2]: Duplicate value: "x"',
    ]);
  });

  it('accepts items that differ in one of the keys', async () => {
    const route = `apiVersion: example.com/v1
kind: Route
metadata: {name: r}
spec:
  headers:
    - {name: a, scope: request}
    - {name: b, scope: request}
    - {name: a, scope: response}
  remove: [x, z]
`;
    expect(await validateYaml(crd + route)).toEqual([]);
  });
});

describe('CEL validation rules of a CRD (x-kubernetes-validations)', () => {
  it("refuses what the rules refuse, in the API server's words, at the field concerned", async () => {
    const result = await lint(['fixtures/crds-cel']);
    expect(result.findings.filter(notRule).map(brief)).toEqual([
      // The rule calls semver(), a Kubernetes library function kubeplan lacks: said once, on the CRD.
      "fixtures/crds-cel/queue-crd.yaml:40:25 info crd-rule-not-evaluated kubeplan cannot evaluate the validation rule \"!has(self.version) || semver(self.version).isGreaterThan(semver('1.0.0'))\" (found no matching overload for 'semver(dyn)'); Queue objects are not checked against it",
      // `orders` keeps every rule; `payments` breaks each once (integers are CEL ints: partitions % 2 works;
      // quantities compare by value: 20Gi is not below 10Gi, 512Mi is; fd00::1 is not IPv4).
      'fixtures/crds-cel/queues.yaml:23:3 error schema-invalid spec: Invalid value: network must be an IPv4 address',
      'fixtures/crds-cel/queues.yaml:23:3 error schema-invalid spec: Invalid value: partitions must be even',
      'fixtures/crds-cel/queues.yaml:23:3 error schema-invalid spec: Invalid value: size must stay below 10Gi',
      'fixtures/crds-cel/queues.yaml:23:9 error schema-invalid spec.name: Invalid value: "Payments": must be a lowercase name',
      'fixtures/crds-cel/queues.yaml:26:16 error schema-invalid spec.minReplicas: Invalid value: minReplicas must not exceed maxReplicas',
      'fixtures/crds-cel/queues.yaml:29:15 error schema-invalid spec.deadLetter: Forbidden: deadLetter must name another queue than Payments',
      'fixtures/crds-cel/queues.yaml:30:18 error schema-invalid spec.labels[team]: Invalid value: "payments-and-billing": failed rule: self.size() <= 10',
      'fixtures/crds-cel/queues.yaml:32:7 error schema-invalid spec.consumers[0]: Invalid value: weight must be positive',
      // A rule reading a field the object leaves out fails as on the API server; the oldSelf rule applies to updates only.
      'fixtures/crds-cel/queues.yaml:39:3 error schema-invalid spec: Invalid value: "object": no such key: partitions evaluating rule: partitions must be even',
    ]);
  });

  it('does not evaluate rules on a value of the wrong shape, and says so', async () => {
    const text = [
      'apiVersion: messaging.example.com/v1',
      'kind: Queue',
      'metadata: {name: broken, namespace: shop}',
      'spec: {name: broken, minReplicas: "one", maxReplicas: 2, partitions: 2}',
    ].join('\n');
    const result = await lint(['-'], {
      crds: ['fixtures/crds-cel/queue-crd.yaml'],
      readStdin: async () => Buffer.from(text),
    });
    expect(result.findings.filter(notRule).map(brief)).toEqual([
      '<stdin>:1:1 info crd-rule-not-evaluated some validation rules of the CustomResourceDefinition were not checked because the object was invalid; correct the existing errors to complete validation',
      '<stdin>:4:35 error schema-invalid spec.minReplicas: expected integer, got string "one"',
    ]);
    // With the shape right, the rules run.
    const shaped = text.replace('minReplicas: "one"', 'minReplicas: 3');
    const checked = await lint(['-'], {
      crds: ['fixtures/crds-cel/queue-crd.yaml'],
      readStdin: async () => Buffer.from(shaped),
    });
    expect(
      checked.findings
        .filter(notRule)
        .filter((f) => f.file === '<stdin>')
        .map(brief),
    ).toEqual([
      '<stdin>:4:35 error schema-invalid spec.minReplicas: Invalid value: minReplicas must not exceed maxReplicas',
    ]);
  });
});

describe('evaluateValidationRules', () => {
  const schema = {
    type: 'object',
    'x-kubernetes-validations': [
      { rule: 'self.total / self.parts > 0', message: 'parts must divide total' },
      { rule: "url(self.endpoint).getScheme() == 'https'", message: 'the endpoint must use https' },
      { rule: "semver(self.endpoint).isGreaterThan(semver('1.0.0'))" },
    ],
    properties: { total: { type: 'integer' }, parts: { type: 'integer' }, endpoint: { type: 'string' } },
  };

  it("refuses the object for a runtime error, evaluates Kubernetes' libraries, and skips a rule whose function kubeplan lacks", () => {
    const { failures, skipped } = evaluateValidationRules(schema, { total: 4, parts: 0, endpoint: 'https://x' });
    expect(failures).toEqual([
      {
        pointer: '',
        message: '<nil>: Invalid value: "object": division by zero evaluating rule: parts must divide total',
      },
    ]);
    expect(skipped.map((s) => [s.schemaPointer, s.rule])).toEqual([
      ['/x-kubernetes-validations/2', "semver(self.endpoint).isGreaterThan(semver('1.0.0'))"],
    ]);
    expect(evaluateValidationRules(schema, { total: 4, parts: 2, endpoint: 'https://x' }).failures).toEqual([]);
    // Kubernetes' URL, quantity and list libraries.
    expect(
      evaluateValidationRules(schema, { total: 4, parts: 2, endpoint: 'http://x' }).failures.map((f) => f.message),
    ).toEqual(['<nil>: Invalid value: the endpoint must use https']);
    const library = (rule: string, self: unknown): unknown =>
      evaluateValidationRules({ 'x-kubernetes-validations': [{ rule }] }, self).failures.length === 0;
    expect(library("quantity(self.a).add(quantity('500m')).isGreaterThan(quantity('1'))", { a: '0.6' })).toBe(true);
    expect(library('quantity(self.a).isInteger() && quantity(self.a).asInteger() == 2048', { a: '2Ki' })).toBe(true);
    expect(
      library('self.l.isSorted() && self.l.sum() == 6 && self.l.max() == 3 && self.l.indexOf(2) == 1', {
        l: [1, 2, 3],
      }),
    ).toBe(true);
    expect(library('self.l.isSorted()', { l: [2, 1] })).toBe(false);
    expect(library("self.s.replace('-', '.').charAt(1) == '.' && ['a', 'b'].join('/') == 'a/b'", { s: 'a-b' })).toBe(
      true,
    );
    expect(
      library(
        "cidr('10.0.0.0/8').containsIP(self.ip) && ip(self.ip).family() == 4 && !isIP('::ffff:1.2.3.4') && isCIDR('fd00::/8')",
        { ip: '10.2.3.4' },
      ),
    ).toBe(true);
    expect(library("cidr('10.0.0.0/8').containsIP(self.ip)", { ip: '11.0.0.1' })).toBe(false);
    // Go's netip rules: no leading zeros in octets or prefix lengths, no zones, no IPv4-mapped addresses.
    for (const rule of [
      "isIP('010.1.2.3')",
      "isIP('300.1.2.3')",
      "isIP('fe80::1%eth0')",
      "isCIDR('10.0.0.0/08')",
      "isCIDR('::ffff:1.2.3.0/120')",
      "isCIDR('10.0.0.0')",
    ])
      expect([rule, library(rule, {})]).toEqual([rule, false]);
    for (const rule of [
      "ip('::1.2.3.4').family() == 6",
      "cidr('10.1.2.3/16').containsCIDR('10.1.0.0/24') && !cidr('10.1.0.0/24').containsCIDR('10.1.0.0/16')",
      "cidr('fd00::/8').containsIP(ip('fd00::1')) && !cidr('fd00::/8').containsIP('10.0.0.1')",
      "cidr('10.1.2.3/16').ip() == ip('10.1.2.3') && cidr('10.1.2.3/16').prefixLength() == 16",
      "ip('::1').isLoopback() && ip('127.3.2.1').isLoopback() && ip('0.0.0.0').isUnspecified()",
    ])
      expect([rule, library(rule, {})]).toEqual([rule, true]);
    const failure = (rule: string): string | undefined =>
      evaluateValidationRules({ 'x-kubernetes-validations': [{ rule }] }, {}).failures[0]?.message;
    expect(failure("ip('::ffff:1.2.3.4').family() == 6")).toContain('IPv4-mapped IPv6 address is not allowed');
    expect(failure("ip('fe80::1%eth0').family() == 6")).toContain('IP Address with zone value is not allowed');
    expect(failure("cidr('10.0.0.0/08').prefixLength() == 8")).toContain(
      'network address parse error during conversion from string: 10.0.0.0/08',
    );
  });
});
