import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Finding } from '../model/finding.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import type { ObjectRef } from '../model/object-ref.js';
import { createLocator } from './source-map.js';
import { YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from './yaml-options.js';

export interface ParsedFile {
  manifests: Manifest[];
  findings: Finding[];
  /** Number of YAML documents in the file, empty ones included. */
  documents: number;
}

function isObject(value: unknown): value is KubeObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `a ${typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'scalar'} (${String(value)})`;
}

function refOf(object: KubeObject): ObjectRef {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? metadata.generateName : '';
  const ref: ObjectRef = { apiVersion: String(object.apiVersion), kind: String(object.kind), name };
  if (typeof metadata.namespace === 'string' && metadata.namespace !== '') ref.namespace = metadata.namespace;
  return ref;
}

/** `kind: List`, or a typed list such as `DeploymentList`, with an `items` array. */
function isList(object: KubeObject): boolean {
  return Array.isArray(object.items) && typeof object.kind === 'string' && (object.kind === 'List' || object.kind.endsWith('List'));
}

/**
 * Parses one file's text into manifests. Every problem becomes a finding at its line and
 * column, and one bad document never stops the others from being read.
 */
export function parseManifests(file: string, text: string): ParsedFile {
  const findings: Finding[] = [];
  const manifests: Manifest[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const report = (ruleId: string, severity: Finding['severity'], message: string, offset: number, pointer = ''): void => {
    findings.push({ ruleId, severity, message, file, ...at(offset), pointer, phase: 'parse' });
  };

  if (text.trim() === '') {
    findings.push({ ruleId: 'yaml-empty', severity: 'info', message: 'file is empty', file, line: 1, column: 1, pointer: '', phase: 'parse' });
    return { manifests, findings, documents: 0 };
  }

  const docs: Document.Parsed[] = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  if (docs.length === 0) {
    findings.push({ ruleId: 'yaml-empty', severity: 'info', message: 'file has no YAML documents (only comments)', file, line: 1, column: 1, pointer: '', phase: 'parse' });
    return { manifests, findings, documents: 0 };
  }

  docs.forEach((doc, docIndex) => {
    let fatal = false;
    for (const error of doc.errors) {
      const duplicate = error.code === 'DUPLICATE_KEY';
      report(duplicate ? 'yaml-duplicate-key' : 'yaml-syntax', 'error', duplicate ? `duplicate key: ${duplicateKeyName(text, error.pos[0])}; kubectl rejects the document` : firstLine(error.message), error.pos[0]);
      fatal ||= !duplicate;
    }
    for (const warning of doc.warnings) report('yaml-warning', 'warning', firstLine(warning.message), warning.pos[0]);
    if (fatal) return;

    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.source === '' && !doc.contents.tag)) {
      report('yaml-empty', 'info', `document ${docIndex + 1} is empty`, doc.range[0]);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS(YAML_TO_JS_OPTIONS);
    } catch (error) {
      const message = /alias/i.test((error as Error).message)
        ? `too many aliases: document ${docIndex + 1} expands YAML aliases more than ${YAML_TO_JS_OPTIONS.maxAliasCount} times (an "alias bomb"); not checked`
        : `cannot read document ${docIndex + 1}: ${firstLine((error as Error).message)}`;
      report('yaml-alias-limit', 'error', message, doc.contents.range?.[0] ?? doc.range[0]);
      return;
    }
    const contentStart = doc.contents.range?.[0] ?? doc.range[0];
    if (!isObject(value)) {
      report('document-not-object', 'error', `document is ${describeValue(value)}, not a Kubernetes object`, contentStart);
      return;
    }
    const add = (object: KubeObject, basePath: Array<string | number>, itemIndex?: number): void => {
      const locate = createLocator(doc, lineCounter, basePath);
      const missing = ['apiVersion', 'kind'].filter((k) => typeof object[k] !== 'string' || object[k] === '');
      if (missing.length) {
        const pos = locate('');
        const what = itemIndex === undefined ? 'object' : `items[${itemIndex}]`;
        findings.push({
          ruleId: 'object-missing-type',
          severity: 'error',
          message: `${what} has no ${missing.join(' and no ')}; every Kubernetes object needs both`,
          file,
          line: pos.line,
          column: pos.column,
          pointer: basePath.length ? `/${basePath.join('/')}` : '',
          phase: 'parse',
        });
        return;
      }
      // Kustomize's own files are build configuration, not objects sent to the API server.
      if (String(object.apiVersion).startsWith('kustomize.config.k8s.io/')) return;
      const source = itemIndex === undefined ? { file, docIndex } : { file, docIndex, itemIndex };
      manifests.push({ ref: refOf(object), object, source, locate });
    };

    if (isList(value)) {
      const items = value.items as unknown[];
      // Items of a typed list (e.g. DeploymentList from the API) may omit apiVersion and kind.
      const itemKind = value.kind === 'List' ? undefined : String(value.kind).slice(0, -'List'.length);
      items.forEach((item, i) => {
        if (!isObject(item)) {
          const pos = createLocator(doc, lineCounter)(`/items/${i}`);
          findings.push({ ruleId: 'document-not-object', severity: 'error', message: `items[${i}] is ${describeValue(item)}, not a Kubernetes object`, file, line: pos.line, column: pos.column, pointer: `/items/${i}`, phase: 'parse' });
          return;
        }
        if (itemKind && item.kind === undefined && item.apiVersion === undefined) {
          item = { apiVersion: value.apiVersion, kind: itemKind, ...item };
        }
        add(item as KubeObject, ['items', i], i);
      });
      return;
    }
    add(value, []);
  });
  return { manifests, findings, documents: docs.length };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** The key text at a duplicate-key error (the error itself only says keys must be unique). */
function duplicateKeyName(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  const key = match ? match[0].trim().replace(/^["']|["']$/g, '') : '';
  return key ? `"${key}"` : 'a key appears twice in the same mapping';
}
