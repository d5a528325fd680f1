import { en, type Catalog } from './en'
import { normalizeLang } from './normalizeLang'

const pickDefault = (module: { default: Catalog }) => module.default

/**
 * The messages for `lang`, fetched on demand: each `import()` is a literal path so that bundlers
 * split every language into its own chunk, and a page pays only for the language it shows.
 */
export function loadCatalog(lang: string): Promise<Catalog> {
  switch (normalizeLang(lang)) {
    case 'de':
      return import('./catalogs/de').then(pickDefault)
    case 'fr':
      return import('./catalogs/fr').then(pickDefault)
    case 'es':
      return import('./catalogs/es').then(pickDefault)
    case 'it':
      return import('./catalogs/it').then(pickDefault)
    case 'pt':
      return import('./catalogs/pt').then(pickDefault)
    case 'nl':
      return import('./catalogs/nl').then(pickDefault)
    case 'ja':
      return import('./catalogs/ja').then(pickDefault)
    case 'zh-cn':
      return import('./catalogs/zh-cn').then(pickDefault)
    case 'ar':
      return import('./catalogs/ar').then(pickDefault)
    case 'he':
      return import('./catalogs/he').then(pickDefault)
    case 'en':
      return Promise.resolve(en)
  }
}
