// Contender (c): the form one would write by hand: react-hook-form, 200 registered inputs, a zod/mini
// schema through a tiny resolver, each field subscribed to its own error only (as ours does).
import type { ReactNode } from 'react'
import {
  get,
  set,
  useForm,
  useFormState,
  type Control,
  type FieldErrors,
  type FieldValues,
  type Resolver,
  type UseFormRegister,
} from 'react-hook-form'
import { z } from 'zod/mini'
import { countRender, pageParams, runPage, typedField, type FieldDef } from './fixture'

const WHOLE_NUMBER = /^-?\d+$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function fieldSchema(def: FieldDef): z.ZodMiniType {
  if (def.type === 'boolean') return z.optional(z.boolean())
  const format =
    def.type === 'long' ? WHOLE_NUMBER : def.type === 'date' ? ISO_DATE : def.pattern ? new RegExp(def.pattern) : null
  const text = format ? z.string().check(z.regex(format, 'Invalid format')) : z.string()
  return def.required
    ? z.string().check(z.minLength(1, 'This field is required'), ...(format ? [z.regex(format, 'Invalid format')] : []))
    : z.optional(z.union([z.literal(''), text]))
}

function formSchema(defs: readonly FieldDef[]): z.ZodMiniType {
  const section = (name: FieldDef['section']) =>
    z.object(Object.fromEntries(defs.filter((def) => def.section === name).map((def) => [def.key, fieldSchema(def)])))
  return z.object({ profile: section('profile'), data: section('data') })
}

function zodMiniResolver(schema: z.ZodMiniType): Resolver<FieldValues> {
  return async (values) => {
    const result = await schema.safeParseAsync(values)
    if (result.success) return { values: result.data as FieldValues, errors: {} }
    const errors: Record<string, unknown> = {}
    for (const issue of result.error.issues) {
      set(errors, issue.path.join('.'), { type: issue.code, message: issue.message })
    }
    return { values: {}, errors: errors as FieldErrors }
  }
}

interface BoxProps {
  name: string
  invalid: boolean
  children: ReactNode
}

function PlainBox({ name, invalid, children }: BoxProps) {
  return (
    <div data-field={name} data-invalid={invalid ? '' : undefined}>
      {children}
    </div>
  )
}

function CountingBox(props: BoxProps) {
  countRender(props.name)
  return <PlainBox {...props} />
}

const FieldBox = pageParams.count ? CountingBox : PlainBox

const inputType = { string: 'text', long: 'text', date: 'date', boolean: 'checkbox' } as const

function Field({
  def,
  register,
  control,
}: {
  def: FieldDef
  register: UseFormRegister<FieldValues>
  control: Control<FieldValues>
}) {
  const { errors } = useFormState({ control, name: def.name })
  const error = get(errors, def.name) as { message?: string } | undefined
  const id = `field-${def.section}-${def.key}`
  return (
    <FieldBox name={def.name} invalid={error !== undefined}>
      <label htmlFor={id}>
        {def.key}
        {def.required && ' *'}
      </label>
      <input
        id={id}
        type={inputType[def.type]}
        inputMode={def.type === 'long' ? 'numeric' : undefined}
        aria-required={def.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register(def.name)}
      />
      {error && <p id={`${id}-error`}>{error.message}</p>}
    </FieldBox>
  )
}

function HandWrittenForm({ defs, resolver }: { defs: readonly FieldDef[]; resolver: Resolver<FieldValues> }) {
  const { register, control, handleSubmit } = useForm<FieldValues>({ mode: 'onTouched', resolver })
  return (
    <form noValidate onSubmit={handleSubmit(() => {})}>
      <h2>Create account</h2>
      {defs.map((def) => (
        <Field key={def.name} def={def} register={register} control={control} />
      ))}
      <button type="submit">Create account</button>
    </form>
  )
}

void runPage(async (defs) => {
  const resolver = zodMiniResolver(formSchema(defs))
  const typed = typedField(defs)
  return {
    element: <HandWrittenForm defs={defs} resolver={resolver} />,
    target: `input[name="${typed.name}"]`,
    typedKey: typed.name,
    fieldKeys: defs.map((def) => def.name),
  }
})
