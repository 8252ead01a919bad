import { chatTargetTypes } from '@herald/model';
import * as z from 'zod/mini';

const hexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #FF0000'));
const glob = z.string().check(z.minLength(1), z.maxLength(512));
const globs = z.array(glob).check(z.minLength(1));

/** Where a target's webhook URL is kept. The URL itself never appears in config. */
export const webhookSourceSchema = z.union([
  z.strictObject({ ssmParameter: z.string().check(z.minLength(1), z.maxLength(2048)) }),
  z.strictObject({
    secretId: z.string().check(z.minLength(1), z.maxLength(2048)),
    jsonKey: z.optional(z.string().check(z.minLength(1))),
  }),
]);

export const targetSchema = z.strictObject({
  type: z.enum(chatTargetTypes),
  /** Absent for targets used only by `herald render` or given `--webhook` on the command line. */
  webhook: z.optional(webhookSourceSchema),
});

export const notificationStatuses = ['success', 'failure', 'info', 'warning'] as const;

/** The AWS services events come from. */
export const eventSources = ['codecommit', 'codedeploy', 'codepipeline', 'codebuild'] as const;

export const routeMatchSchema = z.strictObject({
  sources: z.optional(z.array(z.enum(eventSources)).check(z.minLength(1))),
  repositories: z.optional(globs),
  branches: z.optional(globs),
  tags: z.optional(globs),
  pipelines: z.optional(globs),
  /** CodeDeploy `application/deployment-group`. */
  deploymentGroups: z.optional(globs),
  buildProjects: z.optional(globs),
  statuses: z.optional(z.array(z.enum(notificationStatuses)).check(z.minLength(1))),
});

export const routeSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  targets: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  match: z._default(routeMatchSchema, {}),
  /** Who to mention when a matching notification is a failure (ids of the route's chat products). */
  mentionOnFailure: z.optional(
    z
      .array(
        z.union([
          // Ids of the route's chat products: Slack `U…`/`S…`, Discord snowflakes, Teams user principal
          // names or Entra object ids, Google Chat user ids. Each formatter drops ids not in its own format.
          z.strictObject({ user: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'must be a user id')) }),
          z.strictObject({
            group: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'must be a group or role id')),
          }),
        ]),
      )
      .check(z.minLength(1)),
  ),
});

const httpsUrl = z.string().check(z.regex(/^https:\/\/[^\s<>|]+$/, 'must be an https URL'));

/** Per deployment group: the site it deploys to, and the pipeline that deploys it (to find the revision). */
export const deploymentGroupSchema = z.strictObject({
  siteUrl: z.optional(httpsUrl),
  pipeline: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});

/** The default branch colours teams already use. */
export const defaultBranchColors: Record<string, string> = {
  develop: '#FFE400',
  master: '#FF0000',
  main: '#FF0000',
};

export const heraldConfigSchema = z
  .strictObject({
    targets: z.record(
      z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'target names are lower-case words')),
      targetSchema,
    ),
    /** No routes: every target gets every notification. */
    routes: z._default(z.array(routeSchema), []),
    colors: z._default(
      z.strictObject({
        /** Branch glob → colour, first match wins, in the order written. */
        branches: z._default(z.record(glob, hexColor), defaultBranchColors),
        default: z._default(hexColor, '#5F00FF'),
      }),
      { branches: defaultBranchColors, default: '#5F00FF' },
    ),
    /** Keyed `application/deployment-group`. */
    deploymentGroups: z._default(
      z.record(z.string().check(z.regex(/^[^/]+\/[^/]+$/, 'keys are application/deployment-group')), deploymentGroupSchema),
      {},
    ),
    /** How many changed files and commits a message lists before "…and N more". */
    limits: z._default(
      z.strictObject({
        filesListed: z._default(z.int().check(z.minimum(0), z.maximum(100)), 20),
        commitsListed: z._default(z.int().check(z.minimum(0), z.maximum(50)), 10),
      }),
      { filesListed: 20, commitsListed: 10 },
    ),
  })
  .check(
    z.superRefine((config, context) => {
    config.routes.forEach((route, index) => {
      route.targets.forEach((target, targetIndex) => {
        if (!(target in config.targets)) {
            context.addIssue({
              code: 'custom',
              path: ['routes', index, 'targets', targetIndex],
              message: `unknown target "${target}" (known: ${Object.keys(config.targets).join(', ') || 'none'})`,
            });
          }
        });
      });
    }),
  );

export type HeraldConfig = z.infer<typeof heraldConfigSchema>;
export type HeraldConfigInput = z.input<typeof heraldConfigSchema>;
export type RouteConfig = HeraldConfig['routes'][number];
export type TargetConfig = HeraldConfig['targets'][string];
export type WebhookSource = z.infer<typeof webhookSourceSchema>;
export type DeploymentGroupConfig = z.infer<typeof deploymentGroupSchema>;

/** A configuration that cannot be used; `message` names the first bad field. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return `${path ? path.slice(path.startsWith('.') ? 1 : 0) : '(root)'}: ${issue.message}`;
}

/**
 * Validates a configuration document (already parsed JSON) and fills in defaults.
 *
 * @example
 * const config = parseHeraldConfig({ targets: { team: { type: 'slack', webhook: { ssmParameter: '/herald/team' } } } });
 */
export function parseHeraldConfig(input: unknown): HeraldConfig {
  const result = heraldConfigSchema.safeParse(input);
  if (!result.success) {
    const [first, ...rest] = result.error.issues;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    throw new ConfigError(`invalid config: ${first ? describeIssue(first) : 'unknown problem'}${more}`);
  }
  return result.data;
}

/** Parses a configuration from JSON text, e.g. an environment variable or a file. */
export function parseHeraldConfigJson(text: string, origin = 'config'): HeraldConfig {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`invalid ${origin}: not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return parseHeraldConfig(document);
}

/** The embedded default: one Slack and one Discord target, no routes, the usual branch colours. */
export function defaultHeraldConfig(): HeraldConfig {
  return parseHeraldConfig({ targets: { slack: { type: 'slack' }, discord: { type: 'discord' } } });
}
