import * as assert from 'assert';
import { newRoadmapId } from '../../src/ownRoadmaps/starter';
import { isWindowsDeviceName } from '../../src/model/ids';
import { builtinVariables, packageNameOf, planScaffold, projectFolderNameOf, unsafePathReason } from '../../src/scaffold/plan';

const DEVICE_NAMES = ['con', 'PRN', 'Aux', 'nul', 'com1', 'COM9', 'lpt1', 'LpT9', 'nul.txt', 'con.py', 'aux.tar.gz', 'nul .py', 'com¹', 'conin$'];
const ORDINARY_NAMES = ['console', 'conf', 'null', 'com', 'com10', 'lpt', 'auxiliary', 'icon', 'my-con', 'a.con', 'prn_data'];

suite('Windows device names', () => {
  test('Recognises every device name in any case, with or without an extension, and nothing else', () => {
    for (const name of DEVICE_NAMES) assert.strictEqual(isWindowsDeviceName(name), true, name);
    for (const name of ORDINARY_NAMES) assert.strictEqual(isWindowsDeviceName(name), false, name);
  });

  test('Refuses a rendered path with a device name in any segment', () => {
    for (const path of ['con', 'src/nul.py', 'AUX/__init__.py', 'data/com1.csv', 'LPT9.md/x']) {
      assert.match(unsafePathReason(path) ?? '', /device name on Windows/, path);
    }
    assert.strictEqual(unsafePathReason('src/console.py'), undefined);
  });

  test('A template whose package name renders to a device name is refused, and creates nothing', () => {
    const plan = planScaffold({ files: [{ path: '{{packageName}}/__init__.py', content: new Uint8Array() }], variables: { packageName: 'nul' }, existing: new Set() });
    assert.match(plan.errors.join('\n'), /device name on Windows/);
    assert.deepStrictEqual(plan.create, []);
  });

  test('Project names that are device names give a package and a folder name Windows can create', () => {
    for (const name of ['con', 'NUL', 'Aux', 'com1', 'lpt9', 'Prn']) {
      assert.strictEqual(isWindowsDeviceName(packageNameOf(name)), false, `package of ${name}: ${packageNameOf(name)}`);
      assert.strictEqual(isWindowsDeviceName(projectFolderNameOf(name)), false, `folder of ${name}: ${projectFolderNameOf(name)}`);
    }
    assert.strictEqual(packageNameOf('con'), 'project_con');
    assert.strictEqual(projectFolderNameOf('CON'), 'con-project');
    assert.strictEqual(projectFolderNameOf('Console'), 'console');
    const vars = builtinVariables({ projectName: 'nul', taskTitle: 't', taskId: 't', roadmapTitle: 'r', roadmapId: 'r', now: new Date(2025, 0, 1) });
    assert.deepStrictEqual([vars.slug, vars.packageName], ['nul-project', 'project_nul']);
  });

  test('A new roadmap titled like a device gets a file name Windows can create', () => {
    assert.strictEqual(newRoadmapId('Con'), 'con-roadmap');
    assert.strictEqual(newRoadmapId('LPT1'), 'lpt1-roadmap');
    assert.strictEqual(newRoadmapId('Computer Vision Plan'), 'computer-vision-plan');
    assert.strictEqual(newRoadmapId('!!!'), undefined);
  });
});
