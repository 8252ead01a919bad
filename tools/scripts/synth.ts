/**
 * Prints, as JSON, every resource `pulumi up` would create for a stack file: type, name and inputs, with
 * secrets shown as "[secret]". The infra program runs under Pulumi mocks, so this needs no AWS account, no
 * Pulumi CLI and no built bundles (the function code is shown as the bundle path).
 *
 *   node tools/scripts/synth.ts [--stack-file infra/Pulumi.example.yaml]
 *
 * Webhook URLs are never in a stack file in clear: each target without one gets a placeholder.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describePlan, planProgram, readStackFile } from '../../infra/src/plan/index.ts';

const root = resolve(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'stack-file': { type: 'string', default: resolve(root, 'infra', 'Pulumi.example.yaml') } },
  });
  const settings = readStackFile(resolve(values['stack-file']), { placeholderWebhooks: true });
  const plan = await planProgram({ settings, loadProgram: () => import('../../infra/src/main.ts') });
  process.stdout.write(`${JSON.stringify(await describePlan(plan.resources, root), null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // A bad stack config is a one-line message naming the field, not a stack trace.
    process.stderr.write(`synth: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
