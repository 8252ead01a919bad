import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, workspaceRoot, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { chatTargetGenerator } from '../src/generators/chat-target/chat-target.ts';
import {
  CHAT_FORMATTERS_PATH,
  CHAT_TARGET_TYPES_PATH,
  CONTRACT_TEST_PATH,
  PIPELINE_PACKAGE_JSON_PATH,
} from '../src/generators/chat-target/register-chat-target.ts';

const CHAT_TARGET_TYPES = `/** Every chat product Herald formats for. */
export const chatTargetTypes = ['slack', 'discord'] as const;

export type ChatTargetType = (typeof chatTargetTypes)[number];
`;

const CHAT_FORMATTERS = `import type { ChatFormatter, ChatTargetType } from '@herald/model';
import { discordFormatter } from '@herald/formatter-discord';
import { slackFormatter } from '@herald/formatter-slack';

export const chatFormatters: Readonly<Record<ChatTargetType, ChatFormatter>> = {
  slack: slackFormatter,
  discord: discordFormatter,
};
`;

const CONTRACT_TEST = `import type { ChatTargetType } from '@herald/model';
import { describeChatTargetContract, type ChatTargetLimits } from '@herald/testing';
import { chatFormatters } from '../../src/index.ts';

const payloadLimits: Record<ChatTargetType, ChatTargetLimits> = {
  slack: slackLimits,
  discord: discordLimits,
};
`;

/** A workspace with Herald's registry files as they look before any target is added. */
function heraldTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(CHAT_TARGET_TYPES_PATH, CHAT_TARGET_TYPES);
  tree.write(CHAT_FORMATTERS_PATH, CHAT_FORMATTERS);
  tree.write(CONTRACT_TEST_PATH, CONTRACT_TEST);
  tree.write(PIPELINE_PACKAGE_JSON_PATH, JSON.stringify({ name: '@herald/pipeline', dependencies: { '@herald/model': '*' } }));
  return tree;
}

/** Files written so far, with their content, to tell whether a failed run changed anything. */
function snapshot(tree: Tree): Record<string, string> {
  return Object.fromEntries(tree.listChanges().map((change) => [change.path, change.content?.toString('utf8') ?? '']));
}

function syntaxErrors(tree: Tree, path: string): string[] {
  const file = ts.createSourceFile(path, tree.read(path, 'utf-8') ?? '', ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('chatTargetGenerator', () => {
  it('creates a formatter library laid out like the others', async () => {
    // Prepare
    const tree = heraldTree();

    // Act
    await chatTargetGenerator(tree, { name: 'acme-chat' });

    // Assess
    const root = 'libs/formatters/acme-chat';
    for (const file of [
      'package.json',
      'tsconfig.json',
      'vitest.config.ts',
      'src/index.ts',
      'src/format-acme-chat-message.ts',
      'src/limits.ts',
      'src/payload-limits.ts',
      'tests/unit/contract.test.ts',
      'tests/unit/format-acme-chat-message.test.ts',
    ]) {
      expect(tree.exists(`${root}/${file}`), file).toBe(true);
    }
    expect(readJson(tree, `${root}/package.json`)).toMatchObject({
      name: '@herald/formatter-acme-chat',
      type: 'module',
      sideEffects: false,
      exports: { '.': { '@herald/source': './src/index.ts' } },
      nx: { tags: ['type:formatter'] },
    });
    expect(tree.read(`${root}/src/index.ts`, 'utf-8')).toContain(
      "export { formatAcmeChatMessage, acmeChatFormatter } from './format-acme-chat-message.ts';",
    );
    expect(tree.read(`${root}/tests/unit/contract.test.ts`, 'utf-8')).toContain('describeChatTargetContract(acmeChatFormatter, acmeChatPayloadLimits);');
  });

  it('writes TypeScript that parses, with no template markup left', async () => {
    // Prepare
    const tree = heraldTree();

    // Act
    await chatTargetGenerator(tree, { name: 'acme-chat' });

    // Assess
    const created = tree.listChanges().filter((change) => change.path.startsWith('libs/formatters/acme-chat/'));
    for (const { path, content } of created) {
      expect(content?.toString('utf8'), path).not.toMatch(/<%|%>|__\w+__/);
      if (path.endsWith('.ts')) expect(syntaxErrors(tree, path), path).toEqual([]);
    }
  });

  it('registers the target with the config schema and CLI, the pipeline and its contract test', async () => {
    // Prepare
    const tree = heraldTree();

    // Act
    await chatTargetGenerator(tree, { name: 'acme-chat' });

    // Assess
    expect(tree.read(CHAT_TARGET_TYPES_PATH, 'utf-8')).toContain("export const chatTargetTypes = ['slack', 'discord', 'acme-chat'] as const;");
    expect(tree.read(CHAT_FORMATTERS_PATH, 'utf-8')).toBe(`import type { ChatFormatter, ChatTargetType } from '@herald/model';
import { acmeChatFormatter } from '@herald/formatter-acme-chat';
import { discordFormatter } from '@herald/formatter-discord';
import { slackFormatter } from '@herald/formatter-slack';

export const chatFormatters: Readonly<Record<ChatTargetType, ChatFormatter>> = {
  slack: slackFormatter,
  discord: discordFormatter,
  'acme-chat': acmeChatFormatter,
};
`);
    expect(readJson(tree, PIPELINE_PACKAGE_JSON_PATH).dependencies).toEqual({ '@herald/model': '*', '@herald/formatter-acme-chat': '*' });
    expect(tree.read(CONTRACT_TEST_PATH, 'utf-8')).toBe(`import type { ChatTargetType } from '@herald/model';
import { describeChatTargetContract, type ChatTargetLimits } from '@herald/testing';
import { acmeChatPayloadLimits } from '@herald/formatter-acme-chat';
import { chatFormatters } from '../../src/index.ts';

const payloadLimits: Record<ChatTargetType, ChatTargetLimits> = {
  slack: slackLimits,
  discord: discordLimits,
  'acme-chat': acmeChatPayloadLimits,
};
`);
  });

  it('writes a one-word name as a bare key', async () => {
    // Prepare
    const tree = heraldTree();

    // Act
    await chatTargetGenerator(tree, { name: 'zulip' });

    // Assess
    expect(tree.read(CHAT_FORMATTERS_PATH, 'utf-8')).toContain('  zulip: zulipFormatter,\n};');
    expect(tree.read(CHAT_FORMATTERS_PATH, 'utf-8')).toContain("import { slackFormatter } from '@herald/formatter-slack';\nimport { zulipFormatter } from '@herald/formatter-zulip';");
  });

  it('returns the task that links the new package and syncs the project references', async () => {
    // Prepare
    const tree = heraldTree();

    // Act
    const task = await chatTargetGenerator(tree, { name: 'acme-chat' });

    // Assess
    expect(task).toBeTypeOf('function');
  });

  it.each(['GoogleChat', 'google_chat', 'google chat', '-chat', 'chat-', 'google--chat', '1chat', '', 'a'.repeat(41)])(
    'refuses the name %j, saying what a valid one looks like, and writes nothing',
    async (name) => {
      // Prepare
      const tree = heraldTree();
      const before = snapshot(tree);

      // Act
      const run = chatTargetGenerator(tree, { name });

      // Assess
      await expect(run).rejects.toThrow(/invalid chat target name .*kebab-case, e\.g\. google-chat/);
      expect(snapshot(tree)).toEqual(before);
    },
  );

  it('refuses a target that is already registered, and writes nothing', async () => {
    // Prepare
    const tree = heraldTree();
    const before = snapshot(tree);

    // Act
    const run = chatTargetGenerator(tree, { name: 'slack' });

    // Assess
    await expect(run).rejects.toThrow('chat target "slack" already exists: chatTargetTypes in libs/model/src/chat-target-types.ts lists it');
    expect(snapshot(tree)).toEqual(before);
  });

  it('refuses to add the same target twice, leaving it registered once', async () => {
    // Prepare
    const tree = heraldTree();
    await chatTargetGenerator(tree, { name: 'acme-chat' });
    const before = snapshot(tree);

    // Act
    const again = chatTargetGenerator(tree, { name: 'acme-chat' });

    // Assess
    await expect(again).rejects.toThrow('chat target "acme-chat" already exists: libs/formatters/acme-chat is there');
    expect(snapshot(tree)).toEqual(before);
    expect(tree.read(CHAT_FORMATTERS_PATH, 'utf-8')?.match(/acmeChatFormatter/g)).toHaveLength(2);
  });

  it('refuses to run outside the Herald repository', async () => {
    // Prepare
    const tree = createTreeWithEmptyWorkspace();

    // Act
    const run = chatTargetGenerator(tree, { name: 'acme-chat' });

    // Assess
    await expect(run).rejects.toThrow(`cannot find ${CHAT_TARGET_TYPES_PATH}: run the generator from the root of the Herald repository`);
  });

  it("registers a target in the repository's own registry files, keeping them valid TypeScript", async () => {
    // Prepare
    const tree = createTreeWithEmptyWorkspace();
    for (const path of [CHAT_TARGET_TYPES_PATH, CHAT_FORMATTERS_PATH, CONTRACT_TEST_PATH, PIPELINE_PACKAGE_JSON_PATH]) {
      tree.write(path, readFileSync(join(workspaceRoot, path), 'utf8'));
    }

    // Act
    await chatTargetGenerator(tree, { name: 'zz-probe-target' });

    // Assess
    for (const path of [CHAT_TARGET_TYPES_PATH, CHAT_FORMATTERS_PATH, CONTRACT_TEST_PATH]) {
      expect(tree.read(path, 'utf-8'), path).toContain('zz-probe-target');
      expect(syntaxErrors(tree, path), path).toEqual([]);
    }
  });
});

describe('schema.json', () => {
  it.each([
    ['google-chat', true],
    ['teams', true],
    ['x2', true],
    ['GoogleChat', false],
    ['google_chat', false],
    ['google--chat', false],
    ['1chat', false],
  ])('validates %j as the generator does (valid: %s)', (name, valid) => {
    // Prepare
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../src/generators/chat-target/schema.json'), 'utf8')) as {
      properties: { name: { pattern: string } };
    };

    // Act
    const matches = new RegExp(schema.properties.name.pattern).test(name);

    // Assess
    expect(matches).toBe(valid);
  });
});
