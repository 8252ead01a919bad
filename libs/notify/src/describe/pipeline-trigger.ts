import { nameFromArn } from './wording.ts';

/** What started a pipeline execution, as the event's `execution-trigger` or `GetPipelineExecution` says. */
export interface PipelineTrigger {
  type?: string;
  detail?: string;
}

const who = (detail: string | undefined) => (detail ? nameFromArn(detail) : undefined);

/**
 * What started a pipeline run, readable: who started it by hand, or which kind of source change.
 *
 * @example
 * triggerText({ type: 'StartPipelineExecution', detail: 'arn:aws:sts::1:assumed-role/Admin/my-user' });
 * // 'my-user (Admin), started manually'
 * triggerText({ type: 'Webhook', detail: 'arn:aws:codestar-connections:…' }); // 'A source change (webhook)'
 */
export function triggerText(trigger: PipelineTrigger | undefined): string | undefined {
  if (!trigger?.type && !trigger?.detail) return undefined;
  const person = who(trigger.detail);
  switch (trigger.type) {
    case 'StartPipelineExecution':
      return person ? `${person}, started manually` : 'Started manually';
    case 'Webhook':
    case 'WebhookV2':
      return 'A source change (webhook)';
    case 'CloudWatchEvent':
      return person ? `A source change (EventBridge rule ${person})` : 'A source change (EventBridge rule)';
    case 'PollForSourceChanges':
      return 'A source change (polling)';
    case 'PutActionRevision':
      return 'A new source revision';
    case 'CreatePipeline':
      return 'The pipeline being created or updated';
    case 'ManualRollback':
      return person ? `${person}, manual rollback` : 'A manual rollback';
    case 'AutomatedRollback':
      return 'An automatic rollback';
    default: {
      const kind = trigger.type ?? 'Unknown trigger';
      return person ? `${kind} (${person})` : kind;
    }
  }
}
