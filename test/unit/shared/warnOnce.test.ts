import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A fresh copy of the module, so keys warned by one test do not silence the next. */
async function freshWarnOnce() {
  vi.resetModules()
  return (await import('../../../src/shared/warnOnce')).warnOnce
}

describe('warnOnce', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('warns once per key, with the library prefix', async () => {
    const warnOnce = await freshWarnOnce()
    warnOnce('a', 'first')
    warnOnce('a', 'again')
    warnOnce('b', 'second')
    expect(vi.mocked(console.warn).mock.calls).toEqual([['[react-screensets] first'], ['[react-screensets] second']])
  })

  it.each(['development', 'test', ''])('warns when NODE_ENV is %j', async (mode) => {
    vi.stubEnv('NODE_ENV', mode)
    const warnOnce = await freshWarnOnce()
    warnOnce('key', 'message')
    expect(console.warn).toHaveBeenCalledTimes(1)
  })

  it('stays silent in production', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warnOnce = await freshWarnOnce()
    warnOnce('key', 'message')
    expect(console.warn).not.toHaveBeenCalled()
  })
})
