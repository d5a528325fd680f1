import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest'
import { LiteSubscribe, RegistrationScreenSet } from '../../../src'
import { translateDotnetRegex } from '../../../src/schema'
import type * as PatternSupport from '../../../src/schema/patternSupport'
import type { TranslatePattern } from '../../../src/schema/readFormat'
import { DEFAULT_SITE } from '../../../src/testing'
import { callsOf, renderWithEmulator } from '../../support/renderScreenSet'

/**
 * The page loads the .NET pattern translator on demand. Here the chunk is played by a controllable
 * loader, and the translator counts as not yet in the page (the test imports it statically).
 */
const chunk = vi.hoisted(() => ({
  loaded: undefined as TranslatePattern | undefined,
  load: undefined as unknown as Mock<() => Promise<TranslatePattern>>,
}))
vi.mock('../../../src/schema/patternSupport', async (importOriginal) => {
  const original = await importOriginal<typeof PatternSupport>()
  chunk.load = vi.fn(original.loadPatternTranslator)
  return {
    ...original,
    loadedPatternTranslator: () => chunk.loaded,
    loadPatternTranslator: () => chunk.load(),
  }
})

afterEach(() => {
  chunk.loaded = undefined
  chunk.load.mockReset()
})

/** A promise the test settles, for a chunk still on its way. */
function pending() {
  let settle!: { resolve: (value: TranslatePattern) => void; reject: (error: Error) => void }
  const promise = new Promise<TranslatePattern>((resolve, reject) => (settle = { resolve, reject }))
  return { promise, ...settle }
}

/** The default site without any pattern (its zip and gender have `regex('…')` formats). */
function siteWithoutPatterns() {
  const site = structuredClone(DEFAULT_SITE) as unknown as {
    schema: { profileSchema: { fields: Record<string, { format?: string }> } }
  }
  for (const field of Object.values(site.schema.profileSchema.fields))
    if (field.format?.startsWith('regex(')) delete field.format
  return site
}

const zip = () => screen.findByRole('textbox', { name: /ZIP code/ })

describe('pattern support, loaded on demand', () => {
  it('a site with patterns: the loading state until the translator is there, then the pattern is checked', async () => {
    const user = userEvent.setup()
    const arrival = pending()
    chunk.load.mockReturnValueOnce(arrival.promise)
    const { calls } = await renderWithEmulator(<RegistrationScreenSet />)
    await waitFor(() => expect(callsOf(calls, 'accounts.getPolicies')).toHaveLength(1))
    await waitFor(() => expect(chunk.load).toHaveBeenCalledTimes(1))
    expect(screen.getByRole('status')).toHaveTextContent('Loading…')
    expect(screen.queryByRole('textbox')).toBeNull()

    arrival.resolve(translateDotnetRegex)
    await user.type(await zip(), '12ab')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await zip()).toHaveAccessibleDescription(/invalid/i)
  })

  it('a failed chunk load shows the load error, and "Try again" loads it', async () => {
    const user = userEvent.setup()
    chunk.load.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
    chunk.load.mockResolvedValueOnce(translateDotnetRegex)
    await renderWithEmulator(<RegistrationScreenSet />)
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(await zip()).toBeInTheDocument()
    expect(chunk.load).toHaveBeenCalledTimes(2)
  })

  it('LiteSubscribe waits for it too on a site with patterns', async () => {
    const arrival = pending()
    chunk.load.mockReturnValueOnce(arrival.promise)
    await renderWithEmulator(<LiteSubscribe />)
    await waitFor(() => expect(chunk.load).toHaveBeenCalledTimes(1))
    expect(screen.getByRole('status')).toHaveTextContent('Loading…')
    arrival.resolve(translateDotnetRegex)
    expect(await screen.findByRole('button', { name: 'Subscribe' })).toBeInTheDocument()
  })

  it('a site without patterns never loads it', async () => {
    await renderWithEmulator(<RegistrationScreenSet />, { sites: [siteWithoutPatterns()] })
    expect(await screen.findByRole('button', { name: 'Create account' })).toBeInTheDocument()
    expect(chunk.load).not.toHaveBeenCalled()
  })

  it('already in the page: no loading state for it, and no request', async () => {
    chunk.loaded = translateDotnetRegex
    await renderWithEmulator(<RegistrationScreenSet />)
    expect(await zip()).toBeInTheDocument()
    expect(chunk.load).not.toHaveBeenCalled()
  })
})
