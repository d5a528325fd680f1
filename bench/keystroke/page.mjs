// Opening a built bench page in Chromium and waiting for it, the one way every measurement does: a
// fresh browser context each time, and a page that throws or fails to render fails the run.

export const PAGE_TIMEOUT_MS = 60_000

/** Opens `page` in a fresh context and waits for it to be ready; throws, closing the context, if it failed. */
export async function openPage(browser, baseUrl, page, query) {
  const name = query === undefined ? page : `${page}?${query}`
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } })
  try {
    const tab = await context.newPage()
    const errors = []
    tab.on('pageerror', (error) => errors.push(error.message))
    await tab.goto(`${baseUrl}/${page}.html${query === undefined ? '' : `?${query}`}`)
    try {
      await tab.waitForFunction(() => window.__ready === true, null, { timeout: PAGE_TIMEOUT_MS })
    } catch (error) {
      throw new Error(`${name} never got ready (${error.message}) ${errors.join('\n')}`)
    }
    const failure = await tab.evaluate(() => window.__benchError)
    if (failure !== undefined || errors.length > 0) throw new Error(`${name} failed: ${failure ?? errors.join('\n')}`)
    return { context, tab, errors }
  } catch (error) {
    await context.close()
    throw error
  }
}

/** Opens a contender's form and reads its `window.__bench`; throws unless it rendered every field. */
export async function openForm(browser, baseUrl, page, query) {
  const opened = await openPage(browser, baseUrl, page, query)
  const bench = await opened.tab.evaluate(() => window.__bench)
  const problem =
    bench === undefined
      ? 'published no measurements'
      : bench.inputs !== bench.expected
        ? `rendered ${bench.inputs} inputs, expected ${bench.expected}`
        : undefined
  if (problem !== undefined) {
    await opened.context.close()
    throw new Error(`${page}?${query} ${problem}`)
  }
  return { ...opened, bench }
}

/** Waits until the page has no call in flight and its main thread is idle. */
export const settle = (tab) => tab.evaluate(() => window.__settle())
