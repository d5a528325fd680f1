import { warnOnce } from '../shared/warnOnce'
import type { FieldSpec } from './types'

/** The specs of `names`, in order and each once; a name that cannot be rendered is skipped with a development warning. */
export function collectFields(names: readonly string[], resolve: (name: string) => FieldSpec | string): FieldSpec[] {
  const specs: FieldSpec[] = []
  const seen = new Set<string>()
  for (const name of names) {
    const spec = resolve(name)
    if (typeof spec === 'string') {
      if (process.env.NODE_ENV !== 'production') warnOnce(`field:${name}`, `Field "${name}" is not rendered: ${spec}.`)
    } else if (!seen.has(spec.name)) {
      seen.add(spec.name)
      specs.push(spec)
    }
  }
  return specs
}
