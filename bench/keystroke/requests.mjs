// The API calls of <RegistrationScreenSet> and <LiteSubscribe> on one page against the in-page
// emulator (its default site): at load, at each widget's first interaction, and at the submit.
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { openPage, PAGE_TIMEOUT_MS, settle } from './page.mjs'

const REGISTRATION = '[data-screenset="registration"]'
const LITE = '[data-screenset="lite"]'

/** One row a phase: the calls made during it, the calls expected, and whether they agree. */
export async function countRequests(browser, baseUrl) {
  const { context, tab, errors } = await openPage(browser, baseUrl, 'requests')
  try {
    await tab.waitForSelector(`${REGISTRATION} form input[name="email"]`, { timeout: PAGE_TIMEOUT_MS })
    await tab.waitForSelector(`${LITE} form input[name="profile.email"]`, { timeout: PAGE_TIMEOUT_MS })

    let seen = {}
    const phase = async (name, expected, act) => {
      await act()
      await settle(tab)
      const now = await tab.evaluate(() => ({ ...window.__calls }))
      const calls = Object.fromEntries(
        Object.entries(now)
          .map(([method, count]) => [method, count - (seen[method] ?? 0)])
          .filter(([, count]) => count > 0),
      )
      seen = now
      const asExpected =
        JSON.stringify(Object.entries(calls).sort()) === JSON.stringify(Object.entries(expected).sort())
      return { phase: name, calls, expected, asExpected }
    }

    const rows = []
    rows.push(await phase('page load', { 'accounts.getSchema': 1, 'accounts.getPolicies': 1 }, async () => {}))
    rows.push(
      await phase('first interaction: registration (focus email)', { 'accounts.initRegistration': 1 }, () =>
        tab.focus(`${REGISTRATION} input[name="email"]`),
      ),
    )
    rows.push(
      await phase('first interaction: LiteSubscribe (focus email)', { 'accounts.initRegistration (lite)': 1 }, () =>
        tab.focus(`${LITE} input[name="profile.email"]`),
      ),
    )
    rows.push(
      await phase('registration submit', { 'accounts.register': 1 }, async () => {
        const form = tab.locator(REGISTRATION)
        await fillRegistration(form, { email: `bench-${Date.now()}@example.com` })
        await form.locator('button[type="submit"]').click()
        const done = `${REGISTRATION}[data-screen="success"], ${REGISTRATION}[data-screen="verification-pending"]`
        await tab.waitForSelector(done, { timeout: PAGE_TIMEOUT_MS })
      }),
    )
    const screen = await tab.locator(REGISTRATION).getAttribute('data-screen')
    rows.at(-1).phase += ` (→ ${screen} screen)`
    if (errors.length > 0) throw new Error(`requests page threw: ${errors.join('\n')}`)
    return rows
  } finally {
    await context.close()
  }
}
