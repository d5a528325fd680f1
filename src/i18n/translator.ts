import { en, type Catalog, type MessageId } from './en'
import { warnOnce } from '../shared/warnOnce'
import { normalizeLang } from './normalizeLang'

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

const lookup = (messages: Readonly<Record<string, string | undefined>>, id: string) =>
  Object.hasOwn(messages, id) ? messages[id] : undefined

/** English messages added by chunks that load on demand (`enFlows`), read after `en`. */
const lateEnglish: Record<string, string> = {}

/** Adds English messages that travel with an on-demand chunk; every translator reads them from then on. */
export function addEnglish(messages: Readonly<Record<string, string>>): void {
  Object.assign(lateEnglish, messages)
}

/**
 * A translator for `lang`: `customLang` first, then `catalog` (the language's messages, from
 * `loadCatalog`), then English, then `fallback` (a server's own text), then the id itself so that a
 * missing message is visible rather than blank. Without `catalog` (not loaded yet) it speaks English.
 */
export function createTranslator(lang = 'en', customLang: CustomLang = {}, catalog?: Catalog): Translator {
  const translate = (id: string, params?: MessageParams, fallback?: string) => {
    let template = lookup(customLang, id) ?? (catalog && lookup(catalog, id))
    if (template === undefined) {
      template = lookup(en, id) ?? lookup(lateEnglish, id)
      if (process.env.NODE_ENV !== 'production' && template !== undefined && catalog && catalog !== en) {
        // A catalog that lacks one of our messages shows English; the developer hears of it once.
        const catalogLang = normalizeLang(lang)
        warnOnce(`${catalogLang}:${id}`, `The "${catalogLang}" messages have no "${id}"; showing the English text.`)
      }
    }
    return interpolate(template ?? fallback ?? id, params)
  }
  return Object.assign(translate, { lang })
}
