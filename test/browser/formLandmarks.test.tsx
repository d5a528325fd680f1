import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query'
import { screen } from '@testing-library/react'
import axe from 'axe-core'
import { StrictMode, useEffect, type ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import {
  AccountsProvider,
  createAccountsClient,
  LiteSubscribe,
  RegistrationScreenSet,
  type AccountsClient,
} from '../../src'
import { prefetchSiteSchema } from '../../src/prefetch'
import '../../src/theme/styles.css'
import { createEmulatorTransport } from '../../src/testing'

/** Calls back once the tree has committed and its effects ran: hydration is over. */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit])
  return children
}

/** Two of each widget: a hero and a footer newsletter, a sign-up and a sidebar sign-up. */
const page = (client: AccountsClient, queryClient: QueryClient) => (
  <StrictMode>
    <AccountsProvider client={client} queryClient={queryClient}>
      <main>
        <h1>Acme</h1>
        <LiteSubscribe />
        <RegistrationScreenSet />
      </main>
      <aside aria-label="Sidebar">
        <RegistrationScreenSet />
      </aside>
      <footer>
        <LiteSubscribe layout="inline" showHeading={false} />
      </footer>
    </AccountsProvider>
  </StrictMode>
)

const NAMES = [
  'Stay in touch',
  'Create your account',
  'Create your account (2)',
  'Subscribe to Weekly newsletter, Partner offers',
]

/** The forms found by each name (a name two forms share throws), as positions among the page's forms. */
function formsByName() {
  const forms = screen.getAllByRole('form')
  return NAMES.map((name) => forms.indexOf(screen.getByRole('form', { name })))
}

/** axe-core over the whole document, as the e2e tests run it: WCAG 2.x A/AA and best practices. */
async function axeViolations() {
  const { violations, passes } = await axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  })
  expect(passes.map((rule) => rule.id)).toContain('landmark-unique')
  return violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.html) }))
}

it('names the forms of two of each widget apart from the server HTML on, hydrates them unchanged, no axe violation', async () => {
  const consoleError = vi.spyOn(console, 'error')
  const client = createAccountsClient({
    transport: await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} }),
  })
  const serverQueryClient = new QueryClient()
  await prefetchSiteSchema(serverQueryClient, client)
  const browserQueryClient = new QueryClient()
  hydrate(browserQueryClient, dehydrate(serverQueryClient))
  document.documentElement.lang = 'en'
  document.title = 'Acme'
  const container = document.createElement('div')
  document.body.append(container)

  container.innerHTML = renderToString(page(client, serverQueryClient))
  const serverHtml = container.innerHTML
  expect(formsByName()).toEqual([0, 1, 2, 3])
  expect(await axeViolations()).toEqual([])

  const recoverable: unknown[] = []
  const root = await new Promise<ReturnType<typeof hydrateRoot>>((resolve) => {
    const hydrated = hydrateRoot(
      container,
      <Committed onCommit={() => resolve(hydrated)}>{page(client, browserQueryClient)}</Committed>,
      { onRecoverableError: (error) => recoverable.push(error) },
    )
  })
  expect(await axeViolations()).toEqual([])
  expect(formsByName()).toEqual([0, 1, 2, 3])
  expect(container.innerHTML).toBe(serverHtml)
  expect(recoverable).toEqual([])
  expect(consoleError).not.toHaveBeenCalled()
  root.unmount()
  container.remove()
})
