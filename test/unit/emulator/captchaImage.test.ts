import { describe, expect, it } from 'vitest'
import { CAPTCHA_ALPHABET, GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from '../../../src/emulator/captchaGlyphs'
import { CAPTCHA_HEIGHT, CAPTCHA_WIDTH, randomWord, renderCaptchaSvg } from '../../../src/emulator/captchaImage'

const words = Array.from({ length: 300 }, () => randomWord())

describe('the stroke font', () => {
  it('leaves out the characters a person could misread', () => {
    expect(CAPTCHA_ALPHABET).toMatch(/^[A-Z0-9]+$/)
    for (const char of '0OQ1I2Z5S68') expect(CAPTCHA_ALPHABET).not.toContain(char)
  })

  it.each([...CAPTCHA_ALPHABET])('draws %s on its grid', (char) => {
    const glyph = GLYPHS[char] ?? []
    expect(glyph.length).toBeGreaterThan(0)
    for (const line of glyph) {
      expect(line.length).toBeGreaterThan(1)
      for (const [x, y] of line) {
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(GLYPH_WIDTH)
        expect(y).toBeGreaterThanOrEqual(0)
        expect(y).toBeLessThanOrEqual(GLYPH_HEIGHT)
      }
    }
  })

  it('gives every character its own strokes', () => {
    const shapes = new Set(Object.values(GLYPHS).map((glyph) => JSON.stringify(glyph)))
    expect(shapes.size).toBe(CAPTCHA_ALPHABET.length)
  })
})

describe('randomWord', () => {
  it('makes words of 5 or 6 characters of the alphabet, both lengths and every character turning up', () => {
    for (const word of words) expect(word).toMatch(new RegExp(`^[${CAPTCHA_ALPHABET}]{5,6}$`))
    expect(new Set(words.map((word) => word.length))).toEqual(new Set([5, 6]))
    expect(new Set(words.join('')).size).toBe(CAPTCHA_ALPHABET.length)
  })
})

describe('renderCaptchaSvg', () => {
  it('draws with paths only, and never holds five characters of the alphabet in a row, in any case', () => {
    const alphabetRun = new RegExp(`[${CAPTCHA_ALPHABET}]{5}`, 'i')
    for (const word of words) {
      const svg = renderCaptchaSvg(word)
      expect(svg).not.toMatch(/<text|<title|<desc|aria-label|<image|<use/)
      expect(svg).not.toMatch(alphabetRun)
    }
  })

  it('draws one path per character, between light curves and two lines across', () => {
    const svg = renderCaptchaSvg('K7HDJV')
    expect(svg.match(/<path /g)).toHaveLength(3 + 6 + 2)
  })

  it('keeps every stroke inside the image', () => {
    for (const word of words.slice(0, 50)) {
      const numbers = [...renderCaptchaSvg(word).matchAll(/[ML] (-?[\d.]+) (-?[\d.]+)/g)]
      for (const [, x, y] of numbers) {
        expect(Number(x)).toBeGreaterThanOrEqual(0)
        expect(Number(x)).toBeLessThanOrEqual(CAPTCHA_WIDTH)
        expect(Number(y)).toBeGreaterThanOrEqual(0)
        expect(Number(y)).toBeLessThanOrEqual(CAPTCHA_HEIGHT)
      }
    }
  })

  it('draws only the alphabet', () => {
    expect(() => renderCaptchaSvg('ABC0E')).toThrow(/alphabet/)
  })
})
