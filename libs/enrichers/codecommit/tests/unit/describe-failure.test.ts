import { describe, expect, it } from 'vitest';
import { CodeCommitServiceException } from '@aws-sdk/client-codecommit';
import { IncompleteAnswerError, describeFailure } from '../../src/describe-failure.ts';

function awsError(name: string, httpStatusCode = 400, message = 'Some AWS message'): CodeCommitServiceException {
  return new CodeCommitServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', message, $metadata: { httpStatusCode } });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
}

describe('describeFailure', () => {
  it.each([
    [awsError('AccessDeniedException'), 'access-denied', 'access denied (AccessDeniedException)'],
    [awsError('EncryptionKeyAccessDeniedException'), 'access-denied', 'access denied (EncryptionKeyAccessDeniedException)'],
    [awsError('ThrottlingException'), 'throttled', 'throttled (ThrottlingException)'],
    [awsError('TooManyRequestsException', 429), 'throttled', 'throttled (TooManyRequestsException)'],
    [awsError('RepositoryDoesNotExistException'), 'not-found', 'repository not found (RepositoryDoesNotExistException)'],
    [awsError('CommitIdDoesNotExistException'), 'not-found', 'commit not found (CommitIdDoesNotExistException)'],
    [awsError('CommitDoesNotExistException'), 'not-found', 'commit not found (CommitDoesNotExistException)'],
    [awsError('InvalidCommitIdException'), 'invalid', 'invalid commit id (InvalidCommitIdException)'],
    [awsError('InvalidRepositoryNameException'), 'invalid', 'rejected as invalid (InvalidRepositoryNameException)'],
    [awsError('UnrecognizedClientException'), 'credentials', 'credentials rejected (UnrecognizedClientException)'],
    [awsError('InternalFailure', 500), 'service', 'service error (InternalFailure)'],
    [awsError('SomethingNewException'), 'service', 'refused (SomethingNewException)'],
    [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'credentials', 'no AWS credentials (CredentialsProviderError)'],
    [networkError('ECONNREFUSED'), 'network', 'network error (ECONNREFUSED)'],
    [networkError('ENOTFOUND'), 'network', 'network error (ENOTFOUND)'],
    [Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), 'network', 'timed out (TimeoutError)'],
    [new IncompleteAnswerError('GetCommit answered without a commit'), 'service', 'incomplete answer (IncompleteAnswerError)'],
    [new Error('Region is missing'), 'unexpected', 'unexpected error'],
    ['a thrown string', 'unexpected', 'unexpected error'],
    [undefined, 'unexpected', 'unexpected error'],
  ])('describes %o as %s', (error, kind, text) => {
    // Act
    const failure = describeFailure(error);

    // Assess
    expect(failure).toEqual({ kind, text });
  });

  it('never repeats an error message, which may echo the request', () => {
    // Prepare
    const error = awsError(
      'InvalidSignatureException',
      403,
      "The request signature we calculated does not match. Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240502/us-east-1/codecommit/aws4_request, Signature=abc",
    );

    // Act
    const { text } = describeFailure(error);

    // Assess
    expect(text).toBe('credentials rejected (InvalidSignatureException)');
  });

  it('shows no name that is not a plain identifier', () => {
    // Prepare
    const error = Object.assign(new Error('x'), { name: 'Secret=abc def', $metadata: { httpStatusCode: 400 } });

    // Act
    const { text } = describeFailure(error);

    // Assess
    expect(text).toBe('refused');
  });
});
