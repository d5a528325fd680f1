import { warnOnce } from '../shared/warnOnce'

/** The caller's list of names, or undefined when absent or unusable (then the screen's default applies). */
export function nameList(list: unknown, option: string): string[] | undefined {
  if (list === undefined) return undefined
  if (!Array.isArray(list)) {
    if (process.env.NODE_ENV !== 'production')
      warnOnce(`option:${option}`, `The "${option}" option is not an array and is ignored.`)
    return undefined
  }
  return list.filter((name): name is string => {
    if (typeof name === 'string') return true
    if (process.env.NODE_ENV !== 'production')
      warnOnce(
        `option:${option}:${String(name)}`,
        `The "${option}" option holds a non-string (${String(name)}); skipped.`,
      )
    return false
  })
}
