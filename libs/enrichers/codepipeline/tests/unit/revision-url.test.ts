import { describe, expect, it } from 'vitest';
import { revisionOrigin } from '../../src/revision-url.ts';

describe('revisionOrigin', () => {
  it('reads the repository out of both CodeCommit console commit links', () => {
    // Prepare
    const links = [
      'https://us-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/my-repo/commit/8cf40f2?region=us-west-2',
      'https://us-west-2.console.aws.amazon.com/codecommit/home#/repository/my%20repo/commit/8cf40f2EXAMPLE',
    ];

    // Act
    const origins = links.map(revisionOrigin);

    // Assess
    expect(origins).toEqual([
      { url: links[0], provider: 'CodeCommit', repository: 'my-repo' },
      { url: links[1], provider: 'CodeCommit', repository: 'my repo' },
    ]);
  });

  it('reads the repository out of a CodeStar connection redirect', () => {
    // Prepare
    const link =
      'https://ap-southeast-2.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=arn:aws:codestar-connections:' +
      'ap-southeast-2:111111111111:connection/11c9e&referenceType=COMMIT&FullRepositoryId=quicken/aws-code-pipeline-monitor&Commit=f7ec852';

    // Act
    const origin = revisionOrigin(link);

    // Assess
    expect(origin).toEqual({ url: link, provider: 'CodeStarSourceConnection', repository: 'quicken/aws-code-pipeline-monitor' });
  });

  it('turns a GitHub API commit link into the commit page, and reads other git hosts', () => {
    // Prepare
    const links = [
      'https://api.github.com/repos/anycompany/MyApp/git/commits/7636d59',
      'https://github.com/anycompany/MyApp/commit/7636d59',
      'https://bitbucket.org/team/service/commits/7636d59',
    ];

    // Act
    const origins = links.map(revisionOrigin);

    // Assess
    expect(origins).toEqual([
      { url: 'https://github.com/anycompany/MyApp/commit/7636d59', provider: 'GitHub', repository: 'anycompany/MyApp' },
      { url: links[1], provider: 'GitHub', repository: 'anycompany/MyApp' },
      { url: links[2], provider: 'Bitbucket', repository: 'team/service' },
    ]);
  });

  it('keeps other web links as they are and drops anything that is not one', () => {
    // Prepare
    const links = ['https://example.com/builds/42', 'javascript:alert(1)', 'not a url', undefined];

    // Act
    const origins = links.map(revisionOrigin);

    // Assess
    expect(origins).toEqual([{ url: 'https://example.com/builds/42' }, {}, {}, {}]);
  });
});
