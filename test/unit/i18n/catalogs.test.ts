import { describe, expect, it } from 'vitest'
import { catalogLanguages, en, loadCatalog, normalizeLang, type Catalog, type MessageId } from '../../../src/i18n'
import { deriveFields, type SiteSchema } from '../../../src/schema'
import { english } from '../../support/english'

const ids = Object.keys(english) as MessageId[]
const translated = catalogLanguages.filter((lang) => lang !== 'en')
const placeholders = (message: string) => [...new Set(message.match(/%[a-z]+/gi))].sort()

/** Letters of the language's own script, which every message of it must contain. */
const SCRIPTS: Partial<Record<string, RegExp>> = {
  ja: /[\u3040-\u30ff\u4e00-\u9fff]/,
  'zh-cn': /[\u4e00-\u9fff]/,
  ar: /[\u0600-\u06ff]/,
  he: /[\u0590-\u05ff]/,
}

/** Words that are the same in English and in the language (loanwords, not oversights). */
const MAX_SAME_AS_ENGLISH = 3

describe.each(translated)('the %s catalog', (lang) => {
  const catalog = async () => (await loadCatalog(lang)) as Readonly<Record<string, string>>

  it('has exactly the ids of the English catalog', async () => {
    expect(Object.keys(await catalog()).sort()).toEqual([...ids].sort())
  })

  it('keeps every placeholder of the English message and adds none', async () => {
    const messages = await catalog()
    const mismatched = ids.filter(
      (id) => placeholders(messages[id] ?? '').join() !== placeholders(english[id] ?? '').join(),
    )
    expect(mismatched).toEqual([])
  })

  it('has no empty message', async () => {
    const empty = Object.entries(await catalog()).filter(([, message]) => message.trim() === '')
    expect(empty).toEqual([])
  })

  it('is really translated', async () => {
    const messages = await catalog()
    const sameAsEnglish = ids.filter((id) => messages[id] === english[id])
    expect(sameAsEnglish.length).toBeLessThanOrEqual(MAX_SAME_AS_ENGLISH)
    const script = SCRIPTS[lang]
    if (script) expect(ids.filter((id) => !script.test(messages[id] ?? ''))).toEqual([])
  })
})

describe('loadCatalog', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE_ch', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['it', 'it'],
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt'],
    ['nl-BE', 'nl'],
    ['ja-JP', 'ja'],
    ['zh', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-cn', 'zh-cn'],
    ['zh-Hans-CN', 'zh-cn'],
    ['zh-TW', 'en'],
    ['zh-Hant', 'en'],
    ['ar-EG', 'ar'],
    ['he-IL', 'he'],
    ['iw', 'he'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['sv', 'en'],
    ['', 'en'],
    ['not a language', 'en'],
  ])('normalizes %j to %j', async (lang, expected) => {
    expect(normalizeLang(lang)).toBe(expected)
    expect(await loadCatalog(lang)).toBe(await loadCatalog(expected))
  })

  it('gives English for English and for languages we have no messages for', async () => {
    expect(await loadCatalog('en-US')).toBe(en)
    expect(await loadCatalog('fi')).toBe(en)
  })

  it('gives each language its own catalog', async () => {
    const catalogs = await Promise.all(catalogLanguages.map((lang) => loadCatalog(lang)))
    expect(new Set(catalogs.map((catalog: Catalog) => catalog.submit_register)).size).toBe(catalogLanguages.length)
  })
})

describe('the English field labels', () => {
  const labelIds = ids.filter((id) => !/^[a-z]+(_[a-z]+)*$/.test(id))
  const schema = {
    profileSchema: {
      fields: Object.fromEntries(
        [
          ...['email', 'firstName', 'lastName', 'zip', 'country', 'city', 'gender', 'birthYear', 'nickname', 'state'],
          ...['address', 'birthMonth', 'birthDay', 'phones'],
        ].map((key) => [key, { type: 'string', required: false, writeAccess: 'clientModify' }]),
      ),
    },
  } as unknown as SiteSchema

  it('are what the schema code derives, so an English page reads the same with the catalog', () => {
    const specs = deriveFields(schema, { accountOptions: { loginIdentifiers: 'email' } }, { fields: labelIds })
    // On an email-only site the login id asks for an email, so it is labelled (and translated) as one.
    expect(specs.map((spec) => spec.labelKey)).toEqual(labelIds.map((id) => (id === 'loginID' ? 'email' : id)))
    for (const spec of specs) expect(english[spec.labelKey], spec.labelKey).toBe(spec.label)
    for (const [identifiers, labelKey] of [
      ['username', 'username'],
      ['email, username', 'loginID'],
    ] as const) {
      const [login] = deriveFields(schema, { accountOptions: { loginIdentifiers: identifiers } }, { screen: 'login' })
      expect(login?.labelKey).toBe(labelKey)
      expect(en[labelKey]).toBe(login?.label)
    }
  })
})
