import { parseManifests } from '../../src/load/parse-manifests.js';
import { CrdRegistry, isCrd } from '../../src/validate/crd/crd-registry.js';
import { ManifestValidator } from '../../src/validate/validate-manifests.js';
import { briefAt } from './findings.js';

/** Validates every object of a YAML text (CRDs in it included) and returns `line:col ruleId message` lines. */
export async function validateYaml(text: string, options: { strict?: boolean } = {}): Promise<string[]> {
  const { manifests, findings } = parseManifests('test.yaml', text);
  const validator = new ManifestValidator({
    strict: options.strict ?? true,
    crds: new CrdRegistry(manifests.filter(isCrd)),
  });
  const out = [...findings];
  for (const m of manifests) out.push(...(await validator.validate(m)));
  return out.sort((a, b) => a.line - b.line || a.column - b.column).map(briefAt);
}
