import { link, type Inline } from '@herald/model';
import type { HeraldConfig } from '../config/herald-config.ts';

/**
 * The configured site of a deployment group, as a link that reads as its host (and path).
 *
 * @example
 * siteLink(config, 'shop', 'prod'); // link('shop.example.com', 'https://shop.example.com/') when configured
 */
export function siteLink(config: HeraldConfig, application: string | undefined, group: string | undefined): Inline | undefined {
  if (!application || !group) return undefined;
  const siteUrl = config.deploymentGroups[`${application}/${group}`]?.siteUrl;
  if (!siteUrl) return undefined;
  try {
    const url = new URL(siteUrl);
    const path = url.pathname === '/' ? '' : url.pathname;
    return link(`${url.host}${path}`, siteUrl);
  } catch {
    return undefined;
  }
}
