export { createCodeCommitEnricher } from './enrich-push.ts';
export type { CodeCommitEnricher, CodeCommitEnricherOptions } from './enrich-push.ts';
