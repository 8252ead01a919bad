import { describe, expect, it } from 'vitest';
import { CodePipelineServiceException, PipelineExecutionNotFoundException, PipelineNotFoundException } from '@aws-sdk/client-codepipeline';
import { describeFailure, IncompleteAnswerError } from '../../src/describe-failure.ts';

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode }, message: 'User: arn:aws:iam::123456789012:user/ci is not authorized' });

function serviceError(name: string, httpStatusCode = 400): CodePipelineServiceException {
  return new CodePipelineServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', ...metadata(httpStatusCode) });
}

describe('describeFailure', () => {
  it('names CodePipeline’s not-found errors', () => {
    // Prepare
    const errors = [
      new PipelineNotFoundException(metadata(400)),
      new PipelineExecutionNotFoundException(metadata(400)),
      serviceError('StageNotFoundException'),
    ];

    // Act
    const failures = errors.map(describeFailure);

    // Assess
    expect(failures).toEqual([
      { kind: 'not-found', text: 'pipeline not found (PipelineNotFoundException)' },
      { kind: 'not-found', text: 'pipeline execution not found (PipelineExecutionNotFoundException)' },
      { kind: 'not-found', text: 'not found (StageNotFoundException)' },
    ]);
  });

  it('tells access, throttling, credentials, validation and service errors apart, by name only', () => {
    // Prepare
    const errors = [
      serviceError('AccessDeniedException'),
      serviceError('ThrottlingException'),
      serviceError('UnrecognizedClientException'),
      serviceError('ValidationException'),
      serviceError('InvalidNextTokenException'),
      serviceError('InternalFailure', 500),
      serviceError('SomethingNew', 403),
    ];

    // Act
    const texts = errors.map((error) => describeFailure(error).text);

    // Assess
    expect(texts).toEqual([
      'access denied (AccessDeniedException)',
      'throttled (ThrottlingException)',
      'credentials rejected (UnrecognizedClientException)',
      'rejected as invalid (ValidationException)',
      'rejected as invalid (InvalidNextTokenException)',
      'service error (InternalFailure)',
      'access denied (SomethingNew)',
    ]);
    expect(texts.join(' ')).not.toContain('arn:aws');
  });

  it('describes network errors, timeouts, missing credentials and incomplete answers', () => {
    // Prepare
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    const noCredentials = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });

    // Act
    const failures = [refused, timeout, noCredentials, new IncompleteAnswerError('no execution'), 'boom'].map(describeFailure);

    // Assess
    expect(failures).toEqual([
      { kind: 'network', text: 'network error (ECONNREFUSED)' },
      { kind: 'network', text: 'timed out (TimeoutError)' },
      { kind: 'credentials', text: 'no AWS credentials (CredentialsProviderError)' },
      { kind: 'service', text: 'incomplete answer (IncompleteAnswerError)' },
      { kind: 'unexpected', text: 'unexpected error' },
    ]);
  });

  it('never shows a name that is not an identifier', () => {
    // Prepare
    const error = Object.assign(new Error('x'), { name: 'AKIDEXAMPLE secret=abc' });

    // Act
    const failure = describeFailure(error);

    // Assess
    expect(failure).toEqual({ kind: 'unexpected', text: 'unexpected error' });
  });
});
