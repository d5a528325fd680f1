import { describe, expect, it } from 'vitest'
import { dirOf, isRtl } from '../../../src/i18n'

describe('isRtl / dirOf', () => {
  it.each([
    ['ar', true],
    ['ar-EG', true],
    ['he', true],
    ['he-IL', true],
    ['iw', true],
    ['fa-IR', true],
    ['ur', true],
    ['az-Arab', true],
    ['ar-Latn', false],
    ['en', false],
    ['de-AT', false],
    ['zh-cn', false],
    ['ja', false],
    ['', false],
  ])('%j → %j', (lang, rtl) => {
    expect(isRtl(lang)).toBe(rtl)
    expect(dirOf(lang)).toBe(rtl ? 'rtl' : 'ltr')
  })
})
