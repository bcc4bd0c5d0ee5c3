/** The executable's entry: run the CLI on this process's arguments and hand back the exit code. */
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
