import { createHash } from 'node:crypto';
import { AwsStandInError, startAwsStandIn, type AwsOperationHandlers, type AwsStandIn } from './aws-stand-in.ts';

/** The CodeCommit operations the stand-in answers. */
export type CodeCommitOperation = 'GetCommit' | 'GetDifferences' | 'BatchGetCommits' | 'GetBranch' | 'GetRepository';

/** A file in a commit's tree: its content, or content and git file mode. */
export type CodeCommitFileSpec = string | { content: string; mode?: '100644' | '100755' | '120000' | '160000' };

/** An author or committer. `date` is ISO-8601 (or a `Date`) shown in `timezone`, or already a git date `"1484167798 -0800"`. */
export interface CodeCommitPersonSpec {
  name: string;
  email: string;
  date: string | Date;
  /** The author's UTC offset as git writes it, e.g. `-0800`. Default `+0000`. */
  timezone?: string;
}

/**
 * One commit. Give its tree as `files` (every file), or as `changes` on top of its first parent's tree
 * (content to add or modify, `null` to delete); with neither, the tree is the first parent's.
 */
export interface CodeCommitCommitSpec {
  id: string;
  parents?: string[];
  message: string;
  author: CodeCommitPersonSpec;
  /** Default: the author. */
  committer?: CodeCommitPersonSpec;
  files?: Record<string, CodeCommitFileSpec>;
  changes?: Record<string, CodeCommitFileSpec | null>;
}

export interface CodeCommitRepositorySpec {
  name: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Default `123456789012`. */
  account?: string;
  description?: string;
  defaultBranch?: string;
  /** Branch name → commit id. */
  branches?: Record<string, string>;
  /** Tag name → commit id. */
  tags?: Record<string, string>;
  /** Parents before children when a commit is described by `changes`. */
  commits: CodeCommitCommitSpec[];
}

/** A fault answered instead of the real response, for the next `times` calls of one operation. */
export interface CodeCommitFault {
  /** The AWS error type, e.g. `AccessDeniedException`, `ThrottlingException`. */
  type: string;
  /** Default 1. */
  times?: number;
  /** Calls of the operation answered normally before the fault starts. Default 0. */
  after?: number;
  message?: string;
  /** HTTP status. Default 400, as AWS JSON-protocol services answer client and throttling errors. */
  status?: number;
}

/** One call the world answered (or refused). */
export interface CodeCommitCallRecord {
  operation: CodeCommitOperation;
  input: Record<string, unknown>;
  /** The AWS error type answered, if any. */
  error?: string;
}

/** A repository as the world stores it. */
export interface StoredRepository {
  name: string;
  region: string;
  account: string;
  repositoryId: string;
  description?: string;
  defaultBranch?: string;
  branches: Map<string, string>;
  tags: Map<string, string>;
  commits: Map<string, StoredCommit>;
}

interface StoredBlob {
  blobId: string;
  mode: string;
}

/** A commit as the world stores it: the wire fields plus its full tree. */
export interface StoredCommit {
  commitId: string;
  treeId: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  tree: Map<string, StoredBlob>;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * A stable, realistic 40-hex commit id for a label, so tests and demos need not invent SHAs.
 *
 * @example
 * ```ts
 * const root = fakeCommitId('my-repo: initial commit');
 * ```
 */
export function fakeCommitId(label: string): string {
  return sha1(`commit ${label}`);
}

function blobOf(spec: CodeCommitFileSpec): StoredBlob {
  const content = typeof spec === 'string' ? spec : spec.content;
  const mode = typeof spec === 'string' ? '100644' : (spec.mode ?? '100644');
  return { blobId: sha1(`blob ${Buffer.byteLength(content)}\0${content}`), mode };
}

function treeIdOf(tree: Map<string, StoredBlob>): string {
  const entries = [...tree].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, blob]) => `${blob.mode} ${path} ${blob.blobId}`);
  return sha1(`tree ${entries.join('\n')}`);
}

const GIT_DATE = /^\d+ [+-]\d{4}$/;

/** `"1484167798 -0800"`: seconds since the epoch and the author's offset, as CodeCommit answers dates. */
export function toGitDate(date: string | Date, timezone = '+0000'): string {
  if (typeof date === 'string' && GIT_DATE.test(date)) return date;
  const millis = (typeof date === 'string' ? new Date(date) : date).getTime();
  if (Number.isNaN(millis)) throw new Error(`Not a date: ${String(date)}`);
  return `${Math.floor(millis / 1000)} ${timezone}`;
}

function personOf(spec: CodeCommitPersonSpec): StoredCommit['author'] {
  return { name: spec.name, email: spec.email, date: toGitDate(spec.date, spec.timezone) };
}

function storeRepository(spec: CodeCommitRepositorySpec): StoredRepository {
  const commits = new Map<string, StoredCommit>();
  for (const commit of spec.commits) {
    const parents = commit.parents ?? [];
    const firstParent = parents[0] === undefined ? undefined : commits.get(parents[0]);
    if (parents[0] !== undefined && !firstParent && !commit.files) {
      throw new Error(`${spec.name}: commit ${commit.id} needs its first parent ${parents[0]} described before it`);
    }
    const tree = new Map<string, StoredBlob>();
    if (commit.files) {
      for (const [path, file] of Object.entries(commit.files)) tree.set(path, blobOf(file));
    } else {
      for (const [path, blob] of firstParent?.tree ?? []) tree.set(path, blob);
    }
    for (const [path, change] of Object.entries(commit.changes ?? {})) {
      if (change === null) tree.delete(path);
      else tree.set(path, blobOf(change));
    }
    const author = personOf(commit.author);
    commits.set(commit.id, {
      commitId: commit.id,
      treeId: treeIdOf(tree),
      parents,
      message: commit.message,
      author,
      committer: commit.committer ? personOf(commit.committer) : author,
      tree,
    });
  }
  const account = spec.account ?? '123456789012';
  const region = spec.region ?? 'us-east-1';
  return {
    name: spec.name,
    region,
    account,
    repositoryId: [8, 4, 4, 4, 12].map((length, i) => sha1(`${region}:${spec.name}:${i}`).slice(0, length)).join('-'),
    description: spec.description,
    defaultBranch: spec.defaultBranch,
    branches: new Map(Object.entries(spec.branches ?? {})),
    tags: new Map(Object.entries(spec.tags ?? {})),
    commits,
  };
}


/**
 * A fake set of CodeCommit repositories: commits with their trees, branches and tags, faults to inject and
 * a log of every call. Serve it with `startCodeCommitStandIn(world)` (or `codeCommitHandlers(world)`).
 *
 * @example
 * ```ts
 * const author = { name: 'Mary Major', email: 'mary_major@example.com', date: '2024-05-02T09:30:00Z' };
 * const world = new CodeCommitWorld().addRepository({
 *   name: 'my-repo',
 *   branches: { main: fakeCommitId('first') },
 *   commits: [{ id: fakeCommitId('first'), message: 'Initial commit', author, files: { 'README.md': '# my-repo\n' } }],
 * });
 * world.failNext('GetDifferences', { type: 'ThrottlingException', times: 2 });
 * const standIn = await startCodeCommitStandIn(world);
 * ```
 */
export class CodeCommitWorld {
  /** The repositories by name. */
  readonly repositories = new Map<string, StoredRepository>();
  /** Every call answered (or refused), in order. */
  readonly log: CodeCommitCallRecord[] = [];
  /** The most differences one `GetDifferences` page holds, whatever `MaxResults` asks. */
  readonly maxPageSize: number;
  readonly #faults: { operation: CodeCommitOperation; fault: Omit<CodeCommitFault, 'times' | 'after'> }[] = [];
  readonly #answersBeforeFaults = new Map<CodeCommitOperation, number>();

  constructor(options: { maxPageSize?: number } = {}) {
    this.maxPageSize = options.maxPageSize ?? 100;
  }

  /** Adds (or replaces) a repository. Throws when a commit's first parent is needed but not described yet. */
  addRepository(spec: CodeCommitRepositorySpec): this {
    this.repositories.set(spec.name, storeRepository(spec));
    return this;
  }

  /** Answers the next calls of `operation` with an AWS error instead. Faults queue up in order. */
  failNext(operation: CodeCommitOperation, fault: CodeCommitFault | string): this {
    const { times = 1, after = 0, ...rest } = typeof fault === 'string' ? { type: fault } : fault;
    if (after > 0) this.#answersBeforeFaults.set(operation, after);
    for (let i = 0; i < times; i++) this.#faults.push({ operation, fault: rest });
    return this;
  }

  /** The fault to answer this call of `operation` with, if one is due (consumes it). */
  takeFault(operation: CodeCommitOperation): Omit<CodeCommitFault, 'times' | 'after'> | undefined {
    const index = this.#faults.findIndex((queued) => queued.operation === operation);
    if (index < 0) return undefined;
    const answersLeft = this.#answersBeforeFaults.get(operation) ?? 0;
    if (answersLeft > 0) {
      this.#answersBeforeFaults.set(operation, answersLeft - 1);
      return undefined;
    }
    return this.#faults.splice(index, 1)[0]?.fault;
  }

  /** The calls of one operation, in order. */
  callsOf(operation: CodeCommitOperation): CodeCommitCallRecord[] {
    return this.log.filter((call) => call.operation === operation);
  }
}

const FULL_COMMIT_ID = /^[0-9a-f]{40}$/;

function stringInput(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function repositoryFor(world: CodeCommitWorld, input: Record<string, unknown>): StoredRepository {
  const name = stringInput(input, 'repositoryName');
  if (!name) throw new AwsStandInError('RepositoryNameRequiredException', 'A repository name is required, but was not specified.');
  const repository = world.repositories.get(name);
  if (!repository) throw new AwsStandInError('RepositoryDoesNotExistException', `${name} does not exist`);
  return repository;
}

function wireCommit(commit: StoredCommit) {
  return {
    additionalData: '',
    committer: { ...commit.committer },
    author: { ...commit.author },
    commitId: commit.commitId,
    treeId: commit.treeId,
    parents: [...commit.parents],
    message: commit.message,
  };
}

function resolveSpecifier(repository: StoredRepository, specifier: string): StoredCommit {
  const commitId =
    (repository.commits.has(specifier) ? specifier : undefined) ??
    repository.branches.get(specifier.replace(/^refs\/heads\//, '')) ??
    repository.tags.get(specifier.replace(/^refs\/tags\//, '')) ??
    (specifier === 'HEAD' && repository.defaultBranch ? repository.branches.get(repository.defaultBranch) : undefined);
  const commit = commitId === undefined ? undefined : repository.commits.get(commitId);
  if (!commit) throw new AwsStandInError('CommitDoesNotExistException', `Could not find a commit for specifier ${specifier} in ${repository.name}`);
  return commit;
}

function getCommit(world: CodeCommitWorld, input: Record<string, unknown>) {
  const repository = repositoryFor(world, input);
  const commitId = stringInput(input, 'commitId');
  if (!commitId) throw new AwsStandInError('CommitIdRequiredException', 'A commit ID is required, but was not specified.');
  const commit = repository.commits.get(commitId);
  if (commit) return { commit: wireCommit(commit) };
  if (!FULL_COMMIT_ID.test(commitId)) throw new AwsStandInError('InvalidCommitIdException', 'The specified commit ID is not valid.');
  throw new AwsStandInError('CommitIdDoesNotExistException', `Could not find commit ${commitId} in ${repository.name}`);
}

interface WireDifference {
  beforeBlob?: { path: string; blobId: string; mode: string };
  afterBlob?: { path: string; blobId: string; mode: string };
  changeType: 'A' | 'M' | 'D';
}

function differencesBetween(before: Map<string, StoredBlob>, after: Map<string, StoredBlob>): WireDifference[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const differences: WireDifference[] = [];
  for (const path of paths) {
    const old = before.get(path);
    const now = after.get(path);
    if (old && now && old.blobId === now.blobId && old.mode === now.mode) continue;
    differences.push({
      ...(old ? { beforeBlob: { path, ...old } } : {}),
      ...(now ? { afterBlob: { path, ...now } } : {}),
      changeType: !old ? 'A' : !now ? 'D' : 'M',
    });
  }
  return differences;
}

const isWithin = (path: string, folder: string): boolean => {
  const prefix = folder.replace(/\/+$/, '');
  return path === prefix || path.startsWith(`${prefix}/`);
};

function continuationToken(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ offset, query: sha1(query).slice(0, 12) })).toString('base64url');
}

function offsetOf(token: string, query: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown; query?: unknown };
    if (typeof decoded.offset === 'number' && decoded.query === sha1(query).slice(0, 12)) return decoded.offset;
  } catch {
    // Falls through to the AWS error below.
  }
  throw new AwsStandInError('InvalidContinuationTokenException', 'The specified continuation token is not valid.');
}

function getDifferences(world: CodeCommitWorld, input: Record<string, unknown>) {
  const repository = repositoryFor(world, input);
  const afterSpecifier = stringInput(input, 'afterCommitSpecifier');
  if (!afterSpecifier) throw new AwsStandInError('CommitRequiredException', 'A commit specifier is required, but was not specified.');
  const maxResults = input['MaxResults'];
  if (maxResults !== undefined && (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1)) {
    throw new AwsStandInError('InvalidMaxResultsException', 'The specified number of maximum results is not valid.');
  }
  const beforeSpecifier = stringInput(input, 'beforeCommitSpecifier');
  const after = resolveSpecifier(repository, afterSpecifier);
  const before = beforeSpecifier === undefined ? undefined : resolveSpecifier(repository, beforeSpecifier);
  const folders = [stringInput(input, 'beforePath'), stringInput(input, 'afterPath')].filter((path) => path !== undefined);
  const differences = differencesBetween(before?.tree ?? new Map(), after.tree).filter(
    (difference) =>
      folders.length === 0 ||
      [difference.beforeBlob?.path, difference.afterBlob?.path].some(
        (path) => path !== undefined && folders.some((folder) => isWithin(path, folder)),
      ),
  );

  const query = [repository.name, before?.commitId ?? '', after.commitId, ...folders].join('\0');
  const token = stringInput(input, 'NextToken');
  const offset = token === undefined ? 0 : offsetOf(token, query);
  const pageSize = Math.min(maxResults ?? world.maxPageSize, world.maxPageSize);
  const end = offset + pageSize;
  return {
    differences: differences.slice(offset, end),
    ...(end < differences.length ? { NextToken: continuationToken(end, query) } : {}),
  };
}

function batchGetCommits(world: CodeCommitWorld, input: Record<string, unknown>) {
  const repository = repositoryFor(world, input);
  const commitIds = input['commitIds'];
  if (!Array.isArray(commitIds) || commitIds.length === 0) {
    throw new AwsStandInError('CommitIdsListRequiredException', 'A list of commit IDs is required, but was either not specified or the list was empty.');
  }
  if (commitIds.length > 100) {
    throw new AwsStandInError('CommitIdsLimitExceededException', 'The maximum number of allowed commit IDs in a batch request is 100.');
  }
  const commits = [];
  const errors = [];
  for (const commitId of commitIds.map(String)) {
    const commit = repository.commits.get(commitId);
    if (commit) commits.push(wireCommit(commit));
    else if (!FULL_COMMIT_ID.test(commitId)) errors.push({ commitId, errorCode: 'InvalidCommitIdException', errorMessage: 'The specified commit ID is not valid.' });
    else errors.push({ commitId, errorCode: 'CommitIdDoesNotExistException', errorMessage: `Could not find commit ${commitId}` });
  }
  return { commits, errors };
}

function getBranch(world: CodeCommitWorld, input: Record<string, unknown>) {
  const repository = repositoryFor(world, input);
  const branchName = stringInput(input, 'branchName');
  if (!branchName) throw new AwsStandInError('BranchNameRequiredException', 'A branch name is required, but was not specified.');
  const commitId = repository.branches.get(branchName);
  if (commitId === undefined) throw new AwsStandInError('BranchDoesNotExistException', `Branch ${branchName} does not exist in ${repository.name}`);
  return { branch: { branchName, commitId } };
}

function getRepository(world: CodeCommitWorld, input: Record<string, unknown>) {
  const repository = repositoryFor(world, input);
  const seconds = [...repository.commits.values()].map((commit) => Number(commit.committer.date.split(' ')[0]));
  const host = `git-codecommit.${repository.region}.amazonaws.com`;
  return {
    repositoryMetadata: {
      accountId: repository.account,
      repositoryId: repository.repositoryId,
      repositoryName: repository.name,
      ...(repository.description ? { repositoryDescription: repository.description } : {}),
      ...(repository.defaultBranch ? { defaultBranch: repository.defaultBranch } : {}),
      creationDate: seconds.length ? Math.min(...seconds) - 3600 : 0,
      lastModifiedDate: seconds.length ? Math.max(...seconds) : 0,
      cloneUrlHttp: `https://${host}/v1/repos/${repository.name}`,
      cloneUrlSsh: `ssh://${host}/v1/repos/${repository.name}`,
      Arn: `arn:aws:codecommit:${repository.region}:${repository.account}:${repository.name}`,
    },
  };
}

const operations: Record<CodeCommitOperation, (world: CodeCommitWorld, input: Record<string, unknown>) => unknown> = {
  GetCommit: getCommit,
  GetDifferences: getDifferences,
  BatchGetCommits: batchGetCommits,
  GetBranch: getBranch,
  GetRepository: getRepository,
};

/** The `X-Amz-Target` of a CodeCommit operation, e.g. `CodeCommit_20150413.GetCommit`. */
export const codeCommitTarget = (operation: CodeCommitOperation): string => `CodeCommit_20150413.${operation}`;

/**
 * The stand-in handlers that serve a world in CodeCommit's wire shapes, for `startAwsStandIn`.
 * Region is not checked: a repository name is unique across the world.
 *
 * @example
 * ```ts
 * const standIn = await startAwsStandIn({ ...codeCommitHandlers(world), ...otherHandlers });
 * ```
 */
export function codeCommitHandlers(world: CodeCommitWorld): AwsOperationHandlers {
  const handlers: AwsOperationHandlers = {};
  for (const [operation, answer] of Object.entries(operations) as [CodeCommitOperation, (typeof operations)[CodeCommitOperation]][]) {
    handlers[codeCommitTarget(operation)] = (input) => {
      const record: CodeCommitCallRecord = { operation, input };
      world.log.push(record);
      try {
        const fault = world.takeFault(operation);
        if (fault) throw new AwsStandInError(fault.type, fault.message ?? `Injected ${fault.type}`, fault.status ?? 400);
        return answer(world, input);
      } catch (error) {
        if (error instanceof AwsStandInError) record.error = error.type;
        throw error;
      }
    };
  }
  return handlers;
}

/**
 * Starts a local AWS stand-in serving the world (plus any other handlers).
 *
 * @example
 * ```ts
 * const standIn = await startCodeCommitStandIn(demoCodeCommitWorld());
 * const client = new CodeCommitClient({ region: 'us-east-1', endpoint: standIn.url, credentials });
 * ```
 */
export function startCodeCommitStandIn(world: CodeCommitWorld, otherHandlers: AwsOperationHandlers = {}): Promise<AwsStandIn> {
  return startAwsStandIn({ ...otherHandlers, ...codeCommitHandlers(world) });
}

const people = {
  mary: { name: 'Mary Major', email: 'mary_major@example.com' },
  li: { name: 'Li Juan', email: 'li_juan@example.com' },
  jorge: { name: 'Jorge Souza', email: 'jorge_souza@example.com' },
  saanvi: { name: 'Saanvi Sarkar', email: 'saanvi_sarkar@example.com' },
  nikhil: { name: 'Nikhil Jayashankar', email: 'nikhil_jayashankar@example.com' },
  martha: { name: 'Martha Rivera', email: 'martha_rivera@example.com' },
};

const by = (person: { name: string; email: string }, date: string, timezone = '+0000'): CodeCommitPersonSpec => ({
  ...person,
  date,
  timezone,
});

const VENDORED_PACKAGES = [
  '@opentelemetry/api',
  '@opentelemetry/core',
  '@opentelemetry/resources',
  '@opentelemetry/sdk-trace-base',
  '@opentelemetry/semantic-conventions',
  '@opentelemetry/instrumentation',
  '@opentelemetry/instrumentation-aws-lambda',
  '@opentelemetry/propagator-aws-xray',
  'require-in-the-middle',
  'module-details-from-path',
  'shimmer',
  'semver',
];
const VENDORED_FILES = ['package.json', 'LICENSE', 'README.md', 'build/src/index.js', 'build/src/index.d.ts', 'build/src/types.js', 'build/src/types.d.ts', 'build/src/utils.js', 'build/src/utils.d.ts', 'build/src/version.js', 'CHANGELOG.md'];

/** `count` vendored library files: enough of them to need several `GetDifferences` pages. */
function vendoredLayerFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const pkg = VENDORED_PACKAGES[i % VENDORED_PACKAGES.length] ?? 'shimmer';
    const file = VENDORED_FILES[Math.floor(i / VENDORED_PACKAGES.length) % VENDORED_FILES.length] ?? 'index.js';
    files[`layers/observability/nodejs/node_modules/${pkg}/${file}`] = `// ${pkg} ${file}\n`;
  }
  return files;
}

/**
 * The demo's CodeCommit: the repositories and commits that the bundled trigger and EventBridge samples name,
 * so every sample can be enriched.
 *
 * - `test` (us-east-1): `404dc3fa…` pushed to `master` and branched as `test`; `b74b1c26…` on `test` (deleted
 *   later); `271ac08c…` is the merge of `test` into `master`, tagged `v1.0` (a merge commit).
 * - `lambda-pipeline-repo` (us-east-2): `5e493c6f…` (the 39-character id of the Lambda guide's sample) changes
 *   130 files: several `GetDifferences` pages and a long "…and N more".
 * - `my-repo` (eu-central-1): `5c4ef104…` is the root commit the console's "Test trigger" sample names.
 * - `MyDemoRepo` (us-east-2): the documentation's `3e5983DESTINATION`, `26a8f2SOURCE` and the pull-request
 *   merge `7f0103fMERGE`.
 *
 * The redacted sample (`xxxx`) names a repository that does not exist, as it would in AWS.
 *
 * @example
 * ```ts
 * const standIn = await startCodeCommitStandIn(demoCodeCommitWorld());
 * process.env['AWS_ENDPOINT_URL'] = standIn.url;
 * ```
 */
export function demoCodeCommitWorld(options: { maxPageSize?: number } = {}): CodeCommitWorld {
  const test = {
    initial: fakeCommitId('test: initial commit'),
    health: fakeCommitId('test: health check'),
    port: '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe',
    logging: 'b74b1c26a4e8eca11baf89a40408c073be0ed38b',
    merge: '271ac08cc18df57fc185c47c8a23a01115e283e4',
  };
  const lambda = {
    initial: fakeCommitId('lambda-pipeline-repo: initial commit'),
    tests: fakeCommitId('lambda-pipeline-repo: unit tests'),
    layer: '5e493c6f3067653f3d04eca608b4901eb227078',
  };
  const demo = {
    initial: fakeCommitId('MyDemoRepo: initial commit'),
    base: '3e5a9bf1BASE',
    destination: '3e5983DESTINATION',
    source: '26a8f2SOURCE',
    merge: '7f0103fMERGE',
  };

  return new CodeCommitWorld(options)
    .addRepository({
      name: 'test',
      region: 'us-east-1',
      account: '448640225317',
      description: 'Status service behind the internal load balancer',
      defaultBranch: 'master',
      branches: { master: test.merge },
      tags: { 'v1.0': test.merge },
      commits: [
        {
          id: test.initial,
          message: 'Initial commit\n',
          author: by(people.mary, '2021-02-01T09:12:44Z', '+0100'),
          files: {
            'README.md': '# status\n\nAnswers whether the service is up.\n',
            '.gitignore': 'bin/\n*.test\n',
            'go.mod': 'module example.com/status\n\ngo 1.15\n',
            'main.go': 'package main\n\nfunc main() { serve(":8080") }\n',
          },
        },
        {
          id: test.health,
          parents: [test.initial],
          message:
            'Add health check endpoint\n\nThe load balancer needs /healthz to answer 200 while the service is ready\nto take traffic, and 503 while it drains.\n',
          author: by(people.li, '2021-02-04T15:40:02Z', '+0800'),
          changes: {
            'handlers/health.go': 'package handlers\n\n// Health answers the load balancer.\n',
            'handlers/health_test.go': 'package handlers\n\n// TestHealth checks both answers.\n',
            'main.go': 'package main\n\nfunc main() { routes(); serve(":8080") }\n',
          },
        },
        {
          id: test.port,
          parents: [test.health],
          message:
            'Read the listen address from PORT\n\nFall back to :8080 when PORT is unset so local runs keep working.\nCloses #12.\n',
          author: by(people.jorge, '2021-02-08T08:51:37Z', '-0300'),
          changes: {
            'config/config.go': 'package config\n\n// Port reads PORT or falls back to 8080.\n',
            'config/config_test.go': 'package config\n\n// TestPort covers the fallback.\n',
            'main.go': 'package main\n\nfunc main() { routes(); serve(config.Port()) }\n',
            'README.md': '# status\n\nAnswers whether the service is up.\n\nSet `PORT` to change the listen port.\n',
          },
        },
        {
          id: test.logging,
          parents: [test.port],
          message: 'Log requests with their latency\n\nOne structured line per request: method, path, status and duration.\n',
          author: by(people.saanvi, '2021-02-08T10:14:09Z', '+0530'),
          changes: {
            'middleware/logging.go': 'package middleware\n\n// Logging writes one line per request.\n',
            'middleware/logging_test.go': 'package middleware\n\n// TestLogging checks the line format.\n',
            'main.go': 'package main\n\nfunc main() { routes(middleware.Logging); serve(config.Port()) }\n',
          },
        },
        {
          id: test.merge,
          parents: [test.port, test.logging],
          message: "Merge branch 'test'\n\nBrings request logging into the 1.0 release.\n",
          author: by(people.jorge, '2021-02-08T10:27:51Z', '-0300'),
          changes: {
            'middleware/logging.go': 'package middleware\n\n// Logging writes one line per request.\n',
            'middleware/logging_test.go': 'package middleware\n\n// TestLogging checks the line format.\n',
            'main.go': 'package main\n\nfunc main() { routes(middleware.Logging); serve(config.Port()) }\n',
            'CHANGELOG.md': '# 1.0\n\n- Health check endpoint\n- PORT setting\n- Request logging\n',
          },
        },
      ],
    })
    .addRepository({
      name: 'lambda-pipeline-repo',
      region: 'us-east-2',
      account: '123456789012',
      description: 'Order-processing function deployed by CodePipeline',
      defaultBranch: 'master',
      branches: { master: lambda.layer },
      commits: [
        {
          id: lambda.initial,
          message: 'Initial commit',
          author: by(people.nikhil, '2019-03-04T17:02:18Z', '-0800'),
          files: {
            'README.md': '# lambda-pipeline-repo\n',
            'template.yml': 'Transform: AWS::Serverless-2016-10-31\n',
            'buildspec.yml': 'version: 0.2\n',
            'package.json': '{ "name": "order-processor" }\n',
            'src/index.js': 'exports.handler = async () => ({ statusCode: 200 });\n',
            'scripts/fetch-layer.sh': '#!/bin/sh\naws s3 cp "s3://$ARTIFACTS/layer.zip" .\n',
            'scripts/fetch-layer.test.sh': '#!/bin/sh\n./fetch-layer.sh --dry-run\n',
          },
        },
        {
          id: lambda.tests,
          parents: [lambda.initial],
          message: 'Add unit tests for the handler\n\nCovers the happy path and a malformed order body.\n',
          author: by(people.martha, '2019-03-08T11:45:50Z', '-0800'),
          changes: {
            'tests/handler.test.js': "test('answers 200', async () => {});\n",
            'package.json': '{ "name": "order-processor", "scripts": { "test": "jest" } }\n',
          },
        },
        {
          id: lambda.layer,
          parents: [lambda.tests],
          message:
            'Vendor the observability layer\n\nCopy layer v3.2.0 into layers/observability so builds no longer fetch it\nfrom the artifact bucket, and remove the fetch script.\n\nThe template now builds the layer from source with the function.\n',
          author: by(people.nikhil, '2019-03-12T20:57:41Z', '-0700'),
          committer: by(people.martha, '2019-03-12T20:58:19Z', '-0700'),
          changes: {
            ...vendoredLayerFiles(124),
            'template.yml': 'Transform: AWS::Serverless-2016-10-31\n# ObservabilityLayer built from layers/observability\n',
            'buildspec.yml': 'version: 0.2\n# no layer download\n',
            'package.json': '{ "name": "order-processor", "scripts": { "test": "jest", "build": "sam build" } }\n',
            'README.md': '# lambda-pipeline-repo\n\nThe observability layer lives in layers/observability.\n',
            'scripts/fetch-layer.sh': null,
            'scripts/fetch-layer.test.sh': null,
          },
        },
      ],
    })
    .addRepository({
      name: 'my-repo',
      region: 'eu-central-1',
      account: '123456789012',
      defaultBranch: 'master',
      branches: { master: '5c4ef1049f1d27deadbeeff313e0730018be182b' },
      commits: [
        {
          id: '5c4ef1049f1d27deadbeeff313e0730018be182b',
          message: "Initial commit\n\nScaffold the service from the team's template.\n",
          author: by(people.li, '2016-01-01T23:41:07Z', '+0100'),
          files: {
            'README.md': '# my-repo\n',
            '.gitignore': 'node_modules/\ndist/\n',
            'package.json': '{ "name": "my-repo" }\n',
            'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
            'src/index.ts': 'export const handler = async () => {};\n',
            'tests/index.test.ts': "test('handler', () => {});\n",
            'bin/deploy.sh': { content: '#!/bin/sh\nnpm run build && sam deploy\n', mode: '100755' },
          },
        },
      ],
    })
    .addRepository({
      name: 'MyDemoRepo',
      region: 'us-east-2',
      account: '123456789012',
      description: 'Order API',
      defaultBranch: 'main',
      branches: { main: demo.destination, myBranch: demo.merge, 'feature/validate-quantity': demo.source },
      commits: [
        {
          id: demo.initial,
          message: 'Initial commit',
          author: by(people.saanvi, '2019-06-03T08:15:00Z', '+0530'),
          files: { 'README.md': '# Order API\n', 'package.json': '{ "name": "order-api" }\n' },
        },
        {
          id: demo.base,
          parents: [demo.initial],
          message: 'Add the order service skeleton\n\nCreate, read and list orders, stored in DynamoDB.\n',
          author: by(people.mary, '2019-06-07T14:22:31Z', '-0700'),
          changes: {
            'src/orders.ts': 'export async function createOrder() {}\n',
            'src/store.ts': 'export const table = process.env.TABLE;\n',
            'tests/orders.test.ts': "test('creates an order', () => {});\n",
          },
        },
        {
          id: demo.destination,
          parents: [demo.base],
          message: 'Document the deployment steps',
          author: by(people.li, '2019-06-11T09:03:12Z', '+0800'),
          changes: { 'docs/deploy.md': '# Deploying\n\n1. Run the pipeline.\n', 'README.md': '# Order API\n\nSee docs/deploy.md.\n' },
        },
        {
          id: demo.source,
          parents: [demo.base],
          message: 'Validate order quantities\n\nReject zero and negative quantities with a 400 instead of storing them.\n',
          author: by(people.jorge, '2019-06-11T16:48:27Z', '-0300'),
          changes: {
            'src/orders.ts': 'export async function createOrder(order) { validate(order); }\n',
            'src/validate.ts': 'export function validate(order) {}\n',
            'tests/validate.test.ts': "test('rejects zero', () => {});\n",
          },
        },
        {
          id: demo.merge,
          parents: [demo.destination, demo.source],
          message:
            'Merged pull request 42: Validate order quantities\n\nReject zero and negative quantities with a 400 instead of storing them.\n',
          author: by(people.mary, '2019-06-12T10:23:40Z', '-0700'),
          changes: {
            'src/orders.ts': 'export async function createOrder(order) { validate(order); }\n',
            'src/validate.ts': 'export function validate(order) {}\n',
            'tests/validate.test.ts': "test('rejects zero', () => {});\n",
          },
        },
      ],
    });
}
