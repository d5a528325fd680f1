import { act, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderScreens, root } from './fakeRegistrationApi'

// Each on-demand group records when it is imported (once per file: the module loader keeps it).
const chunks = vi.hoisted(() => ({ loaded: [] as string[] }))
vi.mock('../../../src/components/screens/passwordScreens', async (importOriginal) => {
  chunks.loaded.push('password')
  return importOriginal()
})
vi.mock('../../../src/components/screens/verificationScreens', async (importOriginal) => {
  chunks.loaded.push('verification')
  return importOriginal()
})

/** Lets a started import reach the module loader (and so the mocks above). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)))

describe('preloading the screens loaded on demand', () => {
  it('fetches the first screen at once when the screen-set starts on one, while the schema still loads', async () => {
    renderScreens({ screen: 'reset-password', state: { reset: { token: 'T', invalid: false } }, status: 'loading' })
    expect(screen.getByRole('status')).toHaveTextContent('Loading')
    expect(root().dataset.screen).toBe('reset-password')
    await settle()
    expect(chunks.loaded).toEqual(['password'])
  })

  it('fetches the verification screens on focus of the submit button, only where the site verifies emails', async () => {
    const view = renderScreens({ screen: 'register' })
    act(() => screen.getByRole('button', { name: 'Create account' }).focus())
    await settle()
    expect(chunks.loaded).not.toContain('verification')
    act(() => screen.getByRole('button', { name: 'Create account' }).blur())
    view.show({ screen: 'register', policies: { accountOptions: { verifyEmail: true } } })
    act(() => screen.getByRole('button', { name: 'Create account' }).focus())
    await settle()
    expect(chunks.loaded).toContain('verification')
  })
})
