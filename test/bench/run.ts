import { readerBench } from './readerBench';
import { storeBench } from './storeBench';
import { addinBench } from './addinBench';
import { cliStartBench } from './cliStartBench';
import { functionsPackageBench } from './functionsPackageBench';
import { peerBench } from './peerBench';
import { deadlineBench } from './deadlineBench';
import { sendPageBench } from './sendPageBench';
import { definitionsBench } from './definitionsBench';

/** `npm run bench`: runs every benchmark and writes docs/benchmarks.md. `npm run bench -- reader` runs one. */
const BENCHES: Record<string, () => Promise<string>> = {
  reader: () => readerBench(),
  store: () => storeBench(),
  addin: () => addinBench(),
  cli: () => cliStartBench(),
  package: () => functionsPackageBench(),
  peer: () => peerBench(),
  deadline: () => deadlineBench(),
  sendpage: () => sendPageBench(),
  definitions: () => definitionsBench(),
};

(async () => {
  const only = process.argv.slice(2);
  for (const [name, run] of Object.entries(BENCHES)) {
    if (only.length && !only.includes(name)) continue;
    process.stdout.write(`${await run()}\n`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
