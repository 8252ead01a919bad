/**
 * Notification: the chat-neutral message. All product wording lives in `@herald/notify`; formatters only
 * lay it out for one chat product. Every `text` is plain, untrusted text: formatters escape it. Links are
 * only ever made from `Inline` link segments, never from text.
 */

export type NotificationStatus = 'success' | 'failure' | 'info' | 'warning';

/** A run of inline content. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'link'; text: string; url: string };

/** One line of inline content. */
export type Line = Inline[];

export interface NotificationField {
  label: string;
  value: Line;
  /** Whether the field may sit beside another one. */
  short: boolean;
}

/** A list that may already have been shortened: `omitted` items were left out ("…and N more"). */
export interface NotificationList {
  items: Line[];
  omitted: number;
  /** Noun for the omitted items, e.g. `files`, `commits` (used in "…and 3 more files"). */
  noun: string;
  /** When the total is only known as a lower bound, the omission reads "…and N+ more". */
  omittedIsLowerBound?: boolean;
}

export interface NotificationSection {
  heading?: Line;
  lines: Line[];
  lists: NotificationList[];
}

export interface Notification {
  /** The DevEvent kind it describes (for routing and logs). */
  eventKind: string;
  status: NotificationStatus;
  /** `#RRGGBB`. */
  color: string;
  /** Plain-text title. */
  title: string;
  /** Where the title links to (console page). */
  url?: string;
  /** Plain text that says it all in one line: chat notifications and clients without rich layout. */
  fallbackText: string;
  fields: NotificationField[];
  sections: NotificationSection[];
  /** Sections dropped before formatting, with the noun for them (e.g. 3 more references). */
  omittedSections?: { count: number; noun: string };
  /** Complete sentences saying what could not be fetched (the notification still goes out). */
  notices: string[];
  /** Small print: region, time, event id. */
  context: Line;
  /** ISO-8601 time of the event. */
  timestamp?: string;
}
