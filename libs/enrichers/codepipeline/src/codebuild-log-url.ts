const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
/** `project:uuid`: CodeBuild project names cannot contain a colon. */
const BUILD_ID = /^([A-Za-z0-9][A-Za-z0-9_-]{1,254}):([0-9a-fA-F-]{36})$/;

export interface CodeBuildRun {
  region: string;
  /** The build id CodePipeline records as the action's external execution id, `project:uuid`. */
  buildId: string;
  account?: string;
}

/**
 * The CodeBuild console page with the build's log, or `undefined` when the pieces do not look like AWS's.
 * The console page is used rather than CloudWatch Logs because where a project writes its logs (group,
 * stream prefix, S3, or nowhere) is project configuration that the event does not carry.
 *
 * @example
 * ```ts
 * codeBuildLogUrl({ region: 'ap-southeast-2', account: '000000000000', buildId: 'meerkat-build:8e2c5a1f-…' });
 * // 'https://ap-southeast-2.console.aws.amazon.com/codesuite/codebuild/000000000000/projects/meerkat-build/build/meerkat-build%3A8e2c5a1f-…/log?region=ap-southeast-2'
 * ```
 */
export function codeBuildLogUrl(run: CodeBuildRun): string | undefined {
  const build = BUILD_ID.exec(run.buildId);
  if (!build || !REGION.test(run.region)) return undefined;
  const project = build[1] ?? '';
  // Without the account the console still opens the page, after a redirect.
  const account = run.account && ACCOUNT.test(run.account) ? `${run.account}/` : '';
  const host = `https://${run.region}.console.aws.amazon.com`;
  return `${host}/codesuite/codebuild/${account}projects/${project}/build/${encodeURIComponent(run.buildId)}/log?region=${run.region}`;
}
