/** Links to the AWS console pages of the event's own region. Every path part is encoded. */

const segment = (value: string) => encodeURIComponent(value);

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** A page of the developer-tools console (`codesuite`) in `region`, e.g. `codedeploy/deployments/d-1`. */
function codesuiteUrl(region: string, path: string): string {
  const safeRegion = REGION_PATTERN.test(region) ? region : 'us-east-1';
  return `https://${safeRegion}.console.aws.amazon.com/codesuite/${path}?region=${segment(region)}`;
}

const repositoryPath = (repository: string) => `codecommit/repositories/${segment(repository)}`;

export function repositoryUrl(region: string, repository: string): string {
  return codesuiteUrl(region, `${repositoryPath(repository)}/browse`);
}

export function referenceUrl(region: string, repository: string, fullName: string): string {
  return codesuiteUrl(region, `${repositoryPath(repository)}/browse/${segment(fullName)}`);
}

export function commitUrl(region: string, repository: string, commitId: string): string {
  return codesuiteUrl(region, `${repositoryPath(repository)}/commit/${segment(commitId)}`);
}

/**
 * The pull request's page.
 *
 * @example
 * pullRequestUrl('us-east-2', 'MyDemoRepo', '1');
 * // 'https://us-east-2.console.aws.amazon.com/codesuite/codecommit/repositories/MyDemoRepo/pull-requests/1?region=us-east-2'
 */
export function pullRequestUrl(region: string, repository: string, pullRequestId: string): string {
  return codesuiteUrl(region, `${repositoryPath(repository)}/pull-requests/${segment(pullRequestId)}`);
}

/** The pull request's activity tab, where its comments are. */
export function pullRequestActivityUrl(region: string, repository: string, pullRequestId: string): string {
  return codesuiteUrl(region, `${repositoryPath(repository)}/pull-requests/${segment(pullRequestId)}/activity`);
}

/**
 * The CodeDeploy deployment's page.
 *
 * @example
 * deploymentUrl('eu-west-2', 'd-MainDeployment');
 * // 'https://eu-west-2.console.aws.amazon.com/codesuite/codedeploy/deployments/d-MainDeployment?region=eu-west-2'
 */
export function deploymentUrl(region: string, deploymentId: string): string {
  return codesuiteUrl(region, `codedeploy/deployments/${segment(deploymentId)}`);
}

/** The pipeline's page (its latest state). */
export function pipelineUrl(region: string, pipeline: string): string {
  return codesuiteUrl(region, `codepipeline/pipelines/${segment(pipeline)}/view`);
}

/**
 * The timeline of one pipeline execution.
 *
 * @example
 * pipelineExecutionUrl('us-east-1', 'myPipeline', '12345678-1234-5678-abcd-12345678abcd');
 * // 'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/myPipeline/executions/12345678-1234-5678-abcd-12345678abcd/timeline?region=us-east-1'
 */
export function pipelineExecutionUrl(region: string, pipeline: string, executionId: string): string {
  return codesuiteUrl(region, `codepipeline/pipelines/${segment(pipeline)}/executions/${segment(executionId)}/timeline`);
}

/** What a CodeBuild build id names: `arn:aws:codebuild:<region>:<account>:build/<project>:<uuid>` or `<project>:<uuid>`. */
interface BuildReference {
  region?: string;
  project: string;
  /** `<project>:<uuid>`, as the console addresses a build. */
  build: string;
}

function buildReference(buildId: string, project: string): BuildReference {
  const arn = /^arn:aws[a-z-]*:codebuild:([^:]*):[^:]*:build\/(.+)$/.exec(buildId);
  const build = arn?.[2] ?? buildId;
  const separator = build.lastIndexOf(':');
  return {
    ...(arn?.[1] ? { region: arn[1] } : {}),
    project: separator > 0 ? build.slice(0, separator) : project,
    build: separator > 0 ? build : `${project}:${build}`,
  };
}

function buildPath(buildId: string, project: string): { region?: string; path: string } {
  const reference = buildReference(buildId, project);
  const path = `codebuild/projects/${segment(reference.project)}/build/${segment(reference.build)}`;
  return reference.region ? { region: reference.region, path } : { path };
}

/**
 * The build's page, from its id (an ARN or `<project>:<uuid>`); the region of an ARN wins.
 *
 * @example
 * buildUrl('us-west-2', 'arn:aws:codebuild:us-west-2:123456789012:build/my-project:8745a7a9', 'my-project');
 * // 'https://us-west-2.console.aws.amazon.com/codesuite/codebuild/projects/my-project/build/my-project%3A8745a7a9?region=us-west-2'
 */
export function buildUrl(region: string, buildId: string, project: string): string {
  const { region: buildRegion, path } = buildPath(buildId, project);
  return codesuiteUrl(buildRegion ?? region, path);
}

/** The build's log page, as {@link buildUrl} with `/log`. */
export function buildLogUrl(region: string, buildId: string, project: string): string {
  const { region: buildRegion, path } = buildPath(buildId, project);
  return codesuiteUrl(buildRegion ?? region, `${path}/log`);
}

/** The short id people see in the console, e.g. `8745a7a9` of `my-project:8745a7a9-c340-…`. */
export function buildNumber(buildId: string, project: string): string {
  const { build } = buildReference(buildId, project);
  const uuid = build.slice(build.lastIndexOf(':') + 1);
  return /^[0-9a-f]{8}-/i.test(uuid) ? uuid.slice(0, 8) : uuid;
}

/** The URL when it is an http(s) URL, so a link is never made from anything else. */
export function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}
