import { describe, it, expect } from 'vitest';
import { CodeCommitClient, GetCommitCommand } from '@aws-sdk/client-codecommit';
import { startAwsStandIn, AwsStandInError } from '../../src/index.ts';
describe('stand-in', () => { it('works', async () => {
  const s = await startAwsStandIn({ 'CodeCommit_20150413.GetCommit': (i) => { if (i.commitId==='x') throw new AwsStandInError('CommitDoesNotExistException','nope'); return { commit: { commitId: i.commitId, message: 'hi', parents: [] } }; } });
  const c = new CodeCommitClient({ region: 'eu-west-1', endpoint: s.url, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const r = await c.send(new GetCommitCommand({ repositoryName: 'r', commitId: 'abc' }));
  expect(r.commit?.message).toBe('hi');
  await expect(c.send(new GetCommitCommand({ repositoryName: 'r', commitId: 'x' }))).rejects.toMatchObject({ name: 'CommitDoesNotExistException' });
  expect(s.calls[0]?.region).toBe('eu-west-1');
  await s.close();
});});
