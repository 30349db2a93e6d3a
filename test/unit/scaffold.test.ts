import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tasksOf } from '../../src/model/types';
import { parseScaffoldManifest, ScaffoldManifest } from '../../src/scaffold/manifest';
import { builtinVariables, isInside, packageNameOf, planScaffold, projectNameProblem, renderTemplate, TemplateFile, todayIso } from '../../src/scaffold/plan';
import { bundledRoadmapFiles, loadBundled, ROOT } from './helpers';

const SCAFFOLDS_DIR = path.join(ROOT, 'roadmaps', 'scaffolds');
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const file = (filePath: string, text = 'x'): TemplateFile => ({ path: filePath, content: encode(text) });

const VALID_MANIFEST = [
  'id: titanic-eda',
  'title: Titanic EDA',
  'description: Explore the Titanic passenger list.',
  'serves:',
  '  - master-24-week/titanic-eda',
  '  - machine-learning-course/eda-real-dataset',
  'variables:',
  '  - name: targetColumn',
  '    description: The column to predict',
  '    default: Survived',
  '  - name: imageSize',
  '    description: Side of the images',
  '    default: 064',
  '',
].join('\n');

/** Sample values with quotes and an apostrophe, the characters most likely to break a rendered file. */
function sampleVariables(manifest: ScaffoldManifest): Record<string, string> {
  return {
    ...Object.fromEntries(manifest.variables.map((v) => [v.name, v.default])),
    ...builtinVariables({
      projectName: `Bob's "Sample" Project`,
      taskTitle: `Titanic "dataset" EDA`,
      taskId: 'titanic-eda',
      roadmapTitle: `24-Week Complete Master's Roadmap`,
      roadmapId: 'master-24-week',
      now: new Date(2026, 10, 21),
    }),
  };
}

function readTemplates(dir: string, prefix = ''): TemplateFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return readTemplates(full, `${prefix}${entry.name}/`);
    return [{ path: `${prefix}${entry.name}`, content: new Uint8Array(fs.readFileSync(full)) }];
  });
}

function scaffoldIds(): string[] {
  return fs.readdirSync(SCAFFOLDS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

function readManifest(id: string): ScaffoldManifest {
  const { manifest, errors } = parseScaffoldManifest(fs.readFileSync(path.join(SCAFFOLDS_DIR, id, 'scaffold.yaml'), 'utf8'), `${id}/scaffold.yaml`);
  assert.deepStrictEqual(errors, []);
  assert.ok(manifest);
  return manifest;
}

suite('Scaffold manifest', () => {
  test('Parses a complete manifest, keeping a numeric default as written', () => {
    const { manifest, errors } = parseScaffoldManifest(VALID_MANIFEST, 'scaffold.yaml');
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(manifest, {
      id: 'titanic-eda',
      title: 'Titanic EDA',
      description: 'Explore the Titanic passenger list.',
      serves: ['master-24-week/titanic-eda', 'machine-learning-course/eda-real-dataset'],
      variables: [
        { name: 'targetColumn', description: 'The column to predict', default: 'Survived' },
        { name: 'imageSize', description: 'Side of the images', default: '064' },
      ],
      checks: [],
      equivalentMutants: [],
    });
  });

  const CHECKS = [
    'checks:',
    '  - id: fill-missing-age',
    '    title: Missing ages are filled with per-class medians',
    '    step: 2',
    '    topics: [Pandas, Data cleaning]',
    '    test: checks/test_steps.py::test_fill_missing_age',
    '  - id: survival-rates',
    '    title: Survival rates per class',
    '    step: 3',
    '    topics: []',
    '    test: checks/deep/test_more.py::TestRates::test_by_class',
    '',
  ].join('\n');
  /** The manifest with one check whose field `key` is written as `value` (a YAML text). */
  const withCheckField = (key: string, value: string) =>
    `${VALID_MANIFEST}checks:\n  - id: a-check\n    title: A check\n    step: 1\n    topics: [T]\n    test: checks/test_a.py::test_a\n`.replace(new RegExp(`^(  - |    )${key}: .*$`, 'm'), `$1${key}: ${value}`);

  test('Parses the checks, in order, with their steps, topics and node ids', () => {
    const { manifest, errors } = parseScaffoldManifest(VALID_MANIFEST + CHECKS, 'scaffold.yaml');
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(manifest?.checks, [
      { id: 'fill-missing-age', title: 'Missing ages are filled with per-class medians', step: 2, topics: ['Pandas', 'Data cleaning'], test: 'checks/test_steps.py::test_fill_missing_age' },
      { id: 'survival-rates', title: 'Survival rates per class', step: 3, topics: [], test: 'checks/deep/test_more.py::TestRates::test_by_class' },
    ]);
  });

  test('Reports each bad check field as label:line:col and keeps no manifest', () => {
    const cases: [string, string, RegExp][] = [
      ['id', 'Fill_Age', /^s\.yaml:15:9: check id "Fill_Age" must be kebab-case/],
      ['title', '""', /^s\.yaml:16:12: `title` must not be empty/],
      ['step', '0', /^s\.yaml:17:11: `step` must be the number of a README step, a whole number from 1; found 0$/],
      ['step', '2.5', /^s\.yaml:17:11: `step` must be .*found 2\.5$/],
      ['step', '"2"', /^s\.yaml:17:11: `step` must be .*found the text "2"$/],
      ['topics', 'Pandas', /^s\.yaml:18:13: `topics` must be a list of topic names/],
      ['topics', '[Pandas, "", Pandas]', /^s\.yaml:18:22: each topic is a non-empty text[^\n]*\ns\.yaml:18:26: the topic "Pandas" is listed twice$/],
      ['test', 'checks/test_a.py', /^s\.yaml:19:11: `test` "checks\/test_a\.py" must be a pytest node id/],
      ['test', '../outside/test_a.py::test_a', /^s\.yaml:19:11: `test` "\.\.\/outside\/test_a\.py::test_a" is refused: the path has a "\.\." segment/],
      ['test', '/etc/test_a.py::test_a', /the path is absolute/],
      ['test', 'checks/test_a.txt::test_a', /must name a \.py file/],
      ['test', 'checks/test_a.py::test_a[1]', /must have Python names after the file/],
      ['test', '-p/test_a.py::test_a', /starting with "-"/],
      ['test', 'checks/{{packageName}}.py::test_a', /without template variables/],
      ['color', 'red', /^s\.yaml:20:5: unknown key `color` in a check; expected one of: id, title, step, topics, test/],
    ];
    for (const [key, value, expected] of cases) {
      const text = key === 'color' ? withCheckField('test', 'checks/test_a.py::test_a\n    color: red') : withCheckField(key, value);
      const { manifest, errors } = parseScaffoldManifest(text, 's.yaml');
      assert.strictEqual(manifest, undefined, `${key}: ${value}`);
      assert.match(errors.join('\n'), expected, `${key}: ${value}`);
    }
  });

  test('Reports a missing check field, a check that is not a mapping, and checks declared twice', () => {
    const missing = parseScaffoldManifest(withCheckField('step', '1').replace('    step: 1\n', ''), 's.yaml');
    assert.deepStrictEqual(missing.errors, ['s.yaml:15:5: missing required `step`']);
    const scalar = parseScaffoldManifest(`${VALID_MANIFEST}checks:\n  - checks/test_a.py::test_a\n`, 's.yaml');
    assert.match(scalar.errors.join('\n'), /^s\.yaml:15:5: each check is a mapping/);
    const twice = parseScaffoldManifest(VALID_MANIFEST + CHECKS.replace('id: survival-rates', 'id: fill-missing-age').replace('deep/test_more.py::TestRates::test_by_class', 'test_steps.py::test_fill_missing_age'), 's.yaml');
    assert.deepStrictEqual(twice.errors, [
      's.yaml:20:9: check "fill-missing-age" is declared twice',
      's.yaml:24:11: another check already runs "checks/test_steps.py::test_fill_missing_age"',
    ]);
    const notList = parseScaffoldManifest(`${VALID_MANIFEST}checks: none\n`, 's.yaml');
    assert.match(notList.errors.join('\n'), /^s\.yaml:14:9: `checks` must be a list/);
  });

  test('Parses the equivalent mutants, and reports a bad id, a missing why, an unknown key and an id listed twice as label:line:col', () => {
    const listing = (entries: string) => `${VALID_MANIFEST}equivalentMutants:\n${entries}`;
    const good = parseScaffoldManifest(listing('  - id: "{{packageName}}/model.py::Net.forward::compare-boundary#2"\n    why: The sizes are never equal.\n'), 's.yaml');
    assert.deepStrictEqual(good.errors, []);
    assert.deepStrictEqual(good.manifest?.equivalentMutants, [{ id: '{{packageName}}/model.py::Net.forward::compare-boundary#2', why: 'The sizes are never equal.' }]);
    const cases: [string, RegExp][] = [
      ['  - id: model.py::fit\n    why: x\n', /^s\.yaml:15:9: mutant id "model\.py::fit" must be "<path>\.py::<function>::<operator>#<number>"/],
      ['  - id: model.py::fit::number#0\n    why: x\n', /^s\.yaml:15:9: mutant id .* must be/],
      ['  - id: model.py::fit::number#1\n', /^s\.yaml:15:5: missing required `why`/],
      ['  - id: model.py::fit::number#1\n    why: x\n    note: y\n', /^s\.yaml:17:5: unknown key `note` in an equivalent mutant; expected one of: id, why/],
      ['  - id: model.py::fit::number#1\n    why: x\n  - id: model.py::fit::number#1\n    why: y\n', /^s\.yaml:17:9: mutant "model\.py::fit::number#1" is listed twice/],
      ['  - model.py::fit::number#1\n', /^s\.yaml:15:5: each equivalent mutant is a mapping with `id` and `why`/],
    ];
    for (const [entries, expected] of cases) {
      const { manifest, errors } = parseScaffoldManifest(listing(entries), 's.yaml');
      assert.strictEqual(manifest, undefined, entries);
      assert.match(errors.join('\n'), expected, entries);
    }
  });

  test('Reports an unknown key as label:line:col', () => {
    const { manifest, errors } = parseScaffoldManifest(VALID_MANIFEST.replace('serves:', 'tags: [a]\nserves:'), 'demo/scaffold.yaml');
    assert.strictEqual(manifest, undefined);
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /^demo\/scaffold\.yaml:4:1: unknown key `tags`/);
  });

  test('Reports an unknown key inside a variable', () => {
    const { errors } = parseScaffoldManifest(VALID_MANIFEST.replace('    default: Survived', '    default: Survived\n    choices: [a, b]'), 's.yaml');
    assert.deepStrictEqual(errors.map((e) => e.split(': ')[0]), ['s.yaml:11:5']);
  });

  test('Refuses an id that is not kebab-case', () => {
    const { manifest, errors } = parseScaffoldManifest(VALID_MANIFEST.replace('id: titanic-eda', 'id: Titanic_EDA'), 's.yaml');
    assert.strictEqual(manifest, undefined);
    assert.match(errors.join('\n'), /s\.yaml:1:5: id "Titanic_EDA" must be kebab-case/);
  });

  test('Refuses malformed serves entries, built-in variable names and missing fields', () => {
    const text = VALID_MANIFEST.replace('  - master-24-week/titanic-eda', '  - titanic-eda').replace('name: targetColumn', 'name: slug').replace('title: Titanic EDA\n', '');
    const { manifest, errors } = parseScaffoldManifest(text, 's.yaml');
    assert.strictEqual(manifest, undefined);
    assert.strictEqual(errors.length, 3, errors.join('\n'));
    assert.match(errors[0], /s\.yaml:1:1: missing required `title`/);
    assert.match(errors[1], /s\.yaml:4:5: `serves` entries are "<roadmap id>\/<project id>"/);
    assert.match(errors[2], /s\.yaml:7:11: "slug" is a built-in variable/);
  });

  test('Reports YAML syntax errors with their position', () => {
    const { errors } = parseScaffoldManifest('id: a\ndescription: one: two\n', 's.yaml');
    assert.match(errors[0], /^s\.yaml:2:14: /);
  });
});

suite('Scaffold templates', () => {
  test('Fills variables, with or without spaces inside the braces', () => {
    const { text, unknown } = renderTemplate('# {{projectName}}\nimport {{ packageName }}\n', { projectName: 'My Project', packageName: 'my_project' }, { json: false });
    assert.strictEqual(text, '# My Project\nimport my_project\n');
    assert.deepStrictEqual(unknown, []);
  });

  test('Escapes values as JSON string content in notebooks and JSON files', () => {
    const { text } = renderTemplate('{"source": ["# {{projectName}}"]}', { projectName: 'Say "hi" \\ \n now' }, { json: true });
    assert.deepStrictEqual(JSON.parse(text), { source: ['# Say "hi" \\ \n now'] });
  });

  test('Reports unknown variables and leaves them visible', () => {
    const { text, unknown } = renderTemplate('{{projectName}} {{ author }} {{author}} {{x}}', { projectName: 'P' }, { json: false });
    assert.strictEqual(text, 'P {{ author }} {{author}} {{x}}');
    assert.deepStrictEqual(unknown, ['author', 'x']);
  });

  test('Does not render variables found inside values', () => {
    assert.strictEqual(renderTemplate('{{a}}', { a: '{{b}}', b: 'no' }, { json: false }).text, '{{b}}');
  });

  test('Makes package names valid Python identifiers', () => {
    assert.strictEqual(packageNameOf('My Titanic EDA'), 'my_titanic_eda');
    assert.strictEqual(packageNameOf('24-week project'), 'project_24_week_project');
    assert.strictEqual(packageNameOf('Class'), 'project_class');
    assert.strictEqual(packageNameOf('Été à Zürich'), 'ete_a_zurich');
    assert.strictEqual(packageNameOf('***'), 'project');
  });

  test('Builds the built-in variables from the name, the task and the local date', () => {
    const vars = builtinVariables({ projectName: 'My EDA', taskTitle: 'T', taskId: 't', roadmapTitle: 'R', roadmapId: 'r', now: new Date(2025, 0, 5, 23, 30) });
    assert.deepStrictEqual(vars, { projectName: 'My EDA', slug: 'my-eda', packageName: 'my_eda', taskTitle: 'T', taskId: 't', roadmapTitle: 'R', roadmapId: 'r', date: '2025-01-05' });
    assert.strictEqual(todayIso(new Date(2026, 11, 31)), '2026-12-31');
  });

  test('Accepts ordinary project names and explains why others are refused', () => {
    assert.strictEqual(projectNameProblem(`Bob's "Sample" Project`), undefined);
    assert.match(projectNameProblem('   ') ?? '', /Enter a name/);
    assert.match(projectNameProblem('!!!') ?? '', /at least one letter or digit/);
    assert.match(projectNameProblem('a\\b') ?? '', /backslashes/);
  });
});

suite('Scaffold plans', () => {
  const plan = (files: TemplateFile[], variables: Record<string, string> = {}, existing: string[] = []) =>
    planScaffold({ files, variables, existing: new Set(existing) });

  for (const bad of ['../x', '/etc/x', 'a/../../b', 'C:\\x', 'C:/x', './x', 'a//b', 'a/', 'a/..', 'nul\0x']) {
    test(`Refuses the template path ${JSON.stringify(bad)} and creates nothing`, () => {
      const result = plan([file('README.md'), file(bad)]);
      assert.strictEqual(result.errors.length, 1, result.errors.join('\n'));
      assert.ok(result.errors[0].startsWith(`${bad}: renders to`), result.errors[0]);
      assert.deepStrictEqual(result.create, []);
    });
  }

  test('Refuses a path whose segment is longer than 255 bytes', () => {
    const result = plan([file(`src/${'é'.repeat(128)}.py`)]);
    assert.match(result.errors[0], /longer than 255 bytes/);
  });

  test('Checks paths after rendering, so a variable cannot climb out of the target', () => {
    const result = plan([file('README.md'), file('{{packageName}}/__init__.py')], { packageName: '../../outside' });
    assert.match(result.errors.join('\n'), /^\{\{packageName\}\}\/__init__\.py: renders to "\.\.\/\.\.\/outside\/__init__\.py", which is refused: the path has a "\.\." segment$/);
    assert.deepStrictEqual(result.create, []);
  });

  test('Renders file names and contents, and reports unknown variables with their file', () => {
    const ok = plan([file('src/{{packageName}}/__init__.py', '"""{{projectName}}."""\n')], { packageName: 'demo', projectName: 'Demo' });
    assert.deepStrictEqual(ok.errors, []);
    assert.deepStrictEqual(ok.create.map((f) => [f.path, decode(f.content)]), [['src/demo/__init__.py', '"""Demo."""\n']]);
    const bad = plan([file('{{who}}.md'), file('README.md', 'by {{author}}')], { projectName: 'Demo' });
    assert.deepStrictEqual(bad.errors, ['{{who}}.md: unknown variable {{who}} in the file name', 'README.md: unknown variable {{author}}']);
    assert.deepStrictEqual(bad.create, []);
  });

  test('Escapes values only in .ipynb and .json files', () => {
    const result = plan([file('notebooks/a.ipynb', '["{{projectName}}"]'), file('README.md', '# {{projectName}}')], { projectName: 'A "B"' });
    assert.deepStrictEqual(result.create.map((f) => decode(f.content)), ['["A \\"B\\""]', '# A "B"']);
  });

  test('Keeps existing files and never plans to write them', () => {
    const result = plan([file('README.md'), file('src/{{packageName}}/main.py'), file('.gitignore')], { packageName: 'demo' }, ['README.md', 'src/demo/main.py']);
    assert.deepStrictEqual(result.errors, []);
    assert.deepStrictEqual(result.keep, ['README.md', 'src/demo/main.py']);
    assert.deepStrictEqual(result.create.map((f) => f.path), ['.gitignore']);
  });

  test('Copies binary files byte for byte, even when they contain braces', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, ...encode('{{projectName}}'), 0xff, 0xfe]);
    const invalidUtf8 = new Uint8Array([0xc3, 0x28, ...encode('{{projectName}}')]);
    const result = plan([{ path: 'logo.png', content: png }, { path: 'data.bin', content: invalidUtf8 }], { projectName: 'P' });
    assert.deepStrictEqual(result.errors, []);
    assert.deepStrictEqual(result.create.map((f) => [...f.content]), [[...png], [...invalidUtf8]]);
  });

  test('Keeps a byte order mark at the start of a text file', () => {
    const result = plan([{ path: 'a.txt', content: new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{{x}}')]) }], { x: 'y' });
    assert.deepStrictEqual([...result.create[0].content], [0xef, 0xbb, 0xbf, 0x79]);
  });

  test('Refuses two templates that land on one file, or on a file and a folder of one name', () => {
    assert.match(plan([file('{{slug}}.md'), file('Readme.md')], { slug: 'readme' }).errors.join(), /the same file as \{\{slug\}\}\.md/);
    assert.match(plan([file('a'), file('a/b')]).errors.join(), /needs a folder "a", but a is a file/);
  });

  test('Tells whether a path lies inside a folder', () => {
    assert.ok(isInside('/home/learner/p', '/home/learner/p'));
    assert.ok(isInside('/home/learner/p/', '/home/learner/p/src/a.py'));
    assert.ok(isInside('/c:/Users/me', '/c:/Users/me/x'));
    assert.ok(!isInside('/home/learner/p', '/home/learner/project/a.py'));
    assert.ok(!isInside('/home/learner/p', '/home/learner/p/../q/a.py'));
    assert.ok(!isInside('/home/learner/p', 'home/learner/p/a.py'));
    assert.ok(!isInside('/home/learner/p', '/../home/learner/p/a.py'));
  });
});

suite('Bundled scaffolds', () => {
  const ids = scaffoldIds();

  test('There are bundled scaffolds', () => {
    assert.ok(ids.length > 0);
  });

  for (const id of ids) {
    const dir = path.join(SCAFFOLDS_DIR, id);

    test(`${id}: the manifest parses and its id is its folder name`, () => {
      assert.strictEqual(readManifest(id).id, id);
    });

    test(`${id}: has README.md, requirements.txt with pinned versions, .gitignore and a test`, () => {
      const paths = readTemplates(path.join(dir, 'files')).map((f) => f.path);
      for (const required of ['README.md', 'requirements.txt', '.gitignore']) assert.ok(paths.includes(required), `files/${required} exists`);
      assert.ok(paths.some((p) => /^tests\/test_[^/]+\.py$/.test(p)), 'files/tests/test_*.py exists');
      const requirements = fs
        .readFileSync(path.join(dir, 'files', 'requirements.txt'), 'utf8')
        .split('\n')
        .map((line) => line.replace(/#.*/, '').trim())
        .filter(Boolean);
      const unpinned = requirements.filter((line) => !/^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?==[A-Za-z0-9.!+]+(\s*;.+)?$/.test(line));
      assert.deepStrictEqual(unpinned, [], 'every requirement is pinned with ==');
      assert.ok(requirements.some((line) => line.startsWith('pytest==')), 'pytest is pinned');
    });

    test(`${id}: renders with sample values into compiling Python and nbformat 4 notebooks`, function () {
      this.timeout(30_000);
      const manifest = readManifest(id);
      const plan = planScaffold({ files: readTemplates(path.join(dir, 'files')), variables: sampleVariables(manifest), existing: new Set() });
      assert.deepStrictEqual(plan.errors, [], 'every variable is known and every path is safe');
      const out = fs.mkdtempSync(path.join(os.tmpdir(), `scaffold-${id}-`));
      try {
        for (const rendered of plan.create) {
          const text = decode(rendered.content);
          assert.ok(!text.includes('{{'), `${rendered.path}: "{{" appears only in variable references`);
          const target = path.join(out, ...rendered.path.split('/'));
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, rendered.content);
          if (rendered.path.endsWith('.ipynb')) {
            const notebook = JSON.parse(text) as { nbformat?: unknown; cells?: { cell_type?: unknown; source?: unknown; outputs?: unknown }[] };
            assert.strictEqual(notebook.nbformat, 4, `${rendered.path} is nbformat 4`);
            assert.ok(Array.isArray(notebook.cells) && notebook.cells.length > 0, `${rendered.path} has cells`);
            for (const cell of notebook.cells) {
              assert.ok(['markdown', 'code', 'raw'].includes(String(cell.cell_type)), `${rendered.path}: a cell has a cell_type`);
              assert.ok(Array.isArray(cell.source) && cell.source.every((s) => typeof s === 'string'), `${rendered.path}: cell sources are lists of strings`);
              if (cell.cell_type === 'code') assert.deepStrictEqual(cell.outputs, [], `${rendered.path}: code cells have no outputs`);
            }
          }
        }
        const python = plan.create.filter((f) => f.path.endsWith('.py')).map((f) => path.join(out, ...f.path.split('/')));
        assert.ok(python.length > 0, 'the starter has Python code');
        try {
          execFileSync('python3', ['-m', 'py_compile', ...python], { stdio: 'pipe', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
        } catch (error) {
          assert.fail(`rendered Python does not compile:\n${String((error as { stderr?: Buffer }).stderr ?? error).split(out).join('files')}`);
        }
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    });
  }

  /** `<roadmap id>/<project id>` of every practice project in the bundled roadmaps. */
  const projects = () =>
    bundledRoadmapFiles().flatMap((f) => {
      const roadmap = loadBundled(f);
      return tasksOf(roadmap).filter((t) => t.kind === 'project').map((t) => `${roadmap.id}/${t.id}`);
    });
  /** Manifests that fail to parse are left out here; their own test reports them. */
  const served = () => ids.flatMap((id) => parseScaffoldManifest(fs.readFileSync(path.join(SCAFFOLDS_DIR, id, 'scaffold.yaml'), 'utf8'), id).manifest?.serves ?? []);

  test('Every practice project of the bundled roadmaps is served by a scaffold', () => {
    const servedSet = new Set(served());
    assert.deepStrictEqual(projects().filter((p) => !servedSet.has(p)), []);
  });

  test('Every serves entry names a practice project of a bundled roadmap', () => {
    const known = new Set(projects());
    assert.deepStrictEqual(served().filter((s) => !known.has(s)), []);
  });
});
