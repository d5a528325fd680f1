import { describe, expect, it } from 'vitest'
import { distinctiveSecret, findSecret } from '../../support/findSecret'

const SECRET = distinctiveSecret()

class Holder {
  constructor(readonly inside: unknown) {}
}

function errorWithHiddenProp(): Error {
  const error = new Error('fine')
  Object.defineProperty(error, 'params', { value: { password: SECRET }, enumerable: false })
  return error
}

describe('findSecret, the scanner the secret tests rely on', () => {
  it.each<[string, () => unknown, string]>([
    ['a string', () => `x${SECRET}y`, '$'],
    ['a nested property', () => ({ a: { b: [1, { c: SECRET }] } }), '$.a.b[1].c'],
    ['a key', () => ({ [SECRET]: true }), `$.<key ${JSON.stringify(SECRET)}>`],
    ['a non-enumerable property', () => Object.defineProperty({}, 'hidden', { value: SECRET }), '$.hidden'],
    ['a Map value', () => new Map([['k', { password: SECRET }]]), '$.get("k").password'],
    ['a Map key', () => new Map([[SECRET, 1]]), '$.<key 0>'],
    ['a Set', () => new Set(['a', SECRET]), '$.<item 1>'],
    ['an error message', () => new Error(`bad ${SECRET}`), '$.message'],
    ['an error cause', () => new Error('outer', { cause: new Error(SECRET) }), '$.cause.message'],
    ['an error own property', errorWithHiddenProp, '$.params.password'],
    ['a class instance', () => new Holder([SECRET]), '$.inside[0]'],
    ['a toJSON', () => ({ toJSON: () => ({ leaked: SECRET }) }), '$ (JSON.stringify)'],
  ])('finds a secret in %s and says where', (_name, make, path) => {
    expect(findSecret(make(), [SECRET])).toBe(path)
  })

  it('finds a secret in an element’s attributes, not in its framework internals', () => {
    const input = document.createElement('input')
    Object.assign(input, { __reactProps: { value: SECRET } })
    input.value = SECRET
    expect(findSecret({ input }, [SECRET])).toBeUndefined()
    input.setAttribute('value', SECRET)
    expect(findSecret({ input }, [SECRET])).toBe('$.input.outerHTML')
  })

  it('survives cycles and reports clean values as clean', () => {
    const cyclic: Record<string, unknown> = { name: 'ok', list: [1, 2, new Map([['a', new Set([3])]])] }
    cyclic.self = cyclic
    expect(findSecret(cyclic, [SECRET])).toBeUndefined()
    expect(findSecret(new Error('fine', { cause: cyclic }), [SECRET])).toBeUndefined()
  })

  it('looks for every secret it is given', () => {
    expect(findSecret({ a: 'one', b: 'two-x' }, ['zzz', 'two-x'])).toBe('$.b')
  })
})
