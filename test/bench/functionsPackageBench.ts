import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS_STAGE, packageFunctions } from '../../scripts/packageFunctions';
import { machine, writeSection } from './report';

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

/** The deployable Functions package: production install size and zip size (`npm run package:functions`). */
export async function functionsPackageBench(): Promise<string> {
  const out = packageFunctions();
  const installed = bytesUnder(FUNCTIONS_STAGE);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const body = `## Functions package: production install size

Command: \`npm run bench -- package\` (test/bench/functionsPackageBench.ts, which runs \`npm run package:functions\`) · ${machine()}

| measure | value |
|---|---|
| production install of the Functions package (compiled code, host.json, the production dependency tree without type declarations or source maps) | **${mb(installed)}** |
| the zip \`azd\` / \`func\` deploy (\`dist/functions.zip\`) | **${mb(out.bytes)}**, ${out.files} files |
| before (one root \`node_modules\` with React, Fluent UI, office-js, MSAL, ExcelJS, Azurite) | 745 MB |

\`npm ls --omit=dev -w functions\` lists @azure/functions, @azure/data-tables, @azure/identity (\`DefaultAzureCredential\`: the managed identity to storage), @azure/monitor-opentelemetry (loaded only when Application Insights is configured), @opentelemetry/api, jose, zod and the shared core: no React, Fluent UI, office-js, ExcelJS or Azurite. MSAL (\`@azure/msal-node\`, \`@azure/msal-browser\`) comes in only as a dependency of @azure/identity; test/packages/packageBoundaries.test.ts keeps both so.`;
  writeSection('package', body);
  return body;
}
