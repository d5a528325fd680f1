import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { build, preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { launchChromium } from './launchChromium'

/**
 * The production build of the demo, served with the strict policy of the issue, in Chromium: a full
 * registration and a newsletter subscription must not trip the policy once (no eval or
 * `new Function`, not even a probe whose error is swallowed, as zod's JIT does; no inline script;
 * no style attribute or `<style>` element; nothing from another origin). Violations are caught three
 * ways: the page's `securitypolicyviolation` events, the CSP issues DevTools receives, and the
 * console (which reports inline violations, not blocked evals).
 */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

/**
 * What the policy must stop, tried by page code: `new Function` (thrown, and also swallowed the way
 * zod's JIT probe swallows it), an inline script, a style attribute and a `<style>` element.
 */
const PROBE = `
let evalOutcome = 'ran'
try { new Function('return 1')() } catch (error) { evalOutcome = error.name }
let swallowedProbeRan = false
try { new Function(''); swallowedProbeRan = true } catch {}
const script = document.createElement('script')
script.textContent = 'window.__inlineScriptRan = true'
document.head.append(script)
const styled = document.createElement('div')
styled.setAttribute('style', 'color: rgb(255, 0, 0)')
document.body.append(styled)
const sheet = document.createElement('style')
sheet.textContent = 'body { outline: 3px solid rgb(0, 0, 255) }'
document.head.append(sheet)
window.__probe = {
  evalOutcome,
  swallowedProbeRan,
  inlineScriptRan: window.__inlineScriptRan === true,
  styleAttributeApplied: getComputedStyle(styled).color === 'rgb(255, 0, 0)',
  styleElementApplied: getComputedStyle(document.body).outlineStyle === 'solid',
}
`

interface Violation {
  directive: string
  blocked: string
}

let outDir = ''
let server: PreviewServer
let browser: Browser
let baseUrl = ''

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'screensets-csp-'))
  await build({ configFile: 'demo/vite.config.ts', build: { outDir, emptyOutDir: true }, logLevel: 'error' })
  await writeFile(join(outDir, 'csp-probe.js'), PROBE)
  server = await preview({
    configFile: 'demo/vite.config.ts',
    build: { outDir },
    preview: { port: 0, strictPort: false, open: false },
    logLevel: 'error',
  })
  baseUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

/** A page that records every violation from its first byte on: by event, by DevTools issue, by console. */
async function watchedPage() {
  const page = await browser.newPage()
  const reported: string[] = []
  const errors: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  const issues: string[] = []
  const devtools = await page.context().newCDPSession(page)
  devtools.on('Audits.issueAdded', ({ issue }) => {
    const details = issue.details.contentSecurityPolicyIssueDetails
    if (details) issues.push(details.violatedDirective)
  })
  await devtools.send('Audits.enable')
  await page.addInitScript(() => {
    const seen: Violation[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push({ directive: event.violatedDirective, blocked: event.blockedURI }),
      true,
    )
  })
  const events = () =>
    page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations.slice())
  return { page, reported, issues, errors, events }
}

const accounts = async () =>
  (
    (await (await fetch(`${baseUrl}/__emulator/accounts`)).json()) as {
      accounts: Array<{ kind: string; isRegistered: boolean; profile: { email?: string } }>
    }
  ).accounts

describe('the built demo under a strict Content-Security-Policy', () => {
  it('registers and subscribes with zero CSP violations', async () => {
    const { page, reported, issues, errors, events } = await watchedPage()
    const response = await page.goto(baseUrl, { waitUntil: 'networkidle' })
    expect(response?.headers()['content-security-policy']).toBe(CSP)

    const form = page.getByRole('region', { name: 'Registration' })
    await form.getByRole('heading', { name: 'Create your account' }).waitFor()
    // An invalid submit first: the error messages, the alert and the strength meter render too.
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill('weak')
    await form.getByRole('button', { name: 'Create account' }).click()
    await form.getByRole('alert').getByText('There are errors in your form').waitFor()

    const member = `csp.member.${Date.now()}@example.com`
    await fillRegistration(form, { email: member })
    await form.getByRole('button', { name: 'Create account' }).click()
    await form.getByRole('heading', { name: 'You are registered' }).waitFor()
    expect((await accounts()).find((account) => account.profile.email === member)).toMatchObject({
      kind: 'full',
      isRegistered: true,
    })

    const newsletter = page.getByRole('region', { name: 'Newsletter' })
    const reader = `csp.reader.${Date.now()}@example.com`
    await newsletter.getByLabel('Email').fill(reader)
    await newsletter.getByRole('checkbox', { name: 'Weekly newsletter' }).check()
    await newsletter.getByRole('checkbox', { name: 'Terms of service' }).check()
    await newsletter.getByRole('button', { name: 'Subscribe' }).click()
    await newsletter.getByText('Please check your inbox to confirm your subscription').waitFor()
    expect(await newsletter.locator('[data-screenset="lite"]').getAttribute('data-screen')).toBe('thank-you')
    expect((await accounts()).filter((account) => account.profile.email === reader)).toEqual([
      expect.objectContaining({ kind: 'lite' }),
    ])

    // The emulator panel refreshed after each submit: its same-origin reads ran under the policy too.
    await page.locator('[data-accounts]').getByText(reader).waitFor()
    expect(await events()).toEqual([])
    expect(issues).toEqual([])
    expect(reported).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('really enforces the policy: eval, inline script and inline styles are blocked and reported', async () => {
    const { page, reported, issues, events } = await watchedPage()
    await page.goto(baseUrl, { waitUntil: 'networkidle' })
    // From a same-origin script file: code DevTools evaluates is exempt from the eval rule, page code is not.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const script = Object.assign(document.createElement('script'), { src: '/csp-probe.js' })
          script.addEventListener('load', resolve)
          script.addEventListener('error', reject)
          document.head.append(script)
        }),
    )
    expect(await page.evaluate(() => (window as unknown as { __probe: unknown }).__probe)).toEqual({
      evalOutcome: 'EvalError',
      swallowedProbeRan: false,
      inlineScriptRan: false,
      styleAttributeApplied: false,
      styleElementApplied: false,
    })
    const blocked = ['script-src', 'script-src', 'script-src-elem', 'style-src-attr', 'style-src-elem']
    await expect.poll(async () => (await events()).map((violation) => violation.directive).sort()).toEqual(blocked)
    await expect.poll(() => issues.slice().sort()).toEqual(blocked)
    // Chromium logs the inline ones; a blocked eval only throws (and the swallowed probe says nothing).
    await expect
      .poll(() => reported)
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Executing inline script violates'),
          expect.stringContaining('Applying inline style violates'),
        ]),
      )
    await page.close()
  })
})
