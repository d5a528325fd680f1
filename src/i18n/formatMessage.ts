import { en, type MessageId } from './en'

/** Messages a host replaces or adds, by id (Web SDK ids or ours), as screen-sets' `customLang` does. */
export type CustomLang = Partial<Record<MessageId, string>> & Record<string, string | undefined>

export type MessageParams = Readonly<Record<string, string | number>>

/** Fills `%name` placeholders (`%fieldname`, `%num`, `%email`); unknown placeholders stay as written. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/%([a-z]+)/gi, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  )
}

export interface Translator {
  (id: MessageId | (string & {}), params?: MessageParams, fallback?: string): string
  readonly lang: string
}

/**
 * A translator for `lang`: `customLang` first, then the built-in catalog, then `fallback` (a
 * server's own text), then the id itself so that a missing message is visible rather than blank.
 */
export function createTranslator(lang = 'en', customLang: CustomLang = {}): Translator {
  const catalog: Readonly<Record<string, string>> = en
  const translate = (id: string, params?: MessageParams, fallback?: string) => {
    const template =
      (Object.hasOwn(customLang, id) ? customLang[id] : undefined) ??
      (Object.hasOwn(catalog, id) ? catalog[id] : undefined) ??
      fallback ??
      id
    return interpolate(template, params)
  }
  return Object.assign(translate, { lang })
}
