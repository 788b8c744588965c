import { appendPointer } from '../src/model/json-pointer.js';
import { defineRule } from '../src/lint/rule.js';
import { isPlainObject } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { effectiveSetting } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject, asStringMap, dig } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule({
  meta: {
    id: 'apparmor-unconfined',
    category: 'security',
    severity: 'error',
    profile: 'default',
    description:
      'A container runs without AppArmor confinement (`appArmorProfile.type: Unconfined`, or the older annotation set to `unconfined`).',
    rationale:
      "On nodes with AppArmor, the runtime's default profile keeps a container away from sensitive kernel interfaces and host paths. Unconfined turns that off. The baseline Pod Security Standard allows only the runtime default or a profile installed on the node.",
    remediation:
      'Remove the Unconfined setting (the default is `RuntimeDefault`), or use a `Localhost` profile made for the workload.',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            appArmorProfile:
              type: Unconfined
          containers:
            - name: web
              image: nginx:1.27.3
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            appArmorProfile:
              type: RuntimeDefault
          containers:
            - name: web
              image: nginx:1.27.3
      `,
    },
    messages: {
      podUnconfined: 'the pod runs its containers without AppArmor confinement (appArmorProfile Unconfined)',
      containerUnconfined: '{{container}} runs without AppArmor confinement (appArmorProfile Unconfined)',
      annotationUnconfined: '{{container}} runs without AppArmor confinement (annotation {{annotation}}: unconfined)',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t) return;
    const annotations = asStringMap(
      dig(ctx.object, ...(t.pointer ? t.pointer.slice(1).split('/') : []), 'metadata', 'annotations'),
    );
    let podReported = false;
    for (const c of judgedContainers(t, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const setting = effectiveSetting(t, c, 'appArmorProfile', isPlainObject);
      if (asObject(setting.value)?.type === 'Unconfined' && !(setting.source === 'pod' && podReported)) {
        ctx.report({
          pointer: `${setting.pointer}/type`,
          ...(setting.source === 'pod'
            ? { messageId: 'podUnconfined' }
            : { messageId: 'containerUnconfined', data: { container: describeContainer(c) } }),
        });
        podReported ||= setting.source === 'pod';
      }
      const key = `${ANNOTATION_PREFIX}${c.name}`;
      if (annotations[key] === 'unconfined') {
        ctx.report({
          pointer: appendPointer(`${t.pointer}/metadata/annotations`, key),
          messageId: 'annotationUnconfined',
          data: { container: describeContainer(c), annotation: key },
        });
      }
    }
  },
});
