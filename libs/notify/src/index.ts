export {
  parseHeraldConfig,
  parseHeraldConfigJson,
  defaultHeraldConfig,
  heraldConfigSchema,
  chatTargetTypes,
  defaultBranchColors,
  ConfigError,
} from './config/herald-config.ts';
export type { HeraldConfig, HeraldConfigInput, RouteConfig, TargetConfig, WebhookSource } from './config/herald-config.ts';
export { describeEvent } from './describe/describe-event.ts';
export { describePush } from './describe/describe-push.ts';
export { routeNotification } from './route/route-notification.ts';
export { matchesGlob } from './glob.ts';
