export { createMockTransport } from './createMockTransport'
export type { MockResponse, MockTransport } from './createMockTransport'
