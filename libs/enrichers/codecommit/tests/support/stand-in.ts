import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { toIsoTime } from '@herald/model';
import type { AwsCall, AwsStandIn } from '@herald/testing';

export const testCredentials = { accessKeyId: 'AKIDSTANDINEXAMPLE', secretAccessKey: 'stand-in-secret-access-key' };

/** A real CodeCommit client of `region` that talks to the stand-in, retrying once like a short SDK budget. */
export function standInClientFor(standIn: AwsStandIn): (region: string) => CodeCommitClient {
  return (region) => new CodeCommitClient({ region, endpoint: standIn.url, credentials: testCredentials, maxAttempts: 2 });
}

/** The calls the stand-in received for one CodeCommit operation. */
export function callsOf(standIn: AwsStandIn, operation: string): AwsCall[] {
  return standIn.calls.filter((call) => call.target === `CodeCommit_20150413.${operation}`);
}

/** What the model makes of a git date, or nothing while it cannot read one. */
export function isoTimeOrNothing(gitDate: string): string | undefined {
  try {
    return toIsoTime(gitDate);
  } catch {
    return undefined;
  }
}
