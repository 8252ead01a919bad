import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { formatFiles, generateFiles, installPackagesTask, runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { normalizeChatTargetOptions, type ChatTargetGeneratorSchema } from './normalize-options.ts';
import { assertNewChatTarget, registerChatTarget } from './register-chat-target.ts';

/**
 * Adds a chat target: `libs/formatters/<name>`, a formatter library whose generic JSON payload (title, text,
 * links) already passes the chat target contract, registered with the config schema, the CLI and the
 * pipeline. Afterwards `npm install` links the new package and `nx sync` updates the project references.
 *
 * @example
 * ```sh
 * npx nx g @herald/tools:chat-target google-chat
 * npx herald render --target google-chat --offline \
 *   --event libs/testing/fixtures/aws-events/codecommit/codecommit-trigger-sns-http-push.json
 * ```
 */
export async function chatTargetGenerator(tree: Tree, schema: ChatTargetGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeChatTargetOptions(schema);
  assertNewChatTarget(tree, options);
  generateFiles(tree, join(import.meta.dirname, 'files'), options.projectRoot, { ...options, tmpl: '' });
  registerChatTarget(tree, options);
  await formatFiles(tree);
  return runTasksInSerial(
    () => installPackagesTask(tree, true),
    () => syncProjectReferences(tree.root),
  );
}

export default chatTargetGenerator;

/** `nx sync`: the TypeScript project references of the new library and of the pipeline that now depends on it. */
function syncProjectReferences(root: string): void {
  execSync('npx nx sync', {
    cwd: root,
    stdio: process.env['NX_GENERATE_QUIET'] === 'true' ? 'ignore' : 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
    windowsHide: true,
  });
}
