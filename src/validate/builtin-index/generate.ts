/**
 * Generates `index.generated.ts`: which fields every built-in Kubernetes type has, and which
 * apiVersion/kind pairs exist. Strict validation needs the list of known fields, and the
 * precompiled validators of `kubernetes-models` do not reject unknown ones; the package's own
 * type declarations do list every field, so we read them with the TypeScript parser.
 *
 * Run `npm run generate:index` after upgrading `kubernetes-models`;
 * `test/validate/builtin-index.test.ts` fails when the committed file is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** A field's shape: `scalar`, `#Def` (an object type), `[]<shape>` (list), `{}<shape>` (map). */
export type FieldShape = string;

interface DeclaredInterface {
  canonical: string;
  members: Array<{ name: string; type: ts.TypeNode; file: LocalNames }>;
}
type LocalNames = Map<string, string>;

const PACKAGES = ['kubernetes-models', '@kubernetes-models/apimachinery'];

function packageRoot(name: string): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${name}/package.json`));
}

function declarationFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_schemas' && entry.name !== 'node_modules') out.push(...declarationFiles(path));
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') {
      out.push(path);
    }
  }
  return out;
}

/** Canonical names drop the leading `I` of the interface: `IIoK8sApiAppsV1Deployment` → `IoK8sApiAppsV1Deployment`. */
function canonicalOf(interfaceName: string): string {
  return interfaceName.startsWith('I') ? interfaceName.slice(1) : interfaceName;
}

export function readDeclarations(): { interfaces: Map<string, DeclaredInterface>; aliases: Set<string> } {
  const interfaces = new Map<string, DeclaredInterface>();
  const aliases = new Set<string>();
  for (const pkg of PACKAGES) {
    for (const file of declarationFiles(packageRoot(pkg))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
      // `export type { IDeployment as IIoK8sApiAppsV1Deployment, ... }` names the local interfaces.
      const local: LocalNames = new Map();
      for (const stmt of source.statements) {
        if (ts.isExportDeclaration(stmt) && stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
          for (const el of stmt.exportClause.elements) {
            if (el.propertyName) local.set(el.propertyName.text, canonicalOf(el.name.text));
          }
        }
      }
      for (const stmt of source.statements) {
        if (ts.isInterfaceDeclaration(stmt)) {
          const canonical = local.get(stmt.name.text);
          if (!canonical) continue;
          const members: DeclaredInterface['members'] = [];
          for (const m of stmt.members) {
            if (
              ts.isPropertySignature(m) &&
              m.type &&
              m.name &&
              (ts.isStringLiteral(m.name) || ts.isIdentifier(m.name))
            ) {
              members.push({ name: m.name.text, type: m.type, file: local });
            }
          }
          interfaces.set(canonical, { canonical, members });
        } else if (ts.isTypeAliasDeclaration(stmt)) {
          const canonical = local.get(stmt.name.text);
          if (canonical) aliases.add(canonical);
        }
      }
    }
  }
  return { interfaces, aliases };
}

function shapeOf(type: ts.TypeNode, local: LocalNames, interfaces: Map<string, DeclaredInterface>): FieldShape {
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    const arg = type.typeArguments?.[0];
    if (name === 'Array' && arg) return `[]${shapeOf(arg, local, interfaces)}`;
    const canonical = local.get(name) ?? canonicalOf(name);
    // Interfaces without members stand for free-form JSON (JSON, RawExtension, JSONSchemaPropsOrBool).
    return interfaces.get(canonical)?.members.length ? `#${canonical}` : 'scalar';
  }
  if (ts.isArrayTypeNode(type)) return `[]${shapeOf(type.elementType, local, interfaces)}`;
  if (ts.isTypeLiteralNode(type)) {
    const index = type.members.find(ts.isIndexSignatureDeclaration);
    if (index) return `{}${shapeOf(index.type, local, interfaces)}`;
  }
  return 'scalar';
}

function literalText(type: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined;
}

export function buildIndex(): { kinds: Record<string, string>; types: Record<string, Record<string, FieldShape>> } {
  const { interfaces } = readDeclarations();
  const types: Record<string, Record<string, FieldShape>> = {};
  const kinds: Record<string, string> = {};
  for (const name of [...interfaces.keys()].sort()) {
    const decl = interfaces.get(name)!;
    if (!decl.members.length) continue;
    const fields: Record<string, FieldShape> = {};
    let apiVersion: string | undefined;
    let kind: string | undefined;
    for (const m of decl.members) {
      fields[m.name] = shapeOf(m.type, m.file, interfaces);
      if (m.name === 'apiVersion') apiVersion = literalText(m.type);
      if (m.name === 'kind') kind = literalText(m.type);
    }
    types[name] = fields;
    if (apiVersion && kind) kinds[`${apiVersion} ${kind}`] = name;
  }
  return { kinds: sortKeys(kinds), types };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function renderIndex(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot('kubernetes-models'), 'package.json'), 'utf8')) as {
    version: string;
  };
  const { kinds, types } = buildIndex();
  return [
    '// Generated by src/validate/builtin-index/generate.ts from the type declarations of',
    `// kubernetes-models ${pkg.version}. Do not edit; run \`npm run generate:index\`.`,
    "import type { BuiltinIndex } from './types.js';",
    '',
    `export const BUILTIN_INDEX: BuiltinIndex = ${JSON.stringify({ modelsVersion: pkg.version, kinds, types }, null, 1)};`,
    '',
  ].join('\n');
}

/** Types whose validators are loaded by name: the root of every kind, and ObjectMeta for custom resources. */
export const OBJECT_META_TYPE = 'IoK8sApimachineryPkgApisMetaV1ObjectMeta';

/**
 * A static import per validator, so that bundlers (the GitHub Action is one file) can see every
 * module a run may need; under Node each import still runs only on first use.
 */
export function renderValidatorLoaders(): string {
  const { kinds } = buildIndex();
  const types = [...new Set([...Object.values(kinds), OBJECT_META_TYPE])].sort();
  const line = (type: string) => {
    const pkg = type.startsWith('IoK8sApimachinery') ? '@kubernetes-models/apimachinery' : 'kubernetes-models';
    return `  ${type}: () => import('${pkg}/_schemas/${type}'),`;
  };
  return [
    '// Generated by src/validate/builtin-index/generate.ts. Do not edit; run `npm run generate:index`.',
    "import type { ValidatorModule } from './types.js';",
    '',
    'export const VALIDATOR_LOADERS: Record<string, () => Promise<ValidatorModule>> = {',
    ...types.map(line),
    '};',
    '',
  ].join('\n');
}

// `node lib/src/validate/builtin-index/generate.js <directory>`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const output = process.argv[2];
  if (!output) throw new Error('usage: generate.js <output directory>');
  writeFileSync(join(output, 'index.generated.ts'), renderIndex());
  writeFileSync(join(output, 'validators.generated.ts'), renderValidatorLoaders());
}
