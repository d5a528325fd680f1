// The timed and counted measurements of the contenders' forms in Chromium: script time of typing (the
// renderer's own ScriptDuration, with and without CPU throttling), field-wrapper renders while typing,
// and mount time. Each sample opens its page in a fresh browser context.
import { openForm, settle } from './page.mjs'
import { CONTENDERS, FIELD_COUNT, MEASURED, MOUNT_FIELD_COUNT, REFERENCE, TEXT, THROTTLE } from './settings.mjs'

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function scriptSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = metrics.find((entry) => entry.name === 'ScriptDuration')
  if (!metric) throw new Error('Chromium reported no ScriptDuration metric')
  return metric.value
}

/** Focuses the middle field, then types TEXT; throws unless the input ends up holding it. */
async function typeInMiddle(tab, bench, measure) {
  await tab.focus(bench.target)
  await settle(tab)
  const result = await measure(async () => {
    await tab.keyboard.type(TEXT)
    await settle(tab)
  })
  const value = await tab.$eval(bench.target, (input) => input.value)
  if (value !== TEXT) throw new Error(`typed into ${bench.target} but it holds ${JSON.stringify(value)}`)
  return result
}

/** One sample: a fresh page, CPU throttled at `rate` for the typing only; script ms and wall ms. */
async function keystrokeSample(browser, baseUrl, contender, rate) {
  const { context, tab, bench, errors } = await openForm(browser, baseUrl, contender, `n=${FIELD_COUNT}`)
  try {
    const cdp = await context.newCDPSession(tab)
    // Thread time: the renderer's own CPU time in script, so the OS descheduling it on a busy machine
    // (browser, renderer and this process share the cores) is not counted. CPU throttling still shows.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
    const sample = await typeInMiddle(tab, bench, async (typing) => {
      // Every sample starts from a collected heap, so a collection owed by the page load is not billed to typing.
      await cdp.send('HeapProfiler.collectGarbage')
      if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate })
      const before = await scriptSeconds(cdp)
      const started = performance.now()
      await typing()
      const wallMs = performance.now() - started
      const scriptMs = ((await scriptSeconds(cdp)) - before) * 1000
      if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
      return { scriptMs, wallMs }
    })
    if (errors.length > 0) throw new Error(`${contender} threw while typing: ${errors.join('\n')}`)
    return sample
  } finally {
    await context.close()
  }
}

/**
 * Script time of typing TEXT in each measured form, `runs` samples per CPU rate (×1 and ×THROTTLE):
 * medians, samples, and the ratios to the hand-written form and to ours.
 */
export async function measureKeystrokes(browser, baseUrl, runs, log) {
  const samples = Object.fromEntries(MEASURED.map(({ id }) => [id, { 1: [], [THROTTLE]: [] }]))
  for (const rate of [1, THROTTLE]) {
    for (let run = 0; run < runs; run += 1) {
      // Interleaved, so a slow moment of the machine does not fall on one contender only.
      for (const { id } of MEASURED) samples[id][rate].push(await keystrokeSample(browser, baseUrl, id, rate))
    }
    for (const { id } of MEASURED) {
      const values = samples[id][rate].map((sample) => sample.scriptMs.toFixed(1))
      log(`keystrokes, CPU ×${rate}, ${id}: script ms ${values.join(', ')}`)
    }
  }
  const rows = MEASURED.map(({ id, label }) => ({
    id,
    label,
    reference: id === REFERENCE.id,
    scriptMs: median(samples[id][1].map((sample) => sample.scriptMs)),
    throttledScriptMs: median(samples[id][THROTTLE].map((sample) => sample.scriptMs)),
    wallMs: median(samples[id][1].map((sample) => sample.wallMs)),
    throttledWallMs: median(samples[id][THROTTLE].map((sample) => sample.wallMs)),
    samples: samples[id],
  }))
  const byId = Object.fromEntries(rows.map((row) => [row.id, row]))
  for (const row of rows) {
    row.vsHandWritten = [row.scriptMs / byId.rhf.scriptMs, row.throttledScriptMs / byId.rhf.throttledScriptMs]
    row.vsOurs = [row.scriptMs / byId.ours.scriptMs, row.throttledScriptMs / byId.ours.throttledScriptMs]
  }
  return rows
}

/** Field-wrapper renders while focusing the middle field and typing TEXT (counts reset after mount). */
async function countRenders(browser, baseUrl, contender) {
  const { context, tab, bench } = await openForm(browser, baseUrl, contender, `n=${FIELD_COUNT}&count=1`)
  try {
    await settle(tab)
    const atMount = await tab.evaluate(() => ({ ...window.__renders }))
    const unseen = bench.fieldKeys.filter((key) => !(atMount[key] > 0))
    if (unseen.length > 0) {
      throw new Error(`${contender}: the counting wrapper never rendered ${unseen.length} fields (${unseen[0]}, …)`)
    }
    const mountRenders = [...new Set(bench.fieldKeys.map((key) => atMount[key]))].sort((a, b) => a - b)
    await tab.evaluate(() => {
      window.__renders = {}
    })
    const renders = await typeInMiddle(tab, bench, async (typing) => {
      await typing()
      return tab.evaluate(() => ({ ...window.__renders }))
    })
    const others = bench.fieldKeys.filter((key) => key !== bench.typedKey)
    return {
      mountRenders,
      typed: renders[bench.typedKey] ?? 0,
      others: others.reduce((sum, key) => sum + (renders[key] ?? 0), 0),
      othersTouched: others.filter((key) => renders[key] > 0).length,
      otherCount: others.length,
    }
  } finally {
    await context.close()
  }
}

/** Field-wrapper renders of each contender (not the reference: its bare inputs have no wrapper). */
export async function measureRenders(browser, baseUrl) {
  const rows = []
  for (const { id, label } of CONTENDERS) rows.push({ id, label, ...(await countRenders(browser, baseUrl, id)) })
  return rows
}

/** Mount time of each measured form with the schema cached, the median of `runs`; throws if one calls the API. */
export async function measureMount(browser, baseUrl, runs) {
  const samples = Object.fromEntries(MEASURED.map(({ id }) => [id, []]))
  for (let run = 0; run < runs; run += 1) {
    for (const { id } of MEASURED) {
      const { context, tab, bench } = await openForm(browser, baseUrl, id, `n=${MOUNT_FIELD_COUNT}`)
      const calls = await tab.evaluate(() => ({ ...window.__calls }))
      await context.close()
      if (Object.keys(calls ?? {}).length > 0) {
        throw new Error(`${id} called the API while mounting with a filled cache: ${JSON.stringify(calls)}`)
      }
      samples[id].push(bench)
    }
  }
  return MEASURED.map(({ id, label }) => ({
    id,
    label,
    reference: id === REFERENCE.id,
    toInput: median(samples[id].map((sample) => sample.toInput)),
    toIdle: median(samples[id].map((sample) => sample.toIdle)),
  }))
}
