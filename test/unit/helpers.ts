import * as fs from 'fs';
import * as path from 'path';
import { loadRoadmap, LoadResult } from '../../src/model/loader';
import { Roadmap } from '../../src/model/types';
import { MementoLike } from '../../src/storage/memento';

/** The project root, from out/test/unit at run time. */
export const ROOT = path.resolve(__dirname, '../../..');
export const ROADMAPS_DIR = path.join(ROOT, 'roadmaps');

export function bundledRoadmapFiles(): string[] {
  return fs.readdirSync(ROADMAPS_DIR).filter((f) => f.endsWith('.yaml')).sort();
}

export function loadText(text: string, label = 'test.yaml'): LoadResult {
  return loadRoadmap(text, { label, location: label, bundled: false });
}

export function loadBundled(file: string): Roadmap {
  const result = loadRoadmap(fs.readFileSync(path.join(ROADMAPS_DIR, file), 'utf8'), { label: file, location: file, bundled: true });
  if (!result.roadmap) throw new Error(`${file} failed to load: ${JSON.stringify(result.errors)}`);
  return result.roadmap;
}

/** A small roadmap in YAML; `extra` is appended under the first module's first task list. */
export function miniRoadmap(): string {
  return [
    'id: mini',
    'title: Mini roadmap',
    'phases:',
    '  - id: basics',
    '    title: Basics',
    '    modules:',
    '      - id: maths',
    '        title: Maths',
    '        goal: Learn the maths.',
    '        tasks:',
    '          - id: linear-algebra',
    '            title: Linear algebra',
    '          - id: calculus',
    '            title: Calculus',
    '        projects:',
    '          - id: gradient-descent',
    '            title: Gradient descent from scratch',
    '  - id: week-2',
    '    title: Week 2',
    '    tasks:',
    '      - id: numpy',
    '        title: NumPy',
    '      - id: pandas',
    '        title: Pandas',
    '',
  ].join('\n');
}

export class InMemoryMemento implements MementoLike {
  private readonly values = new Map<string, unknown>();
  writes = 0;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  get<T>(key: string): T | undefined {
    const value = this.values.get(key);
    // Round-trip through JSON as VS Code's storage does, so tests cannot share object identity.
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.writes++;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}
