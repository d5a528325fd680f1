import { warnOnce } from '../shared/warnOnce'
import { TRANSLATOR_COMING } from './patternSupport'
import { readFormat, type TranslatePattern } from './readFormat'
import type { FieldKind, FieldSpec } from './types'

/** What a definition's `format` adds to the field `name` of `kind`: a pattern, or a box that must be ticked. */
export function formatTraits(
  format: unknown,
  name: string,
  kind: FieldKind,
  translate: TranslatePattern,
): Partial<FieldSpec> {
  const parsed = readFormat(format, translate)
  switch (parsed.kind) {
    case 'none':
      return {}
    case 'true':
      return { mustBeTrue: kind === 'checkbox' }
    case 'regex':
      return {
        pattern: parsed.regex,
        format: parsed.pattern,
        ...(parsed.maxInputLength !== undefined && { patternMaxLength: parsed.maxInputLength }),
      }
    case 'untranslatable':
      if (process.env.NODE_ENV !== 'production' && parsed.reason !== TRANSLATOR_COMING)
        warnOnce(
          `pattern:${parsed.pattern}`,
          `${name}: the pattern ${parsed.pattern} cannot be checked in the browser (${parsed.reason}); only the server checks it.`,
        )
      return { format: parsed.pattern }
  }
}
