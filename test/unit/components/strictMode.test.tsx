import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { expect, it } from 'vitest'
import {
  AccountsProvider,
  createAccountsClient,
  LiteSubscribe,
  RegistrationScreenSet,
  type AccountsTransport,
  type TransportRequest,
} from '../../../src'
import { createEmulatorTransport } from '../../../src/testing'
import { callsOf } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'

// StrictMode mounts, unmounts and mounts again at once in development; the demo runs in it. That must
// not cost a second schema or policies request, nor a second regToken.
it('asks for the schema, the policies and each regToken once under StrictMode, and both flows complete', async () => {
  const user = userEvent.setup()
  const emulator = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
  const calls: TransportRequest[] = []
  const transport: AccountsTransport = (request) => {
    calls.push(request)
    return emulator(request)
  }
  // No QueryClient given: the provider's own, which it clears on unmount, is part of what is tested.
  render(
    <StrictMode>
      <AccountsProvider client={createAccountsClient({ transport })}>
        <RegistrationScreenSet />
        <LiteSubscribe layout="inline" />
      </AccountsProvider>
    </StrictMode>,
  )
  // Looked up anew each time: a screen change may render a new root element.
  const inScreenSet = (name: string) =>
    within(document.querySelector<HTMLElement>(`[data-screenset="${name}"]`) ?? document.body)
  await waitFor(() => expect(inScreenSet('registration').getByLabelText(/^Email/)).toBeInTheDocument())
  await waitFor(() => expect(inScreenSet('lite').getByLabelText(/^Email/)).toBeInTheDocument())
  expect(callsOf(calls, 'accounts.getSchema')).toHaveLength(1)
  expect(callsOf(calls, 'accounts.getPolicies')).toHaveLength(1)

  const form = inScreenSet('registration')
  await typeRegistration(user, { email: 'strict@example.com' }, () => form)
  await user.click(form.getByRole('button', { name: 'Create account' }))
  await screen.findByRole('heading', { name: 'You are registered' })

  const lite = inScreenSet('lite')
  await user.type(lite.getByLabelText(/^Email/), 'reader@example.com')
  await user.click(lite.getByRole('checkbox', { name: /Terms of service/ }))
  await user.click(lite.getByRole('button', { name: 'Subscribe' }))
  await waitFor(() => expect(inScreenSet('lite').getByRole('heading', { name: 'Thank you' })).toBeInTheDocument())

  expect(callsOf(calls, 'accounts.getSchema')).toHaveLength(1)
  expect(callsOf(calls, 'accounts.getPolicies')).toHaveLength(1)
  expect(callsOf(calls, 'accounts.initRegistration').map((call) => call.params)).toEqual([{}, { isLite: true }])
  expect(callsOf(calls, 'accounts.register')).toHaveLength(1)
  expect(callsOf(calls, 'accounts.setAccountInfo')).toHaveLength(1)
})
