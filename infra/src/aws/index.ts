export { lookUpAwsAccount, regionalArn } from './aws-account.ts';
export type { AwsAccount } from './aws-account.ts';
export { assumedByService, policyJson } from './policy-document.ts';
export type { PolicyStatement } from './policy-document.ts';
