/** Where a revision link points: the provider and repository it names, and the page to link to. */
export interface RevisionOrigin {
  /** A web page for the commit; absent when the link is not an http(s) URL. */
  url?: string;
  provider?: string;
  repository?: string;
}

const GIT_HOSTS: Readonly<Record<string, string>> = {
  'github.com': 'GitHub',
  'bitbucket.org': 'Bitbucket',
  'gitlab.com': 'GitLab',
};

function parseWebUrl(text: string): URL | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const isAwsConsole = (host: string): boolean => host === 'console.aws.amazon.com' || host.endsWith('.console.aws.amazon.com');

/** `…/codesuite/codecommit/repositories/<repo>/commit/<sha>` or the older `…/codecommit/home#/repository/<repo>/commit/<sha>`. */
function codeCommitRepository(url: URL): string | undefined {
  const path = `${url.pathname}${url.hash}`;
  const match = /\/codecommit\/repositories\/([^/?#]+)\/|#\/repository\/([^/?#]+)\//.exec(path);
  const name = match?.[1] ?? match?.[2];
  return name === undefined ? undefined : decodeURIComponent(name);
}

function consoleOrigin(url: URL): RevisionOrigin {
  const origin = { url: url.href };
  if (/\/codecommit\//.test(url.pathname)) {
    const repository = codeCommitRepository(url);
    return { ...origin, provider: 'CodeCommit', ...(repository ? { repository } : {}) };
  }
  if (url.pathname.includes('/settings/connections/redirect')) {
    const repository = url.searchParams.get('FullRepositoryId');
    return { ...origin, provider: 'CodeStarSourceConnection', ...(repository ? { repository } : {}) };
  }
  if (url.pathname.startsWith('/s3/')) return { ...origin, provider: 'S3' };
  if (url.pathname.startsWith('/ecr/')) return { ...origin, provider: 'ECR' };
  return origin;
}

/**
 * Reads a revision link AWS gave (`revisionUrl`, `externalExecutionUrl`): the provider and repository it
 * names, and a page a person can open. GitHub API links (`api.github.com/repos/o/r/git/commits/sha`, what
 * the GitHub version 1 source action gives) become the commit's web page; links that are not http(s) are
 * dropped.
 *
 * @example
 * ```ts
 * revisionOrigin('https://us-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/my-repo/commit/8cf40f2');
 * // { url: '…', provider: 'CodeCommit', repository: 'my-repo' }
 * ```
 */
export function revisionOrigin(link: string | undefined): RevisionOrigin {
  const url = link === undefined ? undefined : parseWebUrl(link);
  if (!url) return {};
  const host = url.hostname.toLowerCase();
  if (host === 'api.github.com') {
    const match = /^\/repos\/([^/]+)\/([^/]+)\/(?:git\/)?commits\/([^/]+)$/.exec(url.pathname);
    if (!match) return { url: url.href, provider: 'GitHub' };
    const [, owner, repo, sha] = match;
    return { url: `https://github.com/${owner}/${repo}/commit/${sha}`, provider: 'GitHub', repository: `${owner}/${repo}` };
  }
  const gitProvider = GIT_HOSTS[host.replace(/^www\./, '')];
  if (gitProvider) {
    const [owner, repo] = url.pathname.split('/').filter(Boolean);
    return { url: url.href, provider: gitProvider, ...(owner && repo ? { repository: `${owner}/${repo}` } : {}) };
  }
  return isAwsConsole(host) ? consoleOrigin(url) : { url: url.href };
}
