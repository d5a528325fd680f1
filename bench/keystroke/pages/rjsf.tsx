// Contender (b): react-jsonschema-form with the equivalent JSON Schema, default widgets and
// templates, live validation off.
import Form, { getDefaultRegistry } from '@rjsf/core'
import type { FieldTemplateProps, RJSFSchema } from '@rjsf/utils'
import validator from '@rjsf/validator-ajv8'
import { countRender, pageParams, runPage, typedField, type FieldDef } from './fixture'

function property(def: FieldDef): RJSFSchema {
  switch (def.type) {
    case 'long':
      return { type: 'integer', title: def.key }
    case 'date':
      return { type: 'string', format: 'date', title: def.key }
    case 'boolean':
      return { type: 'boolean', title: def.key }
    case 'string':
      return { type: 'string', title: def.key, ...(def.pattern === undefined ? {} : { pattern: def.pattern }) }
  }
}

function jsonSchema(defs: readonly FieldDef[]): RJSFSchema {
  const section = (name: FieldDef['section']): RJSFSchema => {
    const own = defs.filter((def) => def.section === name)
    return {
      type: 'object',
      title: name,
      properties: Object.fromEntries(own.map((def) => [def.key, property(def)])),
      required: own.filter((def) => def.required).map((def) => def.key),
    }
  }
  return { type: 'object', properties: { profile: section('profile'), data: section('data') } }
}

const idOf = (def: FieldDef) => `root_${def.section}_${def.key}`

const DefaultFieldTemplate = getDefaultRegistry().templates.FieldTemplate

/** rjsf's default FieldTemplate, counting the renders of leaf fields (objects go through it too). */
function CountingFieldTemplate(props: FieldTemplateProps) {
  if (props.schema.type !== 'object') countRender(props.id)
  return <DefaultFieldTemplate {...props} />
}

const countingTemplates = { FieldTemplate: CountingFieldTemplate }

void runPage(async (defs) => {
  const schema = jsonSchema(defs)
  const typed = typedField(defs)
  return {
    element: (
      <Form
        schema={schema}
        validator={validator}
        liveValidate={false}
        {...(pageParams.count ? { templates: countingTemplates } : {})}
      />
    ),
    target: `#${idOf(typed)}`,
    typedKey: idOf(typed),
    fieldKeys: defs.map(idOf),
  }
})
