import { QueryClient } from '@tanstack/react-query'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Fragment, StrictMode, type ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import {
  createAccountsClient,
  LiteSubscribe,
  policiesQueryOptions,
  RegistrationScreenSet,
  schemaQueryOptions,
} from '../../../src'
import { createEmulatorTransport } from '../../../src/testing'
import { renderWithEmulator } from '../../support/renderScreenSet'

/**
 * Where each name is on the page: the index, among the page's forms, of the one form with that
 * accessible name (a name that two forms share throws).
 */
async function positionsOf(names: readonly string[]) {
  await waitFor(() => expect(screen.getAllByRole('form')).toHaveLength(names.length))
  const forms = screen.getAllByRole('form')
  return names.map((name) => forms.indexOf(screen.getByRole('form', { name })))
}

const inForm = (name: string) => within(screen.getByRole('form', { name }))

/** The default site's schema and policies, for forms that show at their first render (as after SSR). */
async function siteData() {
  const client = createAccountsClient({
    transport: await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} }),
  })
  const queryClient = new QueryClient()
  const [initialSchema, initialPolicies] = await Promise.all([
    queryClient.fetchQuery(schemaQueryOptions(client)),
    queryClient.fetchQuery(policiesQueryOptions(client)),
  ])
  return { initialSchema, initialPolicies }
}

// Forms loaded at once and forms loaded later claim their numbers on different renders; StrictMode
// renders a mounting form twice, and on React 18 with two different ids.
describe.each([
  ['', Fragment, 'loading first'],
  [' under StrictMode', StrictMode, 'loading first'],
  ['', Fragment, 'shown at once'],
  [' under StrictMode', StrictMode, 'shown at once'],
])('several widgets on a page%s, %s', (_, Wrapper: (props: { children: ReactNode }) => ReactNode, loading) => {
  it('names each form apart: by its heading or what it subscribes to, numbered from the second', async () => {
    const site = loading === 'shown at once' ? await siteData() : {}
    await renderWithEmulator(
      <Wrapper>
        <RegistrationScreenSet {...site} />
        <LiteSubscribe {...site} />
        <RegistrationScreenSet {...site} />
        <LiteSubscribe {...site} layout="inline" subscriptions={['offers']} showHeading={false} />
        <LiteSubscribe {...site} />
        <LiteSubscribe {...site} layout="inline" subscriptions={['offers']} showHeading={false} />
      </Wrapper>,
    )
    const names = [
      'Create your account',
      'Stay in touch',
      'Create your account (2)',
      'Subscribe to Partner offers',
      'Stay in touch (2)',
      'Subscribe to Partner offers (2)',
    ]
    expect(await positionsOf(names)).toEqual([0, 1, 2, 3, 4, 5])
    // The first of a name keeps its visible heading as its name.
    expect(screen.getByRole('form', { name: 'Stay in touch' })).toHaveAttribute(
      'aria-labelledby',
      screen.getAllByRole('heading', { name: 'Stay in touch' })[0]?.id,
    )
  })
})

it('takes the name of `formLabel` on every screen with a form, and leaves the default names unnumbered', async () => {
  const user = userEvent.setup()
  await renderWithEmulator(
    <>
      <RegistrationScreenSet formLabel="Join us" />
      <RegistrationScreenSet />
      <LiteSubscribe formLabel="Footer newsletter" layout="inline" showHeading={false} />
      <LiteSubscribe />
    </>,
  )
  expect(await positionsOf(['Join us', 'Create your account', 'Footer newsletter', 'Stay in touch'])).toEqual([
    0, 1, 2, 3,
  ])
  await user.click(inForm('Join us').getByRole('button', { name: 'Log in instead' }))
  await screen.findByRole('heading', { name: 'Log in' })
  expect(await positionsOf(['Join us', 'Create your account', 'Footer newsletter', 'Stay in touch'])).toEqual([
    0, 1, 2, 3,
  ])
})

it('numbers a form among those of its current name, as screens change', async () => {
  const user = userEvent.setup()
  await renderWithEmulator(
    <>
      <RegistrationScreenSet />
      <RegistrationScreenSet />
    </>,
  )
  expect(await positionsOf(['Create your account', 'Create your account (2)'])).toEqual([0, 1])
  await user.click(inForm('Create your account (2)').getByRole('button', { name: 'Log in instead' }))
  expect(await positionsOf(['Create your account', 'Log in'])).toEqual([0, 1])
  await user.click(inForm('Create your account').getByRole('button', { name: 'Log in instead' }))
  expect(await positionsOf(['Log in (2)', 'Log in'])).toEqual([0, 1])
  await user.click(inForm('Log in').getByRole('button', { name: 'Create an account' }))
  expect(await positionsOf(['Log in (2)', 'Create your account'])).toEqual([0, 1])
})

it('numbers in the language of the page', async () => {
  await renderWithEmulator(
    <>
      <LiteSubscribe lang="de" />
      <LiteSubscribe lang="de" />
    </>,
  )
  await screen.findAllByRole('heading', { name: 'Bleiben Sie auf dem Laufenden' })
  expect(await positionsOf(['Bleiben Sie auf dem Laufenden', 'Bleiben Sie auf dem Laufenden (Nr. 2)'])).toEqual([0, 1])
})
