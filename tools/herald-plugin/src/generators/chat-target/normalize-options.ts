import { names } from '@nx/devkit';

/** What `nx g @herald/tools:chat-target` is given (see schema.json). */
export interface ChatTargetGeneratorSchema {
  /** The target type as written in config and on the CLI, in kebab-case, e.g. `google-chat`. */
  name: string;
}

/** Everything the generator derives from the name. */
export interface ChatTargetOptions {
  /** `google-chat` */
  name: string;
  /** `libs/formatters/google-chat` */
  projectRoot: string;
  /** `@herald/formatter-google-chat` */
  packageName: string;
  /** `GoogleChat`, as in `formatGoogleChatMessage` and `GoogleChatWebhookPayload`. */
  className: string;
  /** `googleChat`, as in `googleChatFormatter`. */
  propertyName: string;
  /** `GOOGLE_CHAT`, as in `GOOGLE_CHAT_LIMITS`. */
  constantName: string;
}

const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 40;

/**
 * Checks the name and derives the identifiers of the new target. Throws an error that says what a valid name
 * looks like.
 *
 * @example
 * ```ts
 * normalizeChatTargetOptions({ name: 'google-chat' }).propertyName; // 'googleChat'
 * normalizeChatTargetOptions({ name: 'GoogleChat' }); // throws: not kebab-case
 * ```
 */
export function normalizeChatTargetOptions(schema: ChatTargetGeneratorSchema): ChatTargetOptions {
  const name = typeof schema.name === 'string' ? schema.name.trim() : '';
  if (!KEBAB_CASE.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new Error(
      `invalid chat target name "${name}": use kebab-case, e.g. google-chat ` +
        `(a lower-case letter, then lower-case letters, digits and single hyphens; at most ${MAX_NAME_LENGTH} characters)`,
    );
  }
  const { className, propertyName, constantName } = names(name);
  return {
    name,
    projectRoot: `libs/formatters/${name}`,
    packageName: `@herald/formatter-${name}`,
    className,
    propertyName,
    constantName,
  };
}
