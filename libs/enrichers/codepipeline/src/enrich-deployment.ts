import type { ActionExecutionDetail, CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { DeploymentEnrichment, DeploymentEvent, SourceRevision } from '@herald/model';
import { describeFailure, WORTH_ANOTHER_OPERATION } from './describe-failure.ts';
import { fetchCurrentRevision } from './fetch-current-revision.ts';
import { fetchExecution } from './fetch-execution.ts';
import { findActionExecution } from './find-action-execution.ts';

/** Which pipeline deploys a deployment group (from config). */
export interface DeploymentLink {
  pipeline?: string;
}

export interface DeploymentLimits {
  bodyMaxLines: number;
  /** Pages of the pipeline's action history read when looking for the deploying action. */
  maxDeploymentPages: number;
}

/** The revision the deploy action consumed when it can be told (its input artifact), else the first. */
function deployedRevision(revisions: SourceRevision[], action: ActionExecutionDetail): SourceRevision | undefined {
  const inputs = new Set((action.input?.inputArtifacts ?? []).map((artifact) => artifact.name));
  return revisions.find((revision) => revision.action !== undefined && inputs.has(revision.action)) ?? revisions[0];
}

/**
 * Finds the revision a CodeDeploy deployment deployed, through the pipeline that deploys its group: the
 * execution whose deploy action ran this deployment (`ListActionExecutions`, newest first, a few pages),
 * then that execution's revisions (`GetPipelineExecution`). Only when no such action is found (or the
 * history cannot be read) does it fall back to the pipeline's current revision (`GetPipelineState`,
 * `isCurrent: true`). No pipeline: no calls.
 *
 * @example
 * ```ts
 * const enrichment = await enrichDeployment(event, { pipeline: 'myPipeline' }, () => client, { bodyMaxLines: 10, maxDeploymentPages: 3 });
 * enrichment.revision?.executionId; // 'f4a5c3e2-…'
 * ```
 */
export async function enrichDeployment(
  event: DeploymentEvent,
  link: DeploymentLink,
  client: () => CodePipelineClient,
  limits: DeploymentLimits,
): Promise<DeploymentEnrichment> {
  const kind = 'codedeploy.deployment';
  const pipeline = link.pipeline?.trim();
  const deploymentId = event.deploymentId?.trim();
  if (!pipeline || !deploymentId) return { kind, missing: [] };

  let searchFailure: unknown;
  try {
    const action = await findActionExecution(client(), {
      pipelineName: pipeline,
      maxPages: limits.maxDeploymentPages,
      matches: (detail) => detail.output?.executionResult?.externalExecutionId === deploymentId,
    });
    const executionId = action?.pipelineExecutionId;
    if (action && executionId) {
      const found = { pipeline, executionId, isCurrent: false };
      try {
        const { revisions } = await fetchExecution(client(), pipeline, executionId, limits.bodyMaxLines);
        return { kind, revision: { ...deployedRevision(revisions, action), ...found }, missing: [] };
      } catch (error) {
        return { kind, revision: found, missing: [`source revision: ${describeFailure(error).text}`] };
      }
    }
  } catch (error) {
    searchFailure = error;
    const failure = describeFailure(error);
    if (!WORTH_ANOTHER_OPERATION.has(failure.kind)) return { kind, missing: [`source revision: ${failure.text}`] };
  }

  try {
    const current = await fetchCurrentRevision(client(), pipeline, limits.bodyMaxLines);
    return {
      kind,
      ...(current ? { revision: { ...current, pipeline, isCurrent: true } } : {}),
      missing: searchFailure === undefined ? [] : [`deploying pipeline execution: ${describeFailure(searchFailure).text}`],
    };
  } catch (error) {
    return { kind, missing: [`source revision: ${describeFailure(error).text}`] };
  }
}
