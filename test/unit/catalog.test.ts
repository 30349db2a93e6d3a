/**
 * The roadmap catalog over an in-memory workspace: which load wins when loads overlap, what a
 * file that vanishes mid-load gives, and that a save that changes nothing changes nothing.
 */
import * as assert from 'assert';
import { isFailure, RoadmapCatalog, RoadmapEntry, RoadmapSources } from '../../src/core/catalog';
import { loadRoadmap } from '../../src/model/loader';
import type { Roadmap, RoadmapSource } from '../../src/model/types';
import { miniRoadmap } from './helpers';

/** A workspace of roadmap files in memory; reads can be held back to make loads overlap. */
class InMemoryWorkspace implements RoadmapSources {
  readonly files = new Map<string, string>();
  private held: { release: () => void; promise: Promise<void> } | undefined;
  bundledBuilds = 0;
  parses = 0;

  bundled(): Promise<readonly RoadmapEntry[]> {
    this.bundledBuilds++;
    return Promise.resolve([loadRoadmap(miniRoadmap().replace('id: mini', 'id: bundled-one'), { label: 'bundled.yaml', location: 'ext:/bundled.yaml', bundled: true }).roadmap!]);
  }

  workspaceFiles(): Promise<readonly RoadmapSource[]> {
    return Promise.resolve([...this.files.keys()].sort().map((location) => ({ label: location, location, bundled: false })));
  }

  async read(source: RoadmapSource): Promise<{ text: string } | { problem: string }> {
    await this.held?.promise;
    const text = this.files.get(source.location);
    return text === undefined ? { problem: 'could not read the file: not found' } : { text };
  }

  parse(text: string, source: RoadmapSource) {
    this.parses++;
    return Promise.resolve(loadRoadmap(text, source));
  }

  /** Holds every read until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held = { release, promise };
    return () => {
      this.held = undefined;
      release();
    };
  }
}

function roadmapText(id: string, title = 'A roadmap'): string {
  return miniRoadmap().replace('id: mini', `id: ${id}`).replace(/^title: .*$/m, `title: ${title}`);
}

const ids = (entries: readonly RoadmapEntry[]) => entries.map((e) => (isFailure(e) ? `failed:${e.source.label}` : e.id));
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

suite('Roadmap catalog', () => {
  test('The first load answers with the bundled roadmaps, then tells of the workspace’s', async () => {
    const workspace = new InMemoryWorkspace();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a'));
    const catalog = new RoadmapCatalog(workspace);
    const changes: string[][] = [];
    catalog.onDidChange((entries) => changes.push(ids(entries)));
    assert.deepStrictEqual(ids(await catalog.entries()), ['bundled-one']);
    await tick();
    assert.deepStrictEqual(ids(await catalog.entries()), ['bundled-one', 'own-a']);
    assert.deepStrictEqual(changes, [['bundled-one', 'own-a']]);
    assert.strictEqual(workspace.bundledBuilds, 1, 'the bundled entries handed out first are kept');
  });

  test('A caller during the first search waits for the workspace’s roadmaps; the first caller did not', async () => {
    const workspace = new InMemoryWorkspace();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a'));
    const catalog = new RoadmapCatalog(workspace);
    const release = workspace.hold();
    assert.deepStrictEqual(ids(await catalog.entries()), ['bundled-one'], 'the first caller');
    const later = catalog.entries();
    let answered = false;
    void later.then(() => (answered = true));
    await tick();
    assert.strictEqual(answered, false, 'the search is held: a later caller waits');
    release();
    assert.deepStrictEqual(ids(await later), ['bundled-one', 'own-a']);
  });

  test('A save that changes nothing keeps every model object and tells no one', async () => {
    const workspace = new InMemoryWorkspace();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a'));
    const catalog = new RoadmapCatalog(workspace);
    await catalog.entries();
    await tick();
    const before = await catalog.entries();
    const parses = workspace.parses;
    let told = 0;
    catalog.onDidChange(() => told++);
    assert.strictEqual(await catalog.reloadIfChanged(), false);
    assert.strictEqual(told, 0);
    assert.strictEqual(workspace.parses, parses, 'the same text is not parsed again');
    const after = await catalog.entries();
    assert.strictEqual(after, before, 'the same entries, not a copy');
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a', 'Renamed'));
    assert.strictEqual(await catalog.reloadIfChanged(), true);
    assert.strictEqual(told, 1);
    assert.strictEqual(((await catalog.entries())[1] as Roadmap).title, 'Renamed');
  });

  test('Of two overlapping reloads the later one wins, and the earlier one tells no one', async () => {
    const workspace = new InMemoryWorkspace();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a', 'First'));
    const catalog = new RoadmapCatalog(workspace);
    await catalog.entries();
    await tick();
    const told: string[] = [];
    catalog.onDidChange((entries) => told.push((entries[1] as Roadmap).title));
    const release = workspace.hold();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a', 'Second'));
    const earlier = catalog.reloadIfChanged();
    await tick();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a', 'Third'));
    const later = catalog.reloadIfChanged();
    release();
    await Promise.all([earlier, later]);
    assert.deepStrictEqual(told, ['Third']);
    assert.strictEqual(((await catalog.entries())[1] as Roadmap).title, 'Third');
  });

  test('A reload asked for during the first load has the last word', async () => {
    const workspace = new InMemoryWorkspace();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a'));
    const catalog = new RoadmapCatalog(workspace);
    const first = catalog.entries();
    workspace.files.set('ws/b.roadmap.yaml', roadmapText('own-b'));
    const reloaded = catalog.reload();
    await first;
    assert.deepStrictEqual(ids(await reloaded), ['bundled-one', 'own-a', 'own-b']);
    await tick();
    assert.deepStrictEqual(ids(await catalog.entries()), ['bundled-one', 'own-a', 'own-b']);
  });

  test('A file deleted while it is being loaded becomes a failure that says so; the others load', async () => {
    const workspace = new InMemoryWorkspace();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('own-a'));
    workspace.files.set('ws/b.roadmap.yaml', roadmapText('own-b'));
    const catalog = new RoadmapCatalog(workspace);
    await catalog.entries();
    await tick();
    const release = workspace.hold();
    const reloading = catalog.reloadIfChanged();
    await tick();
    workspace.files.delete('ws/a.roadmap.yaml');
    release();
    assert.strictEqual(await reloading, true);
    const entries = await catalog.entries();
    assert.deepStrictEqual(ids(entries), ['bundled-one', 'failed:ws/a.roadmap.yaml', 'own-b']);
    const failure = entries[1];
    assert.ok(isFailure(failure) && /not found/.test(failure.errors[0].message));
    // Gone from the listing too at the next load: no entry for it at all.
    await catalog.reloadIfChanged();
    assert.deepStrictEqual(ids(await catalog.entries()), ['bundled-one', 'own-b']);
  });

  test('Two files with one roadmap id: the later is refused with a message naming the first', async () => {
    const workspace = new InMemoryWorkspace();
    workspace.files.set('ws/a.roadmap.yaml', roadmapText('same'));
    workspace.files.set('ws/b.roadmap.yaml', roadmapText('same'));
    const catalog = new RoadmapCatalog(workspace);
    await catalog.reload();
    const [, , second] = await catalog.entries();
    assert.ok(isFailure(second));
    assert.match(second.errors[0].message, /roadmap id "same" is already used by ws\/a\.roadmap\.yaml/);
  });

  test('peekTask answers from what is loaded and never starts a load', async () => {
    const workspace = new InMemoryWorkspace();
    const catalog = new RoadmapCatalog(workspace);
    assert.strictEqual(catalog.peekTask('bundled-one', 'numpy'), undefined);
    assert.strictEqual(catalog.isLoaded(), false);
    await catalog.entries();
    const roadmap = (await catalog.roadmaps())[0];
    const [someTask] = roadmap.taskIndex.keys();
    assert.strictEqual(catalog.peekTask('bundled-one', someTask), roadmap.taskIndex.get(someTask));
  });
});
