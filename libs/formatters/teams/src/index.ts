export { formatTeamsMessage, teamsFormatter } from './format-teams-message.ts';
export type {
  AdaptiveCard,
  CardAttachment,
  CardElement,
  Container,
  ContainerStyle,
  Fact,
  FactSet,
  MentionEntity,
  OpenUrlAction,
  TeamsWebhookPayload,
  TextBlock,
} from './adaptive-card.ts';
export { escapeTeamsText } from './escape.ts';
export { teamsMentionEntities } from './mentions.ts';
export { TEAMS_LIMITS } from './limits.ts';
export { teamsPayloadLimits, teamsPayloadProblems } from './payload-limits.ts';
