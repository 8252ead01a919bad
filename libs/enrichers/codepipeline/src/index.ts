export { createCodePipelineEnricher } from './create-codepipeline-enricher.ts';
export type { CodePipelineEnricher, CodePipelineEnricherOptions } from './create-codepipeline-enricher.ts';
export type { DeploymentLink } from './enrich-deployment.ts';
