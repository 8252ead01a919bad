import { createHash } from 'node:crypto';
import { AwsStandInError, startAwsStandIn, type AwsOperationHandlers, type AwsStandIn } from './aws-stand-in.ts';

/** The CodePipeline operations the stand-in answers. */
export type CodePipelineOperation = 'GetPipelineExecution' | 'GetPipelineState' | 'ListPipelineExecutions' | 'ListActionExecutions';

export type CodePipelineExecutionStatus = 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';
export type CodePipelineActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';
export type CodePipelineActionCategory = 'Source' | 'Build' | 'Test' | 'Deploy' | 'Approval' | 'Invoke' | 'Compute';

/** An action as the pipeline's structure declares it. */
export interface CodePipelineActionSpec {
  name: string;
  category: CodePipelineActionCategory;
  /** e.g. `CodeCommit`, `CodeStarSourceConnection`, `CodeBuild`, `CodeDeploy`, `CodeDeployToECS`, `Manual`. */
  provider: string;
  /** Default `AWS`. */
  owner?: string;
  /** Default `1`. */
  version?: string;
  inputArtifacts?: string[];
  outputArtifacts?: string[];
  configuration?: Record<string, string>;
  /** Default: the pipeline's region. */
  region?: string;
}

export interface CodePipelineStageSpec {
  name: string;
  actions: CodePipelineActionSpec[];
}

/** A source revision an execution was started with (`artifactRevisions[]`). */
export interface CodePipelineArtifactRevisionSpec {
  /** The artifact the source action wrote, e.g. `SourceArtifact`. */
  name: string;
  revisionId: string;
  /** The commit message for CodeCommit; for connections, a JSON string `{"ProviderType":…,"CommitMessage":…}`. */
  revisionSummary?: string;
  revisionUrl?: string;
  /** Default: the revision id. */
  revisionChangeIdentifier?: string;
  /** ISO-8601 (or a `Date`). Default: the execution's start time. */
  created?: string | Date;
}

/** One run of a declared action within an execution. */
export interface CodePipelineActionRunSpec {
  stage: string;
  action: string;
  status: CodePipelineActionStatus;
  /** ISO-8601 (or a `Date`). */
  startTime: string | Date;
  /** Default: the start time. */
  lastUpdateTime?: string | Date;
  /** `output.executionResult.externalExecutionSummary`. */
  summary?: string;
  /** e.g. the commit id, the build id `project:uuid`, the deployment id `d-…`. */
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: { code: string; message: string };
  outputVariables?: Record<string, string>;
  /** The ARN of who changed it (approvals). */
  updatedBy?: string;
}

export interface CodePipelineExecutionSpec {
  /** A lower-case UUID, as AWS checks. */
  id: string;
  status: CodePipelineExecutionStatus;
  /** ISO-8601 (or a `Date`). */
  startTime: string | Date;
  /** Default: the last action's update time, or the start time. */
  lastUpdateTime?: string | Date;
  statusSummary?: string;
  /** `triggerDetail` is a user or role ARN, a webhook or connection ARN, or a JSON string. */
  trigger?: { triggerType: string; triggerDetail?: string };
  /** Default: the pipeline's version. */
  pipelineVersion?: number;
  artifactRevisions?: CodePipelineArtifactRevisionSpec[];
  /** The actions it ran, in the order they started. */
  actions?: CodePipelineActionRunSpec[];
}

export interface CodePipelineSpec {
  name: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Default `123456789012`. */
  account?: string;
  /** Default 1. */
  version?: number;
  stages: CodePipelineStageSpec[];
  /** Oldest first. */
  executions: CodePipelineExecutionSpec[];
}

/** A fault answered instead of the real response, for the next `times` calls of one operation. */
export interface CodePipelineFault {
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
export interface CodePipelineCallRecord {
  operation: CodePipelineOperation;
  input: Record<string, unknown>;
  /** The AWS error type answered, if any. */
  error?: string;
}

/** A run of an action as the world stores it: times in epoch seconds, its declared action attached. */
export interface StoredActionRun {
  actionExecutionId: string;
  pipelineExecutionId: string;
  pipelineVersion: number;
  stage: string;
  declared: CodePipelineActionSpec;
  status: CodePipelineActionStatus;
  startTime: number;
  lastUpdateTime: number;
  summary?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: { code: string; message: string };
  outputVariables?: Record<string, string>;
  updatedBy?: string;
}

export interface StoredArtifactRevision {
  name: string;
  revisionId: string;
  revisionChangeIdentifier: string;
  revisionSummary?: string;
  revisionUrl?: string;
  created: number;
}

export interface StoredExecution {
  pipelineExecutionId: string;
  pipelineVersion: number;
  status: CodePipelineExecutionStatus;
  statusSummary?: string;
  startTime: number;
  lastUpdateTime: number;
  trigger?: { triggerType: string; triggerDetail?: string };
  artifactRevisions: StoredArtifactRevision[];
  /** In the order they started. */
  actions: StoredActionRun[];
}

/** A pipeline as the world stores it. */
export interface StoredPipeline {
  name: string;
  region: string;
  account: string;
  version: number;
  stages: CodePipelineStageSpec[];
  /** Oldest first. */
  executions: StoredExecution[];
}

const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;

/**
 * Seconds since the epoch, with milliseconds as a fraction: how AWS JSON-protocol services send timestamps.
 *
 * @example
 * ```ts
 * toEpochSeconds('2020-01-31T18:55:43.250Z'); // 1580496943.25
 * ```
 */
export function toEpochSeconds(date: string | Date): number {
  const millis = (typeof date === 'string' ? new Date(date) : date).getTime();
  if (Number.isNaN(millis)) throw new Error(`Not a date: ${String(date)}`);
  return millis / 1000;
}

/**
 * A stable, realistic lower-case UUID for a label, so tests and demos need not invent execution ids.
 *
 * @example
 * ```ts
 * const executionId = fakeExecutionId('myPipeline: second run');
 * ```
 */
export function fakeExecutionId(label: string): string {
  const hex = createHash('sha1').update(`execution ${label}`).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `a${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-');
}

function declaredAction(spec: CodePipelineSpec, stage: string, action: string): CodePipelineActionSpec {
  const declared = spec.stages.find((s) => s.name === stage)?.actions.find((a) => a.name === action);
  if (!declared) throw new Error(`${spec.name}: no action ${stage}/${action} is declared`);
  return declared;
}

function storeExecution(spec: CodePipelineSpec, region: string, version: number, execution: CodePipelineExecutionSpec): StoredExecution {
  if (!EXECUTION_ID.test(execution.id)) throw new Error(`${spec.name}: execution id ${execution.id} is not a lower-case UUID`);
  const pipelineVersion = execution.pipelineVersion ?? version;
  const startTime = toEpochSeconds(execution.startTime);
  const actions = (execution.actions ?? []).map((run): StoredActionRun => {
    const runStart = toEpochSeconds(run.startTime);
    return {
      actionExecutionId: fakeExecutionId(`${spec.name}/${execution.id}/${run.stage}/${run.action}`),
      pipelineExecutionId: execution.id,
      pipelineVersion,
      stage: run.stage,
      declared: { region, ...declaredAction(spec, run.stage, run.action) },
      status: run.status,
      startTime: runStart,
      lastUpdateTime: run.lastUpdateTime === undefined ? runStart : toEpochSeconds(run.lastUpdateTime),
      ...(run.summary !== undefined ? { summary: run.summary } : {}),
      ...(run.externalExecutionId !== undefined ? { externalExecutionId: run.externalExecutionId } : {}),
      ...(run.externalExecutionUrl !== undefined ? { externalExecutionUrl: run.externalExecutionUrl } : {}),
      ...(run.errorDetails ? { errorDetails: { ...run.errorDetails } } : {}),
      ...(run.outputVariables ? { outputVariables: { ...run.outputVariables } } : {}),
      ...(run.updatedBy !== undefined ? { updatedBy: run.updatedBy } : {}),
    };
  });
  const lastActionUpdate = Math.max(startTime, ...actions.map((run) => run.lastUpdateTime));
  return {
    pipelineExecutionId: execution.id,
    pipelineVersion,
    status: execution.status,
    ...(execution.statusSummary !== undefined ? { statusSummary: execution.statusSummary } : {}),
    startTime,
    lastUpdateTime: execution.lastUpdateTime === undefined ? lastActionUpdate : toEpochSeconds(execution.lastUpdateTime),
    ...(execution.trigger ? { trigger: { ...execution.trigger } } : {}),
    artifactRevisions: (execution.artifactRevisions ?? []).map((revision) => ({
      name: revision.name,
      revisionId: revision.revisionId,
      revisionChangeIdentifier: revision.revisionChangeIdentifier ?? revision.revisionId,
      ...(revision.revisionSummary !== undefined ? { revisionSummary: revision.revisionSummary } : {}),
      ...(revision.revisionUrl !== undefined ? { revisionUrl: revision.revisionUrl } : {}),
      created: revision.created === undefined ? startTime : toEpochSeconds(revision.created),
    })),
    actions,
  };
}

function storePipeline(spec: CodePipelineSpec): StoredPipeline {
  if (!PIPELINE_NAME.test(spec.name)) throw new Error(`${spec.name} is not a valid pipeline name`);
  const region = spec.region ?? 'us-east-1';
  const version = spec.version ?? 1;
  return {
    name: spec.name,
    region,
    account: spec.account ?? '123456789012',
    version,
    stages: spec.stages,
    executions: spec.executions.map((execution) => storeExecution(spec, region, version, execution)),
  };
}

/**
 * A fake set of CodePipeline pipelines: their structure, their executions with the source revisions they ran
 * and every action run, faults to inject and a log of every call. Serve it with
 * `startCodePipelineStandIn(world)` (or `codePipelineHandlers(world)`).
 *
 * @example
 * ```ts
 * const world = new CodePipelineWorld().addPipeline({
 *   name: 'my-pipeline',
 *   stages: [{ name: 'Source', actions: [{ name: 'Source', category: 'Source', provider: 'CodeCommit', outputArtifacts: ['SourceArtifact'] }] }],
 *   executions: [{
 *     id: fakeExecutionId('first run'), status: 'Succeeded', startTime: '2024-05-02T09:30:00Z',
 *     artifactRevisions: [{ name: 'SourceArtifact', revisionId: 'c0ffee…', revisionSummary: 'Fix the build' }],
 *     actions: [{ stage: 'Source', action: 'Source', status: 'Succeeded', startTime: '2024-05-02T09:30:01Z' }],
 *   }],
 * });
 * world.failNext('GetPipelineExecution', { type: 'ThrottlingException', times: 2 });
 * ```
 */
export class CodePipelineWorld {
  /** The pipelines by name. */
  readonly pipelines = new Map<string, StoredPipeline>();
  /** Every call answered (or refused), in order. */
  readonly log: CodePipelineCallRecord[] = [];
  /** The most items one list page holds, whatever `maxResults` asks. */
  readonly maxPageSize: number;
  readonly #faults: { operation: CodePipelineOperation; fault: Omit<CodePipelineFault, 'times' | 'after'> }[] = [];
  readonly #answersBeforeFaults = new Map<CodePipelineOperation, number>();

  constructor(options: { maxPageSize?: number } = {}) {
    this.maxPageSize = options.maxPageSize ?? 100;
  }

  /** Adds (or replaces) a pipeline. Throws when an action run names an action the stages do not declare. */
  addPipeline(spec: CodePipelineSpec): this {
    this.pipelines.set(spec.name, storePipeline(spec));
    return this;
  }

  /** Answers the next calls of `operation` with an AWS error instead. Faults queue up in order. */
  failNext(operation: CodePipelineOperation, fault: CodePipelineFault | string): this {
    const { times = 1, after = 0, ...rest } = typeof fault === 'string' ? { type: fault } : fault;
    if (after > 0) this.#answersBeforeFaults.set(operation, after);
    for (let i = 0; i < times; i++) this.#faults.push({ operation, fault: rest });
    return this;
  }

  /** The fault to answer this call of `operation` with, if one is due (consumes it). */
  takeFault(operation: CodePipelineOperation): Omit<CodePipelineFault, 'times' | 'after'> | undefined {
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
  callsOf(operation: CodePipelineOperation): CodePipelineCallRecord[] {
    return this.log.filter((call) => call.operation === operation);
  }
}

const validationError = (text: string) => new AwsStandInError('ValidationException', `1 validation error detected: ${text}`);

const patternError = (value: string, key: string, pattern: string) =>
  validationError(`Value '${value}' at '${key}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}`);

function stringInput(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function pipelineFor(world: CodePipelineWorld, input: Record<string, unknown>, key = 'pipelineName'): StoredPipeline {
  const name = stringInput(input, key);
  if (!name) throw validationError(`Value null at '${key}' failed to satisfy constraint: Member must not be null`);
  if (!PIPELINE_NAME.test(name)) throw patternError(name, key, '[A-Za-z0-9.@\\-_]+');
  const pipeline = world.pipelines.get(name);
  if (!pipeline) throw new AwsStandInError('PipelineNotFoundException', `Account does not have a pipeline with name '${name}'`);
  return pipeline;
}

function executionFor(pipeline: StoredPipeline, executionId: string | undefined, key: string): StoredExecution {
  if (!executionId) throw validationError(`Value null at '${key}' failed to satisfy constraint: Member must not be null`);
  if (!EXECUTION_ID.test(executionId)) throw patternError(executionId, key, '[0-9a-f-]{36}');
  const execution = pipeline.executions.find((candidate) => candidate.pipelineExecutionId === executionId);
  if (!execution) {
    throw new AwsStandInError('PipelineExecutionNotFoundException', `Pipeline execution ${executionId} does not exist in pipeline ${pipeline.name}`);
  }
  return execution;
}

/** The source action that wrote an artifact: the one declaring it as output, else the first source action. */
function sourceActionOf(pipeline: StoredPipeline, artifactName: string): string | undefined {
  const actions = pipeline.stages.flatMap((stage) => stage.actions);
  const sources = actions.filter((action) => action.category === 'Source');
  return (sources.find((action) => action.outputArtifacts?.includes(artifactName)) ?? sources[0])?.name;
}

function wireRevision(revision: StoredArtifactRevision) {
  return {
    name: revision.name,
    revisionId: revision.revisionId,
    revisionChangeIdentifier: revision.revisionChangeIdentifier,
    ...(revision.revisionSummary !== undefined ? { revisionSummary: revision.revisionSummary } : {}),
    created: revision.created,
    ...(revision.revisionUrl !== undefined ? { revisionUrl: revision.revisionUrl } : {}),
  };
}

function getPipelineExecution(world: CodePipelineWorld, input: Record<string, unknown>) {
  const pipeline = pipelineFor(world, input);
  const execution = executionFor(pipeline, stringInput(input, 'pipelineExecutionId'), 'pipelineExecutionId');
  return {
    pipelineExecution: {
      pipelineName: pipeline.name,
      pipelineVersion: execution.pipelineVersion,
      pipelineExecutionId: execution.pipelineExecutionId,
      status: execution.status,
      ...(execution.statusSummary !== undefined ? { statusSummary: execution.statusSummary } : {}),
      artifactRevisions: execution.artifactRevisions.map(wireRevision),
      ...(execution.trigger ? { trigger: { ...execution.trigger } } : {}),
      executionMode: 'SUPERSEDED',
      executionType: 'STANDARD',
    },
  };
}

/** Reads `maxResults`/`nextToken` as AWS checks them; tokens are opaque and bound to the listing they came from. */
function pageOf<T>(world: CodePipelineWorld, input: Record<string, unknown>, listing: string, items: T[]): { items: T[]; nextToken?: string } {
  const maxResults = input['maxResults'];
  if (maxResults !== undefined && (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100)) {
    throw validationError(`Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  const size = Math.min(typeof maxResults === 'number' ? maxResults : 100, world.maxPageSize);
  let offset = 0;
  const token = input['nextToken'];
  if (token !== undefined) {
    const [tokenListing, tokenOffset] = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8').split('\n') : [];
    offset = Number(tokenOffset);
    if (tokenListing !== listing || !Number.isInteger(offset) || offset <= 0 || offset >= items.length) {
      throw new AwsStandInError('InvalidNextTokenException', 'The next token was specified in an invalid format.');
    }
  }
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    ...(end < items.length ? { nextToken: Buffer.from(`${listing}\n${end}`).toString('base64url') } : {}),
  };
}

const newestFirst = <T extends { startTime: number }>(items: T[]): T[] =>
  items.map((item, index) => ({ item, index })).sort((a, b) => b.item.startTime - a.item.startTime || b.index - a.index).map(({ item }) => item);

function listPipelineExecutions(world: CodePipelineWorld, input: Record<string, unknown>) {
  const pipeline = pipelineFor(world, input);
  const page = pageOf(world, input, `executions:${pipeline.name}`, newestFirst(pipeline.executions));
  return {
    pipelineExecutionSummaries: page.items.map((execution) => ({
      pipelineExecutionId: execution.pipelineExecutionId,
      status: execution.status,
      ...(execution.statusSummary !== undefined ? { statusSummary: execution.statusSummary } : {}),
      startTime: execution.startTime,
      lastUpdateTime: execution.lastUpdateTime,
      sourceRevisions: execution.artifactRevisions.map((revision) => ({
        actionName: sourceActionOf(pipeline, revision.name) ?? revision.name,
        revisionId: revision.revisionId,
        ...(revision.revisionSummary !== undefined ? { revisionSummary: revision.revisionSummary } : {}),
        ...(revision.revisionUrl !== undefined ? { revisionUrl: revision.revisionUrl } : {}),
      })),
      ...(execution.trigger ? { trigger: { ...execution.trigger } } : {}),
      executionMode: 'SUPERSEDED',
      executionType: 'STANDARD',
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

function artifactLocation(pipeline: StoredPipeline, executionId: string, name: string) {
  const object = createHash('sha1').update(`${pipeline.name}/${executionId}/${name}`).digest('base64url').slice(0, 7);
  const key = `${pipeline.name.slice(0, 20)}/${name.slice(0, 10)}/${object}`;
  return { name, s3location: { bucket: `codepipeline-${pipeline.region}-${pipeline.account}`, key } };
}

function wireActionRun(pipeline: StoredPipeline, run: StoredActionRun) {
  const { declared } = run;
  const executionResult = {
    ...(run.externalExecutionId !== undefined ? { externalExecutionId: run.externalExecutionId } : {}),
    ...(run.summary !== undefined ? { externalExecutionSummary: run.summary } : {}),
    ...(run.externalExecutionUrl !== undefined ? { externalExecutionUrl: run.externalExecutionUrl } : {}),
    ...(run.errorDetails ? { errorDetails: { ...run.errorDetails } } : {}),
  };
  return {
    pipelineExecutionId: run.pipelineExecutionId,
    actionExecutionId: run.actionExecutionId,
    pipelineVersion: run.pipelineVersion,
    stageName: run.stage,
    actionName: declared.name,
    startTime: run.startTime,
    lastUpdateTime: run.lastUpdateTime,
    ...(run.updatedBy !== undefined ? { updatedBy: run.updatedBy } : {}),
    status: run.status,
    input: {
      actionTypeId: { category: declared.category, owner: declared.owner ?? 'AWS', provider: declared.provider, version: declared.version ?? '1' },
      configuration: { ...declared.configuration },
      resolvedConfiguration: { ...declared.configuration },
      roleArn: `arn:aws:iam::${pipeline.account}:role/service-role/AWSCodePipelineServiceRole-${pipeline.region}-${pipeline.name}`,
      region: declared.region ?? pipeline.region,
      inputArtifacts: (declared.inputArtifacts ?? []).map((name) => artifactLocation(pipeline, run.pipelineExecutionId, name)),
    },
    output: {
      outputArtifacts:
        run.status === 'Succeeded' ? (declared.outputArtifacts ?? []).map((name) => artifactLocation(pipeline, run.pipelineExecutionId, name)) : [],
      executionResult,
      outputVariables: { ...run.outputVariables },
    },
  };
}

function listActionExecutions(world: CodePipelineWorld, input: Record<string, unknown>) {
  const pipeline = pipelineFor(world, input);
  const filter = input['filter'];
  const filterExecutionId =
    typeof filter === 'object' && filter !== null ? stringInput(filter as Record<string, unknown>, 'pipelineExecutionId') : undefined;
  const executions =
    filterExecutionId === undefined ? pipeline.executions : [executionFor(pipeline, filterExecutionId, 'filter.pipelineExecutionId')];
  const runs = newestFirst(executions.flatMap((execution) => execution.actions));
  const page = pageOf(world, input, `actions:${pipeline.name}:${filterExecutionId ?? '*'}`, runs);
  return {
    actionExecutionDetails: page.items.map((run) => wireActionRun(pipeline, run)),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

function stageStatusOf(runs: StoredActionRun[]): string {
  if (runs.some((run) => run.status === 'Failed')) return 'Failed';
  if (runs.some((run) => run.status === 'InProgress')) return 'InProgress';
  if (runs.some((run) => run.status === 'Abandoned')) return 'Cancelled';
  return 'Succeeded';
}

const consoleOf = (region: string) => `https://${region}.console.aws.amazon.com`;

function entityUrlOf(pipeline: StoredPipeline, action: CodePipelineActionSpec): string | undefined {
  const region = action.region ?? pipeline.region;
  const host = consoleOf(region);
  const config = action.configuration ?? {};
  const repository = config['RepositoryName'];
  if (action.provider === 'CodeCommit' && repository) {
    return `${host}/codesuite/codecommit/repositories/${repository}/browse/refs/heads/${config['BranchName'] ?? 'main'}?region=${region}`;
  }
  const project = config['ProjectName'];
  if (action.provider === 'CodeBuild' && project) return `${host}/codebuild/home?region=${region}#/projects/${project}/view`;
  if (action.provider.startsWith('CodeDeploy') && config['ApplicationName']) {
    return `${host}/codedeploy/home?region=${region}#/applications/${config['ApplicationName']}`;
  }
  return undefined;
}

/** The revision a source action last fetched: the artifact its latest successful run wrote. */
function currentRevisionOf(pipeline: StoredPipeline, runs: StoredActionRun[]) {
  const latestSucceeded = runs.find((run) => run.status === 'Succeeded');
  if (!latestSucceeded) return undefined;
  const execution = pipeline.executions.find((candidate) => candidate.pipelineExecutionId === latestSucceeded.pipelineExecutionId);
  const outputs = latestSucceeded.declared.outputArtifacts ?? [];
  const revision = execution?.artifactRevisions.find((candidate) => outputs.includes(candidate.name)) ?? execution?.artifactRevisions[0];
  if (!revision) return undefined;
  return {
    currentRevision: { revisionId: revision.revisionId, revisionChangeId: revision.revisionChangeIdentifier, created: revision.created },
    ...(revision.revisionUrl !== undefined ? { revisionUrl: revision.revisionUrl } : {}),
  };
}

function getPipelineState(world: CodePipelineWorld, input: Record<string, unknown>) {
  const pipeline = pipelineFor(world, input, 'name');
  const allRuns = newestFirst(pipeline.executions.flatMap((execution) => execution.actions));
  const first = pipeline.executions[0]?.startTime ?? 0;
  return {
    pipelineName: pipeline.name,
    pipelineVersion: pipeline.version,
    stageStates: pipeline.stages.map((stage) => {
      const stageRuns = allRuns.filter((run) => run.stage === stage.name);
      const latestExecutionId = stageRuns[0]?.pipelineExecutionId;
      const latestRuns = stageRuns.filter((run) => run.pipelineExecutionId === latestExecutionId);
      return {
        stageName: stage.name,
        ...(stage === pipeline.stages[0] ? {} : { inboundTransitionState: { enabled: true } }),
        actionStates: stage.actions.map((action) => {
          const runs = stageRuns.filter((run) => run.declared.name === action.name);
          const latest = runs[0];
          const entityUrl = entityUrlOf(pipeline, action);
          return {
            actionName: action.name,
            ...(action.category === 'Source' ? currentRevisionOf(pipeline, runs) : {}),
            ...(latest
              ? {
                  latestExecution: {
                    actionExecutionId: latest.actionExecutionId,
                    status: latest.status,
                    ...(latest.summary !== undefined ? { summary: latest.summary } : {}),
                    lastStatusChange: latest.lastUpdateTime,
                    ...(latest.updatedBy !== undefined ? { lastUpdatedBy: latest.updatedBy } : {}),
                    ...(latest.externalExecutionId !== undefined ? { externalExecutionId: latest.externalExecutionId } : {}),
                    ...(latest.externalExecutionUrl !== undefined ? { externalExecutionUrl: latest.externalExecutionUrl } : {}),
                    ...(latest.errorDetails ? { errorDetails: { ...latest.errorDetails } } : {}),
                  },
                }
              : {}),
            ...(entityUrl ? { entityUrl } : {}),
          };
        }),
        ...(latestExecutionId
          ? { latestExecution: { pipelineExecutionId: latestExecutionId, status: stageStatusOf(latestRuns), type: 'STANDARD' } }
          : {}),
      };
    }),
    created: first - 86_400,
    updated: first - 86_400,
  };
}

const operations: Record<CodePipelineOperation, (world: CodePipelineWorld, input: Record<string, unknown>) => unknown> = {
  GetPipelineExecution: getPipelineExecution,
  GetPipelineState: getPipelineState,
  ListPipelineExecutions: listPipelineExecutions,
  ListActionExecutions: listActionExecutions,
};

/**
 * The `X-Amz-Target` of a CodePipeline operation.
 *
 * @example
 * ```ts
 * standIn.calls.filter((call) => call.target === codePipelineTarget('ListActionExecutions'));
 * ```
 */
export const codePipelineTarget = (operation: CodePipelineOperation): string => `CodePipeline_20150709.${operation}`;

/**
 * The stand-in handlers that serve a world in CodePipeline's wire shapes (timestamps as epoch seconds), for
 * `startAwsStandIn`. Region is not checked: a pipeline name is unique across the world.
 *
 * @example
 * ```ts
 * const standIn = await startAwsStandIn({ ...codePipelineHandlers(world), ...otherHandlers });
 * ```
 */
export function codePipelineHandlers(world: CodePipelineWorld): AwsOperationHandlers {
  const handlers: AwsOperationHandlers = {};
  for (const [operation, answer] of Object.entries(operations) as [CodePipelineOperation, (typeof operations)[CodePipelineOperation]][]) {
    handlers[codePipelineTarget(operation)] = (input) => {
      const record: CodePipelineCallRecord = { operation, input };
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
 * Starts a local AWS stand-in serving the world (plus any other handlers, e.g. `codeCommitHandlers`).
 *
 * @example
 * ```ts
 * const standIn = await startCodePipelineStandIn(demoCodePipelineWorld());
 * const client = new CodePipelineClient({ region: 'us-west-2', endpoint: standIn.url, credentials });
 * ```
 */
export function startCodePipelineStandIn(world: CodePipelineWorld, otherHandlers: AwsOperationHandlers = {}): Promise<AwsStandIn> {
  return startAwsStandIn({ ...otherHandlers, ...codePipelineHandlers(world) });
}

/**
 * The pipeline that deploys each demo deployment group, keyed `application/deployment-group` as the
 * `deploymentGroups` config maps them.
 *
 * @example
 * ```ts
 * const deploymentGroups = Object.fromEntries(
 *   Object.entries(demoDeploymentGroupPipelines).map(([group, pipeline]) => [group, { pipeline }]),
 * );
 * ```
 */
export const demoDeploymentGroupPipelines: Readonly<Record<string, string>> = {
  'myApplication/myDeploymentGroup': 'myPipeline',
  'temporary-status/temporary-status-deployment': 'temporary-status-pipeline',
};

const codeCommitCommitUrl = (region: string, repository: string, commitId: string) =>
  `${consoleOf(region)}/codesuite/codecommit/repositories/${repository}/commit/${commitId}?region=${region}`;

const codeBuildUrl = (region: string, buildId: string) => `${consoleOf(region)}/codebuild/home?region=${region}#/builds/${buildId}/view/new`;

const codeDeployUrl = (region: string, deploymentId: string) => `${consoleOf(region)}/codedeploy/home?region=${region}#/deployments/${deploymentId}`;

const sourceStage = (provider: string, configuration: Record<string, string>): CodePipelineStageSpec => ({
  name: 'Source',
  actions: [{ name: 'Source', category: 'Source', provider, outputArtifacts: ['SourceArtifact'], configuration }],
});

const buildStage = (name: string, projectName: string): CodePipelineStageSpec => ({
  name,
  actions: [
    {
      name,
      category: 'Build',
      provider: 'CodeBuild',
      inputArtifacts: ['SourceArtifact'],
      outputArtifacts: [`${name}Artifact`],
      configuration: { ProjectName: projectName },
    },
  ],
});

const deployStage = (provider: string, application: string, deploymentGroup: string): CodePipelineStageSpec => ({
  name: 'Deploy',
  actions: [
    {
      name: 'Deploy',
      category: 'Deploy',
      provider,
      inputArtifacts: ['BuildArtifact'],
      configuration: { ApplicationName: application, DeploymentGroupName: deploymentGroup },
    },
  ],
});

/** A CodeCommit commit as a demo execution carries it: its artifact revision and its source action run. */
interface DemoCommit {
  region: string;
  repository: string;
  commitId: string;
  message: string;
}

function codeCommitRevision(commit: DemoCommit): CodePipelineArtifactRevisionSpec {
  return {
    name: 'SourceArtifact',
    revisionId: commit.commitId,
    revisionSummary: commit.message,
    revisionUrl: codeCommitCommitUrl(commit.region, commit.repository, commit.commitId),
  };
}

function codeCommitSourceRun(commit: DemoCommit, startTime: string, lastUpdateTime: string): CodePipelineActionRunSpec {
  return {
    stage: 'Source',
    action: 'Source',
    status: 'Succeeded',
    startTime,
    lastUpdateTime,
    summary: commit.message.split('\n')[0] ?? '',
    externalExecutionId: commit.commitId,
    externalExecutionUrl: codeCommitCommitUrl(commit.region, commit.repository, commit.commitId),
  };
}

function buildRun(
  region: string,
  stage: string,
  buildId: string,
  times: [string, string?],
  status: CodePipelineActionStatus = 'Succeeded',
): CodePipelineActionRunSpec {
  const failed = 'Build terminated with state: FAILED';
  return {
    stage,
    action: stage,
    status,
    startTime: times[0],
    ...(times[1] ? { lastUpdateTime: times[1] } : {}),
    ...(status === 'Failed' ? { summary: failed, errorDetails: { code: 'JobFailed', message: failed } } : {}),
    externalExecutionId: buildId,
    externalExecutionUrl: codeBuildUrl(region, buildId),
  };
}

function deployRun(region: string, deploymentId: string, times: [string, string], failure?: string): CodePipelineActionRunSpec {
  return {
    stage: 'Deploy',
    action: 'Deploy',
    status: failure ? 'Failed' : 'Succeeded',
    startTime: times[0],
    lastUpdateTime: times[1],
    summary: `Deployment ${deploymentId} ${failure ? 'failed' : 'succeeded'}`,
    externalExecutionId: deploymentId,
    externalExecutionUrl: codeDeployUrl(region, deploymentId),
    ...(failure ? { errorDetails: { code: 'JobFailed', message: failure } } : {}),
  };
}

const CODEDEPLOY_FAILED =
  'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are ' +
  'available for deployment, or some instances in your deployment group are experiencing problems.';

/** `myPipeline` (us-west-2): CodeCommit `my-repo` → CodeBuild → CodeDeploy to `myApplication/myDeploymentGroup`. */
function myPipeline(): CodePipelineSpec {
  const region = 'us-west-2';
  const commit = (commitId: string, message: string): DemoCommit => ({ region, repository: 'my-repo', commitId, message });
  const healthCheck = commit(
    '2f1c7a9e4b3d8f6a0c5e1b7d9f3a6c8e2b4d0f1a',
    'Add a health check to the deployment\n\nThe ValidateService hook now waits for /healthz to answer 200 before\nthe instance takes traffic again.\n',
  );
  const license = commit(
    '8cf40f2d9b6e1a3c5f7e0b2d4a6c8e1f3b5d7a9c',
    'Added LICENSE.txt\n\nThe project is now published under the Apache License 2.0; the README\nlinks to it and package.json names it.\n',
  );
  return {
    name: 'myPipeline',
    region,
    version: 4,
    stages: [
      sourceStage('CodeCommit', { RepositoryName: 'my-repo', BranchName: 'main', PollForSourceChanges: 'false' }),
      buildStage('Build', 'my-build-project'),
      deployStage('CodeDeploy', 'myApplication', 'myDeploymentGroup'),
    ],
    executions: [
      {
        id: 'f4a5c3e2-8b1d-4e6f-9a7c-2d3b5e8f1a6c',
        status: 'Succeeded',
        startTime: '2020-01-24T22:03:07Z',
        trigger: { triggerType: 'CloudWatchEvent', triggerDetail: `arn:aws:events:${region}:123456789012:rule/codepipeline-myrepo-main-rule` },
        artifactRevisions: [codeCommitRevision(healthCheck)],
        actions: [
          codeCommitSourceRun(healthCheck, '2020-01-24T22:03:08Z', '2020-01-24T22:03:11Z'),
          buildRun(region, 'Build', 'my-build-project:0d9f3c47-5b2e-4a81-9c6d-7e2f1a8b3c45', ['2020-01-24T22:03:12Z', '2020-01-24T22:06:40Z']),
          deployRun(region, 'd-123456789', ['2020-01-24T22:06:41Z', '2020-01-24T22:09:52Z']),
        ],
      },
      {
        id: '12345678-1234-5678-abcd-12345678abcd',
        status: 'Failed',
        startTime: '2020-01-31T18:49:02Z',
        statusSummary: 'Deployment d-4KQ7RS2TB failed',
        trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:sts::123456789012:assumed-role/Admin/my-user' },
        artifactRevisions: [codeCommitRevision(license)],
        actions: [
          codeCommitSourceRun(license, '2020-01-31T18:49:03Z', '2020-01-31T18:49:06Z'),
          buildRun(region, 'Build', 'my-build-project:6b1e8d2a-3f47-4c90-b5a2-9d0c4e7f1a36', ['2020-01-31T18:49:07Z', '2020-01-31T18:52:31Z']),
          deployRun(region, 'd-4KQ7RS2TB', ['2020-01-31T18:52:32Z', '2020-01-31T18:55:43Z'], CODEDEPLOY_FAILED),
        ],
      },
    ],
  };
}

/** `meerkat` (ap-southeast-2): CodeCommit → CodeBuild; execution `94fb261b…` fails in Build. */
function meerkat(): CodePipelineSpec {
  const region = 'ap-southeast-2';
  const account = '000000000000';
  const commit = (commitId: string, message: string): DemoCommit => ({ region, repository: 'meerkat', commitId, message });
  const retries = commit('5d3a9c7e1f2b4d6a8c0e2f4b6d8a1c3e5f7b9d0a', 'Retry webhook posts on 429\n\nHonour Retry-After, give up after three attempts.\n');
  const lint = commit(
    'c4e8a2f6b0d3c7e1a5f9b3d7e0c4a8f2b6d1e5a9',
    'Lint the notification templates in CI\n\nRun eslint over src/templates before the unit tests so a broken\n' +
      'template fails the build instead of the first notification.\n\nThe rule set is the one the web app uses.\n',
  );
  const trigger = { triggerType: 'CloudWatchEvent', triggerDetail: `arn:aws:events:${region}:${account}:rule/codepipeline-meerkat-main-rule` };
  return {
    name: 'meerkat',
    region,
    account,
    version: 16,
    stages: [
      sourceStage('CodeCommit', { RepositoryName: 'meerkat', BranchName: 'main', PollForSourceChanges: 'false' }),
      buildStage('Build', 'meerkat-build'),
    ],
    executions: [
      {
        id: '3a7f9c2e-6b1d-4f08-8e3a-c5d7b9f1a2e4',
        status: 'Succeeded',
        startTime: '2022-03-30T08:41:10Z',
        trigger,
        artifactRevisions: [codeCommitRevision(retries)],
        actions: [
          codeCommitSourceRun(retries, '2022-03-30T08:41:11Z', '2022-03-30T08:41:14Z'),
          buildRun(region, 'Build', 'meerkat-build:1f4b7d0a-2c5e-4a83-9b6d-e8f1a4c7d0b3', ['2022-03-30T08:41:15Z', '2022-03-30T08:45:02Z']),
        ],
      },
      {
        id: '94fb261b-65d0-41ba-bea3-b08420e9b5e7',
        status: 'Failed',
        startTime: '2022-03-30T09:03:38Z',
        statusSummary: 'Build terminated with state: FAILED',
        trigger,
        artifactRevisions: [codeCommitRevision(lint)],
        actions: [
          codeCommitSourceRun(lint, '2022-03-30T09:03:39Z', '2022-03-30T09:03:42Z'),
          buildRun(region, 'Build', 'meerkat-build:8e2c5a1f-3b7d-4e90-a6c2-5f1d9b3e7a04', ['2022-03-30T09:03:43Z', '2022-03-30T09:07:15Z'], 'Failed'),
        ],
      },
    ],
  };
}

/** `example-pipe-monitor-codepipeline` (ap-southeast-2): a GitHub repository through a CodeStar connection. */
function examplePipeMonitor(): CodePipelineSpec {
  const region = 'ap-southeast-2';
  const account = '111111111111';
  const connection = `arn:aws:codestar-connections:${region}:${account}:connection/11c9e`;
  const commitId = 'f7ec85262da48e2b15d03037b138963c5a89d39f';
  const repository = 'quicken/aws-code-pipeline-monitor';
  const url =
    `${consoleOf(region)}/codesuite/settings/connections/redirect?connectionArn=${connection}` +
    `&referenceType=COMMIT&FullRepositoryId=${repository}&Commit=${commitId}`;
  const summary = JSON.stringify({
    ProviderType: 'GitHub',
    CommitMessage: 'The example pipeline now also creates the notification rules expected by\nthe pipeline monitor.',
  });
  return {
    name: 'example-pipe-monitor-codepipeline',
    region,
    account,
    version: 16,
    stages: [
      sourceStage('CodeStarSourceConnection', { ConnectionArn: connection, FullRepositoryId: repository, BranchName: 'main', OutputArtifactFormat: 'CODE_ZIP' }),
      buildStage('Build', 'example-pipe-monitor'),
    ],
    executions: [
      {
        id: 'a6bf7e98-2fd2-4977-aed8-c4abd047a8c0',
        status: 'Succeeded',
        startTime: '2021-09-25T07:57:12Z',
        trigger: { triggerType: 'Webhook', triggerDetail: connection },
        artifactRevisions: [{ name: 'SourceArtifact', revisionId: commitId, revisionSummary: summary, revisionUrl: url }],
        actions: [
          {
            stage: 'Source',
            action: 'Source',
            status: 'Succeeded',
            startTime: '2021-09-25T07:57:13Z',
            lastUpdateTime: '2021-09-25T07:57:18Z',
            summary,
            externalExecutionId: commitId,
            externalExecutionUrl: url,
          },
          buildRun(region, 'Build', 'example-pipe-monitor:4c8a2e6f-0b3d-4f71-a9c5-2e6b0d4f8a13', ['2021-09-25T07:57:19Z', '2021-09-25T08:01:47Z']),
        ],
      },
    ],
  };
}

/** `vrathore-slack-test2-sandbox-pipeline` (us-east-1): started by hand, still planning. */
function sandboxPipeline(): CodePipelineSpec {
  const region = 'us-east-1';
  const slack: DemoCommit = {
    region,
    repository: 'airflow-infra',
    commitId: '6e0b4d8f2a7c1e5b9d3f7a0c4e8b2d6f1a5c9e3b',
    message: 'Send pipeline notifications to Slack\n\nAdd the notification rule and the SNS topic it publishes to.\nOnly the sandbox account subscribes for now.\n',
  };
  return {
    name: 'vrathore-slack-test2-sandbox-pipeline',
    region,
    account: '429533234373',
    stages: [
      sourceStage('CodeCommit', { RepositoryName: 'airflow-infra', BranchName: 'sandbox', PollForSourceChanges: 'false' }),
      buildStage('Plan', 'airflow-infra-plan'),
    ],
    executions: [
      {
        id: 'b7c9a84b-aebf-4f02-9a6a-336282893747',
        status: 'InProgress',
        startTime: '2022-08-23T11:07:17Z',
        trigger: {
          triggerType: 'StartPipelineExecution',
          triggerDetail: 'arn:aws:sts::429533234373:assumed-role/RE-Sandbox_only_dev_JTG/vrathore@homestoryrewards.com',
        },
        artifactRevisions: [codeCommitRevision(slack)],
        actions: [
          codeCommitSourceRun(slack, '2022-08-23T11:07:18Z', '2022-08-23T11:07:21Z'),
          buildRun(region, 'Plan', 'airflow-infra-plan:9a3e7c1b-5d2f-4b86-8e0a-4c6f2b8d0e57', ['2022-08-23T11:07:22Z'], 'InProgress'),
        ],
      },
    ],
  };
}

/** `temporary-status-pipeline` (eu-west-2): CodeCommit → CodeBuild → ECS blue/green through CodeDeploy. */
function temporaryStatusPipeline(): CodePipelineSpec {
  const region = 'eu-west-2';
  const account = '677183322136';
  const commit = (commitId: string, message: string): DemoCommit => ({ region, repository: 'temporary-status', commitId, message });
  const ecs = commit(
    '0b7e3a9d5f1c8e2a6d4b0f7c3e9a5d1b8f2c6e0a',
    'Serve the status page from ECS\n\nThe page moves off the EC2 instance into a Fargate service behind the\nexisting load balancer.\n',
  );
  const banner = commit(
    '9d2f6b0e4a8c3f7d1b5e9a2c6f0d4b8e3a7c1f5d',
    'Show a maintenance banner during incidents\n\nThe banner text comes from the BANNER_TEXT parameter so on-call can set\nit without a deployment.\n',
  );
  const trigger = { triggerType: 'CloudWatchEvent', triggerDetail: `arn:aws:events:${region}:${account}:rule/codepipeline-temporary-status-main` };
  return {
    name: 'temporary-status-pipeline',
    region,
    account,
    version: 3,
    stages: [
      sourceStage('CodeCommit', { RepositoryName: 'temporary-status', BranchName: 'main', PollForSourceChanges: 'false' }),
      buildStage('Build', 'temporary-status'),
      deployStage('CodeDeployToECS', 'temporary-status', 'temporary-status-deployment'),
    ],
    executions: [
      {
        id: '5c1e9a3f-7d2b-4e86-a0c4-8f6b2d0e4a17',
        status: 'Succeeded',
        startTime: '2022-10-13T15:44:02Z',
        trigger,
        artifactRevisions: [codeCommitRevision(ecs)],
        actions: [
          codeCommitSourceRun(ecs, '2022-10-13T15:44:03Z', '2022-10-13T15:44:06Z'),
          buildRun(region, 'Build', 'temporary-status:2e6a0c4f-8b1d-4a75-9e3c-7b1f5d9a3c60', ['2022-10-13T15:44:07Z', '2022-10-13T15:50:31Z']),
          deployRun(region, 'd-8QNZ2LF4C', ['2022-10-13T15:50:32Z', '2022-10-13T15:59:37Z']),
        ],
      },
      {
        id: 'e3b8d1f5-2a6c-4f90-b7e2-1d5a9c3f7b06',
        status: 'Failed',
        startTime: '2022-10-14T08:31:55Z',
        statusSummary: 'Deployment d-MainDeployment failed',
        trigger,
        artifactRevisions: [codeCommitRevision(banner)],
        actions: [
          codeCommitSourceRun(banner, '2022-10-14T08:31:56Z', '2022-10-14T08:31:59Z'),
          buildRun(region, 'Build', 'temporary-status:7f3b9d5a-1c8e-4b62-a0d4-6e2a8c4f0b91', ['2022-10-14T08:32:00Z', '2022-10-14T08:38:35Z']),
          deployRun(region, 'd-MainDeployment', ['2022-10-14T08:38:36Z', '2022-10-14T08:46:18Z'], 'CodeDeploy detected that the replacement task set is unhealthy.'),
        ],
      },
    ],
  };
}

/**
 * The demo's CodePipeline: the pipelines, executions, stages and actions that the bundled CodePipeline,
 * notification-rule and CodeDeploy samples name, so every sample can be enriched.
 *
 * - `myPipeline` (us-west-2): execution `12345678-1234-5678-abcd-12345678abcd` ran `my-repo` commit `8cf40f2d…`
 *   ("Added LICENSE.txt") and failed in stage `Deploy`, action `Deploy` (CodeDeploy `d-4KQ7RS2TB`, `JobFailed`);
 *   the execution before it deployed `d-123456789` to `myApplication/myDeploymentGroup`.
 * - `meerkat` (ap-southeast-2): execution `94fb261b-…` failed in stage `Build`, action `Build` (CodeBuild build
 *   `meerkat-build:8e2c5a1f-…`, "Build terminated with state: FAILED").
 * - `example-pipe-monitor-codepipeline` (ap-southeast-2): execution `a6bf7e98-…` ran GitHub commit `f7ec8526…`
 *   through a CodeStar connection; its revision summary is the JSON-string form.
 * - `vrathore-slack-test2-sandbox-pipeline` (us-east-1): execution `b7c9a84b-…`, started by hand, still running.
 * - `temporary-status-pipeline` (eu-west-2): its latest execution deployed `d-MainDeployment` (failed) to
 *   `temporary-status/temporary-status-deployment` on ECS; the rollback `d-RollbackDeploy` was not run by the
 *   pipeline, so for it only the pipeline's current revision is known.
 *
 * `demoDeploymentGroupPipelines` maps the deployment groups to these pipelines.
 *
 * @example
 * ```ts
 * const standIn = await startCodePipelineStandIn(demoCodePipelineWorld());
 * process.env['AWS_ENDPOINT_URL'] = standIn.url;
 * ```
 */
export function demoCodePipelineWorld(options: { maxPageSize?: number } = {}): CodePipelineWorld {
  return new CodePipelineWorld(options)
    .addPipeline(myPipeline())
    .addPipeline(meerkat())
    .addPipeline(examplePipeMonitor())
    .addPipeline(sandboxPipeline())
    .addPipeline(temporaryStatusPipeline());
}
