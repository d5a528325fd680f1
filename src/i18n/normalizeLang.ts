/** The languages we ship messages for; `en` is bundled, the others load on demand. */
export const catalogLanguages = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ja', 'zh-cn', 'ar', 'he'] as const

export type CatalogLanguage = (typeof catalogLanguages)[number]

// Traditional Chinese readers are better served by English plus their own `customLang` than by
// Simplified characters they did not ask for.
const TRADITIONAL_CHINESE = new Set(['hant', 'tw', 'hk', 'mo'])

/**
 * The catalog that serves a BCP 47 tag or a Web SDK language code: `de-AT` → `de`, `pt-BR` → `pt`,
 * `zh`/`zh-CN`/`zh-Hans` → `zh-cn`, `iw` (Hebrew's old code) → `he`; anything else → `en`.
 */
export function normalizeLang(lang: string): CatalogLanguage {
  const [primary = '', ...subtags] = lang.trim().toLowerCase().replaceAll('_', '-').split('-')
  if (primary === 'zh') return subtags.some((subtag) => TRADITIONAL_CHINESE.has(subtag)) ? 'en' : 'zh-cn'
  if (primary === 'iw') return 'he'
  return catalogLanguages.find((code) => code === primary) ?? 'en'
}
