import { isRecord, quote } from './shared/values.ts';

const MAX_KEYS_LISTED = 5;

/**
 * Why an object is not an event Herald reads yet, naming the AWS events it recognises by shape
 * (they have no `detail-type` to name them by), e.g. `unsupported event: CodeDeploy trigger …`.
 */
export function unsupportedEventReason(value: Record<string, unknown>): string {
  if (typeof value['deploymentId'] === 'string' && ('eventTriggerName' in value || 'applicationName' in value)) {
    return `unsupported event: CodeDeploy trigger for deployment ${quote(value['deploymentId'], 40)}`;
  }
  const approval = value['approval'];
  if (isRecord(approval) && typeof approval['pipelineName'] === 'string') {
    return `unsupported event: CodePipeline manual approval for pipeline ${quote(approval['pipelineName'], 60)}`;
  }
  return `unsupported event: not an SNS, EventBridge or CodeCommit trigger shape (${describeKeys(value)})`;
}

/** An EventBridge event of a kind Herald does not read yet. */
export function unsupportedDetailTypeReason(detailType: string): string {
  return `unsupported event: detail-type ${quote(detailType)}`;
}

function describeKeys(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'empty object';
  const listed = keys.slice(0, MAX_KEYS_LISTED).map((key) => quote(key, 24));
  return `keys ${listed.join(', ')}${keys.length > MAX_KEYS_LISTED ? ', …' : ''}`;
}
