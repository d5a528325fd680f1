import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest'
import { LiteSubscribe, RegistrationScreenSet } from '../../../src'
import { translateDotnetRegex } from '../../../src/schema'
import type * as PatternSupport from '../../../src/schema/patternSupport'
import { untranslatable, type TranslatePattern } from '../../../src/schema/readFormat'
import { DEFAULT_SITE } from '../../../src/testing'
import { renderWithEmulator } from '../../support/renderScreenSet'

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
    patternTranslator: (): TranslatePattern =>
      chunk.loaded ?? ((pattern) => untranslatable(pattern, original.TRANSLATOR_COMING)),
    isPatternTranslatorComing: () => chunk.loaded === undefined,
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
  it('a site with patterns: the form at once, its patterns checked once the translator is in', async () => {
    const user = userEvent.setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const arrival = pending()
    chunk.load.mockReturnValueOnce(arrival.promise)
    await renderWithEmulator(<RegistrationScreenSet />)
    const field = await zip()
    expect(chunk.load).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('status')).toBeNull()
    // Before it comes, the browser leaves the pattern to the server, and the console stays quiet.
    await user.type(field, '12ab')
    await user.tab()
    expect(field).not.toHaveAttribute('aria-invalid')
    expect(warn).not.toHaveBeenCalled()

    chunk.loaded = translateDotnetRegex
    arrival.resolve(translateDotnetRegex)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(field).toHaveAccessibleDescription(/invalid/i))
    expect(await zip()).toBe(field)
    expect(field).toHaveValue('12ab')
    warn.mockRestore()
  })

  it("the password checklist gains the policy's pattern once the translator is in", async () => {
    const arrival = pending()
    chunk.load.mockReturnValueOnce(arrival.promise)
    const site = structuredClone(DEFAULT_SITE)
    const policies = site.policies as unknown as Record<string, Record<string, unknown>>
    policies.passwordComplexity = { minLength: 8, regExp: '^(?=.*[0-9]).*$' }
    await renderWithEmulator(<RegistrationScreenSet />, { sites: [site] })
    const password = await screen.findByLabelText(/^Password( \*)?$/)
    const checklist = () => password.closest('[data-field]')?.querySelector('[data-password-strength]')
    expect(checklist()).toHaveTextContent('8 characters total')
    expect(checklist()).not.toHaveTextContent('complexity requirements')

    chunk.loaded = translateDotnetRegex
    arrival.resolve(translateDotnetRegex)
    await waitFor(() => expect(checklist()).toHaveTextContent('Password does not meet complexity requirements'))
  })

  it('a failed chunk load leaves the form usable: the server judges the patterns', async () => {
    chunk.load.mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'))
    await renderWithEmulator(<RegistrationScreenSet />)
    expect(await zip()).toBeInTheDocument()
    await waitFor(() => expect(chunk.load).toHaveBeenCalled())
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Create account' })).toBeEnabled()
  })

  it('LiteSubscribe shows its form at once too on a site with patterns', async () => {
    const arrival = pending()
    chunk.load.mockReturnValueOnce(arrival.promise)
    await renderWithEmulator(<LiteSubscribe />)
    expect(await screen.findByRole('button', { name: 'Subscribe' })).toBeInTheDocument()
    await waitFor(() => expect(chunk.load).toHaveBeenCalledTimes(1))
    chunk.loaded = translateDotnetRegex
    arrival.resolve(translateDotnetRegex)
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
