import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GuardedWriter, OutsideFolder } from '../../src/platform/writeGuard';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Everything under `dir`, as sorted relative POSIX paths. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split(path.sep).join('/')).sort();
}

suite('Writing a starter project never follows a link out of the chosen folder', () => {
  let root: string;
  let workspace: string;
  let outside: string;
  setup(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'write-guard-'));
    workspace = path.join(root, 'workspace');
    outside = path.join(root, 'outside');
    fs.mkdirSync(workspace);
    fs.mkdirSync(outside);
  });
  teardown(() => fs.rmSync(root, { recursive: true, force: true }));

  test('Creates the folders and files, and keeps a file that is already there', async () => {
    fs.mkdirSync(path.join(workspace, 'projects', 'demo'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'projects', 'demo', 'README.md'), 'mine');
    const writer = new GuardedWriter(workspace);
    await writer.checkAll(['projects/demo/README.md', 'projects/demo/src/app.py']);
    assert.strictEqual(await writer.write('projects/demo/README.md', bytes('theirs')), 'exists');
    assert.strictEqual(await writer.write('projects/demo/src/app.py', bytes('print(1)')), 'created');
    assert.strictEqual(fs.readFileSync(path.join(workspace, 'projects', 'demo', 'README.md'), 'utf8'), 'mine');
    assert.deepStrictEqual(listing(workspace), ['projects', 'projects/demo', 'projects/demo/README.md', 'projects/demo/src', 'projects/demo/src/app.py']);
  });

  test('A cloned "projects -> ../.." link is refused before anything is written', async () => {
    fs.symlinkSync(path.relative(workspace, outside), path.join(workspace, 'projects'));
    const writer = new GuardedWriter(workspace);
    await assert.rejects(writer.checkAll(['projects/demo/README.md']), (error: Error) => error instanceof OutsideFolder && /"projects" leads to .*outside/.test(error.message));
    await assert.rejects(writer.write('projects/demo/README.md', bytes('x')), OutsideFolder);
    assert.deepStrictEqual(listing(outside), []);
  });

  test('A folder swapped for a link after the check is refused when the file is written', async () => {
    fs.mkdirSync(path.join(workspace, 'demo', 'notebooks'), { recursive: true });
    const writer = new GuardedWriter(workspace);
    await writer.checkAll(['demo/README.md', 'demo/notebooks/eda.ipynb']);
    assert.strictEqual(await writer.write('demo/README.md', bytes('readme')), 'created');
    // Between planning and writing, something replaces the folder with a link to elsewhere.
    fs.rmdirSync(path.join(workspace, 'demo', 'notebooks'));
    fs.symlinkSync(outside, path.join(workspace, 'demo', 'notebooks'));
    await assert.rejects(writer.write('demo/notebooks/eda.ipynb', bytes('{}')), OutsideFolder);
    assert.deepStrictEqual(listing(outside), []);
  });

  test('Never writes through a link at the file itself, even a dangling one', async () => {
    fs.mkdirSync(path.join(workspace, 'demo'));
    fs.symlinkSync(path.join(outside, 'created-by-link.txt'), path.join(workspace, 'demo', 'notes.txt'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'keep');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(workspace, 'demo', 'config.txt'));
    const writer = new GuardedWriter(workspace);
    await assert.rejects(writer.checkAll(['demo/notes.txt']), /points nowhere/);
    await assert.rejects(writer.checkAll(['demo/config.txt']), OutsideFolder);
    assert.strictEqual(await writer.write('demo/notes.txt', bytes('x')), 'exists');
    assert.strictEqual(await writer.write('demo/config.txt', bytes('x')), 'exists');
    assert.deepStrictEqual(listing(outside), ['secret.txt']);
    assert.strictEqual(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8'), 'keep');
  });

  test('A link that stays inside the chosen folder is followed', async () => {
    fs.mkdirSync(path.join(workspace, 'real'));
    fs.symlinkSync('real', path.join(workspace, 'alias'));
    const writer = new GuardedWriter(workspace);
    await writer.checkAll(['alias/a.txt']);
    assert.strictEqual(await writer.write('alias/a.txt', bytes('a')), 'created');
    assert.strictEqual(fs.readFileSync(path.join(workspace, 'real', 'a.txt'), 'utf8'), 'a');
  });

  test('A workspace folder reached through a link is its own real path, and refuses paths that climb', async () => {
    fs.symlinkSync(workspace, path.join(root, 'link-to-workspace'));
    const writer = new GuardedWriter(path.join(root, 'link-to-workspace'));
    assert.strictEqual(await writer.write('demo/a.txt', bytes('a')), 'created');
    assert.ok(fs.existsSync(path.join(workspace, 'demo', 'a.txt')));
    await assert.rejects(writer.write('../outside/x.txt', bytes('x')), OutsideFolder);
    assert.deepStrictEqual(listing(outside), []);
  });
});
