// Throughput of the emulator over HTTP, measured with autocannon against the BUILT package
// (`npm run build` first): a SQLite file store, rate limit off, default PBKDF2 cost (100 000
// iterations, so `accounts.register` is the "with hashing" figure). Load generator and server share
// one Node process, as in a developer's test run; the figures are relative, not a capacity plan.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { DEFAULT_SITE, startEmulatorServer } from '../dist/server.js'

const API_KEY = DEFAULT_SITE.apiKey
const PASSWORD = 'Secret-123'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const COMPLETE = {
  profile: JSON.stringify({ firstName: 'Ada', zip: '10001' }),
  data: JSON.stringify({ terms: true }),
  preferences: JSON.stringify({ terms: { tos: { isConsentGranted: true } } }),
  finalizeRegistration: 'true',
}

const form = (params) => new URLSearchParams(params).toString()

/** Counts answers whose body is not a success envelope (autocannon only sees HTTP statuses). */
function bodyCheck(accept) {
  const counts = { ok: 0, failed: 0, samples: [] }
  const onResponse = (status, body) => {
    let envelope
    try {
      envelope = JSON.parse(body)
    } catch {
      envelope = undefined
    }
    if (status === 200 && envelope?.errorCode === 0 && accept(envelope)) counts.ok += 1
    else {
      counts.failed += 1
      if (counts.samples.length < 3) counts.samples.push(String(body).slice(0, 200))
    }
  }
  return { counts, onResponse }
}

async function admin(url, method) {
  const response = await fetch(`${url}/${method}`, {
    method: 'POST',
    body: new URLSearchParams({ apiKey: API_KEY, userKey: DEFAULT_SITE.userKey, secret: DEFAULT_SITE.secret }),
  })
  return response.json()
}

async function accountCount(url) {
  const body = await admin(url, 'emulator.listAccounts')
  if (body.errorCode !== 0) throw new Error(`emulator.listAccounts failed: ${JSON.stringify(body)}`)
  return body.accounts.length
}

/** Waits for registrations still running when the load stopped, until the count holds still. */
async function settledAccountCount(url) {
  let previous = await accountCount(url)
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const current = await accountCount(url)
    if (current === previous) return current
    previous = current
  }
}

async function issueTokens(server, count) {
  const tokens = []
  for (let index = 0; index < count; index += 1) {
    const body = await server.emulator.handle({ method: 'accounts.initRegistration', params: { apiKey: API_KEY } })
    tokens.push(body.regToken)
  }
  return tokens
}

/** Rough registrations per second, to size the token pool: a few rounds of parallel registers. */
async function calibrateRegister(server, connections) {
  const tokens = await issueTokens(server, connections * 2)
  const started = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async (_, lane) => {
      for (const token of [tokens[lane * 2], tokens[lane * 2 + 1]]) {
        const response = await fetch(`${server.url}/accounts.register`, {
          method: 'POST',
          headers: FORM,
          body: form({
            apiKey: API_KEY,
            regToken: token,
            email: `calibrate-${lane}-${token.slice(-8)}@example.com`,
            password: PASSWORD,
            ...COMPLETE,
          }),
        })
        const body = await response.json()
        if (body.errorCode !== 0) throw new Error(`calibration register failed: ${JSON.stringify(body)}`)
      }
    }),
  )
  return (connections * 2) / ((performance.now() - started) / 1000)
}

function row(call, result, check, extra = {}) {
  return {
    call,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + check.counts.failed,
    samples: check.counts.samples,
    ...extra,
  }
}

/**
 * Runs the three measurements and returns one row each:
 * `{ call, requestsPerSecond, p50, p99, requests, errors, samples, ... }`.
 */
export async function runEmulatorBench({ duration = 5, connections = 10, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'screensets-bench-'))
  const server = await startEmulatorServer({ db: join(dir, 'bench.db'), rateLimit: false })
  const rows = []
  try {
    // (a) accounts.register: every request a distinct, complete registration with its own regToken.
    const rate = await calibrateRegister(server, connections)
    const poolSize = Math.max(3000, Math.ceil(rate * duration * 3))
    const tokens = await issueTokens(server, poolSize)
    log(`register: ~${rate.toFixed(0)}/s in calibration; ${poolSize} regTokens issued beforehand`)
    const before = await accountCount(server.url)
    let sequence = 0
    let exhausted = false
    const registerCheck = bodyCheck((body) => typeof body.UID === 'string' && body.isRegistered === true)
    const register = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/accounts.register',
          headers: FORM,
          setupRequest: (request) => {
            const regToken = tokens.pop()
            if (regToken === undefined) exhausted = true
            sequence += 1
            return {
              ...request,
              body: form({
                apiKey: API_KEY,
                regToken: regToken ?? '',
                email: `bench-${sequence}-${Date.now()}@example.com`,
                password: PASSWORD,
                ...COMPLETE,
              }),
            }
          },
          onResponse: registerCheck.onResponse,
        },
      ],
    })
    const created = (await settledAccountCount(server.url)) - before
    // Requests still in flight when the time is up are cut off by autocannon, but the server may
    // finish them: those accounts exist without an answer having been counted.
    const consistent = created >= registerCheck.counts.ok && created <= registerCheck.counts.ok + connections
    if (exhausted) log('register: the regToken pool ran out; enlarge it (some requests were sent without a token)')
    log(
      `register: ${registerCheck.counts.ok} answered errorCode 0; emulator.listAccounts grew by ${created} ` +
        `(${created - registerCheck.counts.ok} cut off in flight) — ${consistent ? 'consistent' : 'INCONSISTENT'}`,
    )
    rows.push(
      row('accounts.register (PBKDF2 100 000)', register, registerCheck, {
        accepted: registerCheck.counts.ok,
        created,
        consistent,
        exhausted,
      }),
    )

    // (b) accounts.getSchema: a read of the site, no account work.
    const schemaCheck = bodyCheck((body) => typeof body.profileSchema === 'object')
    const schema = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/accounts.getSchema',
          headers: FORM,
          body: form({ apiKey: API_KEY }),
          onResponse: schemaCheck.onResponse,
        },
      ],
    })
    rows.push(row('accounts.getSchema', schema, schemaCheck))

    // (c) accounts.initRegistration: an HMAC-signed token per call.
    const initCheck = bodyCheck((body) => typeof body.regToken === 'string' && body.regToken.startsWith('RT1_'))
    const init = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/accounts.initRegistration',
          headers: FORM,
          body: form({ apiKey: API_KEY }),
          onResponse: initCheck.onResponse,
        },
      ],
    })
    rows.push(row('accounts.initRegistration', init, initCheck))

    for (const { call, samples } of rows) {
      for (const sample of samples) log(`${call}: unexpected answer ${sample}`)
    }
    return rows
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The rows as a markdown table. */
export function formatTable(rows) {
  const lines = ['| call | requests/s | p50 ms | p99 ms | errors |', '|---|---:|---:|---:|---:|']
  for (const { call, requestsPerSecond, p50, p99, requests, errors } of rows) {
    lines.push(`| ${call} | ${requestsPerSecond.toFixed(1)} | ${p50} | ${p99} | ${errors} / ${requests} |`)
  }
  return lines.join('\n')
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runEmulatorBench()
  console.log(formatTable(rows))
  if (rows.some((entry) => entry.errors > 0 || entry.consistent === false || entry.exhausted)) process.exitCode = 1
}
