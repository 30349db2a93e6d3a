import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { KNOWN_KEYS } from '../../src/model/loader';
import { loadText, ROADMAPS_DIR } from './helpers';

interface Snippet {
  label: string;
  body: unknown;
}
interface SchemaNode {
  description?: string;
  markdownDescription?: string;
  patternErrorMessage?: string;
  defaultSnippets?: Snippet[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

const schema = JSON.parse(fs.readFileSync(path.join(ROADMAPS_DIR, 'schema.json'), 'utf8')) as SchemaNode;
const definitions = schema.definitions!;
const objects: Record<keyof typeof KNOWN_KEYS, SchemaNode> = {
  roadmap: schema,
  phase: definitions.phase,
  module: definitions.module,
  task: definitions.task,
  project: definitions.project,
  tool: definitions.tools.items!,
  resource: definitions.resources.items!,
};

/** A snippet body with every `${1:default}` replaced by its default, as the editor inserts it. */
function inserted(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body).replace(/\$\{\d+:([^}]*)\}/g, '$1')) as unknown;
}

suite('Editor help in the schema', () => {
  test('Every property has its own description, also as Markdown, and no two in one object say the same', () => {
    for (const [kind, node] of Object.entries(objects)) {
      const seen = new Map<string, string>();
      for (const [key, property] of Object.entries(node.properties!)) {
        assert.ok(property.description, `${kind}.${key} has a description of its own`);
        assert.ok(property.markdownDescription, `${kind}.${key} has a markdownDescription`);
        assert.ok(!seen.has(property.description), `${kind}.${key} says the same as ${kind}.${seen.get(property.description)}`);
        seen.set(property.description, key);
      }
    }
    assert.notStrictEqual(definitions.task.properties!.id.description, definitions.project.properties!.id.description);
    for (const [name, definition] of Object.entries(definitions)) {
      if (definition.description) assert.ok(definition.markdownDescription, `definitions.${name}`);
    }
  });

  test('Ids, links and titles explain a pattern mismatch in words', () => {
    assert.match(definitions.id.patternErrorMessage ?? '', /kebab-case/);
    assert.match(definitions.url.patternErrorMessage ?? '', /https:\/\//);
    assert.match(definitions.title.patternErrorMessage ?? '', /visible character/);
  });

  test('Snippets for a roadmap, a phase with modules, a module, a task and a project insert valid content', () => {
    const ajv = new Ajv({ allErrors: true });
    for (const keyword of ['markdownDescription', 'patternErrorMessage', 'errorMessage', 'defaultSnippets']) ajv.addKeyword({ keyword });
    const validate = ajv.compile(schema);
    const roadmapWith = (phase: unknown) => ({ id: 'r', title: 'R', phases: [phase] });
    const phaseWith = (key: 'modules' | 'tasks' | 'projects', item: unknown) => roadmapWith({ id: 'p', title: 'P', [key]: [item] });
    const cases: [string, Snippet[] | undefined, (body: unknown) => unknown][] = [
      ['roadmap', schema.defaultSnippets, (body) => body],
      ['phase', definitions.phase.defaultSnippets, roadmapWith],
      ['module', definitions.module.defaultSnippets, (body) => phaseWith('modules', body)],
      ['task', definitions.task.defaultSnippets, (body) => phaseWith('tasks', body)],
      ['project', definitions.project.defaultSnippets, (body) => phaseWith('projects', body)],
    ];
    for (const [kind, snippets, wrap] of cases) {
      assert.ok(snippets && snippets.length > 0, `${kind} has snippets`);
      for (const snippet of snippets) {
        const document = wrap(inserted(snippet.body));
        assert.ok(validate(document), `${kind} snippet "${snippet.label}": ${JSON.stringify(validate.errors)}`);
        assert.deepStrictEqual(loadText(JSON.stringify(document)).errors, [], `${kind} snippet "${snippet.label}" loads`);
      }
    }
    assert.ok(definitions.phase.defaultSnippets!.some((s) => Array.isArray((s.body as { modules?: unknown }).modules)), 'a phase snippet has modules');
  });

  test('A file with two YAML documents gets a message for authors, with the line where the second starts', () => {
    const errors = loadText('id: a\ntitle: A\nphases:\n  - id: p\n    title: P\n---\nid: b\n').errors;
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0].message, /^a roadmap file holds one YAML document, but a second one starts at line 6/);
    assert.doesNotMatch(errors[0].message, /parseAllDocuments|YAML\./);
    assert.strictEqual(errors[0].start.line, 6);
  });
});
