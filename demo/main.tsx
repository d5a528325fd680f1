import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import config from 'virtual:demo-config'
import { AccountsProvider, LiteSubscribe, RegistrationScreenSet, createAccountsClient, useAccount } from '../src'
import '../src/theme/styles.css'
import './demo.css'
import { AccountPanel } from './AccountPanel'
import { EmulatorPanel } from './EmulatorPanel'

// With `npm start` the page talks to the emulator as a page talks to SAP: cross-origin REST. The built
// demo calls its own origin (no emulatorUrl), so it runs under a `default-src 'self'` policy.
const apiUrl = config.emulatorUrl || location.origin
const client = createAccountsClient({ apiKey: config.apiKey, baseUrl: apiUrl })

// `?fields=email,password,profile.firstName` picks the register screen's fields, so the demo can show
// the complete-registration screen (the server then asks for the required fields left out).
const fields = new URLSearchParams(location.search).get('fields')?.split(',').filter(Boolean)

/** Signed in: the account and the profile screens; signed out: registration (log in, after a logout). */
function AccountArea({ refresh }: { refresh: () => void }) {
  const account = useAccount()
  const [loggedOut, setLoggedOut] = useState(false)
  if (account.isError) {
    return (
      <p role="alert">
        Your account could not be loaded.{' '}
        <button type="button" onClick={() => void account.refetch()}>
          Try again
        </button>
      </p>
    )
  }
  if (account.data === undefined) return <p aria-busy="true">Loading…</p>
  if (account.data !== null) {
    return (
      <AccountPanel
        onChange={refresh}
        onLogout={() => {
          setLoggedOut(true)
          refresh()
        }}
      />
    )
  }
  return (
    <RegistrationScreenSet
      fields={fields}
      startScreen={loggedOut ? 'login' : undefined}
      onAfterSubmit={refresh}
      onError={refresh}
    />
  )
}

function App() {
  const [refreshKey, setRefreshKey] = useState(0)
  const refresh = () => setRefreshKey((key) => key + 1)
  return (
    <AccountsProvider client={client}>
      <header>
        <h1>react-screensets</h1>
        <p>
          A registration form built from the site schema of the local Accounts API emulator at <code>{apiUrl}</code>.
        </p>
      </header>
      <main>
        <section aria-label="Registration" className="widget">
          <AccountArea refresh={refresh} />
        </section>
        <div className="column">
          <section aria-label="Newsletter" className="widget">
            <LiteSubscribe onAfterSubmit={refresh} />
          </section>
          <EmulatorPanel refreshKey={refreshKey} />
        </div>
      </main>
      <footer aria-label="Footer newsletter">
        <LiteSubscribe
          layout="inline"
          subscriptions={['offers']}
          tags={{ offers: ['footer'] }}
          showHeading={false}
          onAfterSubmit={refresh}
        />
      </footer>
    </AccountsProvider>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
