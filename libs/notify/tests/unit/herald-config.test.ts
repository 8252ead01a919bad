import { describe, expect, it } from 'vitest';
import { ConfigError, defaultHeraldConfig, parseHeraldConfig, parseHeraldConfigJson } from '../../src/index.ts';

describe('parseHeraldConfig', () => {
  it('fills in the default colours and limits', () => {
    // Act
    const config = parseHeraldConfig({ targets: { team: { type: 'slack', webhook: { ssmParameter: '/herald/team' } } } });

    // Assess
    expect(config.colors).toEqual({
      branches: { develop: '#FFE400', master: '#FF0000', main: '#FF0000' },
      default: '#5F00FF',
    });
    expect(config.routes).toEqual([]);
    expect(config.limits).toEqual({ filesListed: 20, commitsListed: 10 });
  });

  it('names the bad field in one line', () => {
    // Act
    const attempt = () => parseHeraldConfig({ targets: { team: { type: 'teams-classic' } } });

    // Assess
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^invalid config: targets\.team\.type: /);
  });

  it('rejects a route naming a target that does not exist', () => {
    // Act
    const attempt = () =>
      parseHeraldConfig({ targets: { team: { type: 'slack' } }, routes: [{ targets: ['team', 'ops'] }] });

    // Assess
    expect(attempt).toThrow('invalid config: routes[0].targets[1]: unknown target "ops" (known: team)');
  });

  it('rejects a webhook URL written into the config', () => {
    // Act
    const attempt = () =>
      parseHeraldConfig({ targets: { team: { type: 'slack', webhook: { url: 'https://hooks.example/secret' } } } });

    // Assess
    expect(attempt).toThrow(ConfigError);
    expect(attempt).not.toThrow(/secret/);
  });

  it('rejects colours that are not #RRGGBB', () => {
    expect(() => parseHeraldConfig({ targets: {}, colors: { branches: { main: 'red' } } })).toThrow(
      'invalid config: colors.branches.main: must be a colour like #FF0000',
    );
  });

  it('explains JSON that does not parse', () => {
    expect(() => parseHeraldConfigJson('{targets', 'HERALD_CONFIG')).toThrow(/^invalid HERALD_CONFIG: not JSON/);
  });

  it('embeds a Slack and a Discord target by default', () => {
    expect(Object.entries(defaultHeraldConfig().targets)).toEqual([
      ['slack', { type: 'slack' }],
      ['discord', { type: 'discord' }],
    ]);
  });
});

describe('parseHeraldConfig mentions', () => {
  it('accepts the id forms of every chat product and refuses markup', () => {
    // Prepare
    const withMention = (mention: Record<string, string>) => ({
      targets: { team: { type: 'teams' } },
      routes: [{ targets: ['team'], mentionOnFailure: [mention] }],
    });

    // Act, Assess
    for (const id of ['U024BE7LH', 'S0ONCALL', '123456789012345678', 'ada.lovelace@example.com', '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b']) {
      expect(() => parseHeraldConfig(withMention({ user: id }))).not.toThrow();
    }
    for (const id of ['<!channel>', '@everyone', 'a b', '']) {
      expect(() => parseHeraldConfig(withMention({ user: id }))).toThrow(/mentionOnFailure\[0\]/);
    }
  });
});
