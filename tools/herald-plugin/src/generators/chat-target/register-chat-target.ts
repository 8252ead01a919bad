import { updateJson, type Tree } from '@nx/devkit';
import type { ChatTargetOptions } from './normalize-options.ts';
import {
  addNamedImport,
  appendArrayElement,
  appendObjectProperty,
  arrayLiteralStrings,
  objectLiteralKeys,
  propertyKey,
} from './source-edits.ts';

/** The type names the config schema and the CLI accept. */
export const CHAT_TARGET_TYPES_PATH = 'libs/model/src/chat-target-types.ts';
/** The formatter of each type, as the pipeline (and so the Lambdas, the CLI and the demo) finds it. */
export const CHAT_FORMATTERS_PATH = 'libs/pipeline/src/chat-formatters.ts';
export const PIPELINE_PACKAGE_JSON_PATH = 'libs/pipeline/package.json';
/** Runs the chat target contract for every registered type, with each type's payload limits. */
export const CONTRACT_TEST_PATH = 'libs/pipeline/tests/unit/chat-target-contract.test.ts';

const FORMATTER_PACKAGES = '@herald/formatter-';
const REGISTRY_PATHS = [CHAT_TARGET_TYPES_PATH, CHAT_FORMATTERS_PATH, PIPELINE_PACKAGE_JSON_PATH, CONTRACT_TEST_PATH];

/**
 * Throws, before anything is written, when the workspace is not Herald's or the target already exists in any
 * form: its folder, its type name, or its registry entry.
 */
export function assertNewChatTarget(tree: Tree, options: ChatTargetOptions): void {
  const missing = REGISTRY_PATHS.find((path) => !tree.exists(path));
  if (missing) throw new Error(`cannot find ${missing}: run the generator from the root of the Herald repository`);
  const exists = (where: string): Error => new Error(`chat target "${options.name}" already exists: ${where}`);
  if (tree.exists(options.projectRoot)) throw exists(`${options.projectRoot} is there`);
  if (arrayLiteralStrings(read(tree, CHAT_TARGET_TYPES_PATH), 'chatTargetTypes').includes(options.name)) {
    throw exists(`chatTargetTypes in ${CHAT_TARGET_TYPES_PATH} lists it`);
  }
  if (objectLiteralKeys(read(tree, CHAT_FORMATTERS_PATH), 'chatFormatters').includes(options.name)) {
    throw exists(`chatFormatters in ${CHAT_FORMATTERS_PATH} has it`);
  }
}

/**
 * Makes the new target known everywhere: its type name to the config schema and the CLI, its formatter to the
 * pipeline (a dependency of `@herald/pipeline`), and its payload limits to the pipeline's contract test.
 */
export function registerChatTarget(tree: Tree, options: ChatTargetOptions): void {
  const key = propertyKey(options.name);
  edit(tree, CHAT_TARGET_TYPES_PATH, (source) => appendArrayElement(source, 'chatTargetTypes', `'${options.name}'`));
  addEntry(tree, CHAT_FORMATTERS_PATH, 'chatFormatters', key, `${options.propertyName}Formatter`, options.packageName);
  updateJson(tree, PIPELINE_PACKAGE_JSON_PATH, (json: { dependencies?: Record<string, string> }) => ({
    ...json,
    dependencies: { ...json.dependencies, [options.packageName]: '*' },
  }));
  addEntry(tree, CONTRACT_TEST_PATH, 'payloadLimits', key, `${options.propertyName}PayloadLimits`, options.packageName);
}

/** Imports `exported` from the new package and adds it to the object literal `variable` under `key`. */
function addEntry(tree: Tree, path: string, variable: string, key: string, exported: string, packageName: string): void {
  edit(tree, path, (source) => {
    const imported = addNamedImport(source, exported, packageName, FORMATTER_PACKAGES);
    return appendObjectProperty(imported, variable, `${key}: ${exported}`);
  });
}

function read(tree: Tree, path: string): string {
  return tree.read(path, 'utf-8') ?? '';
}

function edit(tree: Tree, path: string, change: (source: string) => string): void {
  tree.write(path, change(read(tree, path)));
}
