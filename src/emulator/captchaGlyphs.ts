/**
 * A stroke font for the emulator's CAPTCHA: each glyph is a few polylines on a 4 × 6 grid (x right,
 * y down). Drawn as paths, never as `<text>`, so the answer is not in the image's source.
 *
 * Upper-case only (answers compare case-insensitively), without what a person could misread in a
 * distorted image: 0, O, Q, 1, I, 2, Z, 5, S, 6 and 8.
 */
export const GLYPH_WIDTH = 4
export const GLYPH_HEIGHT = 6

const glyphSource: Readonly<Record<string, readonly string[]>> = {
  A: ['0,6 2,0 4,6', '1,4 3,4'],
  B: ['0,3 0,0 3,0 4,1 4,2 3,3 0,3 0,6 3,6 4,5 4,4 3,3'],
  C: ['4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5'],
  D: ['0,0 0,6 2,6 4,4 4,2 2,0 0,0'],
  E: ['4,0 0,0 0,6 4,6', '0,3 3,3'],
  F: ['4,0 0,0 0,6', '0,3 3,3'],
  G: ['4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3 2,3'],
  H: ['0,0 0,6', '4,0 4,6', '0,3 4,3'],
  J: ['1,0 4,0', '3,0 3,5 2,6 1,6 0,5'],
  K: ['0,0 0,6', '4,0 0,4', '1,3 4,6'],
  L: ['0,0 0,6 4,6'],
  M: ['0,6 0,0 2,3 4,0 4,6'],
  N: ['0,6 0,0 4,6 4,0'],
  P: ['0,6 0,0 3,0 4,1 4,2 3,3 0,3'],
  R: ['0,6 0,0 3,0 4,1 4,2 3,3 0,3', '2,3 4,6'],
  T: ['0,0 4,0', '2,0 2,6'],
  U: ['0,0 0,5 1,6 3,6 4,5 4,0'],
  V: ['0,0 2,6 4,0'],
  W: ['0,0 1,6 2,2 3,6 4,0'],
  X: ['0,0 4,6', '4,0 0,6'],
  Y: ['0,0 2,3 4,0', '2,3 2,6'],
  '3': ['0,1 1,0 3,0 4,1 4,2 3,3 4,4 4,5 3,6 1,6 0,5', '1,3 3,3'],
  '4': ['3,6 3,0 0,4 4,4'],
  '7': ['0,0 4,0 1,6'],
  '9': ['4,3 1,3 0,2 0,1 1,0 3,0 4,1 4,5 3,6 1,6 0,5'],
}

/** A glyph as polylines of [x, y] grid points. */
export type Glyph = ReadonlyArray<ReadonlyArray<readonly [number, number]>>

export const GLYPHS: Readonly<Record<string, Glyph>> = Object.fromEntries(
  Object.entries(glyphSource).map(([char, lines]) => [
    char,
    lines.map((line) => line.split(' ').map((point) => point.split(',').map(Number) as [number, number])),
  ]),
)

/** The characters a challenge word is made of. */
export const CAPTCHA_ALPHABET = Object.keys(GLYPHS).join('')
