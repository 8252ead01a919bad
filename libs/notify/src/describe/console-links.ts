/** Links to the AWS console pages of the event's own region. Every path part is encoded. */

const segment = (value: string) => encodeURIComponent(value);

function consoleBase(region: string): string {
  const safeRegion = /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : 'us-east-1';
  return `https://${safeRegion}.console.aws.amazon.com/codesuite/codecommit/repositories`;
}

export function repositoryUrl(region: string, repository: string): string {
  return `${consoleBase(region)}/${segment(repository)}/browse?region=${segment(region)}`;
}

export function referenceUrl(region: string, repository: string, fullName: string): string {
  return `${consoleBase(region)}/${segment(repository)}/browse/${segment(fullName)}?region=${segment(region)}`;
}

export function commitUrl(region: string, repository: string, commitId: string): string {
  return `${consoleBase(region)}/${segment(repository)}/commit/${segment(commitId)}?region=${segment(region)}`;
}
