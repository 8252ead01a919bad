import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { DeploymentEnrichment, DeploymentEvent, PipelineEnrichment, PipelineExecutionEvent } from '@herald/model';
import { codePipelineClientFor } from './codepipeline-clients.ts';
import { describeFailure } from './describe-failure.ts';
import { enrichDeployment, type DeploymentLink } from './enrich-deployment.ts';
import { enrichExecution } from './enrich-execution.ts';

export interface CodePipelineEnricherOptions {
  /** The client to use for a region. Default: one shared client per region with the standard SDK configuration. */
  clientFor?: (region: string) => CodePipelineClient;
  /** How many lines of a commit message body a revision keeps before "…". Default 10; 0 keeps no body. */
  bodyMaxLines?: number;
}

export interface CodePipelineEnricher {
  /** Adds the execution's own source revisions and trigger and, for a failure, the failing action. Never rejects. */
  enrichExecution(event: PipelineExecutionEvent): Promise<PipelineEnrichment>;
  /** Adds the revision a deployment deployed, through the pipeline that deploys its group. Never rejects. */
  enrichDeployment(event: DeploymentEvent, link: DeploymentLink): Promise<DeploymentEnrichment>;
}

/** One execution rarely has more than a page of action executions; a few pages allow for retried stages. */
const MAX_FAILURE_PAGES = 5;
/** A pipeline's whole action history, newest first: the deploying action of a fresh deployment is near the top. */
const MAX_DEPLOYMENT_PAGES = 3;

const countOption = (value: number | undefined, fallback: number): number =>
  value === undefined || Number.isNaN(value) ? fallback : Math.max(0, Math.floor(value));

/**
 * Creates the CodePipeline enricher, which uses the CodePipeline client of the event's own region:
 *
 * - `enrichExecution`: the source revisions of the event's exact execution (`GetPipelineExecution`, never
 *   the pipeline's current state) with connection summaries decoded, how the execution was started, and for
 *   a failed event the failing stage, action, error and links (the event's own data completed with
 *   `ListActionExecutions`). The two lookups run in parallel.
 * - `enrichDeployment`: the revision a CodeDeploy deployment deployed, found through the pipeline mapped to
 *   its deployment group; `isCurrent: true` when only the pipeline's current revision could be known.
 *
 * Best effort: whatever AWS refuses is named in `missing` (a few words and the AWS error name only), and
 * neither method rejects.
 *
 * @example
 * ```ts
 * const enricher = createCodePipelineEnricher();
 * const { revisions, failure, missing } = await enricher.enrichExecution(pipelineEvent);
 * const { revision } = await enricher.enrichDeployment(deploymentEvent, { pipeline: 'myPipeline' });
 * ```
 */
export function createCodePipelineEnricher(options: CodePipelineEnricherOptions = {}): CodePipelineEnricher {
  const clientFor = options.clientFor ?? codePipelineClientFor;
  const bodyMaxLines = countOption(options.bodyMaxLines, 10);
  const clientOnce = (region: string) => {
    let client: CodePipelineClient | undefined;
    return () => (client ??= clientFor(region));
  };
  return {
    async enrichExecution(event) {
      try {
        return await enrichExecution(event, clientOnce(event.region), { bodyMaxLines, maxFailurePages: MAX_FAILURE_PAGES });
      } catch (error) {
        return { kind: 'codepipeline.execution', revisions: [], missing: [`details: ${describeFailure(error).text}`] };
      }
    },
    async enrichDeployment(event, link) {
      try {
        return await enrichDeployment(event, link ?? {}, clientOnce(event.region), { bodyMaxLines, maxDeploymentPages: MAX_DEPLOYMENT_PAGES });
      } catch (error) {
        return { kind: 'codedeploy.deployment', missing: [`source revision: ${describeFailure(error).text}`] };
      }
    },
  };
}
