export {
  buildDetailType,
  pipelineDetailTypes,
  PipelineNotifications,
  pipelineReadStatements,
} from './pipeline-notifications.ts';
export type { PipelineNotificationsArgs } from './pipeline-notifications.ts';
