import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL, fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, SchemaPriority } from 'yaml-language-server';
import { ROOT } from './helpers';

interface YamlValidation {
  fileMatch: string | string[];
  url: string;
}

/**
 * The schema associations the Red Hat YAML extension sends its server for our package.json: a
 * `./` url becomes a URI in the extension's folder, and each fileMatch not starting with `/`, `!`
 * or a scheme gets a leading `/` (the server then matches `**` + pattern, without dot folders).
 */
function associationsFromPackageJson(): { uri: string; fileMatch: string[] }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: YamlValidation[] } };
  return manifest.contributes.yamlValidation.map(({ fileMatch, url }) => ({
    uri: url.startsWith('./') ? pathToFileURL(path.join(ROOT, url)).toString() : url,
    fileMatch: (Array.isArray(fileMatch) ? fileMatch : [fileMatch]).map((pattern) => (/^(\w+:\/\/|\/|!)/.test(pattern) ? pattern : `/${pattern}`)),
  }));
}

function languageService() {
  const service = getLanguageService({
    schemaRequestService: (uri) => Promise.resolve(fs.readFileSync(fileURLToPath(uri), 'utf8')),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  service.configure({
    validate: true,
    hover: true,
    completion: true,
    schemas: associationsFromPackageJson().map((a) => ({ ...a, priority: SchemaPriority.SchemaAssociation })),
  });
  return service;
}

const BROKEN = 'id: Not_Kebab\ntitle: Broken\nphases: []\n';

suite('The schema reaches roadmaps in the editor (yaml-language-server)', () => {
  const service = languageService();
  const diagnosticsAt = async (uri: string) => (await service.doValidation(TextDocument.create(uri, 'yaml', 1, BROKEN), false)).map((d) => d.message);

  for (const uri of [
    'file:///home/user/project/.vscode/roadmaps/x.roadmap.yaml',
    'file:///home/user/project/.vscode/roadmaps/x.roadmap.yml',
    'file:///home/user/.work/project/.vscode/roadmaps/x.roadmap.yaml',
    'file:///home/user/project/roadmaps/x.roadmap.yaml',
    'file:///x.roadmap.yaml',
  ]) {
    test(`A broken roadmap at ${uri.replace('file:///', '/')} gets schema diagnostics`, async function () {
      this.timeout(20_000);
      const messages = await diagnosticsAt(uri);
      assert.ok(messages.some((m) => /kebab-case/.test(m)), `the id's pattern message: ${JSON.stringify(messages)}`);
      assert.ok(messages.some((m) => /too few items/i.test(m)), `empty phases: ${JSON.stringify(messages)}`);
    });
  }

  test('Other YAML files are left alone', async () => {
    assert.deepStrictEqual(await diagnosticsAt('file:///home/user/project/.vscode/settings.yaml'), []);
    assert.deepStrictEqual(await diagnosticsAt('file:///home/user/project/docker-compose.yaml'), []);
  });
});
