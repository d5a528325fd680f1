import { collectFields } from './collectFields'
import { liteEmailField } from './liteEmailField'
import type { liteExtraFields } from './liteExtraFields'
import { liteFieldNames } from './liteFieldNames'
import type { TranslatePattern } from './readFormat'
import { readSections } from './schemaSections'
import { sectionField } from './sectionField'
import type { FieldSpec, SitePolicies, SiteSchema } from './types'

/** The general resolver for a lite form's extra `fields` (`liteExtraFields`), which loads on demand. */
export type LiteExtraFields = typeof liteExtraFields

export interface LiteFieldsOptions {
  /** Which subscription ids, in this order (default: all, in schema order). */
  subscriptions?: readonly string[] | undefined
  /** Extra fields by binding name, after the lite screen's own; never required. */
  fields?: readonly string[] | undefined
  /** `liteExtraFields`, to work the extra fields out; without it (not loaded yet) there are none. */
  extras?: LiteExtraFields | undefined
}

/**
 * The lite screen's fields: what `deriveFieldsWith(…, { screen: 'lite', subscriptions })` gives, then
 * the `fields` it lacks, optional since lite accounts do not enforce the schema's required fields. The
 * screen's own fields are worked out without the register and login screens' machinery, which a
 * newsletter page then does not carry.
 */
export function deriveLiteFields(
  schema: SiteSchema | null | undefined,
  policies: SitePolicies | undefined,
  { subscriptions, fields, extras }: LiteFieldsOptions,
  translate: TranslatePattern,
): FieldSpec[] {
  const site = { ...readSections(schema), translate }
  // Of the profile and data fields, the screen's own names hold only the email.
  const own = collectFields(liteFieldNames(site, subscriptions), (name) =>
    sectionField(name, site, () => liteEmailField(site.profile, translate)),
  )
  if (!fields?.length || !extras) return own
  const names = new Set(own.map((field) => field.name))
  return [
    ...own,
    ...extras(schema, policies, fields, translate)
      .filter((field) => !names.has(field.name))
      .map((field) => ({ ...field, required: false })),
  ]
}
