/**
 * Starter projects and symbolic links on the local disk: Node only (real folders and links), so
 * apart from the rest of the starter-project suite, which the web host runs too.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ScaffoldCatalog } from '../../src/scaffold/catalog';
import { createStarterProject } from '../../src/scaffold/create';
import type { ScaffoldPrompts } from '../../src/scaffold/prompts';
import { createStarter, resetAll, starterOptions, workspaceFolder, writeFile } from './helpers';
import { ownServices } from './ownServices';

suite('Starter projects and links', () => {
  setup(resetAll);

  test('A folder on the way that is a link out of the workspace (a cloned "projects -> ../..") receives nothing', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    const link = path.join(workspaceFolder().fsPath, `linked-projects-${Date.now()}`);
    fs.symlinkSync(outside, link);
    try {
      const target = vscode.Uri.joinPath(workspaceFolder(), path.basename(link), 'my-titanic');
      assert.strictEqual(await createStarter(starterOptions(target)), undefined);
      assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing was written where the link points');
    } finally {
      fs.unlinkSync(link);
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('A folder swapped for a link after planning receives nothing: the writes are checked when they happen', async () => {
    // The swap must happen between planning and writing, while the user is asked about the files
    // already there; tests may not answer a modal dialog, so the command's flow runs with questions
    // answered here, on services of its own.
    const own = ownServices();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `swapped-${Date.now()}`);
    await writeFile(vscode.Uri.joinPath(target, 'README.md'), 'my own readme\n');
    try {
      const titanic = await own.services.registry.task('master-24-week', 'titanic-eda');
      const asked: string[][] = [];
      const prompts: ScaffoldPrompts = {
        pickScaffold: (choices) => Promise.resolve(choices.find((c) => c.scaffold.manifest.id === 'titanic-eda')?.scaffold),
        projectName: () => Promise.resolve('My Titanic'),
        location: () => Promise.resolve(target),
        confirmKeep: (existing) => {
          asked.push([...existing]);
          fs.symlinkSync(outside, path.join(target.fsPath, 'notebooks'));
          return Promise.resolve(true);
        },
      };
      const catalog = new ScaffoldCatalog(own.extensionUri, own.services.log);
      assert.strictEqual(await createStarterProject(own.services, catalog, { task: titanic, linkFolder: () => Promise.resolve() }, prompts), undefined);
      assert.deepStrictEqual(asked, [['README.md']], 'it listed the file it keeps');
      assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing was written where the link points');
      assert.deepStrictEqual(fs.readdirSync(target.fsPath).sort(), ['README.md', 'notebooks'], 'nothing else was written either');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
      own.dispose();
    }
  });
});
