/** The shared API fixtures (`../shared/accounts-api/fixtures/*.json`), by file name without `.json`. */
const files = import.meta.glob<Record<string, unknown>>('../../shared/accounts-api/fixtures/*.json', {
  eager: true,
  import: 'default',
})

export function fixture(name: string): Record<string, unknown> {
  const body = files[`../../shared/accounts-api/fixtures/${name}.json`]
  if (!body) throw new Error(`No fixture ${name}.json`)
  return body
}

/** An error envelope as the Accounts API sends it, for answers no fixture records. */
export function envelope(errorCode: number, errorMessage: string, extra: Record<string, unknown> = {}) {
  return {
    errorCode,
    errorMessage,
    errorDetails: errorMessage,
    statusCode: Math.floor(errorCode / 1000),
    callId: '00000000000000000000000000000000',
    ...extra,
  }
}
