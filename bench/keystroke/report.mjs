// The keystroke bench's verdicts and its Markdown report: the tables, the ratios and the goals.
import { FIELD_COUNT, GOALS, MOUNT_FIELD_COUNT, REFERENCE, TEXT, THROTTLE } from './settings.mjs'

const ms = (value) => value.toFixed(1)
const ratio = (value) => `${value.toFixed(2)}×`

/**
 * The issue's goals, reported whatever they say: timing goals are facts to print, never to tune the
 * bench towards. Requirements (no untouched field re-renders, the expected requests) also become
 * `failures`, which make `npm run bench` exit non-zero.
 */
export function judge(keystroke, renders, requests, mount) {
  const byId = Object.fromEntries(keystroke.map((row) => [row.id, row]))
  const mountOf = Object.fromEntries(mount.map((row) => [row.id, row]))
  const mountRatios = ['toInput', 'toIdle'].map((key) => mountOf.ours[key] / mountOf.rhf[key])
  const oursRenders = renders.find((row) => row.id === 'ours')
  const goals = [
    {
      goal: `ours within ${GOALS.oursVsHandWritten}× of the hand-written form (script ms, CPU ×1 / ×${THROTTLE})`,
      values: byId.ours.vsHandWritten.map(ratio),
      met: byId.ours.vsHandWritten.every((value) => value <= GOALS.oursVsHandWritten),
    },
    {
      goal: `ours mounts within ${GOALS.oursVsHandWritten}× of the hand-written form (first input / interactive)`,
      values: mountRatios.map(ratio),
      met: mountRatios.every((value) => value <= GOALS.oursVsHandWritten),
    },
    {
      goal: `rjsf ≥ ${GOALS.rjsfVsOurs}× ours (script ms, CPU ×1 / ×${THROTTLE})`,
      values: byId.rjsf.vsOurs.map(ratio),
      met: byId.rjsf.vsOurs.every((value) => value >= GOALS.rjsfVsOurs),
    },
    {
      goal: 'ours re-renders no untouched field while typing (required)',
      values: [`${oursRenders.others} renders`],
      met: oursRenders.others === 0,
      required: true,
    },
    {
      goal: 'one getSchema and one getPolicies at load, one initRegistration per widget, one register (required)',
      values: [],
      met: requests.every((row) => row.asExpected),
      required: true,
    },
  ]
  const failures = goals.filter((goal) => goal.required && !goal.met).map((goal) => `Requirement not met: ${goal.goal}`)
  return { goals, failures }
}

const callList = (calls) =>
  Object.entries(calls)
    .map(([method, count]) => `${method.replace(/^accounts\./, '')} ${count}`)
    .join(', ') || 'none'
const spread = (values) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`

/** The four tables and the goals, as Markdown. */
export function formatKeystrokeReport({ runs, keystroke, renders, mount, requests, goals }) {
  const byId = Object.fromEntries(keystroke.map((row) => [row.id, row]))
  const field = `field ${FIELD_COUNT / 2 + 1} of ${FIELD_COUNT}`
  const lines = [
    `### Keystrokes: ${TEXT.length} characters typed into ${field} (Chromium ScriptDuration, main-thread CPU time, median of ${runs})`,
    '',
    `| contender | script ms (median) | ×${THROTTLE} CPU | ratio vs hand-written RHF (×1 / ×${THROTTLE}) | ratio rjsf / ours (×1 / ×${THROTTLE}) |`,
    '|---|---:|---:|---:|---:|',
  ]
  for (const row of keystroke) {
    const vsOurs = row.id === 'rjsf' ? `${ratio(row.vsOurs[0])} / ${ratio(row.vsOurs[1])}` : '—'
    lines.push(
      `| ${row.label} | ${ms(row.scriptMs)} | ${ms(row.throttledScriptMs)} | ` +
        `${ratio(row.vsHandWritten[0])} / ${ratio(row.vsHandWritten[1])} | ${vsOurs} |`,
    )
  }
  const floor = byId[REFERENCE.id]
  lines.push(
    '',
    `Samples (min–max script ms, ×1 / ×${THROTTLE}): ` +
      keystroke
        .map((row) => {
          const values = (rate) => row.samples[rate].map((sample) => sample.scriptMs)
          return `${row.id} ${spread(values(1))} / ${spread(values(THROTTLE))}`
        })
        .join('; '),
    `Wall time of the ${TEXT.length} keystrokes (median, ×1 / ×${THROTTLE}): ` +
      keystroke.map((row) => `${row.id} ${ms(row.wallMs)} / ${ms(row.throttledWallMs)} ms`).join('; '),
    `rjsf / React alone: ${ratio(byId.rjsf.scriptMs / floor.scriptMs)} / ` +
      `${ratio(byId.rjsf.throttledScriptMs / floor.throttledScriptMs)}: the highest rjsf / ours could be ` +
      'if our form cost nothing beyond React dispatching the key events.',
    '',
    `### Renders of field wrappers while focusing ${field} and typing ${TEXT.length} characters (counts reset after mount)`,
    '',
    '| contender | typed field | other fields (total renders) | other fields re-rendered | renders per field at mount |',
    '|---|---:|---:|---:|---:|',
  )
  for (const row of renders) {
    lines.push(
      `| ${row.label} | ${row.typed} | ${row.others} | ${row.othersTouched} of ${row.otherCount} | ${row.mountRenders.join(', ')} |`,
    )
  }
  lines.push(
    '',
    `### Mount: ${MOUNT_FIELD_COUNT}-field form, schema cached (performance.now() from root.render(), median of ${runs})`,
    '',
    '| contender | first input in DOM, ms | interactive (first idle callback after it), ms |',
    '|---|---:|---:|',
  )
  for (const row of mount) lines.push(`| ${row.label} | ${ms(row.toInput)} | ${ms(row.toIdle)} |`)
  lines.push(
    '',
    '### Requests: <RegistrationScreenSet> and <LiteSubscribe> on one page (in-page emulator)',
    '',
    '| phase | calls | expected | |',
    '|---|---|---|---|',
  )
  for (const row of requests) {
    const verdict = row.asExpected ? 'ok' : 'UNEXPECTED'
    lines.push(`| ${row.phase} | ${callList(row.calls)} | ${callList(row.expected)} | ${verdict} |`)
  }
  lines.push('', '### Goals', '')
  for (const { goal, values, met } of goals) {
    lines.push(`- ${met ? 'MET' : 'NOT MET'}: ${goal}${values.length > 0 ? `: ${values.join(' / ')}` : ''}`)
  }
  return lines.join('\n')
}
