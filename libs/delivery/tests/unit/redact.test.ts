import { describe, expect, it } from 'vitest';
import { redactUrl, scrubUrl } from '../../src/redact.ts';

const SLACK_URL = 'https://hooks.slack.com/services/Tsecret1/Bsecret2/xoxsecrettoken-example';

describe('redactUrl', () => {
  it('keeps only the scheme and host', () => {
    // Act
    const slack = redactUrl(SLACK_URL);
    const discord = redactUrl('https://discord.com/api/webhooks/123456789012345678/token-abc?wait=true');
    const local = redactUrl('http://127.0.0.1:4567/hook');

    // Assess
    expect(slack).toBe('https://hooks.slack.com/…');
    expect(discord).toBe('https://discord.com/…');
    expect(local).toBe('http://127.0.0.1:4567/…');
  });

  it('does not echo a value that is not a URL', () => {
    // Act
    const result = redactUrl('hooks.slack.com/services/Tsecret1');

    // Assess
    expect(result).toBe('[invalid URL]');
  });
});

describe('scrubUrl', () => {
  it('removes the URL, its host and its secret path parts, and folds lines', () => {
    // Prepare
    const text = `getaddrinfo ENOTFOUND hooks.slack.com\n  at ${SLACK_URL} (token xoxsecrettoken-example, team Tsecret1)`;

    // Act
    const result = scrubUrl(text, SLACK_URL);

    // Assess
    expect(result).toBe('getaddrinfo ENOTFOUND [redacted] at [redacted] (token [redacted], team [redacted])');
  });

  it('removes percent-decoded path parts and any other URL', () => {
    // Prepare
    const url = 'https://example.com/hook/s%C3%A9cret-token';

    // Act
    const result = scrubUrl('bad token sécret-token; see https://other.example/x?y=1', url);

    // Assess
    expect(result).toBe('bad token [redacted]; see [url]');
  });
});
