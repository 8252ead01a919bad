export { pullRequestDetailTypes, repositoryReadStatements, RepositoryNotifications } from './repository-notifications.ts';
export type { RepositoryNotificationsArgs } from './repository-notifications.ts';
