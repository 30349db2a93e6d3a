/**
 * `npm test`: the unit suites in this process (plain mocha, no editor), then the integration
 * suites inside a real VS Code. Ends with one summary line per runner, and exits non-zero when
 * anything failed.
 */
import Mocha from 'mocha';
import * as fs from 'fs';
import * as path from 'path';
import { runIntegrationTests } from './host/runIntegration';

interface Summary {
  passed: number;
  failed: number;
}

async function runUnit(): Promise<Summary> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: 20_000 });
  const dir = path.join(__dirname, 'unit');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, file));
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const unit = only === 'integration' ? undefined : await runUnit();
  let integration: Summary | undefined;
  if (only !== 'unit') {
    integration = { passed: 0, failed: 0 };
    // Two passes: the main suites in a trusted workspace, then the Restricted Mode suites.
    for (const restricted of [false, true]) {
      try {
        const outcome = await runIntegrationTests({ restricted });
        console.log(outcome.report);
        integration.passed += outcome.passed;
        integration.failed += outcome.failed;
      } catch (error) {
        console.error(`Integration tests could not run: ${(error as Error).stack ?? error}`);
        integration.failed++;
      }
    }
  }
  console.log('');
  if (unit) console.log(`unit: ${unit.passed} passed, ${unit.failed} failed`);
  if (integration) console.log(`integration: ${integration.passed} passed, ${integration.failed} failed`);
  const failed = (unit?.failed ?? 0) + (integration?.failed ?? 0);
  const ran = (unit?.passed ?? 0) + (integration?.passed ?? 0) + failed;
  process.exit(failed > 0 || ran === 0 ? 1 : 0);
}

void main();
