import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { id: string; steps: { id: string; completionEvents: string[] }[] }[];
    keybindings: { command: string }[];
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
  };
}

const manifest = (): Manifest => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;

suite('Manifest', () => {
  test('Every command declared in package.json is registered, and every registered one is declared', async () => {
    await api();
    const declared = manifest().contributes.commands.map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('mlRoadmaps.') && !c.startsWith('mlRoadmaps.tree.')).sort();
    assert.deepStrictEqual(registered, declared);
  });

  test('Menus and keybindings only name declared commands', () => {
    const declared = new Set(manifest().contributes.commands.map((c) => c.command));
    const used = [...Object.values(manifest().contributes.menus).flat(), ...manifest().contributes.keybindings].map((e) => e.command);
    assert.deepStrictEqual(used.filter((c) => c.startsWith('mlRoadmaps.') && !declared.has(c)), []);
  });

  test('The Explorer offers Open Class Dashboard on folders, without the ellipsis of the palette’s command that asks', () => {
    const { menus } = manifest().contributes;
    const entries = (menus['explorer/context'] ?? []).filter((e) => e.command === 'mlRoadmaps.openClassDashboardOnFolder');
    assert.strictEqual(entries.length, 1, 'one entry in the Explorer’s context menu');
    assert.strictEqual(entries[0].when, 'explorerResourceIsFolder');
    assert.match(entries[0].group ?? '', /^navigation@\d+$/);
    // The palette keeps the command that asks for a folder; the Explorer's is hidden there.
    assert.deepStrictEqual(
      menus.commandPalette.filter((e) => e.command.startsWith('mlRoadmaps.openClassDashboard')),
      [{ command: 'mlRoadmaps.openClassDashboardOnFolder', when: 'false' }],
    );
    // The titles as written: a key each, localised in package.nls.json.
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; title: string }[] } };
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const title = (id: string) => nls[raw.contributes.commands.find((c) => c.command === id)?.title.replace(/^%(.*)%$/, '$1') ?? ''];
    assert.strictEqual(title('mlRoadmaps.openClassDashboardOnFolder'), 'Open Class Dashboard');
    assert.strictEqual(title('mlRoadmaps.openClassDashboard'), 'Open Class Dashboard…');
  });

  test('Walkthrough steps complete on real actions: a view, commands and context keys the extension sets', async () => {
    await api();
    const events = manifest().contributes.walkthroughs[0].steps.flatMap((s) => s.completionEvents);
    assert.deepStrictEqual(events, ['onView:mlRoadmaps.tree', 'onContext:mlRoadmaps.hasFinishedTask', 'onContext:mlRoadmaps.createdStarterProject', 'onCommand:mlRoadmaps.openNotes']);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const event of events.filter((e) => e.startsWith('onCommand:'))) assert.ok(commands.has(event.slice('onCommand:'.length)), event);
  });

  test('Every walkthrough step’s media file ships with the extension', () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: { media: { markdown: string } }[] }[] } };
    for (const step of raw.contributes.walkthroughs[0].steps) assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
  });
});
