import { describe, expect, it } from 'vitest';
import { describeFailure, IncompleteAnswerError } from '../../src/index.ts';

const awsError = (name: string, httpStatusCode?: number, message = 'AKIDEXAMPLE secret in message') =>
  Object.assign(new Error(message), { name, $metadata: httpStatusCode === undefined ? {} : { httpStatusCode } });

describe('describeFailure', () => {
  it.each([
    [awsError('AccessDeniedException', 400), 'access-denied', 'access denied (AccessDeniedException)'],
    [awsError('ThrottlingException', 400), 'throttled', 'throttled (ThrottlingException)'],
    [awsError('SomethingNotFoundException', 400), 'not-found', 'not found (SomethingNotFoundException)'],
    [awsError('ValidationException', 400), 'invalid', 'rejected as invalid (ValidationException)'],
    [awsError('InternalFailure', 500), 'service', 'service error (InternalFailure)'],
    [awsError('CredentialsProviderError'), 'credentials', 'no AWS credentials (CredentialsProviderError)'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'network', 'network error (ECONNREFUSED)'],
    [new IncompleteAnswerError('no commit'), 'service', 'incomplete answer (IncompleteAnswerError)'],
    ['a string', 'unexpected', 'unexpected error'],
  ])('describes %s', (error, kind, text) => {
    expect(describeFailure(error)).toEqual({ kind, text });
  });

  it('lets the service name its own errors first', () => {
    const words = (name: string) => (name === 'PipelineNotFoundException' ? { kind: 'not-found' as const, words: 'pipeline not found' } : undefined);
    expect(describeFailure(awsError('PipelineNotFoundException', 400), words).text).toBe('pipeline not found (PipelineNotFoundException)');
  });

  it('never repeats the AWS message, which can echo request details', () => {
    expect(describeFailure(awsError('AccessDeniedException', 403)).text).not.toContain('AKIDEXAMPLE');
  });
});
