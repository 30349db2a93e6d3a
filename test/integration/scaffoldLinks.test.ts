/**
 * Starter projects and symbolic links on the local disk: Node only (real folders and links), so
 * apart from the rest of the starter-project suite, which the web host runs too.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ScaffoldPrompts } from '../../src/scaffold/create';
import { api, resetAll, scaffoldPrompts as prompts, task, workspaceFolder, writeFile } from './helpers';

suite('Starter projects and links', () => {
  setup(resetAll);

  test('A folder on the way that is a link out of the workspace (a cloned "projects -> ../..") receives nothing', async () => {
    const { scaffolds } = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    const link = path.join(workspaceFolder().fsPath, `linked-projects-${Date.now()}`);
    fs.symlinkSync(outside, link);
    try {
      const target = vscode.Uri.joinPath(workspaceFolder(), path.basename(link), 'my-titanic');
      assert.strictEqual(await scaffolds.create(titanic, prompts(target)), undefined);
      assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing was written where the link points');
    } finally {
      fs.unlinkSync(link);
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('A folder swapped for a link after planning receives nothing: the writes are checked when they happen', async () => {
    const { scaffolds } = await api();
    const titanic = await task('master-24-week', 'titanic-eda');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    const target = vscode.Uri.joinPath(workspaceFolder(), 'projects', `swapped-${Date.now()}`);
    await writeFile(vscode.Uri.joinPath(target, 'README.md'), 'my own readme\n');
    try {
      // The question about existing files comes after planning and before writing: swap the link in then.
      const swapping: ScaffoldPrompts = {
        ...prompts(target),
        confirmKeep: () => {
          fs.symlinkSync(outside, path.join(target.fsPath, 'notebooks'));
          return Promise.resolve(true);
        },
      };
      assert.strictEqual(await scaffolds.create(titanic, swapping), undefined);
      assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing was written where the link points');
      assert.deepStrictEqual(fs.readdirSync(target.fsPath).sort(), ['README.md', 'notebooks'], 'nothing else was written either');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
