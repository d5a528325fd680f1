import { readFormat, type ParsedFormat } from './readFormat'
import { translateDotnetRegex } from './translateDotnetRegex'

export type { ParsedFormat, TranslatedPattern, UntranslatablePattern } from './readFormat'
export { testPattern } from './readFormat'
export { translateDotnetRegex }

/**
 * Reads a schema field's `format` the way SAP's screen-set engine does, with full pattern support at
 * once (the translator is imported here, so a page that calls this carries it). Schemas come from the
 * site's console and may hold anything, so this never throws: what it cannot use becomes
 * `untranslatable` and the server stays the judge.
 */
export function parseFormat(format: unknown): ParsedFormat {
  return readFormat(format, translateDotnetRegex)
}
