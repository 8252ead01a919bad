/** The part of Adaptive Cards 1.4 this formatter writes, as Microsoft Teams renders it. */

export type Spacing = 'None' | 'Small' | 'Medium';

/** A paragraph of Teams' Markdown subset: bold, italic, lists and `[text](url)` links. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium';
  isSubtle?: boolean;
  spacing?: Spacing;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
}

/** The colours Teams gives a container; the card's accent follows the notification status. */
export type ContainerStyle = 'good' | 'attention' | 'warning' | 'accent';

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  /** Lets the style's background reach the card's edges. */
  bleed?: boolean;
  /** What a tap anywhere on the container does. */
  selectAction?: OpenUrlAction;
  separator?: boolean;
  spacing?: Spacing;
}

export type CardElement = TextBlock | FactSet | Container;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** What makes `<at>name</at>` in a TextBlock notify someone. */
export interface MentionEntity {
  type: 'mention';
  /** The exact `<at>…</at>` text the card carries. */
  text: string;
  /** `id`: a user principal name or a Microsoft Entra object id. */
  mentioned: { id: string; name: string };
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  /** What clients that cannot render the card show instead. */
  fallbackText: string;
  body: CardElement[];
  actions?: OpenUrlAction[];
  msteams: { width: 'Full'; entities?: MentionEntity[] };
}

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

/** The body of a POST to a Teams incoming webhook or Workflows "post card" webhook: one Adaptive Card. */
export interface TeamsWebhookPayload {
  type: 'message';
  attachments: [CardAttachment];
}
