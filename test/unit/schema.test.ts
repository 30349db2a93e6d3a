import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { KNOWN_KEYS } from '../../src/model/loader';
import { ROADMAPS_DIR } from './helpers';

interface SchemaNode {
  description?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
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

suite('JSON Schema', () => {
  test('Lists exactly the properties the loader accepts, for every kind of object', () => {
    for (const [kind, node] of Object.entries(objects)) {
      assert.deepStrictEqual(Object.keys(node.properties!), [...KNOWN_KEYS[kind as keyof typeof KNOWN_KEYS]], kind);
    }
  });

  test('Requires what the loader requires', () => {
    assert.deepStrictEqual(schema.required, ['id', 'title', 'phases']);
    for (const kind of ['phase', 'module', 'task', 'project'] as const) assert.deepStrictEqual(objects[kind].required, ['id', 'title'], kind);
    assert.deepStrictEqual(objects.tool.required, ['name']);
    assert.deepStrictEqual(objects.resource.required, ['title', 'url']);
  });

  test('Describes every property, directly or through its definition', () => {
    const describe = (node: SchemaNode): string | undefined => node.description ?? (node.$ref ? describe(definitions[node.$ref.split('/').pop()!]) : undefined);
    for (const [kind, node] of Object.entries(objects)) {
      for (const [key, property] of Object.entries(node.properties!)) assert.ok(describe(property), `${kind}.${key}`);
    }
  });
});
