import { quote } from './shared/values.ts';

const MAX_KEYS_LISTED = 5;

/** Why an object matches none of the shapes Herald reads, naming the keys it has. */
export function unsupportedEventReason(value: Record<string, unknown>): string {
  return `unsupported event: matches no SNS, SQS, EventBridge, trigger or manual-approval shape (${describeKeys(value)})`;
}

/** An EventBridge event of a kind Herald does not read. */
export function unsupportedDetailTypeReason(detailType: string): string {
  return `unsupported event: detail-type ${quote(detailType)}`;
}

function describeKeys(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'empty object';
  const listed = keys.slice(0, MAX_KEYS_LISTED).map((key) => quote(key, 24));
  return `keys ${listed.join(', ')}${keys.length > MAX_KEYS_LISTED ? ', …' : ''}`;
}
