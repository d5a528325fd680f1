import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RegistrationScreenSet, useAccount } from '../../../src'
import { renderWithEmulator } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'

/** What a site's header shows: the signed-in user, from the client's session. */
function SignedInAs() {
  const account = useAccount()
  if (account.data === undefined) return null
  return <p data-testid="who">{account.data === null ? 'nobody' : account.data.profile?.firstName}</p>
}

describe('a registration ends signed in', () => {
  it('hands the session to onAfterSubmit, the client keeps it, and useAccount shows the account', async () => {
    const user = userEvent.setup()
    const onAfterSubmit = vi.fn()
    const { client, calls } = await renderWithEmulator(
      <>
        <SignedInAs />
        <RegistrationScreenSet onAfterSubmit={onAfterSubmit} />
      </>,
    )
    expect(await screen.findByTestId('who')).toHaveTextContent('nobody')
    await typeRegistration(user)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'You are registered' })

    const { response } = onAfterSubmit.mock.calls[0]?.[0] as { response: { sessionInfo?: { cookieValue?: string } } }
    expect(response.sessionInfo?.cookieValue).toEqual(expect.any(String))
    expect(client.session.get()).toBe(response.sessionInfo?.cookieValue)
    await waitFor(() => expect(screen.getByTestId('who')).toHaveTextContent('Ada'))
    const accountCall = calls.find((call) => call.method === 'accounts.getAccountInfo')
    expect(accountCall?.params).toMatchObject({ login_token: response.sessionInfo?.cookieValue })
  })
})
