import { isPlainObject } from '../shared/plainObjects'
import { formatPattern, untranslatable, type TranslatePattern } from './readFormat'
import type { SitePolicies, SiteSchema } from './types'

/**
 * The .NET pattern translator, once its module is in the page: imported by `parseFormat`,
 * `deriveFields` or `translateDotnetRegex`, or loaded on demand by `loadPatternTranslator` (the
 * screen-sets do, and only for a site with patterns). The module registers itself when it runs, so it
 * is code loaded once per page, not state: every site and QueryClient of the page share it.
 */
let loaded: TranslatePattern | undefined

/** Called by `translateDotnetRegex.ts` when it runs. */
export function providePatternTranslator(translate: TranslatePattern): void {
  loaded = translate
}

/** The translator, or undefined while its module is not in the page. */
export function loadedPatternTranslator(): TranslatePattern | undefined {
  return loaded
}

/** Whether the translator's chunk has been asked for and has not arrived yet. */
let coming = false

/** The reason of a pattern left unchecked because the translator is on its way (no warning for it). */
export const TRANSLATOR_COMING = 'the pattern translator is on its way'

/** Whether a pattern left unchecked now will be checked once the translator's chunk is in. */
export function isPatternTranslatorComing(): boolean {
  return coming && !loaded
}

/**
 * The translator if loaded, else a stand-in that checks nothing: for code that runs before it is there
 * and is worked out again after (the screen-sets render at once and derive their fields again when it
 * comes).
 */
export function patternTranslator(): TranslatePattern {
  return (
    loaded ??
    ((pattern) => untranslatable(pattern, coming ? TRANSLATOR_COMING : 'the pattern translator is not loaded'))
  )
}

/** Loads the translator's module (a chunk of its own in a page that does not import it statically). */
export async function loadPatternTranslator(): Promise<TranslatePattern> {
  coming = true
  try {
    const module = await import('./translateDotnetRegex')
    return module.translateDotnetRegex
  } finally {
    coming = false
  }
}

/**
 * Starts fetching the translator's chunk without waiting for it, as soon as a site is known to need
 * it: the form that waits for it then waits less. Idempotent (the module loader fetches a chunk once),
 * and a failure is left to `loadPatternTranslator`'s caller, which shows it.
 */
export function preloadPatternTranslator(): void {
  if (!loaded) loadPatternTranslator().catch(() => undefined)
}

const SECTIONS = ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] as const

/**
 * Whether the site has a pattern the browser must translate: a field's `regex('…')` format that is not
 * empty, or the password policy's `regExp`. Schemas may hold anything; this never throws.
 */
export function needsPatternSupport(schema: SiteSchema | undefined, policies: SitePolicies | undefined): boolean {
  const passwordPattern: unknown = policies?.passwordComplexity?.regExp
  if (typeof passwordPattern === 'string' && passwordPattern !== '') return true
  return SECTIONS.some((section) => {
    const fields = isPlainObject(schema) && isPlainObject(schema[section]) ? schema[section]['fields'] : undefined
    if (!isPlainObject(fields)) return false
    return Object.values(fields).some((def) => {
      if (!isPlainObject(def)) return false
      // A subscription's settings sit one level down, under its channel.
      const definition = section === 'subscriptionsSchema' && isPlainObject(def['email']) ? def['email'] : def
      return Boolean(formatPattern(definition['format']))
    })
  })
}
