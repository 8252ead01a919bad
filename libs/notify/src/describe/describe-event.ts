import type { DevEvent, Enrichment, Notification } from '@herald/model';
import type { HeraldConfig } from '../config/herald-config.ts';
import { describeApproval } from './describe-approval.ts';
import { describeBuild } from './describe-build.ts';
import { describeComment } from './describe-comment.ts';
import { describeDeployment } from './describe-deployment.ts';
import { describeDeploymentInstance } from './describe-deployment-instance.ts';
import { describePipelineExecution } from './describe-pipeline-execution.ts';
import { describePullRequest } from './describe-pull-request.ts';
import { describePush } from './describe-push.ts';

/**
 * The chat-neutral notification for any DevEvent, with whatever enrichment could be fetched; an
 * enrichment of another kind than the event's is ignored.
 *
 * @example
 * const notification = describeEvent(event, await enrich(event), config);
 */
export function describeEvent(event: DevEvent, enrichment: Enrichment | undefined, config: HeraldConfig): Notification {
  switch (event.kind) {
    case 'codecommit.push':
      return describePush(event, enrichment?.kind === 'codecommit.push' ? enrichment : undefined, config);
    case 'codedeploy.deployment':
      return describeDeployment(event, enrichment?.kind === 'codedeploy.deployment' ? enrichment : undefined, config);
    case 'codedeploy.instance':
      return describeDeploymentInstance(event, config);
    case 'codepipeline.execution':
      return describePipelineExecution(event, enrichment?.kind === 'codepipeline.execution' ? enrichment : undefined);
    case 'codepipeline.approval':
      return describeApproval(event);
    case 'codebuild.build':
      return describeBuild(event);
    case 'codecommit.pull-request':
      return describePullRequest(event);
    case 'codecommit.comment':
      return describeComment(event);
  }
}
