export { DeploymentNotifications, deploymentDetailType } from './deployment-notifications.ts';
export type { DeploymentNotificationsArgs } from './deployment-notifications.ts';
