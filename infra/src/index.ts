export * from './aws/index.ts';
export * from './deployments/index.ts';
export * from './herald/index.ts';
export * from './notifier/index.ts';
export * from './pipelines/index.ts';
export * from './repositories/index.ts';
export * from './stack-config/index.ts';
export * from './webhooks/index.ts';
