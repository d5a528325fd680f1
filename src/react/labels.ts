import { normalizeLang, type Translator } from '../i18n'
import type { FieldSpec } from '../schema'

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

/**
 * A field as the page shows it: its label from the host's `labels`, else the catalog by its own
 * message id, else by its generic one, else the English default; its options' labels translated.
 */
export function localizeField(field: FieldSpec, labels: Labels | undefined, t: Translator): FieldSpec {
  const english = field.genericLabelKey ? t(field.genericLabelKey, {}, field.label) : field.label
  const localized = { ...field, label: labelFor(labels, t.lang, field.name) ?? t(field.labelKey, {}, english) }
  if (field.options)
    localized.options = field.options.map((option) =>
      option.labelKey ? { ...option, label: t(option.labelKey, {}, option.label) } : option,
    )
  return localized
}
