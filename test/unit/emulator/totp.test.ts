// @vitest-environment node
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { fromBase32, toBase32 } from '../../../src/emulator/base32'
import { pngDataUrl } from '../../../src/emulator/pngImage'
import { qrCodeDataUrl } from '../../../src/emulator/qrCodeImage'
import { totpCode } from '../../../src/testing'

const ascii = (text: string) => new TextEncoder().encode(text)
/** RFC 6238 Appendix B: the seeds of each algorithm (the same 20 ASCII digits, repeated to the hash's length). */
const SEEDS = {
  'SHA-1': ascii('12345678901234567890'),
  'SHA-256': ascii('12345678901234567890123456789012'),
  'SHA-512': ascii('1234567890123456789012345678901234567890123456789012345678901234'),
} as const
/** RFC 6238 Appendix B, every row: time (seconds), then the 8-digit TOTP of SHA-1, SHA-256, SHA-512. */
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
]

describe('totpCode', () => {
  it.each(VECTORS)('matches RFC 6238 Appendix B at T = %i s', async (seconds, sha1, sha256, sha512) => {
    const at = seconds * 1000
    await expect(totpCode(SEEDS['SHA-1'], at, { digits: 8 })).resolves.toBe(sha1)
    await expect(totpCode(SEEDS['SHA-256'], at, { digits: 8, algorithm: 'SHA-256' })).resolves.toBe(sha256)
    await expect(totpCode(SEEDS['SHA-512'], at, { digits: 8, algorithm: 'SHA-512' })).resolves.toBe(sha512)
  })

  it('reads a base32 secret as authenticator apps do, with 6 digits and 30 s steps by default', async () => {
    const secret = toBase32(SEEDS['SHA-1'])
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    await expect(totpCode(secret, 59_000)).resolves.toBe('287082')
    await expect(totpCode(secret.toLowerCase().replace(/(.{4})/g, '$1 '), 59_000)).resolves.toBe('287082')
    await expect(totpCode(secret, 30_000)).resolves.toBe(await totpCode(secret, 59_999))
    await expect(totpCode(secret, 60_000, { period: 60 })).resolves.toBe(
      await totpCode(secret, 119_000, { period: 60 }),
    )
  })
})

describe('base32', () => {
  it('round-trips bytes of every length, and refuses other characters', () => {
    for (let length = 0; length <= 21; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + 11) & 0xff)
      expect(fromBase32(toBase32(bytes))).toEqual(bytes)
    }
    expect(toBase32(ascii('foobar'))).toBe('MZXW6YTBOI')
    expect(() => fromBase32('MZXW1')).toThrow(/base32/)
  })
})

/** The PNG's chunks, each checked against its CRC by zlib's own crc32 via the inflated data. */
function readPng(url: string) {
  const bytes = Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64')
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const chunks: Record<string, Buffer> = {}
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset)
    const type = bytes.toString('latin1', offset + 4, offset + 8)
    chunks[type] = bytes.subarray(offset + 8, offset + 8 + length)
    offset += 12 + length
  }
  const header = chunks.IHDR as Buffer
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    depth: header[8],
    pixels: inflateSync(chunks.IDAT as Buffer),
    hasEnd: 'IEND' in chunks,
  }
}

describe('the QR code image', () => {
  it('is a 1-bit PNG that zlib inflates (stored blocks, Adler-32) with the pixels given', () => {
    const png = readPng(pngDataUrl(10, 3, (x, y) => x === y))
    expect(png).toMatchObject({ width: 10, height: 3, depth: 1, hasEnd: true })
    // Rows of 1 filter byte + 2 bytes; white bits are 1.
    expect([...png.pixels]).toEqual([0, 0b01111111, 0b11000000, 0, 0b10111111, 0b11000000, 0, 0b11011111, 0b11000000])
  })

  it('draws a QR code with its quiet zone: corners white, finder patterns dark', () => {
    const png = readPng(qrCodeDataUrl('otpauth://totp/react-screensets:ada%40example.com?secret=JBSWY3DPEHPK3PXP'))
    expect(png.width).toBe(png.height)
    const rowBytes = Math.ceil(png.width / 8)
    const white = (x: number, y: number) =>
      (((png.pixels[y * (rowBytes + 1) + 1 + (x >>> 3)] as number) >>> (7 - (x & 7))) & 1) === 1
    expect(white(0, 0)).toBe(true)
    // 4 modules of quiet zone at 4 px each: the finder pattern's corner module starts at 16 px.
    expect(white(16, 16)).toBe(false)
    expect(white(15, 15)).toBe(true)
  })
})
