export { fixturesRoot, loadFixture, listFixtures } from './fixtures.ts';
export { startAwsStandIn, AwsStandInError } from './aws-stand-in.ts';
export type { AwsStandIn, AwsCall, AwsOperationHandler, AwsOperationHandlers } from './aws-stand-in.ts';
