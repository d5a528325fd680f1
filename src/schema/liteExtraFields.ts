import { collectFields } from './collectFields'
import { liteFieldNames } from './liteFieldNames'
import { nameList } from './nameList'
import type { TranslatePattern } from './readFormat'
import { readSite } from './readSite'
import { resolveField } from './resolveField'
import type { FieldSpec, SitePolicies, SiteSchema } from './types'

/**
 * What `deriveFieldsWith(…, { screen: 'lite', fields })` gives: the fields a lite form adds to its own.
 * They may be any field a screen can show, so the general resolver works them out.
 */
export function liteExtraFields(
  schema: SiteSchema | null | undefined,
  policies: SitePolicies | undefined,
  fields: readonly string[],
  translate: TranslatePattern,
): FieldSpec[] {
  const site = readSite(schema, policies, 'lite', translate)
  // A `fields` that is no list is ignored there, and the screen's own fields stand in for it.
  const names = nameList(fields, 'fields') ?? liteFieldNames(site, undefined)
  return collectFields(names, (name) => resolveField(name, site))
}
