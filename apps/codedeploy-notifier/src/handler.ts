import { createCodePipelineEnricher } from '@herald/enricher-codepipeline';
import type { HeraldConfig } from '@herald/notify';
import { createNotifierHandler, type EventEnricher } from '@herald/pipeline';

function createEnricher(config: HeraldConfig): EventEnricher {
  const codePipeline = createCodePipelineEnricher();
  return async (event) => {
    if (event.kind !== 'codedeploy.deployment') return undefined;
    // The revision is found through the pipeline that deploys this group (config), when one is mapped.
    const group = event.deploymentGroup ? config.deploymentGroups[`${event.application}/${event.deploymentGroup}`] : undefined;
    return codePipeline.enrichDeployment(event, group?.pipeline ? { pipeline: group.pipeline } : {});
  };
}

/** CodeDeploy deployment and instance state changes (SNS triggers or EventBridge) → chat. */
export const handler = createNotifierHandler({ name: 'codedeploy-notifier', createEnricher });
