import { deriveFieldsWith, type DeriveFieldsOptions } from './deriveFieldsWith'
import { translateDotnetRegex } from './translateDotnetRegex'
import type { FieldSpec, SitePolicies, SiteSchema } from './types'

export type { DeriveFieldsOptions } from './deriveFieldsWith'

/**
 * Decides which fields a screen shows and how, from the site's schema and policies. The schema comes
 * from the site's console and may be incomplete or malformed; nothing here throws, what cannot be used
 * is skipped with a development warning. Patterns are translated at once (the translator is imported
 * here); the screen-sets call `deriveFieldsWith` with the one they load on demand.
 */
export function deriveFields(
  schema: SiteSchema | null | undefined,
  policies: SitePolicies | undefined,
  options: DeriveFieldsOptions = {},
): FieldSpec[] {
  return deriveFieldsWith(schema, policies, options, translateDotnetRegex)
}
