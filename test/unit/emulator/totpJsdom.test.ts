import { expect, it } from 'vitest'
import { totpCode } from '../../../src/testing'

// Component tests run the emulator in jsdom, whose realm has an ArrayBuffer of its own.
it('computes TOTP codes in jsdom as in Node (RFC 6238, SHA-1, T = 59 s)', async () => {
  expect(await totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000, { digits: 8 })).toBe('94287082')
})
