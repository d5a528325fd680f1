/**
 * Found by the fault property: "Try again" on the load error screen fetched the schema and the
 * policies again even when only one had failed. When the one that had loaded then failed, it kept
 * its data and its error, so every later retry ran behind the error screen (no loading state, the
 * "Try again" button still there to cancel it with a second click).
 */
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { LiteSubscribe, RegistrationScreenSet, type TransportRequest } from '../../../src'
import { callsOf, renderWithEmulator } from '../../support/renderScreenSet'

describe.each([
  ['registration', <RegistrationScreenSet key="registration" />],
  ['lite', <LiteSubscribe key="lite" />],
])('the load retry of %s', (screenset, ui) => {
  it('shows the loading state while it runs, and fetches only what failed', async () => {
    const user = userEvent.setup()
    const root = () => document.querySelector(`[data-screenset="${screenset}"]`) as HTMLElement
    const { calls, override, transport } = await renderWithEmulator(
      ui,
      {},
      { 'accounts.getSchema': () => '<html>Bad Gateway</html>' },
    )
    await waitFor(() => expect(root()).toHaveAttribute('data-screen', 'error'))

    let answer: (() => void) | undefined
    override(
      'accounts.getSchema',
      (request: TransportRequest) => new Promise((resolve) => (answer = () => resolve(transport(request)))),
    )
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(answer).toBeDefined())
    expect(root()).toHaveAttribute('data-loading')
    expect(root()).not.toHaveAttribute('data-screen', 'error')
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()

    answer?.()
    await screen.findByLabelText(/^Email/)
    expect(callsOf(calls, 'accounts.getSchema')).toHaveLength(2)
    expect(callsOf(calls, 'accounts.getPolicies')).toHaveLength(1)
  })
})
