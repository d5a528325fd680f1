/** Server messages in the languages we have; any other `lang` falls back to English. */
const catalogs = {
  en: {
    emailExists: 'email already exists',
    usernameExists: 'Username already exists',
    uidExists: 'UID already exists',
    passwordComplexity: 'Password does not meet complexity requirements',
    required: 'This field is required',
    invalid: 'Invalid %field',
    invalidEmail: 'Email address is invalid',
    notInSchema: 'Field %field is not in the schema',
    writeAccess: 'Field %field cannot be written by a client',
  },
  de: {
    emailExists: 'E-Mail-Adresse existiert bereits',
    usernameExists: 'Benutzername existiert bereits',
    uidExists: 'UID existiert bereits',
    passwordComplexity: 'Das Passwort erfüllt die Komplexitätsanforderungen nicht',
    required: 'Dieses Feld ist erforderlich',
    invalid: 'Ungültiger Wert für %field',
    invalidEmail: 'Die E-Mail-Adresse ist ungültig',
    notInSchema: 'Feld %field ist nicht im Schema',
    writeAccess: 'Feld %field darf vom Client nicht geschrieben werden',
  },
  fr: {
    emailExists: "L'adresse e-mail existe déjà",
    usernameExists: "Le nom d'utilisateur existe déjà",
    uidExists: "L'UID existe déjà",
    passwordComplexity: 'Le mot de passe ne respecte pas les exigences de complexité',
    required: 'Ce champ est obligatoire',
    invalid: '%field non valide',
    invalidEmail: "L'adresse e-mail n'est pas valide",
    notInSchema: "Le champ %field n'est pas dans le schéma",
    writeAccess: 'Le champ %field ne peut pas être écrit par un client',
  },
} as const

export type MessageId = keyof (typeof catalogs)['en']
export type Messages = (id: MessageId, field?: string) => string

export function messagesFor(lang: string | undefined): Messages {
  const base = (lang ?? 'en').toLowerCase().split('-')[0] as string
  const catalog: Record<MessageId, string> = Object.hasOwn(catalogs, base)
    ? catalogs[base as keyof typeof catalogs]
    : catalogs.en
  return (id, field = '') => catalog[id].replace('%field', field)
}
