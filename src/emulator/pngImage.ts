/**
 * A black-and-white PNG as a `data:` URL, encoded by hand (1-bit grayscale, deflate "stored" blocks)
 * so that it needs neither zlib nor a canvas: the emulator also runs in browsers.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const uint32 = (value: number) => [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]

/** A zlib stream of stored (uncompressed) deflate blocks. */
function zlibStored(data: Uint8Array): number[] {
  const out = [0x78, 0x01]
  for (let start = 0; start < data.length; start += 65535) {
    const block = data.subarray(start, start + 65535)
    const last = start + 65535 >= data.length ? 1 : 0
    out.push(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff)
    for (const byte of block) out.push(byte)
  }
  out.push(...uint32(adler32(data)))
  return out
}

function chunk(type: string, data: readonly number[]): number[] {
  const body = Uint8Array.from([...type].map((char) => char.charCodeAt(0)).concat(data))
  return [...uint32(data.length), ...body, ...uint32(crc32(body))]
}

/** `isDark(x, y)` says which pixels are black; the others are white. */
export function pngDataUrl(width: number, height: number, isDark: (x: number, y: number) => boolean): string {
  const rowBytes = Math.ceil(width / 8)
  const raw = new Uint8Array(height * (rowBytes + 1))
  for (let y = 0; y < height; y += 1) {
    // Each row starts with its filter type, 0 (none).
    const row = y * (rowBytes + 1) + 1
    for (let x = 0; x < width; x += 1) {
      if (!isDark(x, y)) raw[row + (x >>> 3)] = (raw[row + (x >>> 3)] as number) | (0x80 >>> (x & 7))
    }
  }
  const header = [...uint32(width), ...uint32(height), 1, 0, 0, 0, 0]
  const png = [
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', header),
    ...chunk('IDAT', zlibStored(raw)),
    ...chunk('IEND', []),
  ]
  let binary = ''
  for (const byte of png) binary += String.fromCharCode(byte)
  return `data:image/png;base64,${btoa(binary)}`
}
