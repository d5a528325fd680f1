import { normalizeLang } from '../i18n'

/**
 * Labels by field name (`{ 'profile.zip': 'Postcode' }`), or per language
 * (`{ de: { 'profile.zip': 'PLZ' }, fr: { 'profile.zip': 'Code postal' } }`), or both.
 */
export type Labels = Readonly<Record<string, string | Readonly<Record<string, string>>>>

/** The label for a field in a language: the language's table first, then a language-free entry. */
export function labelFor(labels: Labels | undefined, lang: string, name: string): string | undefined {
  if (!labels) return undefined
  for (const key of [lang, lang.toLowerCase(), normalizeLang(lang)]) {
    const table = labels[key]
    if (typeof table === 'object' && typeof table[name] === 'string') return table[name]
  }
  const plain = labels[name]
  return typeof plain === 'string' ? plain : undefined
}
