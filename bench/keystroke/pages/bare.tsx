// Reference, not a contender: React 19 rendering the same fields as bare uncontrolled inputs, with no
// form library and no handlers. Its keystroke cost is React's own event dispatch: the floor under
// any React form.
import { runPage, typedField, type FieldDef } from './fixture'

const inputType = { string: 'text', long: 'text', date: 'date', boolean: 'checkbox' } as const

function BareForm({ defs }: { defs: readonly FieldDef[] }) {
  return (
    <form noValidate>
      {defs.map((def) => (
        <div key={def.name} data-field={def.name}>
          <label htmlFor={`field-${def.section}-${def.key}`}>{def.key}</label>
          <input id={`field-${def.section}-${def.key}`} name={def.name} type={inputType[def.type]} />
        </div>
      ))}
      <button type="submit">Create account</button>
    </form>
  )
}

void runPage(async (defs) => {
  const typed = typedField(defs)
  return {
    element: <BareForm defs={defs} />,
    target: `input[name="${typed.name}"]`,
    typedKey: typed.name,
    fieldKeys: [],
  }
})
