/** Thrown when a service answers without the part of the response that was asked for. */
export class IncompleteAnswerError extends Error {
  override readonly name = 'IncompleteAnswerError';
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

const CREDENTIALS_REJECTED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What kind of failure it was, for deciding whether another operation is worth trying. */
export type FailureKind = 'access-denied' | 'throttled' | 'not-found' | 'invalid' | 'credentials' | 'network' | 'service' | 'unexpected';

export interface Failure {
  kind: FailureKind;
  /** Short human text for `missing`, e.g. `access denied (AccessDeniedException)`. */
  text: string;
}

/** What a service's own error names mean, e.g. `PipelineNotFoundException` → pipeline not found. */
export type ServiceFailureWords = (name: string) => { kind: FailureKind; words: string } | undefined;

/** An identifier is safe to show; anything else (free text, a message that could echo a request) is not. */
const identifier = (value: unknown): string | undefined =>
  typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_.:-]{0,79}$/.test(value) ? value : undefined;

const field = (error: unknown, key: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

/**
 * Classifies an error thrown by an AWS SDK call and describes it in a few words plus the AWS error name,
 * with the service's own names first. Only error names and codes are ever shown: AWS messages can echo
 * request details.
 *
 * @example
 * ```ts
 * describeFailure(error).text; // 'throttled (ThrottlingException)'
 * ```
 */
export function describeFailure(error: unknown, serviceWords?: ServiceFailureWords): Failure {
  const name = identifier(field(error, 'name'));
  const code = identifier(field(error, 'code')) ?? identifier(field(error, 'errno'));
  const httpStatus = field(field(error, '$metadata'), 'httpStatusCode');
  const status = typeof httpStatus === 'number' ? httpStatus : undefined;
  const answered = status !== undefined;
  const label = name && name !== 'Error' ? name : code;
  const says = (kind: FailureKind, words: string): Failure => ({ kind, text: label ? `${words} (${label})` : words });

  if (!answered && code && NETWORK_CODES.has(code)) return { kind: 'network', text: `network error (${code})` };
  if (!answered && (name === 'TimeoutError' || name === 'AbortError' || name === 'RequestTimeout')) return says('network', 'timed out');
  if (name === 'CredentialsProviderError') return says('credentials', 'no AWS credentials');
  if (name && CREDENTIALS_REJECTED.has(name)) return says('credentials', 'credentials rejected');
  if ((name && /AccessDenied|Unauthorized|Forbidden/.test(name)) || status === 403) return says('access-denied', 'access denied');
  if ((name && THROTTLING.has(name)) || status === 429) return says('throttled', 'throttled');
  const specific = name ? serviceWords?.(name) : undefined;
  if (specific) return says(specific.kind, specific.words);
  if (name && /NotFound|DoesNotExist/.test(name)) return says('not-found', 'not found');
  if (name && /^Invalid|Validation|Required/.test(name)) return says('invalid', 'rejected as invalid');
  if (name === 'IncompleteAnswerError') return says('service', 'incomplete answer');
  if (status !== undefined) return says('service', status >= 500 ? 'service error' : 'refused');
  if (code) return { kind: 'network', text: `network error (${code})` };
  return says('unexpected', 'unexpected error');
}

/** The failures after which another operation may still succeed where the first did not. */
export const WORTH_ANOTHER_OPERATION: ReadonlySet<FailureKind> = new Set<FailureKind>(['access-denied', 'throttled', 'service']);
