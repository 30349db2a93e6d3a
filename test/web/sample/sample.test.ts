import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mlr-fixtures.web-sample';

interface SampleApi {
  view: vscode.TreeView<string>;
  rootRequests(): number;
}

async function sample(): Promise<SampleApi> {
  const extension = vscode.extensions.getExtension<SampleApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Polls until check() holds: the workbench renders views asynchronously. */
async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting until ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

suite('Web sample in the web worker extension host', () => {
  test('the tests run in a web worker without Node', () => {
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function');
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined');
  });

  test('the extension was loaded from its browser entry into the same worker', async () => {
    await sample();
    const where = await vscode.commands.executeCommand<{ webWorker: boolean; nodeProcess: boolean }>('webSample.environment');
    assert.deepStrictEqual(where, { webWorker: true, nodeProcess: false });
    // Extensions in the web worker host count as UI extensions; in the remote Node host they are Workspace ones.
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.extensionKind, vscode.ExtensionKind.UI);
  });

  test('the workbench shows the tree view and asks the provider for its items', async () => {
    const api = await sample();
    await vscode.commands.executeCommand('webSample.tree.focus');
    await eventually(() => api.view.visible && api.rootRequests() > 0, 'the view is visible and was filled');
  });

  test('a command that changes the items makes the view ask again', async () => {
    const api = await sample();
    await vscode.commands.executeCommand('webSample.tree.focus');
    await eventually(() => api.rootRequests() > 0, 'the view was filled once');
    const before = api.rootRequests();
    await vscode.commands.executeCommand('webSample.add', 'gamma');
    await eventually(() => api.rootRequests() > before, 'the view asked for the items again');
  });

  test('vscode.workspace.fs writes and reads files of the workspace folder', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const file = vscode.Uri.joinPath(folder.uri, 'web-sample.txt');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('written from a worker'));
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), 'written from a worker');
  });
});
