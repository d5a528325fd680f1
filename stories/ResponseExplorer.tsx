import { useEffect, useState } from 'react'
import { AccountsError, createAccountsClient, type AccountsTransport } from '../src'

export interface ResponseExplorerProps {
  /** The transport the client calls through: a fixture, a failure, a slow server. */
  transport: AccountsTransport
  /** Client timeout in milliseconds. */
  timeoutMs?: number
}

type Outcome = { state: 'resolved'; body: unknown } | { state: 'rejected'; error: unknown }

/**
 * Calls `accounts.register` through the given transport and shows what the client made of the answer: the typed body, or every field of the `AccountsError`. All server text renders as text.
 */
export function ResponseExplorer({ transport, timeoutMs }: ResponseExplorerProps) {
  // Kept with the transport it answers, so that new args show "pending" until their own answer.
  const [answer, setAnswer] = useState<{ transport: AccountsTransport; outcome: Outcome }>()

  useEffect(() => {
    const controller = new AbortController()
    createAccountsClient({ transport, timeoutMs })
      .register(
        { regToken: 'RT1_story', email: 'ada@example.com', password: 'Sup3r-secret!', finalizeRegistration: true },
        { signal: controller.signal },
      )
      .then(
        (body) => setAnswer({ transport, outcome: { state: 'resolved', body } }),
        (error: unknown) => {
          if (!controller.signal.aborted) setAnswer({ transport, outcome: { state: 'rejected', error } })
        },
      )
    return () => controller.abort()
  }, [transport, timeoutMs])

  if (answer?.transport !== transport) return <p role="status">Calling accounts.register…</p>
  const { outcome } = answer
  if (outcome.state === 'resolved') {
    return (
      <section aria-label="Resolved">
        <h2>Resolved</h2>
        <pre>{JSON.stringify(outcome.body, null, 2)}</pre>
      </section>
    )
  }
  const { error } = outcome
  if (!(error instanceof AccountsError)) return <p role="alert">Unexpected rejection: {String(error)}</p>
  const facts: Array<[string, unknown]> = [
    ['errorCode', error.errorCode],
    ['errorMessage', error.errorMessage],
    ['errorDetails', error.errorDetails],
    ['callId', error.callId],
    ['regToken', error.regToken],
    ['isPendingRegistration', error.isPendingRegistration],
    ['isPendingVerification', error.isPendingVerification],
    ['isRegTokenInvalid', error.isRegTokenInvalid],
    ['isRetryable', error.isRetryable],
  ]
  return (
    <section aria-label="Rejected">
      <h2>Rejected with AccountsError</h2>
      <dl>
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value === undefined ? '—' : String(value)}</dd>
          </div>
        ))}
      </dl>
      {error.fieldErrors().length > 0 && (
        <>
          <h3>fieldErrors()</h3>
          <ul>
            {error.fieldErrors().map((field) => (
              <li key={field.fieldName}>
                <code>{field.fieldName}</code> ({field.errorCode}): {field.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
