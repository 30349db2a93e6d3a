import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Settings, settingId } from '../../src/constants';
import { PROJECT_ROOT } from '../host/workbench';

// Settings keys live in one place (constants.ts): the code reads no setting package.json does not
// contribute, and package.json contributes none the code does not know.
suite('Settings keys', () => {
  test('Settings names exactly the settings package.json contributes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
    const contributed = Object.keys(manifest.contributes.configuration.properties).sort();
    const { section, ...keys } = Settings;
    assert.strictEqual(section, 'mlRoadmaps');
    assert.deepStrictEqual(Object.values(keys).map(settingId).sort(), contributed);
  });
});
