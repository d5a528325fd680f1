import { useQuery } from '@tanstack/react-query'

interface Account {
  UID: string
  kind: 'full' | 'lite'
  isRegistered: boolean
  isVerified: boolean
  profile: { email?: string; firstName?: string }
  subscriptions: Record<string, { email: { isSubscribed: boolean; doubleOptIn?: { status: string } } }>
  /** TFA as the inspection shows it: which providers, and whether a TOTP secret exists (never the secret). */
  tfa?: { activeProviders: string[]; totp: 'active' | 'pending' | 'none' }
}

interface Message {
  id: number
  to: string
  kind: string
  subject: string
  /** A password reset email's link (the page with its `pwrt`). */
  link?: string
  /** A verification code email's code. */
  code?: string
}

/** The message's link when it is a web page's: a site file could hold any string as its reset URL. */
function webLink(link: string | undefined): string | undefined {
  if (link === undefined) return undefined
  try {
    const { protocol } = new URL(link)
    return protocol === 'http:' || protocol === 'https:' ? link : undefined
  } catch {
    return undefined
  }
}

/** One outbox message as a person reads it in their inbox: what, to whom, and what to follow or type. */
function OutboxMessage({ message }: { message: Message }) {
  const link = webLink(message.link)
  return (
    <li>
      {message.kind} → <code>{message.to}</code>: {message.subject}
      {link !== undefined && (
        <>
          {' '}
          — <a href={link}>Open the reset link</a>
        </>
      )}
      {message.code !== undefined && (
        <>
          {' '}
          — code <code data-code="">{message.code}</code>
        </>
      )}
    </li>
  )
}

const POLL_MS = 3000
const TOTP_PERIOD_MS = 30_000

/** Milliseconds until the authenticator's code changes (a new 30-second step). */
const untilNextStep = () => TOTP_PERIOD_MS - (Date.now() % TOTP_PERIOD_MS) + 100

/**
 * What the user's authenticator app would show for the account's TOTP secret, so a person trying the
 * demo without an app can still pass TFA (`emulator.getAuthenticatorCode`, read on the page's origin).
 */
function AuthenticatorCode({ UID }: { UID: string }) {
  const { data } = useQuery({
    queryKey: ['demo', 'emulator', 'authenticator', UID],
    queryFn: async () => {
      const response = await fetch(`/__emulator/authenticator-code?UID=${encodeURIComponent(UID)}`)
      return (await response.json()) as { code?: string; pending?: boolean }
    },
    refetchInterval: untilNextStep,
  })
  if (data?.code === undefined) return null
  return (
    <>
      {' '}
      · authenticator {data.pending ? '(being set up) ' : ''}
      <code data-authenticator-code="">{data.code}</code>
    </>
  )
}

async function readEmulator(): Promise<{ accounts: Account[]; messages: Message[] }> {
  const [accounts, outbox] = await Promise.all([
    fetch('/__emulator/accounts').then((response) => response.json() as Promise<{ accounts?: Account[] }>),
    fetch('/__emulator/outbox').then((response) => response.json() as Promise<{ messages?: Message[] }>),
  ])
  return { accounts: accounts.accounts ?? [], messages: outbox.messages ?? [] }
}

/** What the emulator holds now: the demo's window into the "server". */
export function EmulatorPanel({ refreshKey }: { refreshKey: number }) {
  // Polled too: some mail goes out after the screen changes (a code is sent once its screen is open).
  const { data, refetch } = useQuery({
    queryKey: ['demo', 'emulator', refreshKey],
    queryFn: readEmulator,
    refetchInterval: POLL_MS,
  })
  const accounts = data?.accounts ?? []
  const messages = data?.messages ?? []
  return (
    <aside className="panel" aria-labelledby="panel-title">
      <h2 id="panel-title">Emulator</h2>
      <button type="button" onClick={() => void refetch()}>
        Refresh
      </button>
      <h3>Accounts ({accounts.length})</h3>
      <ul data-accounts="">
        {accounts.map((account) => (
          <li key={account.UID}>
            <code>{account.profile.email ?? account.UID}</code> — {account.kind}
            {account.kind === 'full' &&
              `, ${account.isRegistered ? 'registered' : 'pending'}, ${account.isVerified ? 'verified' : 'not verified'}`}
            {account.tfa !== undefined && account.tfa.totp !== 'none' && <AuthenticatorCode UID={account.UID} />}
            {Object.entries(account.subscriptions).map(([id, subscription]) => (
              <span key={id}>
                {' '}
                · {id}: {subscription.email.isSubscribed ? 'subscribed' : 'not subscribed'}
                {subscription.email.doubleOptIn && ` (${subscription.email.doubleOptIn.status})`}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <h3>Outbox ({messages.length})</h3>
      <ul data-outbox="">
        {messages.map((message) => (
          <OutboxMessage key={message.id} message={message} />
        ))}
      </ul>
    </aside>
  )
}
