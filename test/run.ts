/**
 * `npm test`: the unit suites in this process (plain mocha, no editor), the integration suites
 * inside a real VS Code, the web subset in its web worker extension host, then the proof of the
 * practice projects' checks. Ends with one summary line per runner, and exits non-zero when
 * anything failed. `node out/test/run.js <unit|integration|web|checks>` runs one.
 */
import Mocha from 'mocha';
import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { failureLines, firstLine, runIntegrationTests } from './host/runIntegration';
import { emptyResults, runRecording } from './host/suiteResults';
import { bundleWebTests, runWebTests } from './host/webHost';
import { PROJECT_ROOT } from './host/workbench';

interface Summary {
  passed: number;
  failed: number;
  /** One line per failure, repeated under the summary so that the end of a long log names them. */
  failures: string[];
}


async function runUnit(): Promise<Summary> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: 20_000 });
  const dir = path.join(__dirname, 'unit');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, file));
  const results = emptyResults();
  await runRecording(mocha, results);
  return { passed: results.passed, failed: results.failed, failures: failureLines(results) };
}

/** The web subset (test/web/index.ts) against dist/extension.web.js in the web worker extension host. */
async function runWeb(): Promise<Summary> {
  let bundle: string | undefined;
  try {
    bundle = await bundleWebTests({ entry: path.join(PROJECT_ROOT, 'test', 'web', 'index.ts') });
    const outcome = await runWebTests({ extensionPath: PROJECT_ROOT, testsBundlePath: bundle });
    console.log(outcome.report);
    console.log(`web suite took ${(outcome.durationMs / 1000).toFixed(1)} s`);
    return { passed: outcome.passed, failed: outcome.failed, failures: outcome.failures };
  } catch (error) {
    console.error(`Web tests could not run: ${error instanceof Error ? error.stack : String(error)}`);
    return { passed: 0, failed: 1, failures: [`web run: ${firstLine(error)}`] };
  } finally {
    if (bundle) fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
}

/** `npm run prove:checks` as a child process: its output as it comes, and its last line. */
async function proveChecks(): Promise<{ ok: boolean; summary: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'prove', 'checks.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let last = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    const lines = chunk.toString().trim().split('\n');
    last = lines[lines.length - 1] || last;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { ok: code === 0, summary: last };
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const unit = only === undefined || only === 'unit' ? await runUnit() : undefined;
  let integration: Summary | undefined;
  if (only === undefined || only === 'integration') {
    integration = { passed: 0, failed: 0, failures: [] };
    // Two passes: the main suites in a trusted workspace, then the Restricted Mode suites.
    for (const restricted of [false, true]) {
      try {
        const outcome = await runIntegrationTests({ restricted });
        console.log(outcome.report);
        integration.passed += outcome.passed;
        integration.failed += outcome.failed;
        integration.failures.push(...outcome.failures);
      } catch (error) {
        console.error(`Integration tests could not run: ${error instanceof Error ? error.stack : String(error)}`);
        integration.failed++;
        integration.failures.push(`integration run: ${firstLine(error)}`);
      }
    }
  }
  const web = only === undefined || only === 'web' ? await runWeb() : undefined;
  const proof = only === undefined || only === 'checks' ? await proveChecks() : undefined;
  console.log('');
  if (unit) console.log(`unit: ${unit.passed} passed, ${unit.failed} failed`);
  if (integration) console.log(`integration: ${integration.passed} passed, ${integration.failed} failed`);
  if (web) console.log(`web: ${web.passed} passed, ${web.failed} failed`);
  if (proof) console.log(proof.summary);
  for (const [name, summary] of [['unit', unit], ['integration', integration], ['web', web]] as const) {
    for (const line of summary?.failures ?? []) console.log(`  ✗ ${name}: ${line}`);
  }
  const failed = (unit?.failed ?? 0) + (integration?.failed ?? 0) + (web?.failed ?? 0) + (proof && !proof.ok ? 1 : 0);
  const ran = (unit?.passed ?? 0) + (integration?.passed ?? 0) + (web?.passed ?? 0) + (proof ? 1 : 0) + failed;
  process.exit(failed > 0 || ran === 0 ? 1 : 0);
}

void main();
