import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { AwsCall, AwsStandIn } from '@herald/testing';

export {
  CodePipelineWorld,
  codePipelineTarget,
  demoCodePipelineWorld,
  demoDeploymentGroupPipelines,
  fakeExecutionId,
  startCodePipelineStandIn,
} from '@herald/testing';
export type {
  CodePipelineActionRunSpec,
  CodePipelineOperation,
  CodePipelineSpec,
} from '@herald/testing';

export const testCredentials = { accessKeyId: 'AKIDSTANDINEXAMPLE', secretAccessKey: 'stand-in-secret-access-key' };

/** A real CodePipeline client of `region` that talks to the stand-in, retrying once like a short SDK budget. */
export function standInClientFor(standIn: AwsStandIn): (region: string) => CodePipelineClient {
  return (region) => new CodePipelineClient({ region, endpoint: standIn.url, credentials: testCredentials, maxAttempts: 2 });
}

/** The calls the stand-in received for one CodePipeline operation. */
export function callsOf(standIn: AwsStandIn, operation: string): AwsCall[] {
  return standIn.calls.filter((call) => call.target === `CodePipeline_20150709.${operation}`);
}
