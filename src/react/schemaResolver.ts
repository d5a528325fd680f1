import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod/mini'

/** Puts `value` at a dotted path of a nested object, as react-hook-form reads errors. */
function setNested(target: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let node = target
  path.forEach((part, index) => {
    const key = String(part)
    if (index === path.length - 1) {
      if (node[key] === undefined) node[key] = value
      return
    }
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {}
    node = node[key] as Record<string, unknown>
  })
}

/**
 * A react-hook-form resolver over a zod/mini schema. It keeps the raw input values: conversion to
 * API values happens once, at submit.
 */
export function schemaResolver<T extends FieldValues>(schema: z.ZodMiniType): Resolver<T> {
  return async (values) => {
    const result = await schema.safeParseAsync(values)
    if (result.success) return { values, errors: {} }
    const errors: Record<string, unknown> = {}
    for (const issue of result.error.issues) {
      setNested(errors, issue.path, { type: issue.code, message: issue.message })
    }
    return { values: {}, errors: errors as FieldErrors<T> }
  }
}
