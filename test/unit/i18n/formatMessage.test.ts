import { describe, expect, it } from 'vitest'
import { createTranslator, interpolate } from '../../../src/i18n'

describe('i18n', () => {
  it.each([
    ['Invalid %fieldname', { fieldname: 'ZIP code' }, 'Invalid ZIP code'],
    ['%num characters total', { num: 8 }, '8 characters total'],
    ['%num of %num', { num: 2 }, '2 of 2'],
    ['keeps %unknown placeholders', {}, 'keeps %unknown placeholders'],
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
})
