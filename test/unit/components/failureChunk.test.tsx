/**
 * The code that reads a failed call is a chunk of its own (off the first screen's JavaScript). When
 * even that chunk cannot load — the network is gone before the first failure — the form still says
 * so, keeps what was typed, and the next submit (with the network back) goes through.
 */
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RegistrationScreenSet } from '../../../src'
import { renderWithEmulator } from '../../support/renderScreenSet'

const chunk = vi.hoisted(() => ({ available: false }))
vi.mock('../../../src/react/failureMessages', async (importOriginal) => {
  if (!chunk.available) throw new TypeError('Failed to fetch dynamically imported module')
  return importOriginal()
})

const PASSWORD = 'Secret-123'

describe('the failure chunk', () => {
  it('a failure whose messages cannot load shows the network error, keeps the input, and the retry works', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet fields={['email', 'password']} />)
    await user.type(await screen.findByLabelText(/^Email/), 'offline@example.com')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
    override('accounts.register', () => Promise.reject(new TypeError('Failed to fetch')))
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('We could not reach the server'))
    expect(screen.getByLabelText(/^Email/)).toHaveValue('offline@example.com')

    chunk.available = true
    vi.resetModules()
    override('accounts.register', undefined)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    // The default site requires more than these two fields: the registration goes on to complete them.
    await waitFor(() =>
      expect(document.querySelector('[data-screen]')).toHaveAttribute('data-screen', 'complete-registration'),
    )
  })
})
