import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Inside AWS Lambda a function's credentials are always in its environment, so the Lambda bundles swap the
 * SDK's default provider chain (profiles, SSO, process, web identity, IMDS: about 80 KB and a child-process
 * module) for the environment provider alone, through esbuild's `alias`. The CLI keeps the full chain.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
