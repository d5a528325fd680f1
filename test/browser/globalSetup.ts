import type { TestProject } from 'vitest/node'
import { startAccountsServer } from '../../src/server'
import { createFixtureHandler } from '../support/fixtureServer'

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureServerUrl: string
  }
}

export default async function setup(project: TestProject) {
  const server = await startAccountsServer({ handle: createFixtureHandler() })
  project.provide('fixtureServerUrl', server.url)
  return () => server.close()
}
