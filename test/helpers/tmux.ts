/**
 * A real terminal for end-to-end tests: a detached tmux session running a command, typed into
 * with send-keys and read with capture-pane. Each session has its own tmux server (its own
 * socket, no user config), so tests never touch anyone's tmux and can stop theirs whole.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** tmux's path, or undefined when it is not installed. */
export const TMUX: string | undefined = (() => {
  const found = spawnSync('sh', ['-c', 'command -v tmux'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : undefined;
})();

/** A single-quoted shell word. */
export const sq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export class TmuxSession {
  /** The server's socket lives in a folder of its own, removed with the server. */
  private readonly folder = mkdtempSync(join(tmpdir(), 'careerpath-tmux-'));
  readonly socket = join(this.folder, 'socket');
  readonly name = 'cp';

  /** Starts `command` (a shell command line) in a width×height terminal in `cwd`. */
  constructor(command: string, options: { cwd: string; width?: number; height?: number; env?: Record<string, string> }) {
    if (!TMUX) throw new Error('tmux is not installed');
    const env = { ...process.env, ...options.env };
    // The pane stays open after the command so its last screen and exit code can be read.
    const run = `${command}; echo "RC=$?"; sleep 120`;
    this.tmux(['new-session', '-d', '-s', this.name, '-x', String(options.width ?? 120), '-y', String(options.height ?? 40), '-c', options.cwd, run], env);
  }

  private tmux(args: string[], env: NodeJS.ProcessEnv = process.env): string {
    const result = spawnSync(TMUX!, ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env, timeout: 10_000 });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr || result.error?.message}`);
    return result.stdout;
  }

  /** Every key sent so far: each key pressed and each character typed counts one, as a person's keypresses. */
  keypresses = 0;

  /** Presses keys by tmux name: 'Enter', 'Down', 'Space', 'Escape', 'C-c'. */
  press(...keys: string[]): void {
    this.keypresses += keys.length;
    this.tmux(['send-keys', '-t', this.name, ...keys]);
  }

  /** Types text literally. */
  type(text: string): void {
    this.keypresses += [...text].length;
    this.tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  /**
   * Presses Down (or Up) until the highlighted line of a list (the one with the ❯ cursor) matches,
   * as a person moves to a choice they can see; fails after `most` presses.
   */
  async moveTo(pattern: RegExp | string, options: { key?: 'Down' | 'Up'; most?: number } = {}): Promise<void> {
    const matches = (line: string) => (typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line));
    for (let pressed = 0; ; pressed++) {
      const cursor = this.screen()
        .split('\n')
        .find((line) => line.trimStart().startsWith('❯'));
      if (cursor !== undefined && matches(cursor)) return;
      if (pressed >= (options.most ?? 20)) throw new Error(`never reached ${String(pattern)}; the screen was:\n${this.screen()}`);
      const before = this.screen();
      this.press(options.key ?? 'Down');
      // Wait for the list to redraw before reading it again.
      const deadline = Date.now() + 2000;
      while (this.screen() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }

  /** The visible screen as plain text. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-t', this.name]);
  }

  /** The visible screen with its colours and styles as escape codes (tmux's own, not the program's bytes). */
  styledScreen(): string {
    return this.tmux(['capture-pane', '-p', '-e', '-t', this.name]);
  }

  /** Everything the pane has shown, scrollback included, with its colours as escape codes. */
  styledHistory(): string {
    return this.tmux(['capture-pane', '-p', '-e', '-S', '-', '-t', this.name]);
  }

  /** Everything the pane has shown, scrollback included, wrapped lines joined. */
  history(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', this.name]);
  }

  /** Waits until the screen matches; fails with the screen as it was. */
  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen was:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The command's exit code, once it has finished. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const screen = await this.waitFor(/^RC=\d+$/m, timeoutMs);
    return Number(/^RC=(\d+)$/m.exec(screen)![1]);
  }

  /** Stops this session's tmux server (and only it). */
  kill(): void {
    spawnSync(TMUX!, ['-S', this.socket, 'kill-server'], { timeout: 10_000 });
    rmSync(this.folder, { recursive: true, force: true });
  }
}
