import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { parse, parseDocument, stringify } from 'yaml';
import { bundledRoadmapFiles, loadText, ROADMAPS_DIR } from './helpers';

/**
 * What the loader refuses and JSON Schema cannot express, each with the loader message that
 * shows it. Documents may pass the schema and fail the loader for these reasons only; the README's
 * format section lists them for authors.
 */
export const SCHEMA_CANNOT_EXPRESS: readonly { readonly rule: string; readonly message: RegExp }[] = [
  { rule: 'Ids are unique within a roadmap (phases, modules, tasks and projects together).', message: /^duplicate id / },
  { rule: 'A number written as text (`title: 2025`) counts toward the length limit as written.', message: /^text is \d+ characters; the limit here is/ },
  { rule: 'A file holds one YAML document, without duplicate keys or custom tags.', message: /one YAML document|must be unique|Map keys must be unique|custom tag|Unresolved tag/ },
  { rule: 'Files are at most 2 MB, nest at most 64 levels, use at most 100 aliases and expand to at most 500,000 nodes.', message: /limited to|nested more than|more than \d+ aliases|more than \d+ nodes/ },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = (doc: { [key: string]: Json }, pick: <T>(items: T[]) => T) => void;

/** Every object in a document with the key path that reaches it. */
function objects(value: Json, at = ''): { at: string; object: { [key: string]: Json } }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objects(item, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return [{ at, object: value }, ...Object.entries(value).flatMap(([key, child]) => objects(child, `${at}.${key}`))];
}
const withKey = (doc: Json, key: string) => objects(doc).filter((o) => key in o.object);
const phases = (doc: { [key: string]: Json }) => doc.phases as { [key: string]: Json }[];
const astral = (n: number) => '𝔸'.repeat(n);
/** An object with a `url`: one of the document's, or a resource added when it has none. */
function urlHolder(d: { [key: string]: Json }, pick: <T>(items: T[]) => T): { [key: string]: Json } {
  const holders = withKey(d, 'url');
  if (holders.length > 0) return pick(holders).object;
  const resource = { title: 'Link', url: 'https://example.com/' };
  d.resources = [...((d.resources as Json[] | undefined) ?? []), resource];
  return resource;
}

/** Changes that probe each rule the two could disagree on; applied to every bundled roadmap. */
const MUTATIONS: Record<string, Mutation> = {
  numericTitle: (d, pick) => (pick(withKey(d, 'title')).object.title = 2025),
  numericDuration: (d) => (d.duration = 4),
  blankTitle: (d, pick) => (pick(withKey(d, 'title')).object.title = '   '),
  emptyTitle: (d, pick) => (pick(withKey(d, 'title')).object.title = ''),
  upperCaseScheme: (d, pick) => (urlHolder(d, pick).url = 'HTTPS://Example.com/x'),
  bareScheme: (d, pick) => (urlHolder(d, pick).url = 'https://'),
  spaceInUrl: (d, pick) => (urlHolder(d, pick).url = 'https://example.com/a b'),
  newlineInUrl: (d, pick) => (urlHolder(d, pick).url = 'https://example.com/a\nb'),
  ftpUrl: (d, pick) => (urlHolder(d, pick).url = 'ftp://example.com/'),
  emptyModules: (d) => (phases(d)[0].modules = []),
  modulesAndTasks: (d) => {
    phases(d)[0].modules ??= [{ id: 'extra-module', title: 'Extra' }];
    phases(d)[0].tasks = [{ id: 'stray-task', title: 'Stray' }];
  },
  modulesAndProjects: (d) => {
    phases(d)[0].modules ??= [{ id: 'extra-module', title: 'Extra' }];
    phases(d)[0].projects = [{ id: 'stray-project', title: 'Stray' }];
  },
  titleAt300Astral: (d, pick) => (pick(withKey(d, 'title')).object.title = astral(300)),
  titleAt301Astral: (d, pick) => (pick(withKey(d, 'title')).object.title = astral(301)),
  durationAt100Astral: (d) => (d.duration = astral(100)),
  badId: (d, pick) => (pick(withKey(d, 'id')).object.id = 'Not_Kebab'),
  longId: (d, pick) => (pick(withKey(d, 'id')).object.id = 'a'.repeat(65)),
  duplicateId: (d) => {
    const ids = withKey(d, 'id').filter((o) => o.at !== '');
    ids[ids.length - 1].object.id = ids[0].object.id;
  },
  missingTitle: (d, pick) => delete pick(withKey(d, 'title').filter((o) => o.at !== '')).object.title,
  unknownKey: (d, pick) => (pick(withKey(d, 'id')).object.colour = 'red'),
  listAsTitle: (d, pick) => (pick(withKey(d, 'title')).object.title = ['a']),
  nullDescription: (d) => (d.description = null),
  numericTip: (d) => (d.tips = [1, 'two']),
  optionalAsText: (d) => (phases(d)[0].projects = [{ id: 'opt-project', title: 'Opt', optional: 'yes' }]),
  numericSchema: (d) => (d.$schema = 5),
  emptyPhases: (d) => (d.phases = []),
  resourceWithoutUrl: (d) => (d.resources = [{ title: 'No link' }]),
  formerIdsBad: (d) => (phases(d)[0].tasks = [{ id: 'renamed-task', title: 'Renamed', formerIds: ['Old Id'] }]),
  emptyPhase: (d) => (d.phases = [{ id: 'only-phase', title: 'Only' }]),
};

/** Hand-written documents for what mutations of the bundled roadmaps do not reach. */
const HAND_WRITTEN: Record<string, string> = {
  empty: '',
  scalarRoot: 'just text\n',
  listRoot: '- a\n- b\n',
  minimal: 'id: r\ntitle: R\nphases:\n  - id: p\n    title: P\n',
  numericId: 'id: 123\ntitle: R\nphases:\n  - id: p\n    title: P\n',
  booleanTitle: 'id: r\ntitle: true\nphases:\n  - id: p\n    title: P\n',
  nullTitle: 'id: r\ntitle:\nphases:\n  - id: p\n    title: P\n',
  hexTitle: 'id: r\ntitle: 0x1F\nphases:\n  - id: p\n    title: P\n',
  mergeKey: 'id: r\ntitle: R\nphases:\n  - id: p\n    <<: {title: P}\n',
  tabInTitle: 'id: r\ntitle: "\\t"\nphases:\n  - id: p\n    title: P\n',
  nbspTitle: 'id: r\ntitle: "\\u00a0"\nphases:\n  - id: p\n    title: P\n',
  urlWithTab: 'id: r\ntitle: R\nresources: [{title: T, url: "https://a\\tb"}]\nphases:\n  - id: p\n    title: P\n',
  mixedCaseScheme: 'id: r\ntitle: R\ntools: [{name: T, url: "hTtP://a.b"}]\nphases:\n  - id: p\n    title: P\n',
  longNumberTitle: `id: r\ntitle: ${'1'.repeat(301)}\nphases:\n  - id: p\n    title: P\n`,
  duplicateIdAcrossLevels: 'id: r\ntitle: R\nphases:\n  - id: p\n    title: P\n    tasks: [{id: p, title: T}]\n',
  markdownAt20000Astral: `id: r\ntitle: R\ndescription: ${astral(20_000)}\nphases:\n  - id: p\n    title: P\n`,
  markdownAt20001Astral: `id: r\ntitle: R\ndescription: ${astral(20_001)}\nphases:\n  - id: p\n    title: P\n`,
  toolWithoutName: 'id: r\ntitle: R\ntools: [{note: N}]\nphases:\n  - id: p\n    title: P\n',
  roadmapIdEqualsTaskId: 'id: r\ntitle: R\nphases:\n  - id: p\n    title: P\n    tasks: [{id: r, title: T}]\n',
};

/** Ajv with the shipped schema; the editor-only keywords (see the schema) are known to it. */
function schemaValidator() {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword({ keyword: 'markdownDescription' });
  ajv.addKeyword({ keyword: 'patternErrorMessage' });
  ajv.addKeyword({ keyword: 'errorMessage' });
  ajv.addKeyword({ keyword: 'defaultSnippets' });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROADMAPS_DIR, 'schema.json'), 'utf8')) as object);
}

/** A seeded choice, so a failure names a document that can be made again. */
function seededPick(seed: number) {
  let state = seed;
  return <T>(items: T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return items[state % items.length];
  };
}

suite('Schema and loader agree', () => {
  test('On at least 100 edge documents, both accept or both refuse, except for what the schema cannot express', function () {
    this.timeout(60_000);
    const validate = schemaValidator();
    const corpus: [string, string][] = Object.entries(HAND_WRITTEN);
    for (const file of bundledRoadmapFiles()) {
      const original = parse(fs.readFileSync(path.join(ROADMAPS_DIR, file), 'utf8')) as { [key: string]: Json };
      corpus.push([file, stringify(original)]);
      Object.entries(MUTATIONS).forEach(([name, mutate], i) => {
        const doc = structuredClone(original);
        mutate(doc, seededPick(i + 1));
        corpus.push([`${file} ${name}`, stringify(doc, { lineWidth: 0 })]);
      });
    }
    assert.ok(corpus.length >= 100, `${corpus.length} documents`);

    const disagreements: string[] = [];
    const counts = { bothAccept: 0, bothRefuse: 0, excepted: 0 };
    for (const [name, text] of corpus) {
      const loaderErrors = loadText(text).errors.map((e) => e.message);
      const yamlDoc = parseDocument(text, { merge: false, schema: 'core', uniqueKeys: false });
      const schemaOk = yamlDoc.errors.length === 0 && validate(yamlDoc.toJS({ maxAliasCount: 100 }));
      if ((loaderErrors.length === 0) === schemaOk) {
        counts[schemaOk ? 'bothAccept' : 'bothRefuse']++;
      } else if (!schemaOk) {
        disagreements.push(`${name}: the loader accepts what the schema refuses: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      } else if (loaderErrors.every((m) => SCHEMA_CANNOT_EXPRESS.some((rule) => rule.message.test(m)))) {
        counts.excepted++;
      } else {
        disagreements.push(`${name}: the schema accepts what the loader refuses: ${loaderErrors.slice(0, 2).join(' | ')}`);
      }
    }
    assert.deepStrictEqual(disagreements, []);
    // Each outcome happens, so the comparison is not vacuous.
    assert.ok(counts.bothAccept >= 20 && counts.bothRefuse >= 50 && counts.excepted >= 5, JSON.stringify(counts));
  });
});
