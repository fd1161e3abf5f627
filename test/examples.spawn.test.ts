/**
 * Runs the GitHub Actions workflow in examples/ as a runner would, on this machine: the package is
 * packed and installed from its tarball, each `run` step goes through bash with the job's env, the
 * `if:` rules decide which steps run after a failure, and the upload step's file is checked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CORPUS, ROOT, temporaryDirectory } from './helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'github-actions');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, string | number>;
}
interface Workflow {
  readonly jobs: Record<string, { readonly env: Record<string, string>; readonly steps: readonly Step[] }>;
}

interface StepOutcome {
  readonly step: Step;
  readonly status: number | 'skipped' | 'emulated';
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the job's steps in `cwd`. `run` steps go through bash as GitHub runs them
 * (`bash --noprofile --norc -eo pipefail`); after a failure only steps whose `if:` asks for it run.
 * `actions/checkout` and `actions/setup-node` are the folder and this Node; an upload is recorded.
 */
function runJob(workflow: Workflow, cwd: string, env: Record<string, string>): StepOutcome[] {
  const job = Object.values(workflow.jobs)[0]!;
  const outcomes: StepOutcome[] = [];
  let failed = false;
  for (const step of job.steps) {
    const condition = step.if?.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
    const runs = failed ? condition === '!cancelled()' || condition === 'always()' || condition === 'failure()' : condition !== 'failure()';
    if (!runs) {
      outcomes.push({ step, status: 'skipped', stdout: '', stderr: '' });
      continue;
    }
    if (step.run === undefined) {
      expect(step.uses).toMatch(/^actions\/(checkout|setup-node|upload-artifact)@v\d+$/);
      outcomes.push({ step, status: 'emulated', stdout: '', stderr: '' });
      continue;
    }
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...job.env, ...env },
    });
    outcomes.push({ step, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    if (result.status !== 0) failed = true;
  }
  return outcomes;
}

function outcomeOf(outcomes: readonly StepOutcome[], name: string): StepOutcome {
  const outcome = outcomes.find((candidate) => candidate.step.name === name);
  if (outcome === undefined) throw new Error(`no step named ${name}`);
  return outcome;
}

/** The JUnit file the upload step names, parsed: its totals and failing test cases. */
function uploaded(outcomes: readonly StepOutcome[], cwd: string) {
  const upload = outcomes.find((outcome) => outcome.step.uses?.startsWith('actions/upload-artifact@') === true);
  expect(upload?.status).toBe('emulated');
  const xml = readFileSync(join(cwd, String(upload!.step.with!.path)), 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
    testsuites: { tests: string; failures: string; testsuite: { testcase: { name: string; failure?: unknown }[] } };
  };
  return {
    tests: Number(parsed.testsuites.tests),
    failures: Number(parsed.testsuites.failures),
    failing: parsed.testsuites.testsuite.testcase.filter((testcase) => testcase.failure !== undefined).map((testcase) => testcase.name),
  };
}

describe('examples/github-actions', () => {
  const workflow = parse(readFileSync(join(EXAMPLE, 'newsdedup.yml'), 'utf8')) as Workflow;
  let tarball = '';

  beforeAll(() => {
    // The package as it would be published: `npm pack` of this repository (dist/ is built by pretest).
    const packs = temporaryDirectory();
    const pack = spawnSync('npm', ['pack', '--pack-destination', packs, '--silent'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    tarball = join(packs, readdirSync(packs).find((name) => name.endsWith('.tgz'))!);
  }, 60_000);

  it('is the workflow the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(readFileSync(join(EXAMPLE, 'newsdedup.yml'), 'utf8').trim());
    expect(readme).toContain(readFileSync(join(EXAMPLE, 'newsdedup.config.json'), 'utf8').trim());
  });

  it('installs newsdedup, checks with the config, uploads the JUnit file and writes the step summary; a failing threshold fails the job and still uploads', () => {
    // A repository holding articles in news/ and the example's config at its root.
    const cwd = temporaryDirectory();
    cpSync(CORPUS, join(cwd, 'news'), { recursive: true });
    cpSync(join(EXAMPLE, 'newsdedup.config.json'), join(cwd, 'newsdedup.config.json'));
    const summary = join(cwd, 'step-summary.md');
    const env = { NEWSDEDUP_PACKAGE: tarball, GITHUB_STEP_SUMMARY: summary };

    const passing = runJob(workflow, cwd, env);
    expect(outcomeOf(passing, 'Install newsdedup').status, outcomeOf(passing, 'Install newsdedup').stderr).toBe(0);
    const passed = outcomeOf(passing, 'Check the corpus');
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/^::notice title=newsdedup check::PASS: 5 articles/m);
    expect(uploaded(passing, cwd)).toEqual({ tests: 6, failures: 0, failing: [] });
    expect(readFileSync(summary, 'utf8')).toMatch(/^## newsdedup check: ✅ pass\n/);

    // A new article that copies one already there is its duplicate: it breaks maxSharedPct (60); the original does not.
    writeFileSync(join(cwd, 'news', '005_copy.txt'), readFileSync(join(cwd, 'news', '000_0c4b9f5ff617bffb.txt')));
    const failing = runJob(workflow, cwd, env);
    const failed = outcomeOf(failing, 'Check the corpus');
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^::error file=news\/005_copy\.txt,title=newsdedup max-shared-pct::/m);
    expect(failed.stdout).not.toMatch(/^::error file=news\/000_0c4b9f5ff617bffb\.txt,/m);
    const junit = uploaded(failing, cwd);
    expect(junit.failing).toEqual(expect.arrayContaining(['005_copy.txt']));
    expect(junit.failing).not.toContain('000_0c4b9f5ff617bffb.txt');
    expect(junit.tests).toBe(7);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## newsdedup check: ❌ fail\n/);

    // A usage error (a corpus folder that is not there) exits 2, and leaves no half-written file.
    const broken = runJob(workflow, cwd, { ...env, CORPUS: 'missing' });
    expect(outcomeOf(broken, 'Check the corpus').status).toBe(2);
    expect(outcomeOf(broken, 'Check the corpus').stderr).toBe('newsdedup: Cannot read `missing`: no such file or directory.\n');
    expect(readdirSync(cwd).filter((name) => name.includes('.newsdedup-'))).toEqual([]);
    expect(existsSync(join(cwd, 'newsdedup-junit.xml'))).toBe(true);
  }, 120_000);
});
