import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTranslator, interpolate, type Catalog } from '../../../src/i18n'

/** A fresh copy of the module, so messages warned about by one test do not silence the next. */
async function freshCreateTranslator() {
  vi.resetModules()
  return (await import('../../../src/i18n')).createTranslator
}

const german: Catalog = { this_field_is_required: 'Dieses Feld ist erforderlich', retry: 'Erneut versuchen' }

describe('i18n', () => {
  it.each([
    ['Invalid %fieldname', { fieldname: 'ZIP code' }, 'Invalid ZIP code'],
    ['%num characters total', { num: 8 }, '8 characters total'],
    ['%num of %num', { num: 2 }, '2 of 2'],
    ['keeps %unknown placeholders', {}, 'keeps %unknown placeholders'],
    [
      '「%fieldname」の入力内容が正しくありません',
      { fieldname: '郵便番号' },
      '「郵便番号」の入力内容が正しくありません',
    ],
  ])('interpolate(%j)', (template, params, result) => {
    expect(interpolate(template, params)).toBe(result)
  })

  it('prefers customLang, then the catalog, then the fallback, then the id', () => {
    const t = createTranslator('en', { email_already_exists: 'Taken, sorry', error_400025: 'Not allowed: %fieldname' })
    expect(t('email_already_exists')).toBe('Taken, sorry')
    expect(t('this_field_is_required')).toBe('This field is required')
    expect(t('error_400025', { fieldname: 'x' }, 'server text')).toBe('Not allowed: x')
    expect(t('error_999999', {}, 'server text')).toBe('server text')
    expect(t('no_such_message')).toBe('no_such_message')
    expect(t.lang).toBe('en')
  })

  describe('with a language catalog', () => {
    beforeEach(() => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    })
    afterEach(() => {
      vi.unstubAllEnvs()
      vi.restoreAllMocks()
    })

    it('looks up customLang, then the catalog, then English, then the fallback, then the id', () => {
      const t = createTranslator('de', { retry: 'Nochmal' }, german)
      expect(t('retry')).toBe('Nochmal')
      expect(t('this_field_is_required')).toBe('Dieses Feld ist erforderlich')
      expect(t('loading')).toBe('Loading…')
      expect(t('this_field_is_required', {}, 'server text')).toBe('Dieses Feld ist erforderlich')
      expect(t('error_400009', {}, 'Servertext')).toBe('Servertext')
      expect(t('error_400009')).toBe('error_400009')
      expect(t.lang).toBe('de')
    })

    it('speaks English while the catalog is not there yet, without warning', () => {
      const t = createTranslator('de')
      expect(t('this_field_is_required')).toBe('This field is required')
      expect(console.warn).not.toHaveBeenCalled()
    })

    it('warns once per message the catalog lacks, with the library prefix', async () => {
      const create = await freshCreateTranslator()
      const t = create('de-AT', {}, german)
      t('loading')
      t('loading')
      t('schema_load_error')
      // A provider re-creates its translator on every change; the developer has been told already.
      create('de', {}, german)('weak')
      expect(vi.mocked(console.warn).mock.calls).toEqual([
        ['[react-screensets] The "de" messages have no "loading"; showing the English text.'],
        ['[react-screensets] The "de" messages have no "schema_load_error"; showing the English text.'],
      ])
    })

    it('does not warn for what the host supplies or what English lacks too (server codes)', async () => {
      const t = (await freshCreateTranslator())('de', { loading: 'Lädt…' }, german)
      t('loading')
      t('error_400009', {}, 'Servertext')
      t('this_field_is_required')
      expect(console.warn).not.toHaveBeenCalled()
    })

    it('stays silent in production', async () => {
      vi.stubEnv('NODE_ENV', 'production')
      const t = (await freshCreateTranslator())('de', {}, german)
      expect(t('loading')).toBe('Loading…')
      expect(console.warn).not.toHaveBeenCalled()
    })
  })
})
