import { describe, expect, it } from '@jest/globals';
import {
  DNS1123_LABEL_MAX,
  DNS1123_SUBDOMAIN_MAX,
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  ianaServiceName,
  LABEL_VALUE_MAX,
  labelValue,
  pathSegmentName,
  qualifiedName,
} from '../../src/model/name-validation.js';

/**
 * The checks of apimachinery `pkg/util/validation` (and `pkg/api/validate/content`): the same
 * limits and the same messages, without the `(e.g. 'my-name', regex used for validation is …)`
 * suffix upstream's RegexError appends. Expected messages are written out in full.
 */

const LABEL_1123 =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const SUBDOMAIN_1123 =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const TOO_LONG_63 = 'must be no more than 63 characters';
const TOO_LONG_253 = 'must be no more than 253 characters';
const TOO_LONG_15 = 'must be no more than 15 characters';

const CHARSET = 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
const ONE_LETTER = 'must contain at least one letter (a-z)';
const DOUBLE_HYPHEN = 'must not contain consecutive hyphens';
const EDGE_HYPHEN = 'must not begin or end with a hyphen';

const a = (n: number): string => 'a'.repeat(n);

describe('limits', () => {
  it('are the API server’s', () => {
    expect(DNS1123_LABEL_MAX).toBe(63);
    expect(DNS1123_SUBDOMAIN_MAX).toBe(253);
    expect(LABEL_VALUE_MAX).toBe(63);
  });
});

/** IsDNS1123Label. */
describe('dns1123Label', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a single letter', 'a', []],
    ['a single digit', '0', []],
    ['digits first and last', '1-a-2', []],
    ['63 characters', a(63), []],
    ['64 characters', a(64), [TOO_LONG_63]],
    ['64 characters that also end in a hyphen', `${a(63)}-`, [TOO_LONG_63, LABEL_1123]],
    ['empty', '', [LABEL_1123]],
    ['a leading hyphen', '-a', [LABEL_1123]],
    ['a trailing hyphen', 'a-', [LABEL_1123]],
    ['uppercase', 'Web', [LABEL_1123]],
    ['an underscore', 'my_name', [LABEL_1123]],
    ['a space', 'my name', [LABEL_1123]],
    ['a dot after an invalid part', 'a_b.c', [LABEL_1123]],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(dns1123Label(value)).toEqual(expected);
  });

  // Upstream IsDNS1123Label (apimachinery util/validation/validation.go and
  // api/validate/content/dns.go): a value that is a valid subdomain but not a label "must not
  // contain dots", after the length check.
  it('a valid subdomain with dots: "must not contain dots", as upstream says', () => {
    expect(dns1123Label('my.name')).toEqual(['must not contain dots']);
    expect(dns1123Label(`a.${a(61)}`)).toEqual(['must not contain dots']);
    expect(dns1123Label(`a.${a(62)}`)).toEqual([TOO_LONG_63, 'must not contain dots']);
  });
});

/** IsDNS1123Subdomain. */
describe('dns1123Subdomain', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a single label', 'web', []],
    ['dotted labels', 'app.example.com', []],
    ['labels with hyphens and digits', 'a-1.b-2', []],
    ['253 characters', a(253), []],
    ['253 characters in labels', `${a(63)}.${a(63)}.${a(63)}.${a(61)}`, []],
    ['254 characters', a(254), [TOO_LONG_253]],
    ['254 characters with an uppercase letter', `${a(253)}A`, [TOO_LONG_253, SUBDOMAIN_1123]],
    ['empty', '', [SUBDOMAIN_1123]],
    ['a leading dot', '.web', [SUBDOMAIN_1123]],
    ['a trailing dot', 'web.', [SUBDOMAIN_1123]],
    ['two dots in a row', 'a..b', [SUBDOMAIN_1123]],
    ['a label ending in a hyphen', 'a-.b', [SUBDOMAIN_1123]],
    ['a label starting with a hyphen', 'a.-b', [SUBDOMAIN_1123]],
    ['uppercase', 'Example.com', [SUBDOMAIN_1123]],
    ['an underscore', 'my_app', [SUBDOMAIN_1123]],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(dns1123Subdomain(value)).toEqual(expected);
  });
});

/** IsDNS1035Label. */
describe('dns1035Label', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a single letter', 'a', []],
    ['a letter then digits and hyphens', 'a-1-b2', []],
    ['63 characters', a(63), []],
    ['64 characters', a(64), [TOO_LONG_63]],
    ['64 characters starting with a digit', `1${a(63)}`, [TOO_LONG_63, LABEL_1035]],
    ['a leading digit', '1a', [LABEL_1035]],
    ['only a digit', '1', [LABEL_1035]],
    ['empty', '', [LABEL_1035]],
    ['a leading hyphen', '-a', [LABEL_1035]],
    ['a trailing hyphen', 'a-', [LABEL_1035]],
    ['uppercase', 'Web', [LABEL_1035]],
    ['a dot', 'a.b', [LABEL_1035]],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(dns1035Label(value)).toEqual(expected);
  });
});

/** IsValidPathSegmentName (content.IsPathSegmentName). */
describe('pathSegmentName', () => {
  const cases: Array<[string, string, string[]]> = [
    ['an ordinary name', 'system:controller:job', []],
    ['empty (not checked, as upstream)', '', []],
    ['three dots', '...', []],
    ['dots inside a name', 'a..b', []],
    ['.', '.', ["may not be '.'"]],
    ['..', '..', ["may not be '..'"]],
    ['a slash', 'a/b', ["may not contain '/'"]],
    ['a percent sign', 'a%b', ["may not contain '%'"]],
    ['a leading slash', '/a', ["may not contain '/'"]],
    ['a trailing percent sign', 'a%', ["may not contain '%'"]],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(pathSegmentName(value)).toEqual(expected);
  });

  it('a name with both a slash and a percent sign: the slash', () => {
    expect(pathSegmentName('a/b%c')).toContain("may not contain '/'");
  });

  // Upstream IsPathSegmentPrefix (api/validate/content/path.go) reports every forbidden
  // substring; kubeplan stops at the first.
  it('a name with both a slash and a percent sign: both, as upstream reports', () => {
    expect(pathSegmentName('a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});

/** IsQualifiedName (content.IsLabelKey). */
describe('qualifiedName', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a plain name', 'app', []],
    ['a name with every allowed character', 'My_app.name-2', []],
    ['a prefixed name', 'app.kubernetes.io/name', []],
    ['a one-character name', 'a', []],
    ['a 63-character name', a(63), []],
    ['a 64-character name', a(64), [`name part ${TOO_LONG_63}`]],
    ['a 64-character name ending in a hyphen', `${a(63)}-`, [`name part ${TOO_LONG_63}`, `name part ${QUALIFIED}`]],
    ['a 253-character prefix', `${a(253)}/x`, []],
    ['a 254-character prefix', `${a(254)}/x`, [`prefix part ${TOO_LONG_253}`]],
    [
      'a 254-character prefix with uppercase',
      `${'A'.repeat(254)}/x`,
      [`prefix part ${TOO_LONG_253}`, `prefix part ${SUBDOMAIN_1123}`],
    ],
    ['an empty prefix', '/name', ['prefix part must be non-empty']],
    ['an uppercase prefix', 'Example.com/name', [`prefix part ${SUBDOMAIN_1123}`]],
    ['a prefix with an underscore', 'my_co.com/name', [`prefix part ${SUBDOMAIN_1123}`]],
    ['a leading hyphen', '-app', [`name part ${QUALIFIED}`]],
    ['a trailing underscore', 'app_', [`name part ${QUALIFIED}`]],
    ['a trailing dot', 'app.', [`name part ${QUALIFIED}`]],
    ['a space', 'my app', [`name part ${QUALIFIED}`]],
    ['a bad prefix and a bad name', 'Bad/-x', [`prefix part ${SUBDOMAIN_1123}`, `name part ${QUALIFIED}`]],
    [
      'two slashes',
      'a/b/c',
      [`a qualified name ${QUALIFIED}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ],
    [
      'two slashes, whatever the parts',
      '//',
      [`a qualified name ${QUALIFIED}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(qualifiedName(value)).toEqual(expected);
  });

  it.each([
    ['an empty name', '', ['name part must be non-empty']],
    ['an empty name after a prefix', 'example.com/', ['name part must be non-empty']],
    ['only a slash', '/', ['prefix part must be non-empty', 'name part must be non-empty']],
  ])('%s says the parts are empty', (_name, value, messages) => {
    expect(qualifiedName(value)).toEqual(expect.arrayContaining(messages));
  });

  // Upstream IsLabelKey (api/validate/content/kube.go) tests the name against the pattern even
  // when it is empty, so an empty name part gets both messages; kubeplan gives the first only.
  it('an empty name part: "must be non-empty" and the pattern message, as upstream', () => {
    expect(qualifiedName('example.com/')).toEqual(['name part must be non-empty', `name part ${QUALIFIED}`]);
  });
});

/** IsValidLabelValue (content.IsLabelValue). */
describe('labelValue', () => {
  const cases: Array<[string, string, string[]]> = [
    ['empty', '', []],
    ['one character', 'a', []],
    ['every allowed character', 'My_value.v-1', []],
    ['63 characters', a(63), []],
    ['64 characters', a(64), [TOO_LONG_63]],
    ['64 characters ending in a dot', `${a(63)}.`, [TOO_LONG_63, LABEL_VALUE]],
    ['a leading hyphen', '-a', [LABEL_VALUE]],
    ['a trailing underscore', 'a_', [LABEL_VALUE]],
    ['a slash', 'a/b', [LABEL_VALUE]],
    ['a space', 'a b', [LABEL_VALUE]],
    ['only a dot', '.', [LABEL_VALUE]],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(labelValue(value)).toEqual(expected);
  });

  it('non-ASCII characters: the pattern message', () => {
    expect(labelValue('é'.repeat(32))).toContain(LABEL_VALUE);
  });

  // Go's len() counts bytes: 32 two-byte characters are 64 bytes, over the limit. kubeplan counts
  // UTF-16 code units (32), so it gives only the pattern message.
  it('non-ASCII characters count by their UTF-8 bytes, as in Go', () => {
    expect(labelValue('é'.repeat(32))).toEqual([TOO_LONG_63, LABEL_VALUE]);
  });
});

/** IsValidPortName. */
describe('ianaServiceName', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a name', 'http', []],
    ['letters, digits and single hyphens', 'web-8080-a', []],
    ['15 characters', a(15), []],
    ['16 characters', a(16), [TOO_LONG_15]],
    ['uppercase only', 'HTTP', [CHARSET, ONE_LETTER]],
    ['uppercase and lowercase', 'Http', [CHARSET]],
    ['an underscore', 'my_port', [CHARSET]],
    ['digits only', '8080', [ONE_LETTER]],
    ['empty', '', [CHARSET, ONE_LETTER]],
    ['consecutive hyphens', 'a--b', [DOUBLE_HYPHEN]],
    ['a leading hyphen', '-ab', [EDGE_HYPHEN]],
    ['a trailing hyphen', 'ab-', [EDGE_HYPHEN]],
    ['a hyphen alone', '-', [ONE_LETTER, EDGE_HYPHEN]],
    ['16 characters ending in a hyphen', `${a(15)}-`, [TOO_LONG_15, EDGE_HYPHEN]],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(ianaServiceName(value)).toEqual(expected);
  });

  it('digits around consecutive hyphens: no letter and consecutive hyphens', () => {
    expect([...ianaServiceName('1--2')].sort()).toEqual([DOUBLE_HYPHEN, ONE_LETTER].sort());
  });

  // Upstream IsValidPortName checks the letter before the hyphens; kubeplan the other way round.
  it('digits around consecutive hyphens: in upstream order', () => {
    expect(ianaServiceName('1--2')).toEqual([ONE_LETTER, DOUBLE_HYPHEN]);
  });
});
