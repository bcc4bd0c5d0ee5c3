/**
 * `careerpath completion`: the bash script from the real bin, loaded into bash and asked what it
 * completes, as a shell would when Tab is pressed; the zsh and fish scripts name the same things.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/spawn';

/** The script the real bin prints, made once and sourced by every bash below. */
const folder = mkdtempSync(join(tmpdir(), 'careerpath-completion-'));
const bashScript = join(folder, 'careerpath.bash');
const shippedScript = runCli(['completion', 'bash']).stdout;
writeFileSync(bashScript, shippedScript);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What bash's completion offers for these words (the last is the one being completed). */
function completeInBash(words: string[]): string[] {
  const script = `
source ${JSON.stringify(bashScript)}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
_careerpath
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean);
}

describe('careerpath completion bash, in bash', () => {
  it('completes commands, then each command’s options', () => {
    expect(completeInBash(['careerpath', 'pl'])).toEqual(['plan']);
    expect(completeInBash(['careerpath', 'plan', '--ear'])).toEqual(['--earn-while-learning']);
    expect(completeInBash(['careerpath', 'plan', '--mon'])).toEqual(['--months-in-role']);
    expect(completeInBash(['careerpath', 'roles', '--sec'])).toEqual(['--sector']);
  });

  it('completes role ids after --from, --to and --via, and qualification ids after --have', () => {
    expect(completeInBash(['careerpath', 'plan', '--from', 'senior_c'])).toEqual(['senior_care_worker']);
    expect(completeInBash(['careerpath', 'plan', '--to', 'rn_'])).toEqual(['rn_mental_health', 'rn_learning_disability', 'rn_children']);
    expect(completeInBash(['careerpath', 'plan', '--have', 'l3_dip_a'])).toEqual(['l3_dip_adult_care']);
  });

  it('completes the choices an option or argument takes, and names for show, next and unlocks', () => {
    expect(completeInBash(['careerpath', 'plan', '--optimise', 't'])).toEqual(['time']);
    expect(completeInBash(['careerpath', 'roles', '--format', 'j'])).toEqual(['json']);
    expect(completeInBash(['careerpath', '--data', 'test/fixtures/datasets/care-ov'])).toEqual(['test/fixtures/datasets/care-overlay.yaml']);
    expect(completeInBash(['careerpath', 'schema', 'o'])).toEqual(['output']);
    expect(completeInBash(['careerpath', 'next', 'team_l'])).toEqual(['team_leader']);
    expect(completeInBash(['careerpath', 'show', 'app_rnda'])).toEqual(['app_rnda', 'app_rnda_topup']);
  });

  it('completes the roles a --data overlay adds', () => {
    const { code, stdout } = runCli(['--data', 'test/fixtures/datasets/shipped-overlay.yaml', 'completion', 'bash']);
    expect(code).toBe(0);
    expect(stdout).toContain('acme_wellbeing_champion');
    expect(shippedScript).not.toContain('acme_wellbeing_champion');
  });

  it('offers html for plan --format alone: the other commands cannot make it', () => {
    expect(completeInBash(['careerpath', 'plan', '--format', ''])).toEqual(['table', 'text', 'markdown', 'json', 'html']);
    for (const command of ['roles', 'qualifications', 'next', 'unlocks', 'show', 'validate']) {
      expect(completeInBash(['careerpath', command, '--format', ''])).toEqual(['table', 'text', 'markdown', 'json']);
    }
  });

  it('finds the command after global options', () => {
    expect(completeInBash(['careerpath', '--no-color', 'plan', '--from', 'care_w'])).toEqual(['care_worker']);
  });
});

describe('careerpath completion zsh and fish', () => {
  it('zsh loads the bash functions through bashcompinit', () => {
    const { code, stdout } = runCli(['completion', 'zsh']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('#compdef careerpath');
    expect(stdout).toContain('bashcompinit');
    expect(stdout).toContain('complete -F _careerpath careerpath');
  });

  it('fish lists each command with its description, and roles with their names', () => {
    const { code, stdout } = runCli(['completion', 'fish']);
    expect(code).toBe(0);
    expect(stdout).toContain("complete -c careerpath -n __fish_use_subcommand -a 'plan' -d 'the steps and qualifications between two roles'");
    expect(stdout).toContain("printf '%s\\t%s\\n' 'care_worker' 'Care worker'");
    expect(stdout).toContain("-l from -x -a '(__careerpath_roles)'");
    expect(stdout).toContain("-l have -x -a '(__careerpath_qualifications)'");
    expect(stdout).toContain("complete -c careerpath -n '__fish_seen_subcommand_from plan' -l format -x -a 'table text markdown json html'");
    expect(stdout).toContain("complete -c careerpath -n '__fish_seen_subcommand_from roles' -l format -x -a 'table text markdown json'");
  });

  it('another shell is a usage error that names the ones there are', () => {
    const { code, stderr } = runCli(['completion', 'powershell']);
    expect(code).toBe(2);
    expect(stderr).toContain('bash, zsh, fish');
  });
});

describe('completion scripts quote what the data says', () => {
  it('a name with an apostrophe stays one fish word', async () => {
    const { completionScript } = await import('../../src/render/completion');
    const script = completionScript('fish', {
      commands: [],
      globalOptions: [],
      roles: [{ id: 'rn_children', name: "Registered nurse (children's)" }],
      qualifications: [],
    });
    expect(script).toContain("printf '%s\\t%s\\n' 'rn_children' 'Registered nurse (children\\'s)'");
  });
});
