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

/**
 * Signed out: the registration screen-set. Signed in: who you are, "Log out" and the profile screens,
 * below the screen-set's success screen when it just signed you in. After a logout the screen-set opens
 * anew, on log in.
 */
function AccountArea({ refresh }: { refresh: () => void }) {
  const account = useAccount()
  const [registration, setRegistration] = useState<{ key: number; start?: 'login'; screen?: string }>({ key: 0 })
  const signedIn = Boolean(account.data)
  if (account.isPending && registration.screen === undefined) return <p aria-busy="true">Loading…</p>
  return (
    <>
      {(!signedIn || registration.screen === 'success') && (
        <RegistrationScreenSet
          key={registration.key}
          fields={fields}
          startScreen={registration.start}
          onAfterScreenLoad={({ currentScreen }) =>
            setRegistration((current) => ({ ...current, screen: currentScreen }))
          }
          onAfterSubmit={refresh}
          onError={refresh}
        />
      )}
      {account.isError && (
        <p role="alert">
          Your account could not be loaded.{' '}
          <button type="button" onClick={() => void account.refetch()}>
            Try again
          </button>
        </p>
      )}
      {signedIn && (
        <AccountPanel
          onChange={refresh}
          onLogout={() => {
            setRegistration((current) => ({ key: current.key + 1, start: 'login' }))
            refresh()
          }}
        />
      )}
    </>
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
