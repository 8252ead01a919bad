/** The part of Google Chat's `cardsV2` this formatter writes. */

/** Card text in Google Chat's HTML subset: only `<b>`, `<br>` and `<a href>` are written. */
export interface TextParagraph {
  textParagraph: { text: string };
}

/** A labelled value: one field of the notification. */
export interface DecoratedText {
  decoratedText: { topLabel?: string; text: string; wrapText: true };
}

export interface Button {
  text: string;
  onClick: { openLink: { url: string } };
}

export interface ButtonList {
  buttonList: { buttons: Button[] };
}

export type Widget = TextParagraph | DecoratedText | ButtonList;

/** A part of the card, set off by a divider; Google Chat requires at least one widget. */
export interface CardSection {
  widgets: Widget[];
}

export interface Card {
  /** Plain text. */
  header: { title: string; subtitle?: string };
  sections: CardSection[];
}

/** The body of a POST to a Google Chat incoming webhook: the notification text, then one card. */
export interface GoogleChatWebhookPayload {
  /** Shown above the card and in notifications; mentions (`<users/…>`) work only here. */
  text: string;
  cardsV2: [{ cardId: string; card: Card }];
}
