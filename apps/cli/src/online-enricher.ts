import { createCodeCommitEnricher } from '@herald/enricher-codecommit';
import { createCodePipelineEnricher } from '@herald/enricher-codepipeline';
import type { HeraldConfig } from '@herald/notify';
import type { EventEnricher } from '@herald/pipeline';

/** Every enricher, for any event the CLI is given: the same lookups the Lambdas make. */
export function createOnlineEnricher(config: HeraldConfig): EventEnricher {
  const codeCommit = createCodeCommitEnricher({
    maxFilesListed: config.limits.filesListed,
    maxLogCommits: config.limits.commitsListed,
  });
  const codePipeline = createCodePipelineEnricher();
  return async (event) => {
    switch (event.kind) {
      case 'codecommit.push':
        return codeCommit.enrichPush(event);
      case 'codepipeline.execution':
        return codePipeline.enrichExecution(event);
      case 'codedeploy.deployment': {
        const group = event.deploymentGroup ? config.deploymentGroups[`${event.application}/${event.deploymentGroup}`] : undefined;
        return codePipeline.enrichDeployment(event, group?.pipeline ? { pipeline: group.pipeline } : {});
      }
      default:
        return undefined;
    }
  };
}
