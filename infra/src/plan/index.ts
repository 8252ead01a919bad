export {
  createRecordingMocks,
  defaultMockAccount,
  isSecretValue,
  outputValue,
  settleRegistrations,
} from './recording-mocks.ts';
export type { MockAccount, PlannedResource } from './recording-mocks.ts';
export { describePlan, describeValue, planProgram, readStackFile, securePlaceholder } from './plan-program.ts';
export type { Plan, PlanOptions, StackSettings } from './plan-program.ts';
