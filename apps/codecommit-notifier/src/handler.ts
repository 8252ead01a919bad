import { createCodeCommitEnricher } from '@herald/enricher-codecommit';
import { createNotifierHandler, type EventEnricher } from '@herald/pipeline';
import type { HeraldConfig } from '@herald/notify';

function createEnricher(config: HeraldConfig): EventEnricher {
  const codeCommit = createCodeCommitEnricher({
    maxFilesListed: config.limits.filesListed,
    maxLogCommits: config.limits.commitsListed,
  });
  return async (event) => (event.kind === 'codecommit.push' ? codeCommit.enrichPush(event) : undefined);
}

/** CodeCommit triggers (via SNS or direct) and repository state-change events → Slack and Discord. */
export const handler = createNotifierHandler({ name: 'codecommit-notifier', createEnricher });
