import { CAPTCHA_ALPHABET, GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from './captchaGlyphs'

export const CAPTCHA_WIDTH = 200
export const CAPTCHA_HEIGHT = 70

/** A number in [0, 1). */
export type Random = () => number

/** From the platform's CSPRNG: a challenge word must not be predictable from earlier ones. */
export const secureRandom: Random = () => (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] as number) / 2 ** 32

const between = (random: Random, min: number, max: number) => min + random() * (max - min)
const pick = <T>(random: Random, items: readonly T[]) => items[Math.floor(random() * items.length)] as T

/** 5 or 6 characters of the CAPTCHA alphabet. */
export function randomWord(random: Random = secureRandom): string {
  const length = 5 + Math.floor(random() * 2)
  let word = ''
  for (let index = 0; index < length; index += 1) word += pick(random, [...CAPTCHA_ALPHABET])
  return word
}

type Point = readonly [number, number]

/**
 * Commands and numbers apart and every number with its decimal point, so that the source never holds
 * five characters of the alphabet in a row (in any case) and cannot spell the word by accident.
 */
function pathData(points: readonly Point[]): string {
  return points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'} ${x.toFixed(1)} ${y.toFixed(1)}`).join(' ')
}

const INK = ['#1d2b4f', '#3b1f4a', '#173d2c', '#4a2312', '#14365a']
const NOISE = ['#8e96ac', '#a3917a', '#8aa596']
const PITCH = 31
const SCALE = 5.5

/** A wavy line from the left edge to the right one. */
function noiseCurve(random: Random, color: string, width: number): string {
  const y = () => between(random, 8, CAPTCHA_HEIGHT - 8).toFixed(1)
  const d = `M 0.0 ${y()} C 60.0 ${y()} 140.0 ${y()} ${CAPTCHA_WIDTH}.0 ${y()}`
  return `<path d="${d}" stroke="${color}" stroke-width="${width}"/>`
}

/** One character: its strokes scaled, wobbled point by point, rotated and moved off the baseline. */
function character(random: Random, char: string, centerX: number): string {
  const glyph = GLYPHS[char]
  if (!glyph) throw new Error('A CAPTCHA word may only use the CAPTCHA alphabet')
  const angle = between(random, -0.3, 0.3)
  const scale = SCALE * between(random, 0.9, 1.1)
  const cx = centerX + between(random, -2, 2)
  const cy = CAPTCHA_HEIGHT / 2 + between(random, -6, 6)
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  const place = ([gx, gy]: Point): Point => {
    const x = (gx - GLYPH_WIDTH / 2) * scale + between(random, -1, 1)
    const y = (gy - GLYPH_HEIGHT / 2) * scale + between(random, -1, 1)
    return [cx + x * cos - y * sin, cy + x * sin + y * cos]
  }
  const d = glyph.map((line) => pathData(line.map(place))).join(' ')
  return `<path d="${d}" stroke="${pick(random, INK)}" stroke-width="3.2"/>`
}

/**
 * The challenge image, about 200 × 70: the word in stroked paths with per-character rotation and
 * offset, light curves behind it and two thin lines across it. Round joins but no `stroke-linecap`:
 * that name alone holds five characters of the alphabet in a row.
 */
export function renderCaptchaSvg(word: string, random: Random = secureRandom): string {
  const start = (CAPTCHA_WIDTH - (word.length - 1) * PITCH) / 2
  const behind = [0, 1, 2].map(() => noiseCurve(random, pick(random, NOISE), 1.6))
  const letters = [...word].map((char, index) => character(random, char, start + index * PITCH))
  const across = [0, 1].map(() => noiseCurve(random, pick(random, INK), 1.1))
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CAPTCHA_WIDTH}" height="${CAPTCHA_HEIGHT}" ` +
    `viewBox="0 0 ${CAPTCHA_WIDTH} ${CAPTCHA_HEIGHT}">` +
    `<rect width="${CAPTCHA_WIDTH}" height="${CAPTCHA_HEIGHT}" fill="#f4f1ea"/>` +
    `<g fill="none" stroke-linejoin="round">${[...behind, ...letters, ...across].join('')}</g>` +
    `</svg>`
  )
}

/** The image as the `captchaImage` data URL. */
export function captchaDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${btoa(svg)}`
}
