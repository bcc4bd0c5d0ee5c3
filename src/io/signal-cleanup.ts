/**
 * Removing a temp file when the process is stopped by a signal while the file may exist (a save, a
 * cache entry). No dependencies, so the cache can use it without the file writer.
 */
import { constants } from 'node:os';
import { unlinkSync } from 'node:fs';

/**
 * The signals that end a process by default and that Node lets JavaScript handle. Not here: SIGKILL
 * and SIGSTOP cannot be caught; SIGUSR1 starts Node's debugger; SIGPROF and SIGVTALRM drive
 * profilers; SIGSEGV, SIGBUS, SIGFPE and SIGILL leave no safe state to run code in; SIGPIPE Node
 * ignores. Windows has only SIGINT and SIGHUP (and SIGBREAK, which ends nothing by default).
 */
const CANDIDATES: NodeJS.Signals[] =
  process.platform === 'win32'
    ? ['SIGINT', 'SIGHUP']
    : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGXCPU', 'SIGXFSZ', 'SIGPWR', 'SIGPOLL'];

/** The catchable ending signals this platform has. */
export const ENDING_SIGNALS: readonly NodeJS.Signals[] = CANDIDATES.filter((signal) => signal in constants.signals);

/**
 * While the temp file may exist, a signal that would end the process (Ctrl-C, Ctrl-\, a kill)
 * removes it first, then ends the process the way the signal would have (a shell shows 130 for
 * Ctrl-C): the destination is whole or untouched, and no temp file is left behind. Returns the
 * function that stops guarding.
 */
export function removeOnSignal(temp: string): () => void {
  const stop = () => {
    for (const signal of ENDING_SIGNALS) process.removeListener(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already linked or renamed into place.
    }
    stop();
    // Raised again: other listeners (a prompt library's cleanup) run, else Node's default ends the process.
    process.kill(process.pid, signal);
  }
  for (const signal of ENDING_SIGNALS) process.on(signal, onSignal);
  return stop;
}
