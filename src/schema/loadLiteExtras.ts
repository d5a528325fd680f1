import type { LiteExtraFields } from './deriveLiteFields'

/**
 * Loads `liteExtraFields`, the general field resolver a newsletter form needs only for extra `fields`
 * (a chunk of its own in a page that does not import it statically).
 */
export async function loadLiteExtras(): Promise<LiteExtraFields> {
  const module = await import('./liteExtraFields')
  return module.liteExtraFields
}
