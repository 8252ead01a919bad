import { createCodePipelineEnricher } from '@herald/enricher-codepipeline';
import { createNotifierHandler, type EventEnricher } from '@herald/pipeline';

function createEnricher(): EventEnricher {
  const codePipeline = createCodePipelineEnricher();
  return async (event) => (event.kind === 'codepipeline.execution' ? codePipeline.enrichExecution(event) : undefined);
}

/**
 * CodePipeline runs (pipeline, stage, action), manual approvals, CodeBuild builds and CodeCommit pull
 * requests and comments → chat. One function for every event that needs at most the CodePipeline API.
 */
export const handler = createNotifierHandler({ name: 'codepipeline-notifier', createEnricher });
