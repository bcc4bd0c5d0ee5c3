/** The CLI bundle's entry: run on this process's arguments and hand back the exit code. */
import { main } from './main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
