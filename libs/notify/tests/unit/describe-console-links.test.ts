import { describe, expect, it } from 'vitest';
import {
  buildLogUrl,
  buildNumber,
  buildUrl,
  deploymentUrl,
  pipelineExecutionUrl,
  pipelineUrl,
  pullRequestUrl,
  webUrl,
} from '../../src/describe/console-links.ts';

describe('console links', () => {
  it('links a deployment, a pipeline and one of its executions in their region', () => {
    // Act
    const links = [
      deploymentUrl('eu-west-2', 'd-MainDeployment'),
      pipelineUrl('us-east-1', 'my pipeline'),
      pipelineExecutionUrl('us-east-1', 'myPipeline', '12345678-1234-5678-abcd-12345678abcd'),
    ];

    // Assess
    expect(links).toEqual([
      'https://eu-west-2.console.aws.amazon.com/codesuite/codedeploy/deployments/d-MainDeployment?region=eu-west-2',
      'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/my%20pipeline/view?region=us-east-1',
      'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/myPipeline/executions/12345678-1234-5678-abcd-12345678abcd/timeline?region=us-east-1',
    ]);
  });

  it('links a pull request', () => {
    // Act
    const link = pullRequestUrl('us-east-2', 'MyDemoRepo', '1');

    // Assess
    expect(link).toBe('https://us-east-2.console.aws.amazon.com/codesuite/codecommit/repositories/MyDemoRepo/pull-requests/1?region=us-east-2');
  });

  it('links a build and its logs from its ARN, in the ARN’s region', () => {
    // Prepare
    const arn = 'arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX';
    const page = 'https://us-west-2.console.aws.amazon.com/codesuite/codebuild/projects/my-sample-project/build/my-sample-project%3A8745a7a9-c340-456a-9166-edf953571bEX';

    // Act
    const links = [buildUrl('eu-west-1', arn, 'my-sample-project'), buildLogUrl('eu-west-1', arn, 'my-sample-project')];

    // Assess
    expect(links).toEqual([`${page}?region=us-west-2`, `${page}/log?region=us-west-2`]);
    expect(buildNumber(arn, 'my-sample-project')).toBe('8745a7a9');
  });

  it('links a build from a bare id in the event region', () => {
    // Act
    const link = buildLogUrl('eu-west-1', '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', 'api');

    // Assess
    expect(link).toBe(
      'https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/projects/api/build/api%3A0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/log?region=eu-west-1',
    );
  });

  it('never puts a region that is not one into the host', () => {
    // Act
    const link = deploymentUrl('evil.example/x', 'd-1');

    // Assess
    expect(link).toBe('https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/deployments/d-1?region=evil.example%2Fx');
  });

  it('keeps only http(s) URLs', () => {
    // Act
    const urls = ['https://a.example/x', ' http://b.example ', 'javascript:alert(1)', 'not a url', '', undefined].map(webUrl);

    // Assess
    expect(urls).toEqual(['https://a.example/x', 'http://b.example', undefined, undefined, undefined, undefined]);
  });
});
